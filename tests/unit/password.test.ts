import { describe, it, expect } from "vitest";
import {
  checkPasswordPolicy,
  findPasswordPolicyViolations,
  makePasswordChangeSchema,
  newPasswordSchema,
  passwordRuleMessages,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_SYMBOLS,
  staffPasswordSchema,
  type PasswordRule,
} from "@/lib/schemas/password";
import { isWellKnownPassword } from "@/lib/auth/well-known-passwords";
import { textIn } from "@/lib/i18n/translate";

const LOGIN_ID = "12345678901221";
const STRONG = "Ky7!mPq2zR";

/** The messages are references (issue 15): their Japanese and English words. */
const ja = (message: string | undefined) => textIn("ja", message ?? "");
const en = (message: string | undefined) => textIn("en", message ?? "");
const allJa = (messages: readonly string[]) => Promise.all(messages.map((m) => ja(m)));

function rulesOf(
  password: string,
  opts: { loginId?: string; currentPassword?: string } = {},
): PasswordRule[] {
  return findPasswordPolicyViolations(password, opts).map((v) => v.rule);
}

describe("constants and 注意事項", () => {
  it("allows exactly the 26 seed symbols and refuses \" # & ' < > and space", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(8);
    expect(PASSWORD_MAX_LENGTH).toBe(24);
    expect(PASSWORD_SYMBOLS).toBe("!$%()*+,-./:;=?@[\\]^_`{|}~");
    const printableSymbols = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) =>
      String.fromCharCode(0x20 + i),
    ).filter((ch) => !/[A-Za-z0-9]/.test(ch));
    const refused = printableSymbols.filter((ch) => !PASSWORD_SYMBOLS.includes(ch));
    expect(refused.sort()).toEqual([" ", '"', "#", "&", "'", "<", ">"].sort());
  });

  it("lists the composition rules and our own two (no login ID, no well-known password)", async () => {
    const passwordRuleTexts = await allJa(passwordRuleMessages);
    expect(passwordRuleTexts).toEqual(
      expect.arrayContaining([
        "設定可能文字数は8文字～24文字となります。",
        "アルファベットの大文字、小文字、数字、記号の3種類以上を組み合わせてください。",
        "全角文字は使用できません。",
        "新パスワードは旧パスワードと同じものは入力できません。",
        "大文字小文字は区別されます。",
        "ログインIDを含むパスワードは使用できません。",
        "よく知られたパスワード（推測されやすいもの）は使用できません。",
      ]),
    );
    const symbolLine = passwordRuleTexts.find((t) => t.startsWith("使える記号"));
    expect(symbolLine).toBeDefined();
    for (const ch of PASSWORD_SYMBOLS) expect(symbolLine).toContain(ch);
    for (const ch of ['"', "#", "&", "'", "<", ">"]) expect(symbolLine).not.toContain(ch);
    const english = await Promise.all(passwordRuleMessages.map((m) => en(m)));
    expect(english).toContain("A password has 8 to 24 characters.");
    expect(english.find((t) => t.startsWith("Symbols you can use: "))).toContain("! $ % ( ) * +");
  });
});

describe("length", () => {
  // Four kinds throughout and no word in it, so only the length can fail.
  const source = "Kx7!mPq2zRw9$tYb4vNc8+hJe";

  it.each([
    [7, false],
    [8, true],
    [24, true],
    [25, false],
  ])("%i characters → accepted: %s", (length, accepted) => {
    const password = source.slice(0, length);
    expect(password).toHaveLength(length);
    expect(checkPasswordPolicy(password, {})).toEqual(accepted ? [] : [expect.any(String)]);
  });

  it("says how many characters there are and what to do", async () => {
    const [shortRef] = checkPasswordPolicy(source.slice(0, 7), {});
    const short = await ja(shortRef);
    expect(short).toContain("8文字以上");
    expect(short).toContain("現在7文字");
    expect(short).toContain("あと1文字");
    expect(await en(shortRef)).toBe(
      "The password must have at least 8 characters (it has 7 now). Add at least 1 more.",
    );
    const [longRef] = checkPasswordPolicy(source.slice(0, 25), {});
    const long = await ja(longRef);
    expect(long).toContain("24文字以内");
    expect(long).toContain("現在25文字");
    expect(long).toContain("1文字以上減らして");
    expect(await en(longRef)).toBe(
      "The password must have at most 24 characters (it has 25 now). Remove at least 1.",
    );
  });

  it("counts a character outside the BMP once", async () => {
    const messages = await allJa(checkPasswordPolicy("Kx7!mPq𠮷", {}));
    expect(messages.some((m) => m.includes("現在8文字"))).toBe(false);
    expect(rulesOf("Kx7!mPq𠮷")).toEqual(["fullWidth"]);
  });
});

