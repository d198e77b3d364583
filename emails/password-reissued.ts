// Sent when an applicant (パスワードを忘れた場合) or staff reissue the 申請用パスワード. After
// パスワードを忘れた場合 ("pending") the current password keeps working until the new one is used, so
// an unexpected email can be ignored; after staff reissue ("replace") the old one is dead at once.
import { z } from "zod";
import { EMAIL_FOOTER, emailGreeting, emailSubject } from "./common";
import {
  temporaryCredentialBlocks,
  temporaryCredentialsSchema,
  type TemporaryCredentials,
} from "./temporary-credentials";
import { renderEmail, type RenderedEmail } from "./render";

export const passwordReissuedEmailSchema = temporaryCredentialsSchema.extend({
  // Emails queued before this field existed were all "replace".
  mode: z.enum(["replace", "pending"]).default("replace"),
});

export type PasswordReissuedEmailData = TemporaryCredentials & { mode?: "replace" | "pending" };

export const PASSWORD_REISSUED_SUBJECT = emailSubject("申請用パスワード再発行のお知らせ");

export function renderPasswordReissuedEmail(data: PasswordReissuedEmailData): RenderedEmail {
  const isPending = data.mode === "pending";
  return renderEmail({
    subject: PASSWORD_REISSUED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "建設キャリアアップシステムの申請用パスワードを再発行しました。",
          isPending
            ? "下記の申請用パスワードでログインするまでは、現在のパスワードもそのまま使用できます。"
            : "以前にお送りした申請用パスワードは使用できなくなりました。",
          "下記の申請用パスワードで申請用ログインURLよりログインのうえ、お手続きをすすめてください。",
        ],
      },
      ...temporaryCredentialBlocks(
        data,
        isPending
          ? "※再発行にお心当たりがない場合は、このメールを破棄してください。現在のパスワードは変わりません。"
          : "※再発行にお心当たりがない場合は、建設キャリアアップシステムの問い合わせ窓口までご連絡ください。",
      ),
    ],
    footer: [...EMAIL_FOOTER],
  });
}
