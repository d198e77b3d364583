// The reminder PAYMENT_REMINDER_DAYS before the 支払期限 of a fee not yet paid.
import type { PaymentDueEmailData } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const PAYMENT_REMINDER_SUBJECT = japaneseSubject("paymentReminder.subject");

export function paymentReminderDraft(data: PaymentDueEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "paymentReminder.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "paymentReminder.intro") },
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.amount"), words.value(data.amount)),
    field(words.t("labels.deadline"), japanTime(data.dueAt, words)),
    { kind: "note", lines: [words.t("paymentReminder.alreadyPaid")] },
    field(words.t("labels.paymentPage"), data.paymentUrl, data.paymentUrl),
  ]);
}

export function renderPaymentReminderEmail(data: PaymentDueEmailData): RenderedEmail {
  return renderDraft(paymentReminderDraft(data, JAPANESE_WORDS));
}
