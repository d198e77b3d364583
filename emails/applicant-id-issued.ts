// The email that hands a technician their 申請ログインID and one-time 申請用パスワード (seed §STEP 1).
import { z } from "zod";
import { formatJstDate, formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

export const applicantIdIssuedEmailSchema = z.strictObject({
  name: z.string().min(1),
  loginId: z.string().min(1),
  temporaryPassword: z.string().min(1),
  loginUrl: emailUrlSchema,
  issuedAt: emailDateSchema,
  expiresAt: emailDateSchema,
});

export type ApplicantIdIssuedEmailData = z.output<typeof applicantIdIssuedEmailSchema>;

export const APPLICANT_ID_ISSUED_SUBJECT = emailSubject(
  "技能者新規登録申請用ログインID・パスワードのお知らせ",
);

export function renderApplicantIdIssuedEmail(data: ApplicantIdIssuedEmailData): RenderedEmail {
  return renderEmail({
    subject: APPLICANT_ID_ISSUED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "建設キャリアアップシステムの「技能者情報新規登録」の申請を受け付けました。",
          "申請ログインID・申請用パスワードの発行をしましたので",
          "申請用ログインURLよりログインのうえ、お手続きをすすめてください。",
        ],
      },
      { kind: "field", label: "【申請ログインID】", value: data.loginId },
      { kind: "field", label: "【申請用パスワード】", value: data.temporaryPassword },
      { kind: "field", label: "【申請用ログインURL】", value: data.loginUrl, href: data.loginUrl },
      { kind: "field", label: "【日付】", value: formatJstDate(data.issuedAt) },
      {
        kind: "note",
        lines: [
          `※申請用パスワードは1回のみ使用できます。有効期限は ${formatJstDateTime(data.expiresAt)}（日本時間）までです。`,
          "※初回ログイン時に、パスワードの変更が必要です。",
          "※このメールにお心当たりがない場合は、このメールを破棄してください。",
        ],
      },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
