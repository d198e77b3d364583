// 利用申し込み for an address that already has a 申請ログインID: no second ID is issued; the
// address's owner is told the existing ID and how to get a new password. The page the requester
// saw said the same as for a new address, so only this mailbox learns that the address is known.
// It never carries a password.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./render";

// Strict: a password handed in by mistake is refused rather than silently carried along.
export const usageRequestAlreadyRegisteredEmailSchema = z.strictObject({
  /** The registered applicant's name (not the name typed in the request). */
  name: z.string().min(1),
  /** Every 申請ログインID issued to this address, the one in use first; usually one. */
  loginIds: z.array(z.string().regex(/^\d{14}$/)).min(1),
  requestedAt: emailDateSchema,
  loginUrl: emailUrlSchema,
  forgotPasswordUrl: emailUrlSchema,
});

export type UsageRequestAlreadyRegisteredEmailData = z.output<
  typeof usageRequestAlreadyRegisteredEmailSchema
>;

export const USAGE_REQUEST_ALREADY_REGISTERED_SUBJECT =
  emailSubject("申請ログインIDのお知らせ（利用申し込み）");

export function renderUsageRequestAlreadyRegisteredEmail(
  data: UsageRequestAlreadyRegisteredEmailData,
): RenderedEmail {
  const idBlocks: EmailBlock[] = data.loginIds.map((loginId) => ({
    kind: "field",
    label: "【申請ログインID】",
    value: loginId,
  }));
  return renderEmail({
    subject: USAGE_REQUEST_ALREADY_REGISTERED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "建設キャリアアップシステムの利用申し込みを受け付けました。",
          "このメールアドレスには、すでに申請ログインIDが発行されているため、新しい申請ログインIDは発行していません。",
          "下記の申請ログインIDで、申請用ログインURLよりログインしてください。",
        ],
      },
      ...idBlocks,
      { kind: "field", label: "【申請用ログインURL】", value: data.loginUrl, href: data.loginUrl },
      {
        kind: "field",
        label: "【利用申し込みの受付日時】",
        value: `${formatJstDateTime(data.requestedAt)}（日本時間）`,
      },
      {
        kind: "paragraph",
        lines: [
          "パスワードがわからない場合は、下記の「パスワードを忘れた場合」のページで、申請ログインIDとこのメールアドレスを入力してください。",
          "新しい申請用パスワードをメールでお送りします。",
        ],
      },
      {
        kind: "field",
        label: "【パスワードを忘れた場合】",
        value: data.forgotPasswordUrl,
        href: data.forgotPasswordUrl,
      },
      {
        kind: "note",
        lines: [
          "※このメールアドレスをご家族など別の方と共用していて、別の方が申し込まれた場合は、その方ご自身のメールアドレスでお申し込みください。",
          "※この申し込みにお心当たりがない場合は、このメールを破棄してください。パスワードは変更されていません。",
        ],
      },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