describe("kinds of characters (all 16 combinations)", () => {
  const pieces = {
    upper: "KQZ",
    lower: "mxv",
    digit: "947",
    symbol: "%]~",
  } as const;
  const kinds = Object.keys(pieces) as (keyof typeof pieces)[];
  const subsets = Array.from({ length: 16 }, (_, mask) => kinds.filter((_, i) => (mask & (1 << i)) !== 0));

  it.each(subsets.map((subset) => [subset.join("+") || "(none)", subset] as const))(
    "%s",
    (_label, subset) => {
      if (subset.length === 0) {
        // Nothing but refused characters: no kind at all.
        expect(rulesOf("########")).toContain("tooFewKinds");
        return;
      }
      const unit = subset.map((k) => pieces[k]).join("");
      const password = unit.repeat(Math.ceil(10 / unit.length)).slice(0, 10);
      const violations = rulesOf(password);
      if (subset.length >= 3) expect(violations).toEqual([]);
      else expect(violations).toEqual(["tooFewKinds"]);
    },
  );

  it("names the kinds present and the ones to add", async () => {
    const [reference] = checkPasswordPolicy("abcdefgh12", {});
    const message = await ja(reference);
    expect(message).toContain("3種類以上");
    expect(message).toContain("現在は小文字・数字の2種類です");
    expect(message).toContain("大文字・記号のうち1種類以上を加えてください");
    expect(await en(reference)).toBe(
      "Combine at least 3 of these: capital letters, small letters, digits and symbols. Now it has 2 kinds: small letters and digits. Add at least 1 of these: capital letters and symbols.",
    );
  });

  it("says when no kind is present at all", async () => {
    const [, reference] = checkPasswordPolicy("########", {});
    expect(await ja(reference)).toBe(
      "アルファベットの大文字、小文字、数字、記号のうち3種類以上を組み合わせてください。現在はどの種類も含まれていません。大文字・小文字・数字・記号のうち3種類以上を加えてください。",
    );
    expect(await en(reference)).toContain("Now it has none of them.");
  });
});

