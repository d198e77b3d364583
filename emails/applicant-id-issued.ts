// The email that hands a technician their 申請ログインID and one-time 申請用パスワード: the first step,
// before the first login and the forced password change.
import { EMAIL_FOOTER, emailGreeting, emailSubject } from "./common";
import {
  temporaryCredentialBlocks,
  temporaryCredentialsSchema,
  type TemporaryCredentials,
} from "./temporary-credentials";
import { renderEmail, type RenderedEmail } from "./render";

export const applicantIdIssuedEmailSchema = temporaryCredentialsSchema;

export type ApplicantIdIssuedEmailData = TemporaryCredentials;

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
      ...temporaryCredentialBlocks(
        data,
        "※このメールにお心当たりがない場合は、このメールを破棄してください。",
      ),
    ],
    footer: [...EMAIL_FOOTER],
  });
}
