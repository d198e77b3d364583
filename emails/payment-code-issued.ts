// コンビニ払い / 払込票: the numbers to pay with (or that the slip is being mailed), the amount, the
// deadline and, for a store, how to pay there. Written to the outbox in the same transaction as
// the payment becomes 支払待ち at the provider.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject, emailUrlSchema } from "./common";
import { renderEmail, type EmailBlock, type RenderedEmail } from "./render";

export const paymentCodeIssuedEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  /** "コンビニ払い" or "払込票". */
  method: z.enum(["konbini", "slip"]),
  /** The chain's name (コンビニ払い). */
  storeName: z.string().optional(),
  /** What the chain calls the code (受付番号, 払込票番号, オンライン決済番号). */
  numberLabel: z.string().optional(),
  number: z.string().optional(),
  confirmationNumber: z.string().optional(),
  steps: z.array(z.string()).optional(),
  /** "2,500円（税込）". */
  amount: z.string().min(1),
  expiresAt: emailDateSchema,
  paymentUrl: emailUrlSchema,
});

export type PaymentCodeIssuedEmailData = z.output<typeof paymentCodeIssuedEmailSchema>;

export const PAYMENT_CODE_ISSUED_SUBJECT = emailSubject("登録料のお支払い方法のお知らせ");

export function renderPaymentCodeIssuedEmail(data: PaymentCodeIssuedEmailData): RenderedEmail {
  const deadline = `${formatJstDateTime(data.expiresAt)}（日本時間）`;
  const blocks: EmailBlock[] =
    data.method === "konbini"
      ? [
          {
            kind: "paragraph",
            lines: [
              "技能者情報登録の登録料を、コンビニ払いでお支払いいただく番号を発行しました。",
              "お支払い期限までに、下記のコンビニでお支払いください。",
            ],
          },
          { kind: "field", label: "【申請番号】", value: data.applicationNumber },
          { kind: "field", label: "【お支払い先】", value: data.storeName ?? "" },
          { kind: "field", label: `【${data.numberLabel ?? "受付番号"}】`, value: data.number ?? "" },
          ...(data.confirmationNumber
            ? [{ kind: "field" as const, label: "【確認番号】", value: data.confirmationNumber }]
            : []),
          { kind: "field", label: "【お支払い金額】", value: data.amount },
          { kind: "field", label: "【お支払い期限】", value: deadline },
          {
            kind: "paragraph",
            lines: ["【お支払い方法】", ...(data.steps ?? []).map((step, index) => `${index + 1}. ${step}`)],
          },
        ]
      : [
          {
            kind: "paragraph",
            lines: [
              "技能者情報登録の登録料の払込票を、カードの送付先住所へ郵送します（発送準備中）。",
              "払込票が届きましたら、お支払い期限までにお支払いください。",
            ],
          },
          { kind: "field", label: "【申請番号】", value: data.applicationNumber },
          ...(data.number ? [{ kind: "field" as const, label: "【払込票番号】", value: data.number }] : []),
          { kind: "field", label: "【お支払い金額（払込票の手数料を含む）】", value: data.amount },
          { kind: "field", label: "【お支払い期限】", value: deadline },
        ];
  return renderEmail({
    subject: PAYMENT_CODE_ISSUED_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      ...blocks,
      {
        kind: "note",
        lines: [
          "お支払いが確認できると、メールと通知でお知らせします。",
          "お支払いの状況は、下記のページで確認できます。",
        ],
      },
      { kind: "field", label: "【登録料のお支払い】", value: data.paymentUrl, href: data.paymentUrl },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
