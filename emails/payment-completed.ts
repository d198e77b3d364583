// 登録料のお支払いを確認しました: sent in the transaction that marks the fee paid.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

export const paymentCompletedEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  /** "2,500円（税込）". */
  amount: z.string().min(1),
  /** クレジットカード / コンビニ払い / 払込票. */
  method: z.string().min(1),
  paidAt: emailDateSchema,
  paymentUrl: emailUrlSchema,
});

export type PaymentCompletedEmailData = z.output<typeof paymentCompletedEmailSchema>;

export const PAYMENT_COMPLETED_SUBJECT = emailSubject("登録料のお支払い確認のお知らせ");

export function renderPaymentCompletedEmail(data: PaymentCompletedEmailData): RenderedEmail {
  return renderEmail({
    subject: PAYMENT_COMPLETED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      {
        kind: "paragraph",
        lines: [
          "技能者情報登録の登録料のお支払いを確認しました。ありがとうございました。",
          "今後、登録事務局が申請内容を審査します。",
        ],
      },
      { kind: "field", label: "【申請番号】", value: data.applicationNumber },
      { kind: "field", label: "【お支払い金額】", value: data.amount },
      { kind: "field", label: "【お支払い方法】", value: data.method },
      { kind: "field", label: "【お支払い日時】", value: `${formatJstDateTime(data.paidAt)}（日本時間）` },
      { kind: "note", lines: ["領収書は、下記のページからダウンロードできます。"] },
      { kind: "field", label: "【登録料のお支払い】", value: data.paymentUrl, href: data.paymentUrl },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
