// コンビニ払い / 払込票: the numbers to pay with (or that the slip is being mailed), the amount, the
// deadline and, for a store, how to pay there. Written to the outbox in the same transaction as
// the payment becomes 支払待ち at the provider.
import { z } from "zod";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailBlock, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const paymentCodeIssuedEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  /** "コンビニ払い" or "払込票". */
  method: z.enum(["konbini", "slip"]),
  /** The chain's name (コンビニ払い). */
  storeName: z.string().optional(),
  /** What the chain calls the code (受付番号, 払込票番号, オンライン決済番号). */
  numberLabel: z.string().optional(),
  number: z.string().optional(),
  confirmationNumber: z.string().optional(),
  steps: z.array(z.string()).optional(),
  /** "2,500円（税込）". */
  amount: z.string().min(1),
  expiresAt: emailDateSchema,
  paymentUrl: emailUrlSchema,
});

export type PaymentCodeIssuedEmailData = z.output<typeof paymentCodeIssuedEmailSchema>;

export const PAYMENT_CODE_ISSUED_SUBJECT = japaneseSubject("paymentCodeIssued.subject");

export function paymentCodeIssuedDraft(data: PaymentCodeIssuedEmailData, words: EmailWords): EmailDraft {
  const deadline = japanTime(data.expiresAt, words);
  const amount = words.value(data.amount);
  const blocks: EmailBlock[] =
    data.method === "konbini"
      ? [
          { kind: "paragraph", lines: linesOf(words, "paymentCodeIssued.konbiniIntro") },
          field(words.t("labels.applicationNumber"), data.applicationNumber),
          field(words.t("labels.payee"), data.storeName ?? ""),
          field(
            data.numberLabel === undefined ? words.t("labels.receiptNumber") : words.value(data.numberLabel),
            data.number ?? "",
          ),
          ...(data.confirmationNumber
            ? [field(words.t("labels.confirmationNumber"), data.confirmationNumber)]
            : []),
          field(words.t("labels.amount"), amount),
          field(words.t("labels.deadline"), deadline),
          {
            kind: "paragraph",
            // A store's steps are its own Japanese, in every language.
            lines: [
              `【${words.t("labels.howToPay")}】`,
              ...(data.steps ?? []).map((step, index) => `${index + 1}. ${step}`),
            ],
          },
        ]
      : [
          { kind: "paragraph", lines: linesOf(words, "paymentCodeIssued.slipIntro") },
          field(words.t("labels.applicationNumber"), data.applicationNumber),
          ...(data.number ? [field(words.t("labels.slipNumber"), data.number)] : []),
          field(words.t("labels.slipAmount"), amount),
          field(words.t("labels.deadline"), deadline),
        ];
  return emailDraft(words, "paymentCodeIssued.subject", data.name, [
    ...blocks,
    { kind: "note", lines: linesOf(words, "paymentCodeIssued.afterPayment") },
    field(words.t("labels.paymentPage"), data.paymentUrl, data.paymentUrl),
  ]);
}

export function renderPaymentCodeIssuedEmail(data: PaymentCodeIssuedEmailData): RenderedEmail {
  return renderDraft(paymentCodeIssuedDraft(data, JAPANESE_WORDS));
}
