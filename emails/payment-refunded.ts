// A paid fee was refunded through the provider (staff's refund or a 取下げ).
import { z } from "zod";
import {
  emailDateSchema,
  emailFooter,
  emailGreeting,
  emailSubject,
  field,
  japanTime,
  linesOf,
} from "./common";
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

export const PAYMENT_REFUNDED_SUBJECT = emailSubject(JAPANESE_WORDS.title("paymentRefunded.subject"));

export function paymentRefundedDraft(data: PaymentRefundedEmailData, words: EmailWords): EmailDraft {
  return {
    title: words.title("paymentRefunded.subject"),
    greeting: emailGreeting(data.name, words),
    blocks: [
      { kind: "paragraph", lines: [words.t("paymentRefunded.intro")] },
      field(words.t("labels.applicationNumber"), data.applicationNumber),
      field(words.t("labels.refundAmount"), words.value(data.amount)),
      field(words.t("labels.method"), words.value(data.method)),
      field(words.t("labels.refundedAt"), japanTime(data.refundedAt, words)),
      { kind: "note", lines: linesOf(words, "paymentRefunded.note") },
    ],
    footer: emailFooter(words),
  };
}

export function renderPaymentRefundedEmail(data: PaymentRefundedEmailData): RenderedEmail {
  return renderDraft(paymentRefundedDraft(data, JAPANESE_WORDS));
}
