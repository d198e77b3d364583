// The sandbox's hosted card page speaks the language the merchant asked for (issue 15), as Stripe
// Checkout's `locale` does: Japanese (its default) and English; any other language falls back to
// English, as Stripe does for a language it does not offer.
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import {
  sandboxAmount,
  sandboxDeclineMessage,
  sandboxLanguage,
  sandboxWords,
  withSandboxLanguage,
} from "@/lib/payments/sandbox/words";
import { DECLINE_MESSAGES, type DeclineCode } from "@/lib/payments/decline-messages";
import { TEST_CARDS } from "@/lib/payments/sandbox/test-cards";

describe("the sandbox's language", () => {
  it("is Japanese when nothing or Japanese is asked for, English for every other language", () => {
    expect(sandboxLanguage(undefined)).toBe("ja");
    expect(sandboxLanguage("")).toBe("ja");
    expect(sandboxLanguage("ja-x-easy")).toBe("ja");
    for (const locale of LOCALES.filter((code) => code !== "ja" && code !== "ja-x-easy")) {
      expect(sandboxLanguage(locale), locale).toBe("en");
    }
  });

  it("travels in the hosted page's address, except the default", () => {
    expect(withSandboxLanguage("/sandbox/checkout/sbpi_1", "ja")).toBe("/sandbox/checkout/sbpi_1");
    expect(withSandboxLanguage("/sandbox/checkout/sbpi_1", "en")).toBe("/sandbox/checkout/sbpi_1?locale=en");
  });

  it("has every word in both languages, the English without Japanese, and the Japanese names unchanged", () => {
    const ja = sandboxWords("ja");
    const en = sandboxWords("en");
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
    for (const [key, text] of Object.entries(en)) expect(japanese.test(text), key).toBe(false);
    for (const card of TEST_CARDS) expect(japanese.test(card.descriptionEn), card.number).toBe(false);
    for (const code of Object.keys(DECLINE_MESSAGES) as DeclineCode[]) {
      expect(sandboxDeclineMessage("ja", code)).toBe(DECLINE_MESSAGES[code]);
      expect(japanese.test(sandboxDeclineMessage("en", code)), code).toBe(false);
    }
    expect(sandboxAmount("ja", 2500)).toBe("2,500円");
    expect(sandboxAmount("en", 2500)).toBe("¥2,500");
    // The locator contract (packages/playwright-kit/src/pages/sandbox.ts).
    expect([ja.title, ja.cardNumber, ja.expiry, ja.cvc, ja.cardName, ja.pay, ja.banner]).toEqual([
      "カードでのお支払い",
      "カード番号",
      "有効期限（MM/YY）",
      "セキュリティコード",
      "カード名義",
      "支払う",
      "テスト用の決済画面（サンドボックス）",
    ]);
  });
});
