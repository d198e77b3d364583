// 申請内容不備: staff checked a sent application and returned it. Lists every 不備 (group, reason,
// staff comment) and tells the applicant to correct it through 20_申請の修正 and send it again.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./render";

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

export const APPLICATION_RETURNED_SUBJECT = emailSubject("技能者情報申請内容不備のお知らせ");

function itemBlock(item: ApplicationReturnedEmailData["items"][number], index: number): EmailBlock {
  const comment = item.comment.trim();
  return {
    kind: "paragraph",
    lines: [
      `【不備 ${index + 1}】${item.groupLabel} — ${item.reasonLabel}`,
      // A comment may span lines; each becomes a line of the mail.
      ...(comment === ""
        ? []
        : comment.split(/\r?\n/).map((line, i) => (i === 0 ? `コメント：${line}` : line))),
    ],
  };
}

export function renderApplicationReturnedEmail(data: ApplicationReturnedEmailData): RenderedEmail {
  return renderEmail({
    subject: APPLICATION_RETURNED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "建設キャリアアップシステムの技能者情報登録の申請内容を確認したところ、不備がありました。",
          "下記の内容をご確認ください。",
        ],
      },
      { kind: "field", label: "【申請番号】", value: data.applicationNumber },
      { kind: "field", label: "【申請ログインID】", value: data.loginId },
      { kind: "field", label: "【確認日時】", value: `${formatJstDateTime(data.returnedAt)}（日本時間）` },
      ...data.items.map(itemBlock),
      {
        kind: "paragraph",
        lines: [
          "申請用ログインURLからログインし、「20_申請の修正」から申請内容を修正のうえ、再度申請（再申請）してください。",
          "再申請の後、登録事務局があらためて申請内容を審査します。",
        ],
      },
      { kind: "field", label: "【申請用ログインURL】", value: data.loginUrl, href: data.loginUrl },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
