// A paid fee was refunded through the provider (staff's refund or a 取下げ).
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

export const paymentRefundedEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  amount: z.string().min(1),
  method: z.string().min(1),
  refundedAt: emailDateSchema,
});

export type PaymentRefundedEmailData = z.output<typeof paymentRefundedEmailSchema>;

export const PAYMENT_REFUNDED_SUBJECT = emailSubject("登録料の返金のお知らせ");

export function renderPaymentRefundedEmail(data: PaymentRefundedEmailData): RenderedEmail {
  return renderEmail({
    subject: PAYMENT_REFUNDED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      { kind: "paragraph", lines: ["技能者情報登録の登録料を返金しました。"] },
      { kind: "field", label: "【申請番号】", value: data.applicationNumber },
      { kind: "field", label: "【返金額】", value: data.amount },
      { kind: "field", label: "【お支払い方法】", value: data.method },
      { kind: "field", label: "【返金日時】", value: `${formatJstDateTime(data.refundedAt)}（日本時間）` },
      {
        kind: "note",
        lines: [
          "クレジットカードの場合は、カード会社を通じて返金されます。反映までの日数はカード会社によって異なります。",
          "コンビニ払い・払込票の場合の返金の受け取り方法は、登録事務局からご案内します。",
        ],
      },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
