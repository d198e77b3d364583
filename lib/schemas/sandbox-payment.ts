// The payment sandbox's forms (issue 12): the hosted card page and the sandbox store. The card
// number is checked for shape and Luhn here (as a provider's card field does before sending); what
// the number does is the sandbox's business (lib/payments/sandbox/test-cards.ts).
import { z } from "zod";
import { now } from "@/lib/clock";
import { todayInJapan } from "@/lib/schemas/normalize";
import { passesLuhn } from "@/lib/payments/sandbox/test-cards";
import { sandboxWords, type SandboxLanguage } from "@/lib/payments/sandbox/words";

const digitsOnly = (value: string) => value.normalize("NFKC").replace(/[\s-]/g, "");

/** "MM/YY" (also "MMYY", "MM / YY", full-width) → { month, year } with a four-digit year. */
export function parseCardExpiry(value: string): { month: number; year: number } | null {
  const match = /^(0[1-9]|1[0-2])\s*\/?\s*(\d{2})$/.exec(value.normalize("NFKC").trim());
  if (!match) return null;
  return { month: Number(match[1]), year: 2000 + Number(match[2]) };
}

/** The card form in the hosted page's language: the sandbox's own words (lib/payments/sandbox/words.ts). */
function cardSchema(language: SandboxLanguage) {
  const words = sandboxWords(language);
  return z.object({
    cardNumber: z
      .string()
      .transform(digitsOnly)
      .pipe(
        z
          .string()
          .min(1, words.cardNumberMissing)
          .regex(/^\d{12,19}$/, words.cardNumberDigits)
          .refine(passesLuhn, words.cardNumberInvalid),
      ),
    expiry: z
      .string()
      .trim()
      .min(1, words.expiryMissing)
      .refine((value) => parseCardExpiry(value) !== null, words.expiryForm)
      .refine((value) => {
        const expiry = parseCardExpiry(value);
        if (!expiry) return true;
        // A card is valid to the end of its month.
        const thisMonth = todayInJapan(now()).slice(0, 7);
        return `${expiry.year}-${String(expiry.month).padStart(2, "0")}` >= thisMonth;
      }, words.expiryPast),
    cvc: z
      .string()
      .transform(digitsOnly)
      .pipe(
        z
          .string()
          .min(1, words.cvcMissing)
          .regex(/^\d{3,4}$/, words.cvcDigits),
      ),
    cardName: z
      .string()
      .trim()
      .min(1, words.cardNameMissing)
      .max(100, words.cardNameTooLong)
      .regex(/^[^\p{Cc}]*$/u, words.cardNameCharacters),
  });
}

const cardSchemas = new Map<SandboxLanguage, ReturnType<typeof cardSchema>>();

/** The card form's schema in `language` (one per language, shared by the form and the action). */
export function sandboxCardSchemaIn(language: SandboxLanguage) {
  let schema = cardSchemas.get(language);
  if (!schema) cardSchemas.set(language, (schema = cardSchema(language)));
  return schema;
}
export type SandboxCardInput = z.input<ReturnType<typeof cardSchema>>;
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
