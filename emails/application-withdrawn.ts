// 取下げ: the applicant withdrew the application before review; a paid fee is refunded.
import { z } from "zod";
import { emailDateSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const applicationWithdrawnEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  withdrawnAt: emailDateSchema,
  /** "2,500円（税込）" when a paid fee was refunded. */
  refundAmount: z.string().optional(),
});

export type ApplicationWithdrawnEmailData = z.output<typeof applicationWithdrawnEmailSchema>;

export const APPLICATION_WITHDRAWN_SUBJECT = japaneseSubject("applicationWithdrawn.subject");

export function applicationWithdrawnDraft(
  data: ApplicationWithdrawnEmailData,
  words: EmailWords,
): EmailDraft {
  return emailDraft(words, "applicationWithdrawn.subject", data.name, [
    { kind: "paragraph", lines: [words.t("applicationWithdrawn.intro")] },
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.withdrawnAt"), japanTime(data.withdrawnAt, words)),
    ...(data.refundAmount
      ? [
          field(words.t("labels.refundAmount"), words.value(data.refundAmount)),
          { kind: "note" as const, lines: [words.t("applicationWithdrawn.refund")] },
        ]
      : []),
    { kind: "note", lines: [words.t("applicationWithdrawn.notYou")] },
  ]);
}

export function renderApplicationWithdrawnEmail(data: ApplicationWithdrawnEmailData): RenderedEmail {
  return renderDraft(applicationWithdrawnDraft(data, JAPANESE_WORDS));
}
