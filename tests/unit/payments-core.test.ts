// 登録料のお支払い (issue 12), the pure parts: the 支払期限 at the end of a Japanese day, the slip's
// handling fee, the konbini chains, which provider a configuration chooses, and the payment emails.
import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/emails/registry";
import {
  endOfJstDayAfter,
  feeAmountFor,
  paymentAmounts,
  paymentDueAt,
  reminderAt,
} from "@/lib/payments/fees";
import {
  KONBINI_CHAINS,
  KONBINI_OPTIONS,
  KONBINI_STORES,
  isKonbiniStore,
  konbiniChain,
} from "@/lib/payments/konbini";
import { FEE_STATUS_LABELS, PAYMENT_METHOD_LABELS, slipStatusLabel } from "@/lib/payments/labels";
import { choosePaymentProviderName } from "@/lib/payments/providers";

describe("支払期限", () => {
  it("is 23:59:59.999 in Japan of the day N days after the Japanese day of the start", () => {
    // 2026-12-08 00:30 in Japan (still the 7th in UTC): the 22nd, 23:59:59.999 JST.
    expect(endOfJstDayAfter(new Date("2026-12-07T15:30:00Z"), 14).toISOString()).toBe(
      "2026-12-22T14:59:59.999Z",
    );
    // 2026-12-07 23:59 in Japan: the 21st.
    expect(paymentDueAt(new Date("2026-12-07T14:59:00Z"), 14).toISOString()).toBe("2026-12-21T14:59:59.999Z");
    expect(paymentDueAt(new Date("2026-12-31T03:00:00Z"), 1).toISOString()).toBe("2027-01-01T14:59:59.999Z");
  });

  it("reminds N days before", () => {
    const due = new Date("2026-12-21T14:59:59.999Z");
    expect(reminderAt(due, 3).toISOString()).toBe("2026-12-18T14:59:59.999Z");
  });
});

describe("amounts", () => {
  it("come from the fee configuration; the slip adds its handling fee", () => {
    expect(feeAmountFor("REGISTRATION", "SIMPLE")).toBe(2500);
    expect(feeAmountFor("REGISTRATION", "DETAILED")).toBe(4900);
    expect(feeAmountFor("UPGRADE", "SIMPLE")).toBe(2400);
    expect(paymentAmounts(2500, "SLIP", 200)).toEqual({ feeAmount: 2500, handlingFee: 200, amount: 2700 });
    expect(paymentAmounts(2500, "KONBINI", 200)).toEqual({ feeAmount: 2500, handlingFee: 0, amount: 2500 });
  });
});

describe("konbini chains", () => {
  it("are the six, each with its number's name and numbered steps", () => {
    expect(KONBINI_OPTIONS.map((option) => option.label)).toEqual([
      "セブン-イレブン",
      "ファミリーマート",
      "ローソン",
      "ミニストップ",
      "セイコーマート",
      "デイリーヤマザキ",
    ]);
    for (const store of KONBINI_STORES) {
      expect(KONBINI_CHAINS[store].steps.length).toBeGreaterThanOrEqual(3);
      expect(KONBINI_CHAINS[store].numberLabel).toMatch(/番号$/);
    }
    expect(KONBINI_CHAINS["seven-eleven"]).toMatchObject({
      numberLabel: "払込票番号",
      needsConfirmationNumber: false,
    });
    expect(KONBINI_CHAINS.lawson.steps[0]).toMatch(/Loppi/);
    expect(isKonbiniStore("lawson")).toBe(true);
    expect(isKonbiniStore("toString")).toBe(false);
    expect(konbiniChain(null)).toBeNull();
  });

  it("labels say the words of the issue", () => {
    expect(Object.values(FEE_STATUS_LABELS)).toEqual([
      "支払待ち",
      "支払済み",
      "期限切れ",
      "返金済み",
      "取消",
    ]);
    expect(PAYMENT_METHOD_LABELS).toEqual({
      CARD: "クレジットカード",
      KONBINI: "コンビニ払い",
      SLIP: "払込票",
    });
    expect(slipStatusLabel(null)).toBe("発送準備中");
    expect(slipStatusLabel(new Date())).toBe("発送済み");
  });
});

