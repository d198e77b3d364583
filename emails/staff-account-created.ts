// The email that hands a new staff member their account and temporary password (職員アカウント作成).
// The temporary password comes in as secret data (sealed in the outbox, erased once sent).
// Staff read Japanese: this email has no other language (issue 15).
import { z } from "zod";
import { formatJstDate, formatJstDateTime } from "@/lib/format/date";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailFooter, emailGreeting, emailSubject } from "./common";
import { renderEmail, type RenderedEmail } from "./render";
import { JAPANESE_WORDS } from "./words";

// Strict, like the other templates: an unexpected field is refused rather than carried along.
export const staffAccountCreatedEmailSchema = z.strictObject({
  name: z.string().min(1),
  email: z.string().min(1),
  temporaryPassword: z.string().min(1),
  loginUrl: emailUrlSchema,
  issuedAt: emailDateSchema,
  expiresAt: emailDateSchema,
});

export type StaffAccountCreatedEmailData = z.output<typeof staffAccountCreatedEmailSchema>;

export const STAFF_ACCOUNT_CREATED_SUBJECT = emailSubject("職員用アカウント発行のお知らせ");

export function renderStaffAccountCreatedEmail(data: StaffAccountCreatedEmailData): RenderedEmail {
  return renderEmail({
    subject: STAFF_ACCOUNT_CREATED_SUBJECT,
    greeting: emailGreeting(data.name, JAPANESE_WORDS),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "建設キャリアアップシステム 職員用画面のアカウントを発行しました。",
          "職員用ログインURLより、メールアドレスと仮パスワードでログインしてください。",
        ],
      },
      { kind: "field", label: "【メールアドレス】", value: data.email },
      { kind: "field", label: "【仮パスワード】", value: data.temporaryPassword },
      { kind: "field", label: "【職員用ログインURL】", value: data.loginUrl, href: data.loginUrl },
      { kind: "field", label: "【日付】", value: formatJstDate(data.issuedAt) },
      {
        kind: "note",
        lines: [
          `※仮パスワードの有効期限は ${formatJstDateTime(data.expiresAt)}（日本時間）までです。期限が過ぎた場合は、管理者に連絡してください。`,
          "※初回ログイン時に、パスワードの変更が必要です。",
          "※このメールにお心当たりがない場合は、このメールを破棄してください。",
        ],
      },
    ],
    footer: emailFooter(JAPANESE_WORDS),
  });
}
