// The password rules, in one place for the browser form and the server action alike.
// Passwords are never trimmed or normalised: what the user types is what gets hashed.
import { z } from "zod";
import { isWellKnownPassword } from "@/lib/auth/well-known-passwords";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 24;
/** The only symbols allowed; `" # & ' < >` and space are refused. */
export const PASSWORD_SYMBOLS = "!$%()*+,-./:;=?@[\\]^_`{|}~";
const MIN_KINDS = 3;

const SYMBOLS_FOR_DISPLAY = Array.from(PASSWORD_SYMBOLS).join(" ");

/** The 注意事項 lines shown above the password change form. */
export const passwordRuleTexts: string[] = [
  `設定可能文字数は${PASSWORD_MIN_LENGTH}文字～${PASSWORD_MAX_LENGTH}文字となります。`,
  "アルファベットの大文字、小文字、数字、記号の3種類以上を組み合わせてください。",
  `使える記号：${SYMBOLS_FOR_DISPLAY}`,
  "全角文字は使用できません。",
  "新パスワードは旧パスワードと同じものは入力できません。",
  "大文字小文字は区別されます。",
  "ログインIDを含むパスワードは使用できません。",
  "よく知られたパスワード（推測されやすいもの）は使用できません。",
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
  upper: "大文字",
  lower: "小文字",
  digit: "数字",
  symbol: "記号",
};

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

/** How a refused character is named in a message; invisible ones get a name instead. */
function labelForRefused(ch: string): string {
  if (ch === " ") return "スペース（空白）";
  if (ch === "\u3000") return "全角スペース";
  if (ch === "\t") return "タブ";
  if (/^[\p{C}\p{Z}]$/u.test(ch)) {
    const hex = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    return `U+${hex}`;
  }
  return ch;
}

const MAX_NAMED_CHARACTERS = 5;

function quoteList(chars: readonly string[]): string {
  const named = chars.slice(0, MAX_NAMED_CHARACTERS).map((ch) => `「${labelForRefused(ch)}」`);
  return named.join("") + (chars.length > MAX_NAMED_CHARACTERS ? "など" : "");
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
      message: `全角文字${quoteList(fullWidth)}は使用できません。半角の英字・数字・記号で入力してください。`,
    });
  }

  const refusedAscii = uniqueInOrder(chars.filter((ch) => isAscii(ch) && kindOf(ch) === undefined));
  if (refusedAscii.length > 0) {
    violations.push({
      rule: "disallowedCharacter",
      message: `${quoteList(refusedAscii)}は使用できません。使える記号は ${SYMBOLS_FOR_DISPLAY} です。`,
    });
  }

  const length = chars.length;
  if (length < PASSWORD_MIN_LENGTH) {
    violations.push({
      rule: "tooShort",
      message: `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください（現在${length}文字）。あと${PASSWORD_MIN_LENGTH - length}文字以上増やしてください。`,
    });
  } else if (length > PASSWORD_MAX_LENGTH) {
    violations.push({
      rule: "tooLong",
      message: `パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください（現在${length}文字）。${length - PASSWORD_MAX_LENGTH}文字以上減らしてください。`,
    });
  }

  const present = new Set<CharacterKind>();
  for (const ch of chars) {
    const kind = kindOf(ch);
    if (kind) present.add(kind);
  }
  if (present.size < MIN_KINDS) {
    const presentLabels = KIND_ORDER.filter((k) => present.has(k)).map((k) => KIND_LABELS[k]);
    const missingLabels = KIND_ORDER.filter((k) => !present.has(k)).map((k) => KIND_LABELS[k]);
    const now =
      presentLabels.length === 0
        ? "現在はどの種類も含まれていません。"
        : `現在は${presentLabels.join("・")}の${presentLabels.length}種類です。`;
    violations.push({
      rule: "tooFewKinds",
      message: `アルファベットの大文字、小文字、数字、記号のうち${MIN_KINDS}種類以上を組み合わせてください。${now}${missingLabels.join("・")}のうち${MIN_KINDS - present.size}種類以上を加えてください。`,
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
      message:
        "新しいパスワードは現在のパスワードと異なるものにしてください（大文字と小文字は区別されます）。",
    });
  }

  const loginId = opts.loginId ?? "";
  if (loginId !== "" && password.toLowerCase().includes(loginId.toLowerCase())) {
    violations.push({
      rule: "containsLoginId",
      message:
        "ログインIDを含むパスワードは使用できません。ログインIDの数字の並びを含まないパスワードにしてください。",
    });
  }

  if (isWellKnownPassword(password)) {
    violations.push({
      rule: "wellKnown",
      message:
        "よく知られたパスワード（推測されやすいもの）は使用できません。「Password1!」のような単語と数字・記号の組み合わせは避け、推測されにくい文字の並びにしてください。",
    });
  }

  return violations;
}

/** The Japanese messages for every rule the password breaks; empty when it is acceptable. */
export function checkPasswordPolicy(password: string, opts: PasswordPolicyOptions = {}): string[] {
  return findPasswordPolicyViolations(password, opts).map((v) => v.message);
}

const REQUIRED = {
  currentPassword:
    "現在のパスワードを入力してください。申請用パスワードでログインした場合は、メールに記載された申請用パスワードを入力します。",
  newPassword: "新しいパスワードを入力してください。",
  newPasswordConfirm:
    "新しいパスワード確認を入力してください。確認のため、新しいパスワードと同じものをもう一度入力します。",
  password: "パスワードを入力してください。",
} as const;

const CONFIRM_MISMATCH =
  "新しいパスワード確認が新しいパスワードと一致しません。同じパスワードをもう一度入力してください（大文字と小文字は区別されます）。";

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
