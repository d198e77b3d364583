// Sent when an applicant (パスワードを忘れた場合) or staff reissue the's 申請用パスワード; the previous one stops working.
import { EMAIL_FOOTER, emailGreeting, emailSubject } from "./common";
import {
  temporaryCredentialBlocks,
  temporaryCredentialsSchema,
  type TemporaryCredentials,
} from "./temporary-credentials";
import { renderEmail, type RenderedEmail } from "./render";

export const passwordReissuedEmailSchema = temporaryCredentialsSchema;

export type PasswordReissuedEmailData = TemporaryCredentials;

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
      ...temporaryCredentialBlocks(
        data,
        "※再発行にお心当たりがない場合は、建設キャリアアップシステムの問い合わせ窓口までご連絡ください。",
      ),
    ],
    footer: [...EMAIL_FOOTER],
  });
}
