// The sandbox's test cards and the Japanese decline messages (issue 12).
import { describe, expect, it } from "vitest";
import { cardLast4, cardOutcome, passesLuhn, TEST_CARDS } from "@/lib/payments/sandbox/test-cards";
import { DECLINE_MESSAGES, declineMessage, normaliseDeclineCode } from "@/lib/payments/decline-messages";
import { issueVoucher, SANDBOX_STORE_NAMES, VOUCHER_SHAPES } from "@/lib/payments/sandbox/vouchers";
import { KONBINI_CHAINS, KONBINI_STORES } from "@/lib/payments/konbini";

describe("test cards", () => {
  it("gives each documented number its outcome", () => {
    expect(cardOutcome("4242 4242 4242 4242")).toEqual({ kind: "success" });
    expect(cardOutcome("4000000000003220")).toEqual({ kind: "three_d_secure" });
    expect(cardOutcome("4000-0000-0000-0002")).toEqual({ kind: "declined", code: "card_declined" });
    expect(cardOutcome("4000 0000 0000 9995")).toEqual({ kind: "declined", code: "insufficient_funds" });
    expect(cardOutcome("4000 0000 0000 0069")).toEqual({ kind: "declined", code: "expired_card" });
    expect(cardOutcome("4000 0000 0000 0127")).toEqual({ kind: "declined", code: "incorrect_cvc" });
    expect(cardOutcome("４０００ ００００ ００００ ０１１９")).toEqual({
      kind: "declined",
      code: "processing_error",
    });
  });

  it("refuses a real-looking card and a malformed number", () => {
    expect(cardOutcome("5555 5555 5555 4444")).toEqual({ kind: "declined", code: "test_mode_live_card" });
    expect(cardOutcome("4242 4242 4242 4241")).toEqual({ kind: "declined", code: "incorrect_number" });
    expect(cardOutcome("abc")).toEqual({ kind: "declined", code: "incorrect_number" });
  });

  it("lists only numbers that pass the Luhn check, each with a Japanese description", () => {
    for (const card of TEST_CARDS) {
      expect(passesLuhn(card.number.replace(/ /g, "")), card.number).toBe(true);
      expect(card.description).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
    expect(cardLast4("4242 4242 4242 4242")).toBe("4242");
  });
});

describe("decline messages", () => {
  it("has plain Japanese for every reason the test cards give, and a generic one", () => {
    for (const card of TEST_CARDS) {
      if (card.outcome.kind !== "declined") continue;
      expect(declineMessage(card.outcome.code)).toBe(DECLINE_MESSAGES[card.outcome.code]);
    }
    expect(declineMessage("authentication_failed")).toContain("3Dセキュア");
    expect(declineMessage("something_new")).toBe(DECLINE_MESSAGES.generic);
    expect(declineMessage(null)).toBe(DECLINE_MESSAGES.generic);
  });

  it("prefers Stripe's decline_code and maps its synonyms", () => {
    expect(declineMessage("card_declined", "insufficient_funds")).toBe(DECLINE_MESSAGES.insufficient_funds);
    expect(declineMessage("card_declined", "do_not_honor")).toBe(DECLINE_MESSAGES.card_declined);
    expect(normaliseDeclineCode("payment_intent_authentication_failure")).toBe("authentication_failed");
    expect(normaliseDeclineCode("toString")).toBe("generic");
  });
});

describe("vouchers", () => {
  it("issues numbers of each chain's shape", () => {
    for (const [kind, shape] of Object.entries(VOUCHER_SHAPES)) {
      const voucher = issueVoucher(kind as keyof typeof VOUCHER_SHAPES);
      expect(voucher.number).toMatch(new RegExp(`^[1-9]\\d{${shape.number - 1}}$`));
      expect(voucher.confirmationNumber.length).toBe(shape.confirmation);
    }
  });

  it("gives a 確認番号 exactly where the chain asks for one, and knows every chain", () => {
    for (const key of KONBINI_STORES) {
      expect(VOUCHER_SHAPES[key].confirmation > 0, key).toBe(KONBINI_CHAINS[key].needsConfirmationNumber);
      expect(SANDBOX_STORE_NAMES[key]).toBe(KONBINI_CHAINS[key].name);
    }
  });
});
