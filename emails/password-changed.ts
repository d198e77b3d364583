// Tells an applicant that their password was changed, so an unexpected change gets noticed.
// It must never carry a password.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

// Strict: a password handed in by mistake is refused rather than silently carried along.
export const passwordChangedEmailSchema = z.strictObject({
  name: z.string().min(1),
  loginId: z.string().min(1),
  changedAt: emailDateSchema,
  loginUrl: emailUrlSchema,
});

export type PasswordChangedEmailData = z.output<typeof passwordChangedEmailSchema>;

export const PASSWORD_CHANGED_SUBJECT = emailSubject("パスワード変更のお知らせ");

export function renderPasswordChangedEmail(data: PasswordChangedEmailData): RenderedEmail {
  return renderEmail({
    subject: PASSWORD_CHANGED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "建設キャリアアップシステムの申請ログインIDのパスワードが変更されました。",
          "次回から、変更後のパスワードで申請用ログインURLよりログインしてください。",
        ],
      },
      { kind: "field", label: "【申請ログインID】", value: data.loginId },
      { kind: "field", label: "【変更日時】", value: `${formatJstDateTime(data.changedAt)}（日本時間）` },
      { kind: "field", label: "【申請用ログインURL】", value: data.loginUrl, href: data.loginUrl },
      {
        kind: "note",
        lines: [
          "※このパスワード変更にお心当たりがない場合は、第三者に不正に利用されているおそれがあります。",
          "　至急、建設キャリアアップシステムの問い合わせ窓口までご連絡ください。",
        ],
      },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
