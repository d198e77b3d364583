// 申請内容不備: staff checked a sent application and returned it. Lists every 不備 (group, reason,
// staff comment) and tells the applicant to correct it through 20_申請の修正 and send it again.
import { z } from "zod";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailBlock, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";
import { rubyInBrackets } from "@/lib/i18n/ruby";
import { returnReasonTextIn } from "@/lib/reference/return-reason-labels";

const returnedItemSchema = z.strictObject({
  /** The content group's label: "本人情報". */
  groupLabel: z.string().min(1),
  /** The reason's label from data/return-reasons.csv. */
  reasonLabel: z.string().min(1),
  /** The staff member's comment; may be empty. */
  comment: z.string(),
});

export const applicationReturnedEmailSchema = z.strictObject({
  name: z.string().min(1),
  loginId: z.string().min(1),
  applicationNumber: z.string().min(1),
  items: z.array(returnedItemSchema).min(1),
  returnedAt: emailDateSchema,
  loginUrl: emailUrlSchema,
});

export type ApplicationReturnedEmailData = z.output<typeof applicationReturnedEmailSchema>;

export const APPLICATION_RETURNED_SUBJECT = japaneseSubject("applicationReturned.subject");

/** A stored reason label in the email's language (the Japanese email: exactly as stored). */
function reasonText(label: string, words: EmailWords): string {
  const text = returnReasonTextIn(words.locale, label);
  return words.locale === "ja-x-easy" ? rubyInBrackets(text) : text;
}

function itemBlock(
  item: ApplicationReturnedEmailData["items"][number],
  index: number,
  words: EmailWords,
): EmailBlock {
  const comment = item.comment.trim();
  return {
    kind: "paragraph",
    lines: [
      // The group and comment are the staff's Japanese, in every language; the reason is put into
      // the email's language where data/return-reasons.csv has it, the Japanese beside it.
      `【${words.t("labels.returnedItem", { number: index + 1 })}】${item.groupLabel} — ${reasonText(item.reasonLabel, words)}`,
      // A comment may span lines; each becomes a line of the mail.
      ...(comment === ""
        ? []
        : comment.split(/\r?\n/).map((line, i) => (i === 0 ? words.t("labels.comment", { line }) : line))),
    ],
  };
}

export function applicationReturnedDraft(data: ApplicationReturnedEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "applicationReturned.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "applicationReturned.intro") },
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.loginId"), data.loginId),
    field(words.t("labels.returnedAt"), japanTime(data.returnedAt, words)),
    ...data.items.map((item, index) => itemBlock(item, index, words)),
    { kind: "paragraph", lines: linesOf(words, "applicationReturned.next") },
    field(words.t("labels.loginUrl"), data.loginUrl, data.loginUrl),
  ]);
}

export function renderApplicationReturnedEmail(data: ApplicationReturnedEmailData): RenderedEmail {
  return renderDraft(applicationReturnedDraft(data, JAPANESE_WORDS));
}
