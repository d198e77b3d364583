// The 支払期限 passed with nothing paid: the applicant may choose a method again.
import { z } from "zod";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const paymentExpiredEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  amount: z.string().min(1),
  dueAt: emailDateSchema,
  paymentUrl: emailUrlSchema,
});

export type PaymentExpiredEmailData = z.output<typeof paymentExpiredEmailSchema>;

export const PAYMENT_EXPIRED_SUBJECT = japaneseSubject("paymentExpired.subject");

export function paymentExpiredDraft(data: PaymentExpiredEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "paymentExpired.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "paymentExpired.intro") },
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.amount"), words.value(data.amount)),
    field(words.t("labels.pastDeadline"), japanTime(data.dueAt, words)),
    field(words.t("labels.paymentPage"), data.paymentUrl, data.paymentUrl),
  ]);
}

export function renderPaymentExpiredEmail(data: PaymentExpiredEmailData): RenderedEmail {
  return renderDraft(paymentExpiredDraft(data, JAPANESE_WORDS));
}
