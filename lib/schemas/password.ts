// The password rules, in one place for the browser form and the server action alike.
// Passwords are never trimmed or normalised: what the user types is what gets hashed.
// Messages are references into messages/<language>/validation.json (issue 15), put into words in
// the page's language; the staff pages render Japanese, so the staff see the Japanese text.
import { z } from "zod";
import { isWellKnownPassword } from "@/lib/auth/well-known-passwords";
import { messageRef } from "@/lib/i18n/message-ref";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_SYMBOLS } from "@/lib/schemas/password-fields";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_SYMBOLS } from "@/lib/schemas/password-fields";

const MIN_KINDS = 3;

const SYMBOLS_FOR_DISPLAY = Array.from(PASSWORD_SYMBOLS).join(" ");

/** The 注意事項 lines shown above the password change form (references, see above). */
export const passwordRuleMessages: readonly string[] = [
  messageRef("validation.password.rules.length", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH }),
  messageRef("validation.password.rules.kinds", { kinds: MIN_KINDS }),
  messageRef("validation.password.rules.symbols", { symbols: SYMBOLS_FOR_DISPLAY }),
  messageRef("validation.password.rules.fullWidth"),
  messageRef("validation.password.rules.notSame"),
  messageRef("validation.password.rules.caseSensitive"),
  messageRef("validation.password.rules.noLoginId"),
  messageRef("validation.password.rules.notWellKnown"),
];

export type PasswordRule =
  | "fullWidth"
  | "disallowedCharacter"
  | "tooShort"
  | "tooLong"
  | "tooFewKinds"
  | "sameAsCurrent"
  | "containsLoginId"
  | "wellKnown";

export type PasswordPolicyViolation = { rule: PasswordRule; message: string };

export type PasswordPolicyOptions = {
  loginId?: string;
  currentPassword?: string;
};

type CharacterKind = "upper" | "lower" | "digit" | "symbol";

const KIND_ORDER: readonly CharacterKind[] = ["upper", "lower", "digit", "symbol"];
const KIND_LABELS: Readonly<Record<CharacterKind, string>> = {
  upper: messageRef("validation.password.kind.upper"),
  lower: messageRef("validation.password.kind.lower"),
  digit: messageRef("validation.password.kind.digit"),
  symbol: messageRef("validation.password.kind.symbol"),
};

/** The kinds named in a list ("小文字・数字"): up to four. */
function kindList(kinds: readonly CharacterKind[]): string {
  const values: Record<string, string | number> = { count: kinds.length };
  KIND_ORDER.forEach((_, i) => (values[`k${i + 1}`] = kinds[i] ? KIND_LABELS[kinds[i]] : ""));
  return messageRef("validation.password.kindList", values);
}

function kindOf(ch: string): CharacterKind | undefined {
  if (ch >= "A" && ch <= "Z") return "upper";
  if (ch >= "a" && ch <= "z") return "lower";
  if (ch >= "0" && ch <= "9") return "digit";
  if (PASSWORD_SYMBOLS.includes(ch)) return "symbol";
  return undefined;
}

function isAscii(ch: string): boolean {
  return (ch.codePointAt(0) ?? 0) <= 0x7f;
}

/** How a refused character is named in a message, quoted; invisible ones get a name instead. */
function labelForRefused(ch: string): string {
  if (ch === " ") return messageRef("validation.password.char.space");
  if (ch === "\u3000") return messageRef("validation.password.char.fullWidthSpace");
  if (ch === "\t") return messageRef("validation.password.char.tab");
  if (/^[\p{C}\p{Z}]$/u.test(ch)) {
    const hex = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    return messageRef("validation.password.char.codePoint", { code: `U+${hex}` });
  }
  return messageRef("validation.password.char.plain", { char: ch });
}

const MAX_NAMED_CHARACTERS = 5;

/** The first five characters named ("「#」「&」"), and "など" when there are more. */
function quoteList(chars: readonly string[]): string {
  const named = chars.slice(0, MAX_NAMED_CHARACTERS);
  const values: Record<string, string | number> = {
    count: named.length,
    more: chars.length > MAX_NAMED_CHARACTERS ? "yes" : "no",
  };
  for (let i = 0; i < MAX_NAMED_CHARACTERS; i++) {
    const ch = named[i];
    values[`c${i + 1}`] = ch === undefined ? "" : labelForRefused(ch);
  }
  return messageRef("validation.password.charList", values);
}

function uniqueInOrder(items: Iterable<string>): string[] {
  return [...new Set(items)];
}

/**
 * Every rule the password breaks, with a message that says how to fix it, in a stable order:
 * characters, length, kinds, same as current, login ID, well-known.
 */
