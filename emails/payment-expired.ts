// The 支払期限 passed with nothing paid: the applicant may choose a method again.
import type { PaymentDueEmailData } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const PAYMENT_EXPIRED_SUBJECT = japaneseSubject("paymentExpired.subject");

export function paymentExpiredDraft(data: PaymentDueEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "paymentExpired.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "paymentExpired.intro") },
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.amount"), words.value(data.amount)),
    field(words.t("labels.pastDeadline"), japanTime(data.dueAt, words)),
    field(words.t("labels.paymentPage"), data.paymentUrl, data.paymentUrl),
  ]);
}

export function renderPaymentExpiredEmail(data: PaymentDueEmailData): RenderedEmail {
  return renderDraft(paymentExpiredDraft(data, JAPANESE_WORDS));
}