describe("symbols", () => {
  it.each(Array.from(PASSWORD_SYMBOLS))("allowed symbol %s is accepted and counts as a kind", (symbol) => {
    expect(checkPasswordPolicy(`Abcdefg1${symbol}`, {})).toEqual([]);
    // lower + digit + this symbol: three kinds only if the symbol counts.
    expect(checkPasswordPolicy(`kmnpqrs9${symbol}`, {})).toEqual([]);
  });

  it.each([
    ['"', '「"」'],
    ["#", "「#」"],
    ["&", "「&」"],
    ["'", "「'」"],
    ["<", "「<」"],
    [">", "「>」"],
    [" ", "「スペース（空白）」"],
    ["\t", "「タブ」"],
  ])("refused character %j is named in the message", async (ch, named) => {
    const violations = findPasswordPolicyViolations(`Abcdefg1!${ch}`, {});
    expect(violations.map((v) => v.rule)).toEqual(["disallowedCharacter"]);
    expect(await ja(violations[0]?.message)).toContain(named);
    expect(await ja(violations[0]?.message)).toContain("使える記号は");
  });

  it("names every refused character once", async () => {
    const [message] = checkPasswordPolicy("Ab1#&#cdefg", {});
    expect(await ja(message)).toMatch(/^「#」「&」は使用できません。/);
    expect(await en(message)).toMatch(
      /^These characters cannot be used: “#”, “&”\. The symbols you can use are /,
    );
  });

  it("names five refused characters, then など", async () => {
    const [message] = checkPasswordPolicy("Abcdefg1!\"#&'<> ", {});
    expect(await ja(message)).toMatch(/^「"」「#」「&」「'」「<」などは使用できません。/);
    expect(await en(message)).toContain("“\"”, “#”, “&”, “'”, “<” and others.");
  });
});

describe("full-width characters", () => {
  it.each([
    ["Ａ", "「Ａ」"],
    ["１", "「１」"],
    ["！", "「！」"],
    ["あ", "「あ」"],
    ["漢", "「漢」"],
    ["\u3000", "「全角スペース」"],
    ["ｱ", "「ｱ」"],
  ])("%j is refused", async (ch, named) => {
    const violations = findPasswordPolicyViolations(`Abcdefg1!${ch}`, {});
    expect(violations.map((v) => v.rule)).toEqual(["fullWidth"]);
    expect(await ja(violations[0]?.message)).toContain("全角文字");
    expect(await ja(violations[0]?.message)).toContain(named);
  });

  it("refuses an all full-width password that would be fine in half-width", () => {
    expect(checkPasswordPolicy("Abcdefg1!", {})).toEqual([]);
    expect(rulesOf("Ａｂｃｄｅｆｇ１！")).toEqual(["fullWidth", "tooFewKinds"]);
  });
});

describe("same as the current password", () => {
  it("is refused when identical", () => {
    expect(rulesOf("Abcdefg1!", { currentPassword: "Abcdefg1!" })).toEqual(["sameAsCurrent"]);
  });
  it("is accepted when only the case differs", () => {
    expect(checkPasswordPolicy("Abcdefg1!", { currentPassword: "abcdefg1!" })).toEqual([]);
    expect(checkPasswordPolicy("abcdefG1!", { currentPassword: "abcdefg1!" })).toEqual([]);
  });
});

describe("login ID", () => {
  it("refuses a password containing the login ID", () => {
    expect(rulesOf(`Ab!${LOGIN_ID}`, { loginId: LOGIN_ID })).toEqual(["containsLoginId"]);
    expect(rulesOf(`${LOGIN_ID}xY`, { loginId: LOGIN_ID })).toEqual(["containsLoginId"]);
  });
  it("accepts it without a login ID or with only part of it", () => {
    expect(checkPasswordPolicy(`Ab!${LOGIN_ID}`, {})).toEqual([]);
    expect(checkPasswordPolicy(`Ab!${LOGIN_ID.slice(0, 13)}`, { loginId: LOGIN_ID })).toEqual([]);
  });
});

describe("well-known passwords", () => {
  const weak = [
    "Password1!",
    "P@ssw0rd",
    "P@ssw0rd123!",
    "Qwerty123!",
    "Welcome1!",
    "Admin123!",
    "Iloveyou1!",
    "Letmein1!",
    "Dragon12$",
    "Sunshine2024!",
    "Monkey123!",
    "Trustno1!",
    "Sh@d0w123",
    "Ccus2025!",
    "Kensetsu1!",
    "Tokyo2025!",
    "Sakura123!",
    "Japan2026!",
    "MyPassword1!",
    "1qaz2wsx!Q",
    "Abc12345!",
    "123Welcome!",
  ];
  it.each(weak)("%s is refused", (pw) => {
    expect(isWellKnownPassword(pw)).toBe(true);
    expect(rulesOf(pw)).toContain("wellKnown");
  });

  const strong = [STRONG, "Abcdefg1!", "Xr4%tLq9vW", "mB7:qz2$Kw", "Hn3-Vd8_Qp", "Badminton7!Z"];
  it.each(strong)("%s is accepted", (pw) => {
    expect(isWellKnownPassword(pw)).toBe(false);
    expect(checkPasswordPolicy(pw, {})).toEqual([]);
  });

  it("handles an oversized input without hanging", () => {
    const started = Date.now();
    expect(rulesOf("1".repeat(100_000))).toEqual(["tooLong", "tooFewKinds"]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe("message order", () => {
  it("is characters, length, kinds, current, login ID, well-known", () => {
    const pw = `あ#password${LOGIN_ID}xx`;
    expect(rulesOf(pw, { loginId: LOGIN_ID, currentPassword: pw })).toEqual([
      "fullWidth",
      "disallowedCharacter",
      "tooLong",
      "tooFewKinds",
      "sameAsCurrent",
      "containsLoginId",
      "wellKnown",
    ]);
    expect(rulesOf("ａ#1")).toEqual(["fullWidth", "disallowedCharacter", "tooShort", "tooFewKinds"]);
  });
});

describe("makePasswordChangeSchema", () => {
  const schema = makePasswordChangeSchema({ loginId: LOGIN_ID });

  /** The issues with their messages in Japanese (the schema's messages are references). */
  async function issuesOf(input: unknown): Promise<{ path: string; message: string }[]> {
    const result = schema.safeParse(input);
    if (result.success) return [];
    return Promise.all(
      result.error.issues.map(async (i) => ({
        path: i.path.join("."),
        message: await ja(i.message),
      })),
    );
  }

  it("accepts a valid change and keeps the values untouched", async () => {
    const input = {
      currentPassword: " Temp!Pass 1 ",
      newPassword: STRONG,
      newPasswordConfirm: STRONG,
    };
    const result = schema.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(input);
  });

  it("gives each empty field its 必須 message and nothing else", async () => {
    expect(
      await issuesOf({
        currentPassword: "",
        newPassword: "",
        newPasswordConfirm: "",
      }),
    ).toEqual([
      {
        path: "currentPassword",
        message: expect.stringContaining("現在のパスワードを入力してください。"),
      },
      { path: "newPassword", message: "新しいパスワードを入力してください。" },
      {
        path: "newPasswordConfirm",
        message: expect.stringContaining("新しいパスワード確認を入力してください。"),
      },
    ]);
  });

  it("treats missing fields (a bare form post) as empty", async () => {
    const issues = await issuesOf({});
    expect(issues.map((i) => i.path)).toEqual(["currentPassword", "newPassword", "newPasswordConfirm"]);
    expect(issues[0]?.message).toContain("現在のパスワードを入力してください。");
  });

  it("puts each broken rule on newPassword as its own issue", async () => {
    const pw = "abcdefg#";
    const issues = await issuesOf({
      currentPassword: "Temp!Pass1",
      newPassword: pw,
      newPasswordConfirm: pw,
    });
    expect(issues).toEqual(
      (await allJa(checkPasswordPolicy(pw, { loginId: LOGIN_ID }))).map((message) => ({
        path: "newPassword",
        message,
      })),
    );
    expect(issues).toHaveLength(2);
  });

  it("does not trim: a trailing space is refused, not removed", async () => {
    const pw = `${STRONG} `;
    const issues = await issuesOf({
      currentPassword: "Temp!Pass1",
      newPassword: pw,
      newPasswordConfirm: pw,
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual({
      path: "newPassword",
      message: expect.stringContaining("スペース"),
    });
  });

  it("refuses the current password again, case-sensitively", async () => {
    const same = await issuesOf({
      currentPassword: STRONG,
      newPassword: STRONG,
      newPasswordConfirm: STRONG,
    });
    expect(same).toEqual([
      {
        path: "newPassword",
        message: expect.stringContaining("現在のパスワードと異なる"),
      },
    ]);
    const caseOnly = STRONG.toLowerCase();
    expect(
      await issuesOf({
        currentPassword: caseOnly,
        newPassword: STRONG,
        newPasswordConfirm: STRONG,
      }),
    ).toEqual([]);
  });

  it("refuses the login ID and well-known passwords", async () => {
    const withId = `Ab!${LOGIN_ID}`;
    expect(
      await issuesOf({
        currentPassword: "Temp!Pass1",
        newPassword: withId,
        newPasswordConfirm: withId,
      }),
    ).toEqual([
      {
        path: "newPassword",
        message: expect.stringContaining("ログインIDを含む"),
      },
    ]);
    expect(
      await issuesOf({
        currentPassword: "Temp!Pass1",
        newPassword: "P@ssw0rd123!",
        newPasswordConfirm: "P@ssw0rd123!",
      }),
    ).toEqual([
      {
        path: "newPassword",
        message: expect.stringContaining("よく知られたパスワード"),
      },
    ]);
  });

  it("reports a confirmation mismatch on newPasswordConfirm (case matters)", async () => {
    const issues = await issuesOf({
      currentPassword: "Temp!Pass1",
      newPassword: STRONG,
      newPasswordConfirm: STRONG.toLowerCase(),
    });
    expect(issues).toEqual([
      {
        path: "newPasswordConfirm",
        message: expect.stringContaining("新しいパスワード確認が新しいパスワードと一致しません。"),
      },
    ]);
  });

  it("reports policy and mismatch together", async () => {
    const issues = await issuesOf({
      currentPassword: "Temp!Pass1",
      newPassword: "short",
      newPasswordConfirm: "shor",
    });
    expect(issues.filter((i) => i.path === "newPassword").length).toBeGreaterThanOrEqual(2);
    expect(issues.filter((i) => i.path === "newPasswordConfirm")).toHaveLength(1);
  });
});

describe("single-field schemas", () => {
  it("newPasswordSchema applies the policy", async () => {
    expect(newPasswordSchema.safeParse(STRONG).success).toBe(true);
    const result = newPasswordSchema.safeParse("");
    expect(await allJa(result.error?.issues.map((i) => i.message) ?? [])).toEqual([
      "新しいパスワードを入力してください。",
    ]);
    expect(await en(result.error?.issues[0]?.message)).toBe("Enter the new password.");
  });

  it("staffPasswordSchema applies the same policy", async () => {
    expect(staffPasswordSchema.safeParse(STRONG).success).toBe(true);
    expect(await allJa(staffPasswordSchema.safeParse("").error?.issues.map((i) => i.message) ?? [])).toEqual([
      "パスワードを入力してください。",
    ]);
    const weak = staffPasswordSchema.safeParse("Welcome1!");
    expect(weak.error?.issues.map((i) => i.message)).toEqual(checkPasswordPolicy("Welcome1!", {}));
    expect(staffPasswordSchema.safeParse("Abcdefg").error?.issues).toHaveLength(2);
  });
});