export function findPasswordPolicyViolations(
  password: string,
  opts: PasswordPolicyOptions = {},
): PasswordPolicyViolation[] {
  const violations: PasswordPolicyViolation[] = [];
  // Code points, so that a character outside the BMP counts once.
  const chars = Array.from(password);

  const fullWidth = uniqueInOrder(chars.filter((ch) => !isAscii(ch)));
  if (fullWidth.length > 0) {
    violations.push({
      rule: "fullWidth",
      message: messageRef("validation.password.fullWidth", { chars: quoteList(fullWidth) }),
    });
  }

  const refusedAscii = uniqueInOrder(chars.filter((ch) => isAscii(ch) && kindOf(ch) === undefined));
  if (refusedAscii.length > 0) {
    violations.push({
      rule: "disallowedCharacter",
      message: messageRef("validation.password.disallowedCharacter", {
        chars: quoteList(refusedAscii),
        symbols: SYMBOLS_FOR_DISPLAY,
      }),
    });
  }

  const length = chars.length;
  if (length < PASSWORD_MIN_LENGTH) {
    violations.push({
      rule: "tooShort",
      message: messageRef("validation.password.tooShort", {
        min: PASSWORD_MIN_LENGTH,
        length,
        missing: PASSWORD_MIN_LENGTH - length,
      }),
    });
  } else if (length > PASSWORD_MAX_LENGTH) {
    violations.push({
      rule: "tooLong",
      message: messageRef("validation.password.tooLong", {
        max: PASSWORD_MAX_LENGTH,
        length,
        extra: length - PASSWORD_MAX_LENGTH,
      }),
    });
  }

  const present = new Set<CharacterKind>();
  for (const ch of chars) {
    const kind = kindOf(ch);
    if (kind) present.add(kind);
  }
  if (present.size < MIN_KINDS) {
    const presentKinds = KIND_ORDER.filter((k) => present.has(k));
    const missingKinds = KIND_ORDER.filter((k) => !present.has(k));
    violations.push({
      rule: "tooFewKinds",
      message: messageRef("validation.password.tooFewKinds", {
        min: MIN_KINDS,
        presentCount: presentKinds.length,
        present: kindList(presentKinds),
        missing: kindList(missingKinds),
        toAdd: MIN_KINDS - present.size,
      }),
    });
  }

  // Case-sensitive on purpose: "Abcdefg1!" and "abcdefg1!" are different passwords.
  if (
    opts.currentPassword !== undefined &&
    opts.currentPassword !== "" &&
    password === opts.currentPassword
  ) {
    violations.push({
      rule: "sameAsCurrent",
      message: messageRef("validation.password.sameAsCurrent"),
    });
  }

  const loginId = opts.loginId ?? "";
  if (loginId !== "" && password.toLowerCase().includes(loginId.toLowerCase())) {
    violations.push({
      rule: "containsLoginId",
      message: messageRef("validation.password.containsLoginId"),
    });
  }

  if (isWellKnownPassword(password)) {
    violations.push({
      rule: "wellKnown",
      message: messageRef("validation.password.wellKnown"),
    });
  }

  return violations;
}

/** The messages (references) for every rule the password breaks; empty when it is acceptable. */
export function checkPasswordPolicy(password: string, opts: PasswordPolicyOptions = {}): string[] {
  return findPasswordPolicyViolations(password, opts).map((v) => v.message);
}

const REQUIRED = {
  currentPassword: messageRef("validation.password.currentPasswordRequired"),
  newPassword: messageRef("validation.password.newPasswordRequired"),
  newPasswordConfirm: messageRef("validation.password.newPasswordConfirmRequired"),
  password: messageRef("validation.login.passwordRequired"),
} as const;

const CONFIRM_MISMATCH = messageRef("validation.password.confirmMismatch");

function requiredString(message: string) {
  // The type error covers a missing field (FormData.get gives null), min(1) an empty one.
  return z.string({ error: message }).min(1, { error: message });
}

/** A single new password field (no current password to compare with). */
export function makeNewPasswordSchema(opts: { loginId?: string; requiredMessage?: string } = {}) {
  const loginId = opts.loginId;
  return requiredString(opts.requiredMessage ?? REQUIRED.newPassword).superRefine((value, ctx) => {
    if (value === "") return; // the required message is enough
    for (const message of checkPasswordPolicy(value, { loginId })) {
      ctx.addIssue({ code: "custom", message });
    }
  });
}

export const newPasswordSchema = makeNewPasswordSchema();

/** Staff accounts follow the same policy; they have no applicant login ID to refuse. */
export const staffPasswordSchema = makeNewPasswordSchema({
  requiredMessage: REQUIRED.password,
});

/** The パスワード変更 form: 現在のパスワード, 新しいパスワード, 新しいパスワード確認. */
export function makePasswordChangeSchema(opts: { loginId: string }) {
  return z
    .object({
      currentPassword: requiredString(REQUIRED.currentPassword),
      newPassword: requiredString(REQUIRED.newPassword),
      newPasswordConfirm: requiredString(REQUIRED.newPasswordConfirm),
    })
    .superRefine((input, ctx) => {
      // Runs after the fields' own checks (empty fields are continuable issues, a missing one aborts).
      if (input.newPassword !== "") {
        const messages = checkPasswordPolicy(input.newPassword, {
          loginId: opts.loginId,
          currentPassword: input.currentPassword,
        });
        for (const message of messages) {
          ctx.addIssue({ code: "custom", message, path: ["newPassword"] });
        }
      }
      if (
        input.newPassword !== "" &&
        input.newPasswordConfirm !== "" &&
        input.newPassword !== input.newPasswordConfirm
      ) {
        ctx.addIssue({
          code: "custom",
          message: CONFIRM_MISMATCH,
          path: ["newPasswordConfirm"],
        });
      }
    });
}

export type PasswordChangeInput = z.infer<ReturnType<typeof makePasswordChangeSchema>>;
