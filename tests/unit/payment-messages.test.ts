// The applicant's payment words (messages/<language>/payment.json, issue 15) say in Japanese
// exactly what the tables the emails, the staff pages and the sandbox still use say: each chain's
// name, number label and steps (lib/payments/konbini.ts), the decline reasons
// (lib/payments/decline-messages.ts, also matched back from the stored text), and the labels
// (lib/payments/labels.ts, lib/labels.ts). Other languages: a chain's steps and dates read in them.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import ja from "@/messages/ja";
import { loadMessages } from "@/lib/i18n/messages";
import { formatJstDateTimeIn } from "@/lib/i18n/jst-date-time";
import { formatJstDateTimeJa } from "@/lib/format/date";
import { DECLINE_MESSAGES } from "@/lib/payments/decline-messages";
import { KONBINI_CHAINS, KONBINI_CONFIRMATION_LABEL, KONBINI_STORES } from "@/lib/payments/konbini";
import {
  FEE_PURPOSE_LABELS,
  FEE_STATUS_LABELS,
  PAYMENT_METHOD_LABELS,
  SLIP_STATUS_LABELS,
} from "@/lib/payments/labels";
import { APPLICATION_STATUS_LABELS, REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { paymentText } from "@/components/payment/payment-text";

const t = createTranslator({ locale: "ja", messages: ja, namespace: "payment", timeZone: "Asia/Tokyo" });
const stepsKey = (store: string) => (store === "lawson" || store === "ministop" ? "loppi" : store);

describe("the Japanese payment catalogue", () => {
  it.each(KONBINI_STORES)("%s: name, number label and steps as lib/payments/konbini.ts", (store) => {
    const chain = KONBINI_CHAINS[store];
    expect(t(`konbini.storeName.${store}`)).toBe(chain.name);
    expect(t(`konbini.numberLabel.${store}`)).toBe(chain.numberLabel);
    const steps = (["1", "2", "3", "4"] as const).map((step) =>
      t(`konbini.steps.${stepsKey(store)}.${step}` as "konbini.steps.loppi.1", { store: chain.name }),
    );
    expect(steps).toEqual(chain.steps);
    expect(t("konbini.confirmationNumber")).toBe(KONBINI_CONFIRMATION_LABEL);
  });

  it("has every decline reason word for word", () => {
    for (const [code, message] of Object.entries(DECLINE_MESSAGES)) {
      expect(t(`decline.${code}` as "decline.generic")).toBe(message);
    }
  });

  it("has the fee, method, slip, application and registration-type labels", () => {
    for (const [status, label] of Object.entries(FEE_STATUS_LABELS))
      expect(t(`feeStatus.${status}` as "feeStatus.PAID")).toBe(label);
    for (const [purpose, label] of Object.entries(FEE_PURPOSE_LABELS))
      expect(t(`feePurpose.${purpose}` as "feePurpose.REGISTRATION")).toBe(label);
    for (const [method, label] of Object.entries(PAYMENT_METHOD_LABELS))
      expect(t(`methodName.${method}` as "methodName.CARD")).toBe(label);
    expect([t("slipStatus.preparing"), t("slipStatus.sent")]).toEqual([
      SLIP_STATUS_LABELS.preparing,
      SLIP_STATUS_LABELS.sent,
    ]);
    for (const [status, label] of Object.entries(APPLICATION_STATUS_LABELS))
      expect(t(`applicationStatus.${status}` as "applicationStatus.DRAFT")).toBe(label);
    for (const [type, label] of Object.entries(REGISTRATION_TYPE_LABELS))
      expect(t(`upgrade.type.${type}` as "upgrade.type.SIMPLE")).toBe(label);
  });

  it("writes amounts, Japan time and methods as the Japanese pages always did", () => {
    const text = paymentText(t, "ja");
    const at = new Date("2026-12-21T14:59:00Z");
    expect(text.yenTaxIncluded(2500)).toBe("2,500円（税込）");
    expect(text.japanTime(at)).toBe(`${formatJstDateTimeJa(at)}（日本時間）`);
    expect(text.japanTime(at)).toBe("2026年12月21日 23:59（日本時間）");
    expect(text.method({ method: "KONBINI", konbiniStore: "lawson" })).toBe("コンビニ払い（ローソン）");
    expect(text.method({ method: "SLIP", konbiniStore: null })).toBe("払込票");
  });
});

describe("other languages", () => {
  it("English: amounts, Japan time, a Loppi step and a method with the Japanese name beside", async () => {
    const en = createTranslator({
      locale: "en",
      messages: await loadMessages("en"),
      namespace: "payment",
      timeZone: "Asia/Tokyo",
    });
    const text = paymentText(en, "en");
    expect(text.yenTaxIncluded(2500)).toBe("¥2,500 (tax included)");
    expect(text.japanTime(new Date("2026-12-21T14:59:00Z"))).toBe("Dec 21, 2026, 23:59 (Japan time)");
    expect(en("konbini.steps.loppi.1", { store: "Lawson" })).toBe(
      "At the Loppi machine in the Lawson store, choose “各種番号をお持ちの方” (for customers with a number).",
    );
    expect(text.method({ method: "KONBINI", konbiniStore: "lawson" })).toBe(
      "Convenience store payment (コンビニ払い), Lawson",
    );
  });

  it("dates keep Latin digits in every language, Japanese as formatJstDateTimeJa, やさしい日本語 without kanji", () => {
    const at = new Date("2026-12-21T14:59:00Z");
    for (const locale of ["en", "vi", "id", "zh-Hans", "my", "ne"]) {
      expect(formatJstDateTimeIn(locale, at), locale).toMatch(/2026/);
      expect(formatJstDateTimeIn(locale, at), locale).toMatch(/23[:.]59/);
    }
    expect(formatJstDateTimeIn("ja", at)).toBe(formatJstDateTimeJa(at));
    expect(formatJstDateTimeIn("ja-x-easy", at)).toBe("2026/12/21 23:59");
  });
});
