// Sent when an applicant (パスワードを忘れた場合) or staff reissue the 申請用パスワード. After
// パスワードを忘れた場合 ("pending") the current password keeps working until the new one is used, so
// an unexpected email can be ignored; after staff reissue ("replace") the old one is dead at once.
import { z } from "zod";
import { emailDraft, japaneseSubject } from "./common";
import {
  temporaryCredentialBlocks,
  temporaryCredentialsSchema,
  type TemporaryCredentials,
} from "./temporary-credentials";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const passwordReissuedEmailSchema = temporaryCredentialsSchema.extend({
  // Emails queued before this field existed were all "replace".
  mode: z.enum(["replace", "pending"]).default("replace"),
});

export type PasswordReissuedEmailData = TemporaryCredentials & { mode?: "replace" | "pending" };

export const PASSWORD_REISSUED_SUBJECT = japaneseSubject("passwordReissued.subject");

export function passwordReissuedDraft(data: PasswordReissuedEmailData, words: EmailWords): EmailDraft {
  const isPending = data.mode === "pending";
  return emailDraft(words, "passwordReissued.subject", data.name, [
    {
      kind: "paragraph",
      lines: [
        words.t("passwordReissued.reissued"),
        words.t(isPending ? "passwordReissued.pendingKeepsWorking" : "passwordReissued.replacedStops"),
        words.t("passwordReissued.logIn"),
      ],
    },
    ...temporaryCredentialBlocks(
      data,
      words.t(isPending ? "passwordReissued.notYouPending" : "passwordReissued.notYouReplace"),
      words,
    ),
  ]);
}

export function renderPasswordReissuedEmail(data: PasswordReissuedEmailData): RenderedEmail {
  return renderDraft(passwordReissuedDraft(data, JAPANESE_WORDS));
}
