// The reminder PAYMENT_REMINDER_DAYS before the 支払期限 of a fee not yet paid.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

export const paymentReminderEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  amount: z.string().min(1),
  dueAt: emailDateSchema,
  paymentUrl: emailUrlSchema,
});

export type PaymentReminderEmailData = z.output<typeof paymentReminderEmailSchema>;

export const PAYMENT_REMINDER_SUBJECT = emailSubject("登録料のお支払い期限が近づいています");

export function renderPaymentReminderEmail(data: PaymentReminderEmailData): RenderedEmail {
  return renderEmail({
    subject: PAYMENT_REMINDER_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "技能者情報登録の登録料のお支払いが、まだ確認できていません。",
          "お支払い期限までにお支払いください。期限を過ぎると、お支払い方法の選び直しが必要になります。",
        ],
      },
      { kind: "field", label: "【申請番号】", value: data.applicationNumber },
      { kind: "field", label: "【お支払い金額】", value: data.amount },
      { kind: "field", label: "【お支払い期限】", value: `${formatJstDateTime(data.dueAt)}（日本時間）` },
      {
        kind: "note",
        lines: ["すでにお支払いいただいた場合は、行き違いですのでご容赦ください。"],
      },
      { kind: "field", label: "【登録料のお支払い】", value: data.paymentUrl, href: data.paymentUrl },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
