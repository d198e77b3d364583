// Tells an applicant that their password was changed, so an unexpected change gets noticed.
// It must never carry a password.
import { z } from "zod";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

// Strict: a password handed in by mistake is refused rather than silently carried along.
export const passwordChangedEmailSchema = z.strictObject({
  name: z.string().min(1),
  loginId: z.string().min(1),
  changedAt: emailDateSchema,
  loginUrl: emailUrlSchema,
});

export type PasswordChangedEmailData = z.output<typeof passwordChangedEmailSchema>;

export const PASSWORD_CHANGED_SUBJECT = japaneseSubject("passwordChanged.subject");

export function passwordChangedDraft(data: PasswordChangedEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "passwordChanged.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "passwordChanged.intro") },
    field(words.t("labels.loginId"), data.loginId),
    field(words.t("labels.changedAt"), japanTime(data.changedAt, words)),
    field(words.t("labels.loginUrl"), data.loginUrl, data.loginUrl),
    { kind: "note", lines: linesOf(words, "passwordChanged.notYou") },
  ]);
}

export function renderPasswordChangedEmail(data: PasswordChangedEmailData): RenderedEmail {
  return renderDraft(passwordChangedDraft(data, JAPANESE_WORDS));
}
