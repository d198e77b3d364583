// The blocks the ID email and the reissue email share: 【申請ログインID】【申請用パスワード】
// 【申請用ログインURL】【日付】 (in this order) and the note on the temporary password's limits.
import { z } from "zod";
import { formatJstDate, formatJstDateTime } from "@/lib/format/date";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { field } from "./common";
import type { EmailBlock } from "./render";
import type { EmailWords } from "./words";

export const temporaryCredentialsSchema = z.strictObject({
  name: z.string().min(1),
  loginId: z.string().min(1),
  temporaryPassword: z.string().min(1),
  loginUrl: emailUrlSchema,
  issuedAt: emailDateSchema,
  expiresAt: emailDateSchema,
});
export type TemporaryCredentials = z.output<typeof temporaryCredentialsSchema>;

export function temporaryCredentialBlocks(
  data: TemporaryCredentials,
  closingNote: string,
  words: EmailWords,
): EmailBlock[] {
  return [
    field(words.t("labels.loginId"), data.loginId),
    field(words.t("labels.temporaryPassword"), data.temporaryPassword),
    field(words.t("labels.loginUrl"), data.loginUrl, data.loginUrl),
    field(words.t("labels.date"), formatJstDate(data.issuedAt)),
    {
      kind: "note",
      lines: [
        words.t("temporaryCredentials.oneTime", { expiresAt: formatJstDateTime(data.expiresAt) }),
        words.t("temporaryCredentials.changeAtFirstLogin"),
        closingNote,
      ],
    },
  ];
}
