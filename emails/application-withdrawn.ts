// 取下げ: the applicant withdrew the application before review; a paid fee is refunded.
import { z } from "zod";
import { formatJstDateTime } from "@/lib/format/date";
import { EMAIL_FOOTER, emailDateSchema, emailGreeting, emailSubject } from "./common";
import { renderEmail, type RenderedEmail } from "./render";

export const applicationWithdrawnEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  withdrawnAt: emailDateSchema,
  /** "2,500円（税込）" when a paid fee was refunded. */
  refundAmount: z.string().optional(),
});

export type ApplicationWithdrawnEmailData = z.output<typeof applicationWithdrawnEmailSchema>;

export const APPLICATION_WITHDRAWN_SUBJECT = emailSubject("技能者情報登録申請の取下げのお知らせ");

export function renderApplicationWithdrawnEmail(data: ApplicationWithdrawnEmailData): RenderedEmail {
  return renderEmail({
    subject: APPLICATION_WITHDRAWN_SUBJECT,
    greeting: emailGreeting(data.name),
    blocks: [
      { kind: "paragraph", lines: ["技能者情報登録の申請を取り下げました。"] },
      { kind: "field", label: "【申請番号】", value: data.applicationNumber },
      {
        kind: "field",
        label: "【取下げ日時】",
        value: `${formatJstDateTime(data.withdrawnAt)}（日本時間）`,
      },
      ...(data.refundAmount
        ? [
            { kind: "field" as const, label: "【返金額】", value: data.refundAmount },
            {
              kind: "note" as const,
              lines: ["お支払いいただいた登録料は、お支払いに使われた方法で返金します。"],
            },
          ]
        : []),
      {
        kind: "note",
        lines: ["この取下げにお心当たりがない場合は、至急、登録事務局までご連絡ください。"],
      },
    ],
    footer: [...EMAIL_FOOTER],
  });
}
