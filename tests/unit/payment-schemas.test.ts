// The applicant's payment forms (lib/schemas/payment.ts): the method choice and 取下げの理由.
import { describe, expect, it } from "vitest";
import { textIn } from "@/lib/i18n/translate";
import { startPaymentSchema, withdrawApplicationSchema } from "@/lib/schemas/payment";

describe("startPaymentSchema", () => {
  it("takes a card, a chain for コンビニ払い, and the fee's version as posted", () => {
    expect(startPaymentSchema.parse({ method: "CARD", konbiniStore: "", feeLockVersion: "3" })).toEqual({
      method: "CARD",
      konbiniStore: "",
      feeLockVersion: 3,
    });
    expect(
      startPaymentSchema.parse({ method: "KONBINI", konbiniStore: "lawson", feeLockVersion: "0" }),
    ).toMatchObject({ method: "KONBINI", konbiniStore: "lawson" });
  });

  it("asks for a method, and for the chain only with コンビニ払い", async () => {
    const noMethod = startPaymentSchema.safeParse({ method: "", konbiniStore: "", feeLockVersion: "0" });
    const issuesIn = async (locale: "ja" | "en", issues: { path: PropertyKey[]; message: string }[] = []) =>
      Promise.all(issues.map(async (issue) => [issue.path.join("."), await textIn(locale, issue.message)]));
    expect(await issuesIn("ja", noMethod.error?.issues)).toEqual([
      ["method", "お支払い方法を選んでください。"],
    ]);
    expect(await issuesIn("en", noMethod.error?.issues)).toEqual([["method", "Choose a payment method."]]);
    const noChain = startPaymentSchema.safeParse({
      method: "KONBINI",
      konbiniStore: "",
      feeLockVersion: "0",
    });
    expect(await issuesIn("ja", noChain.error?.issues)).toEqual([
      ["konbiniStore", "コンビニ払いでお支払いになるコンビニを選んでください。"],
    ]);
    expect(await issuesIn("en", noChain.error?.issues)).toEqual([
      ["konbiniStore", "Choose the convenience store where you will pay."],
    ]);
    expect(
      startPaymentSchema.safeParse({ method: "SLIP", konbiniStore: "", feeLockVersion: "1" }).success,
    ).toBe(true);
  });

  it("refuses a chain that is not one of the six and a version that is not a count", () => {
    expect(
      startPaymentSchema.safeParse({ method: "KONBINI", konbiniStore: "circle-k", feeLockVersion: "0" })
        .success,
    ).toBe(false);
    expect(
      startPaymentSchema.safeParse({ method: "CARD", konbiniStore: "", feeLockVersion: "-1" }).success,
    ).toBe(false);
    expect(
      startPaymentSchema.safeParse({ method: "CARD", konbiniStore: "", feeLockVersion: "x" }).success,
    ).toBe(false);
  });
});

describe("withdrawApplicationSchema", () => {
  it("takes no reason, or one of up to 500 characters, trimmed", () => {
    expect(withdrawApplicationSchema.parse({ reason: "" })).toEqual({ reason: "" });
    expect(withdrawApplicationSchema.parse({ reason: "  転職のため  " })).toEqual({ reason: "転職のため" });
    expect(withdrawApplicationSchema.safeParse({ reason: "あ".repeat(500) }).success).toBe(true);
  });

  it("refuses 501 characters with the limit in the message", async () => {
    const result = withdrawApplicationSchema.safeParse({ reason: "あ".repeat(501) });
    const message = result.error?.issues[0]?.message ?? "";
    expect(await textIn("ja", message)).toBe("取下げの理由は500文字以内で入力してください。");
    expect(await textIn("en", message)).toBe("Enter the reason for withdrawal in 500 characters or fewer.");
  });
});
