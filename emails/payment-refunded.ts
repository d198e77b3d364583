// A paid fee was refunded through the provider (staff's refund or a 取下げ).
import { z } from "zod";
import { emailDateSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const paymentRefundedEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  amount: z.string().min(1),
  method: z.string().min(1),
  refundedAt: emailDateSchema,
});

export type PaymentRefundedEmailData = z.output<typeof paymentRefundedEmailSchema>;

export const PAYMENT_REFUNDED_SUBJECT = japaneseSubject("paymentRefunded.subject");

export function paymentRefundedDraft(data: PaymentRefundedEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "paymentRefunded.subject", data.name, [
    { kind: "paragraph", lines: [words.t("paymentRefunded.intro")] },
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.refundAmount"), words.value(data.amount)),
    field(words.t("labels.method"), words.value(data.method)),
    field(words.t("labels.refundedAt"), japanTime(data.refundedAt, words)),
    { kind: "note", lines: linesOf(words, "paymentRefunded.note") },
  ]);
}

export function renderPaymentRefundedEmail(data: PaymentRefundedEmailData): RenderedEmail {
  return renderDraft(paymentRefundedDraft(data, JAPANESE_WORDS));
}
