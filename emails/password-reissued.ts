// Sent when staff reissue an applicant's 申請用パスワード; the previous one stops working.
import { z } from "zod";
import { formatJstDate, formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

export const passwordReissuedEmailSchema = z.strictObject({
  name: z.string().min(1),
  loginId: z.string().min(1),
  temporaryPassword: z.string().min(1),
  loginUrl: emailUrlSchema,
  issuedAt: emailDateSchema,
  expiresAt: emailDateSchema,
});

export type PasswordReissuedEmailData = z.output<typeof passwordReissuedEmailSchema>;

export const PASSWORD_REISSUED_SUBJECT = emailSubject("申請用パスワード再発行のお知らせ");

export function renderPasswordReissuedEmail(data: PasswordReissuedEmailData): RenderedEmail {
  return renderEmail({
    subject: PASSWORD_REISSUED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "建設キャリアアップシステムの申請用パスワードを再発行しました。",
          "以前にお送りした申請用パスワードは使用できなくなりました。",
          "下記の申請用パスワードで申請用ログインURLよりログインのうえ、お手続きをすすめてください。",
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
          "※再発行にお心当たりがない場合は、建設キャリアアップシステムの問い合わせ窓口までご連絡ください。",
        ],
      },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
