// The receipt for a sent 技能者情報登録 application (申請内容送信): its 申請番号, registration type
// and fee, and what happens next. Written to the outbox in the same transaction as the sending.
import { z } from "zod";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const applicationReceivedEmailSchema = z.strictObject({
  name: z.string().min(1),
  loginId: z.string().min(1),
  applicationNumber: z.string().min(1),
  /** "簡略型登録" / "詳細型登録". */
  registrationType: z.string().min(1),
  /** "2,500円（税込）". */
  fee: z.string().min(1),
  submittedAt: emailDateSchema,
  loginUrl: emailUrlSchema,
  /** A 再申請: the application came back with 不備 and was sent again (same 申請番号). */
  isResubmission: z.boolean().optional(),
});

export type ApplicationReceivedEmailData = z.output<typeof applicationReceivedEmailSchema>;

export const APPLICATION_RECEIVED_SUBJECT = japaneseSubject("applicationReceived.subject");

export function applicationReceivedDraft(data: ApplicationReceivedEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "applicationReceived.subject", data.name, [
    {
      kind: "paragraph",
      lines: [
        words.t(
          data.isResubmission ? "applicationReceived.resubmissionReceived" : "applicationReceived.received",
        ),
        words.t("applicationReceived.quoteNumber"),
      ],
    },
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.loginId"), data.loginId),
    field(words.t("labels.registrationType"), words.value(data.registrationType)),
    field(words.t("labels.fee"), words.value(data.fee)),
    field(
      words.t(data.isResubmission ? "labels.resubmittedAt" : "labels.submittedAt"),
      japanTime(data.submittedAt, words),
    ),
    { kind: "paragraph", lines: linesOf(words, "applicationReceived.next") },
    field(words.t("labels.loginUrl"), data.loginUrl, data.loginUrl),
  ]);
}

export function renderApplicationReceivedEmail(data: ApplicationReceivedEmailData): RenderedEmail {
  return renderDraft(applicationReceivedDraft(data, JAPANESE_WORDS));
}
