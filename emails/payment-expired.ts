// The 支払期限 passed with nothing paid: the applicant may choose a method again.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

export const paymentExpiredEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  amount: z.string().min(1),
  dueAt: emailDateSchema,
  paymentUrl: emailUrlSchema,
});

export type PaymentExpiredEmailData = z.output<typeof paymentExpiredEmailSchema>;

export const PAYMENT_EXPIRED_SUBJECT = emailSubject("登録料のお支払い期限が過ぎました");

export function renderPaymentExpiredEmail(data: PaymentExpiredEmailData): RenderedEmail {
  return renderEmail({
    subject: PAYMENT_EXPIRED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "技能者情報登録の登録料のお支払い期限が過ぎました。発行済みのお支払い番号は使えません。",
          "引き続き登録を希望される場合は、下記のページでお支払い方法をもう一度選んでください。",
        ],
      },
      { kind: "field", label: "【申請番号】", value: data.applicationNumber },
      { kind: "field", label: "【お支払い金額】", value: data.amount },
      {
        kind: "field",
        label: "【過ぎたお支払い期限】",
        value: `${formatJstDateTime(data.dueAt)}（日本時間）`,
      },
      { kind: "field", label: "【登録料のお支払い】", value: data.paymentUrl, href: data.paymentUrl },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
