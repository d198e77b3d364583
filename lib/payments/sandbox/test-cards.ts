// The sandbox's test card numbers (issue 12; the same numbers as Stripe's test mode), what each
// does on the hosted card page, and the card number check. Shown on the sandbox page and in
// docs/payments.md (サンドボックスのテスト値).
import type { DeclineCode } from "@/lib/payments/decline-messages";

export type CardOutcome =
  { kind: "success" } | { kind: "three_d_secure" } | { kind: "declined"; code: DeclineCode };

export interface TestCard {
  /** Grouped by four, as printed. */
  number: string;
  outcome: CardOutcome;
  /** What happens, in Japanese (the sandbox page's table). */
  description: string;
  /** The same in English (the page in any other language: lib/payments/sandbox/words.ts). */
  descriptionEn: string;
}

export const TEST_CARDS: readonly TestCard[] = [
  {
    number: "4242 4242 4242 4242",
    outcome: { kind: "success" },
    description: "支払い成功",
    descriptionEn: "Payment succeeds",
  },
  {
    number: "4000 0000 0000 3220",
    outcome: { kind: "three_d_secure" },
    description: "本人認証（3Dセキュア）の画面が出る（認証する → 成功、認証しない → 失敗）",
    descriptionEn: "The authentication (3-D Secure) page appears (authenticate → success, do not → failure)",
  },
  {
    number: "4000 0000 0000 0002",
    outcome: { kind: "declined", code: "card_declined" },
    description: "拒否（カード会社が承認しない: card_declined）",
    descriptionEn: "Declined (the card issuer does not approve: card_declined)",
  },
  {
    number: "4000 0000 0000 9995",
    outcome: { kind: "declined", code: "insufficient_funds" },
    description: "拒否（利用可能額不足: insufficient_funds）",
    descriptionEn: "Declined (not enough funds: insufficient_funds)",
  },
  {
    number: "4000 0000 0000 0069",
    outcome: { kind: "declined", code: "expired_card" },
    description: "拒否（有効期限切れ: expired_card）",
    descriptionEn: "Declined (card expired: expired_card)",
  },
  {
    number: "4000 0000 0000 0127",
    outcome: { kind: "declined", code: "incorrect_cvc" },
    description: "拒否（セキュリティコード誤り: incorrect_cvc）",
    descriptionEn: "Declined (wrong security code: incorrect_cvc)",
  },
  {
    number: "4000 0000 0000 0119",
    outcome: { kind: "declined", code: "processing_error" },
    description: "エラー（処理エラー: processing_error）",
    descriptionEn: "Error (processing error: processing_error)",
  },
];

/** Digits only (spaces and hyphens as people type them are dropped; full-width digits too). */
export function cardDigits(input: string): string {
  return input.normalize("NFKC").replace(/[\s-]/g, "");
}

/** The Luhn check every card number passes. */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const BY_DIGITS = new Map(TEST_CARDS.map((card) => [card.number.replace(/ /g, ""), card]));

/**
 * What paying with this number does. A well-formed number that is not a test card is refused as a
 * live card would be in test mode (test_mode_live_card); a malformed one is incorrect_number.
 */
export function cardOutcome(input: string): CardOutcome {
  const digits = cardDigits(input);
  const card = BY_DIGITS.get(digits);
  if (card) return card.outcome;
  if (!passesLuhn(digits)) return { kind: "declined", code: "incorrect_number" };
  return { kind: "declined", code: "test_mode_live_card" };
}

/** The last four digits, the only part of a card number the sandbox keeps. */
export function cardLast4(input: string): string {
  return cardDigits(input).slice(-4);
}
