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
import { sandboxCardSchemaIn } from "@/lib/schemas/sandbox-payment";

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** The card form's first message for each field of `values`. */
function cardErrors(language: "ja" | "en", values: Record<string, string>) {
  const errors: Record<string, string> = {};
  for (const issue of sandboxCardSchemaIn(language).safeParse(values).error?.issues ?? []) {
    errors[String(issue.path[0])] ??= issue.message;
  }
  return errors;
}

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
    // Other parameters join the query, whatever it holds already; absolute addresses stay absolute.
    expect(withSandboxLanguage("/sandbox/checkout/sbpi_1", "ja", { error: "authentication_failed" })).toBe(
      "/sandbox/checkout/sbpi_1?error=authentication_failed",
    );
    expect(withSandboxLanguage("/sandbox/checkout/sbpi_1", "en", { error: "authentication_failed" })).toBe(
      "/sandbox/checkout/sbpi_1?locale=en&error=authentication_failed",
    );
    expect(withSandboxLanguage("http://localhost:3000/sandbox/checkout/sbpi_1?x=1", "en")).toBe(
      "http://localhost:3000/sandbox/checkout/sbpi_1?x=1&locale=en",
    );
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

describe("the card form's checks", () => {
  const wrong = { cardNumber: "4242 4242 4242 4241", expiry: "13/30", cvc: "12", cardName: "" };

  it("are in English on the English page, with no Japanese", () => {
    const errors = cardErrors("en", wrong);
    expect(errors).toEqual({
      cardNumber: sandboxWords("en").cardNumberInvalid,
      expiry: sandboxWords("en").expiryForm,
      cvc: sandboxWords("en").cvcDigits,
      cardName: sandboxWords("en").cardNameMissing,
    });
    for (const message of Object.values(errors)) expect(JAPANESE.test(message), message).toBe(false);
    expect(cardErrors("en", { ...wrong, cardNumber: "" }).cardNumber).toBe("Enter the card number.");
    expect(cardErrors("en", { ...wrong, expiry: "01/20" }).expiry).toBe(sandboxWords("en").expiryPast);
    expect(JAPANESE.test(sandboxWords("en").notPayable)).toBe(false);
  });

  it("keep their Japanese exactly on the Japanese page", () => {
    expect(cardErrors("ja", wrong)).toEqual({
      cardNumber: "カード番号が正しくありません。カードに記載の番号を確認して入力してください。",
      expiry: "有効期限は「月/年」の形で、例えば 12/30 のように入力してください。",
      cvc: "セキュリティコードは半角数字3桁または4桁で入力してください。",
      cardName: "カード名義を入力してください。",
    });
    expect(cardErrors("ja", { ...wrong, cardNumber: "12" }).cardNumber).toBe(
      "カード番号は半角数字12〜19桁で入力してください。",
    );
    expect(sandboxWords("ja").notPayable).toBe(
      "このお支払いは受け付けられません（取り消されたか、期限が切れています）。お申し込みのページに戻って、もう一度お支払い手続きをしてください。",
    );
  });
});
