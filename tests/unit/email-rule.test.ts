// The one e-mail address rule (emailAddressSchema): every form that takes an address keeps it the
// same way and refuses a wrong one with the same message, and every comparison uses emailKey.
// Before, 職員ログイン and 職員アカウント作成 lower-cased the whole address, 申請用ログインID発行
// kept it as typed, and 利用申し込み lower-cased only the domain.
import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/actions/form-state";
import { textIn } from "@/lib/i18n/translate";
import { applicantIssueSchema } from "@/lib/schemas/applicant-issue";
import { passwordReissueRequestSchema, staffLoginSchema } from "@/lib/schemas/login";
import { EMAIL_ADDRESS_MESSAGES, STAFF_EMAIL_ADDRESS_MESSAGES, emailKey } from "@/lib/schemas/normalize";
import { staffAccountCreateSchema } from "@/lib/schemas/staff-account";
import { usageRequestSchema } from "@/lib/schemas/usage-request";
import { validateRow } from "@/lib/bulk-issue/validate-row";
import { normalizeAddressQuery } from "@/lib/staff/email-list-params";

/** The staff area's forms (Japanese only): their messages are plain Japanese text. */
const STAFF_FORMS = ["申請用ログインID発行", "職員アカウント作成"];

const TYPED = " Ｆｏｏ＠Example.COM ";
const KEPT = "Foo@example.com";

/** Each form that takes an address, with valid values for its other fields. */
const FORMS = {
  申請用ログインID発行: (email: string) => applicantIssueSchema.safeParse({ name: "山田 太郎", email }),
  利用申し込み: (email: string) =>
    usageRequestSchema.safeParse({
      name: "山田 太郎",
      address: "東京都千代田区1-1",
      phone: "0312345678",
      email,
    }),
  職員ログイン: (email: string) => staffLoginSchema.safeParse({ email, password: "x" }),
  職員アカウント作成: (email: string) =>
    staffAccountCreateSchema.safeParse({ name: "建設 花子", email, role: "STAFF" }),
  パスワードを忘れた場合: (email: string) =>
    passwordReissueRequestSchema.safeParse({ loginId: "12345678901234", email }),
};

describe("the e-mail address rule", () => {
  it.each(Object.entries(FORMS))(
    "%s keeps Foo@Example.COM as Foo@example.com, or stores its key",
    (_form, parse) => {
      const result = parse(TYPED);
      expect(result.success).toBe(true);
      const email = result.success ? result.data.email : "";
      // Staff accounts store the key (the sign-in name under a unique index); every other form
      // keeps the address as typed with its domain in lower case. Either way one key.
      expect([KEPT, emailKey(KEPT)]).toContain(email);
      expect(emailKey(email)).toBe("foo@example.com");
    },
  );

  it("keeps the case before the @ for mail, and compares addresses by the whole address in lower case", () => {
    expect(FORMS["申請用ログインID発行"](TYPED)).toMatchObject({ data: { email: KEPT } });
    expect(FORMS["利用申し込み"](TYPED)).toMatchObject({ data: { email: KEPT } });
    expect(FORMS["職員ログイン"](TYPED)).toMatchObject({ data: { email: KEPT } });
    expect(FORMS["職員アカウント作成"](TYPED)).toMatchObject({ data: { email: "foo@example.com" } });
    // 一括発行 checks its rows with the issue form's schema, and finds duplicates by key.
    expect(validateRow({ name: "山田 太郎", email: TYPED })).toMatchObject({
      email: KEPT,
      key: "foo@example.com",
    });
    expect(normalizeAddressQuery(" ＦＯＯ＠example.com")).toBe("foo@example.com");
  });

  it.each([
    ["", EMAIL_ADDRESS_MESSAGES.required],
    ["foo.example.com", EMAIL_ADDRESS_MESSAGES.noAtSign],
    ["foo..bar@example.com", EMAIL_ADDRESS_MESSAGES.dots],
    ["foo@example", EMAIL_ADDRESS_MESSAGES.invalid],
    [`${"a".repeat(250)}@example.com`, EMAIL_ADDRESS_MESSAGES.tooLong],
  ])("refuses %j with the same single message on every form", async (email, message) => {
    // The applicant's forms carry a reference (issue 15), the staff area's the Japanese text itself:
    // the same words in Japanese.
    const japanese = await textIn("ja", message);
    for (const [form, parse] of Object.entries(FORMS)) {
      const result = parse(email);
      expect(result.success).toBe(false);
      const messages = result.success ? [] : (fieldErrorsOf(result.error).email ?? []);
      expect(await Promise.all(messages.map((shown) => textIn("ja", shown))), form).toEqual([japanese]);
      if (STAFF_FORMS.includes(form)) expect(messages, form).toEqual([japanese]);
      else
        expect(await Promise.all(messages.map((shown) => textIn("en", shown))), form).toEqual([
          await textIn("en", message),
        ]);
    }
  });

  it("says the staff area's messages in the same Japanese words as the applicant's", async () => {
    for (const [name, message] of Object.entries(EMAIL_ADDRESS_MESSAGES)) {
      expect(STAFF_EMAIL_ADDRESS_MESSAGES[name as keyof typeof EMAIL_ADDRESS_MESSAGES], name).toBe(
        await textIn("ja", message),
      );
    }
  });
});
