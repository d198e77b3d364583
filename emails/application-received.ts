// The receipt for a sent 技能者情報登録 application (申請内容送信): its 申請番号, registration type
// and fee, and what happens next. Written to the outbox in the same transaction as the sending.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

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

export const APPLICATION_RECEIVED_SUBJECT = emailSubject("技能者情報登録申請受付のお知らせ");

export function renderApplicationReceivedEmail(data: ApplicationReceivedEmailData): RenderedEmail {
  return renderEmail({
    subject: APPLICATION_RECEIVED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          data.isResubmission
            ? "建設キャリアアップシステムの技能者情報登録について、修正した申請（再申請）を受け付けました。"
            : "建設キャリアアップシステムの技能者情報登録の申請を受け付けました。",
          "お問い合わせの際は、下記の申請番号をお知らせください。",
        ],
      },
      { kind: "field", label: "【申請番号】", value: data.applicationNumber },
      { kind: "field", label: "【申請ログインID】", value: data.loginId },
      { kind: "field", label: "【登録方式】", value: data.registrationType },
      { kind: "field", label: "【登録料】", value: data.fee },
      {
        kind: "field",
        label: data.isResubmission ? "【再申請日時】" : "【申請日時】",
        value: `${formatJstDateTime(data.submittedAt)}（日本時間）`,
      },
      {
        kind: "paragraph",
        lines: [
          "今後、登録事務局が申請内容を審査します。",
          "審査が終わると、登録完了または申請内容不備のお知らせをメールでお送りします。",
          "不備があった場合は、申請用ログインURLからログインし、「20_申請の修正」から修正してください。",
        ],
      },
      { kind: "field", label: "【申請用ログインURL】", value: data.loginUrl, href: data.loginUrl },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
