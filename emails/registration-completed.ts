// 登録完了: staff approved the application and a 技能者ID was issued. The card and the 登録料
// are handled outside this portal, so the mail only says that they follow separately.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

export const registrationCompletedEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  /** 14 digits (Application.technicianId). */
  technicianId: z.string().regex(/^[0-9]{14}$/),
  /** "簡略型登録" / "詳細型登録". */
  registrationType: z.string().min(1),
  completedAt: emailDateSchema,
  loginUrl: emailUrlSchema,
});

export type RegistrationCompletedEmailData = z.output<typeof registrationCompletedEmailSchema>;

export const REGISTRATION_COMPLETED_SUBJECT = emailSubject("技能者情報登録完了のお知らせ");

export function renderRegistrationCompletedEmail(data: RegistrationCompletedEmailData): RenderedEmail {
  return renderEmail({
    subject: REGISTRATION_COMPLETED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "建設キャリアアップシステムの技能者情報登録が完了しました。",
          "下記の技能者IDは、今後のお手続きやお問い合わせに必要です。大切に保管してください。",
        ],
      },
      { kind: "field", label: "【技能者ID】", value: data.technicianId },
      { kind: "field", label: "【申請番号】", value: data.applicationNumber },
      { kind: "field", label: "【登録方式】", value: data.registrationType },
      {
        kind: "field",
        label: "【登録完了日時】",
        value: `${formatJstDateTime(data.completedAt)}（日本時間）`,
      },
      {
        kind: "paragraph",
        lines: [
          `建設キャリアアップカードの発行と、${data.registrationType}の登録料のお支払いは、このポータルとは別のお手続きです。`,
          "お手続きの方法は、登録事務局からのご案内をご確認ください。",
        ],
      },
      {
        kind: "paragraph",
        lines: ["このポータルへは、下記の申請用ログインURLからログインできます。"],
      },
      { kind: "field", label: "【申請用ログインURL】", value: data.loginUrl, href: data.loginUrl },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