describe("PAYMENT_PROVIDER", () => {
  it("is the sandbox when unset outside production, and must be said in production", () => {
    expect(choosePaymentProviderName({}, { production: false })).toEqual({ ok: true, name: "sandbox" });
    const production = choosePaymentProviderName({}, { production: true });
    expect(production.ok).toBe(false);
    expect(!production.ok && production.message).toMatch(/PAYMENT_PROVIDER=sandbox/);
    expect(choosePaymentProviderName({ PAYMENT_PROVIDER: "sandbox" }, { production: true })).toEqual({
      ok: true,
      name: "sandbox",
    });
  });

  it("takes Stripe only with its keys", () => {
    expect(choosePaymentProviderName({ PAYMENT_PROVIDER: "stripe" }, { production: true }).ok).toBe(false);
    expect(
      choosePaymentProviderName(
        { PAYMENT_PROVIDER: "stripe", STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "whsec_x" },
        { production: true },
      ),
    ).toEqual({ ok: true, name: "stripe" });
    expect(choosePaymentProviderName({ PAYMENT_PROVIDER: "paypay" }, { production: false }).ok).toBe(false);
  });
});

describe("payment emails", () => {
  const url = "https://portal.example.jp/payment";
  // Stored JSON: dates as ISO strings, as the outbox worker reads them back.
  const stored = (data: object): unknown => JSON.parse(JSON.stringify(data));

  it("コンビニ払い: the chain, its numbers and steps, the amount and the deadline in Japan time", () => {
    const email = renderTemplate(
      "payment-code-issued",
      stored({
        name: "山田 太郎",
        applicationNumber: "20261207-000042",
        method: "konbini",
        storeName: "ローソン",
        numberLabel: "受付番号",
        number: "123456789012",
        confirmationNumber: "4321",
        steps: [...KONBINI_CHAINS.lawson.steps],
        amount: "2,500円（税込）",
        expiresAt: new Date("2026-12-21T14:59:59.999Z"),
        paymentUrl: url,
      }),
    );
    expect(email.subject).toBe("【建設キャリアアップシステム】登録料のお支払い方法のお知らせ");
    expect(email.text).toContain("【受付番号】\n123456789012");
    expect(email.text).toContain("【確認番号】\n4321");
    expect(email.text).toContain("【お支払い期限】\n2026/12/21 23:59（日本時間）");
    expect(email.text).toContain("1. ローソンの店内にある Loppi");
    expect(email.html).toContain("123456789012");
  });

  it("払込票, completed, reminder, expired, refunded and withdrawn render their facts", () => {
    const at = new Date("2026-12-10T01:00:00Z");
    const base = { name: "山田 太郎", applicationNumber: "20261207-000042" };
    const texts = [
      renderTemplate(
        "payment-code-issued",
        stored({ ...base, method: "slip", amount: "2,700円（税込）", expiresAt: at, paymentUrl: url }),
      ).text,
      renderTemplate(
        "payment-completed",
        stored({
          ...base,
          amount: "2,500円（税込）",
          method: "クレジットカード",
          paidAt: at,
          paymentUrl: url,
        }),
      ).text,
      renderTemplate(
        "payment-reminder",
        stored({ ...base, amount: "2,500円（税込）", dueAt: at, paymentUrl: url }),
      ).text,
      renderTemplate(
        "payment-expired",
        stored({ ...base, amount: "2,500円（税込）", dueAt: at, paymentUrl: url }),
      ).text,
      renderTemplate(
        "payment-refunded",
        stored({ ...base, amount: "2,500円（税込）", method: "コンビニ払い（ローソン）", refundedAt: at }),
      ).text,
      renderTemplate(
        "application-withdrawn",
        stored({ ...base, withdrawnAt: at, refundAmount: "2,500円（税込）" }),
      ).text,
    ];
    for (const text of texts) {
      expect(text).toContain("20261207-000042");
      expect(text).toContain("山田 太郎 さま");
    }
    expect(texts[0]).toContain("発送準備中");
    expect(texts[1]).toContain("2026/12/10 10:00（日本時間）");
    expect(texts[5]).toContain("【返金額】\n2,500円（税込）");
  });
});
