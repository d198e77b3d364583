// The payment sandbox's forms (issue 12): the hosted card page and the sandbox store. The card
// number is checked for shape and Luhn here (as a provider's card field does before sending); what
// the number does is the sandbox's business (lib/payments/sandbox/test-cards.ts).
import { z } from "zod";
import { now } from "@/lib/clock";
import { todayInJapan } from "@/lib/schemas/normalize";
import { passesLuhn } from "@/lib/payments/sandbox/test-cards";

const digitsOnly = (value: string) => value.normalize("NFKC").replace(/[\s-]/g, "");

/** "MM/YY" (also "MMYY", "MM / YY", full-width) → { month, year } with a four-digit year. */
export function parseCardExpiry(value: string): { month: number; year: number } | null {
  const match = /^(0[1-9]|1[0-2])\s*\/?\s*(\d{2})$/.exec(value.normalize("NFKC").trim());
  if (!match) return null;
  return { month: Number(match[1]), year: 2000 + Number(match[2]) };
}

export const sandboxCardSchema = z.object({
  cardNumber: z
    .string()
    .transform(digitsOnly)
    .pipe(
      z
        .string()
        .min(1, "カード番号を入力してください。")
        .regex(/^\d{12,19}$/, "カード番号は半角数字12〜19桁で入力してください。")
        .refine(passesLuhn, "カード番号が正しくありません。カードに記載の番号を確認して入力してください。"),
    ),
  expiry: z
    .string()
    .trim()
    .min(1, "有効期限を入力してください。")
    .refine(
      (value) => parseCardExpiry(value) !== null,
      "有効期限は「月/年」の形で、例えば 12/30 のように入力してください。",
    )
    .refine((value) => {
      const expiry = parseCardExpiry(value);
      if (!expiry) return true;
      // A card is valid to the end of its month.
      const thisMonth = todayInJapan(now()).slice(0, 7);
      return `${expiry.year}-${String(expiry.month).padStart(2, "0")}` >= thisMonth;
    }, "有効期限が過ぎています。カードに記載の有効期限を確認して入力してください。"),
  cvc: z
    .string()
    .transform(digitsOnly)
    .pipe(
      z
        .string()
        .min(1, "セキュリティコードを入力してください。")
        .regex(/^\d{3,4}$/, "セキュリティコードは半角数字3桁または4桁で入力してください。"),
    ),
  cardName: z
    .string()
    .trim()
    .min(1, "カード名義を入力してください。")
    .max(100, "カード名義は100文字以内で入力してください。")
    .regex(/^[^\p{Cc}]*$/u, "カード名義に使えない文字が含まれています。"),
});
export type SandboxCardInput = z.input<typeof sandboxCardSchema>;
export const SANDBOX_CARD_FIELDS = ["cardNumber", "expiry", "cvc", "cardName"] as const;

export const sandboxStoreSchema = z.object({
  voucherNumber: z
    .string()
    .transform(digitsOnly)
    .pipe(
      z
        .string()
        .min(1, "受付番号または払込票番号を入力してください。")
        .regex(/^\d{6,20}$/, "受付番号・払込票番号は半角数字で入力してください。"),
    ),
  confirmationNumber: z
    .string()
    .transform(digitsOnly)
    .pipe(z.string().regex(/^\d{0,10}$/, "確認番号は半角数字で入力してください。")),
});
export type SandboxStoreInput = z.input<typeof sandboxStoreSchema>;
export const SANDBOX_STORE_FIELDS = ["voucherNumber", "confirmationNumber"] as const;

/** A sandbox payment id as it appears in the page's address. */
export const sandboxPaymentIdSchema = z.string().regex(/^sbpi_[A-Za-z0-9]{24}$/);

/** The sandbox store's answer: the code found (to confirm), or paid. */
export interface SandboxStoreReceipt {
  storeName: string;
  amount: number;
  description: string;
  /** ISO instant. */
  expiresAt: string | null;
  paidAt?: string;
}
