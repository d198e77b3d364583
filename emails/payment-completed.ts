// 登録料のお支払いを確認しました: sent in the transaction that marks the fee paid.
import { z } from "zod";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const paymentCompletedEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  /** "2,500円（税込）". */
  amount: z.string().min(1),
  /** クレジットカード / コンビニ払い / 払込票. */
  method: z.string().min(1),
  paidAt: emailDateSchema,
  paymentUrl: emailUrlSchema,
});

export type PaymentCompletedEmailData = z.output<typeof paymentCompletedEmailSchema>;

export const PAYMENT_COMPLETED_SUBJECT = japaneseSubject("paymentCompleted.subject");

export function paymentCompletedDraft(data: PaymentCompletedEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "paymentCompleted.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "paymentCompleted.intro") },
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.amount"), words.value(data.amount)),
    field(words.t("labels.method"), words.value(data.method)),
    field(words.t("labels.paidAt"), japanTime(data.paidAt, words)),
    { kind: "note", lines: [words.t("paymentCompleted.receipt")] },
    field(words.t("labels.paymentPage"), data.paymentUrl, data.paymentUrl),
  ]);
}

export function renderPaymentCompletedEmail(data: PaymentCompletedEmailData): RenderedEmail {
  return renderDraft(paymentCompletedDraft(data, JAPANESE_WORDS));
}
