// The blocks the ID email and the reissue email share: 【申請ログインID】【申請用パスワード】
// 【申請用ログインURL】【日付】 (in this order) and the note on the temporary password's limits.
import { z } from "zod";
import { formatJstDate, formatJstDateTime } from "@/lib/format/date";
import { emailDateSchema, emailUrlSchema } from "./common";
import type { EmailBlock } from "./render";

export const temporaryCredentialsSchema = z.strictObject({
  name: z.string().min(1),
  loginId: z.string().min(1),
  temporaryPassword: z.string().min(1),
  loginUrl: emailUrlSchema,
  issuedAt: emailDateSchema,
  expiresAt: emailDateSchema,
});
export type TemporaryCredentials = z.output<typeof temporaryCredentialsSchema>;

export function temporaryCredentialBlocks(data: TemporaryCredentials, closingNote: string): EmailBlock[] {
  return [
    { kind: "field", label: "【申請ログインID】", value: data.loginId },
    { kind: "field", label: "【申請用パスワード】", value: data.temporaryPassword },
    { kind: "field", label: "【申請用ログインURL】", value: data.loginUrl, href: data.loginUrl },
    { kind: "field", label: "【日付】", value: formatJstDate(data.issuedAt) },
    {
      kind: "note",
      lines: [
        `※申請用パスワードは1回のみ使用できます。有効期限は ${formatJstDateTime(data.expiresAt)}（日本時間）までです。`,
        "※初回ログイン時に、パスワードの変更が必要です。",
        closingNote,
      ],
    },
  ];
}
