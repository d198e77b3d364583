// The applicant login form's schema: a login ID with a control character is refused before any
// database lookup (a NUL made PostgreSQL fail the query: a 500 found by the attack suite).
import { describe, expect, it } from "vitest";
import { applicantLoginSchema } from "@/lib/schemas/login";
import { textIn } from "@/lib/i18n/translate";

describe("applicantLoginSchema", () => {
  it("takes a login ID typed in full-width digits as half-width", () => {
    const parsed = applicantLoginSchema.safeParse({ loginId: "１２３４５６７８９０１２２１", password: "x" });
    expect(parsed.success && parsed.data.loginId).toBe("12345678901221");
  });

  it.each(["\u0000", "1234\u00005678901221", "12345678901221\u0007", "\u007f"])(
    "refuses a login ID with a control character (%j) with the field's message",
    async (loginId) => {
      const parsed = applicantLoginSchema.safeParse({ loginId, password: "x" });
      expect(parsed.success).toBe(false);
      expect(await textIn("ja", parsed.error?.issues[0]?.message ?? "")).toBe(
        "ログインIDは半角数字14桁で入力してください。",
      );
      expect(await textIn("en", parsed.error?.issues[0]?.message ?? "")).toBe(
        "Enter the login ID as 14 half-width digits.",
      );
    },
  );
});
