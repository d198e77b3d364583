// The applicant's payment forms (lib/schemas/payment.ts): the method choice and 取下げの理由.
import { describe, expect, it } from "vitest";
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

  it("asks for a method, and for the chain only with コンビニ払い", () => {
    const noMethod = startPaymentSchema.safeParse({ method: "", konbiniStore: "", feeLockVersion: "0" });
    expect(noMethod.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["method", "お支払い方法を選んでください。"],
    ]);
    const noChain = startPaymentSchema.safeParse({
      method: "KONBINI",
      konbiniStore: "",
      feeLockVersion: "0",
    });
    expect(noChain.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["konbiniStore", "コンビニ払いでお支払いになるコンビニを選んでください。"],
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

  it("refuses 501 characters with the limit in the message", () => {
    const result = withdrawApplicationSchema.safeParse({ reason: "あ".repeat(501) });
    expect(result.error?.issues[0]?.message).toBe("取下げの理由は500文字以内で入力してください。");
  });
});
