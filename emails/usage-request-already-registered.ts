// 利用申し込み for an address that already has a 申請ログインID: no second ID is issued; the
// address's owner is told the existing ID and how to get a new password. The page the requester
// saw said the same as for a new address, so only this mailbox learns that the address is known.
// It never carries a password.
import { z } from "zod";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

// Strict: a password handed in by mistake is refused rather than silently carried along.
export const usageRequestAlreadyRegisteredEmailSchema = z.strictObject({
  /** The registered applicant's name (not the name typed in the request). */
  name: z.string().min(1),
  /** Every 申請ログインID issued to this address, the one in use first; usually one. */
  loginIds: z.array(z.string().regex(/^\d{14}$/)).min(1),
  requestedAt: emailDateSchema,
  loginUrl: emailUrlSchema,
  forgotPasswordUrl: emailUrlSchema,
});

export type UsageRequestAlreadyRegisteredEmailData = z.output<
  typeof usageRequestAlreadyRegisteredEmailSchema
>;

export const USAGE_REQUEST_ALREADY_REGISTERED_SUBJECT = japaneseSubject(
  "usageRequestAlreadyRegistered.subject",
);

export function usageRequestAlreadyRegisteredDraft(
  data: UsageRequestAlreadyRegisteredEmailData,
  words: EmailWords,
): EmailDraft {
  return emailDraft(words, "usageRequestAlreadyRegistered.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "usageRequestAlreadyRegistered.intro") },
    ...data.loginIds.map((loginId) => field(words.t("labels.loginId"), loginId)),
    field(words.t("labels.loginUrl"), data.loginUrl, data.loginUrl),
    field(words.t("labels.requestedAt"), japanTime(data.requestedAt, words)),
    { kind: "paragraph", lines: linesOf(words, "usageRequestAlreadyRegistered.forgot") },
    field(words.t("labels.forgotPassword"), data.forgotPasswordUrl, data.forgotPasswordUrl),
    { kind: "note", lines: linesOf(words, "usageRequestAlreadyRegistered.notes") },
  ]);
}

export function renderUsageRequestAlreadyRegisteredEmail(
  data: UsageRequestAlreadyRegisteredEmailData,
): RenderedEmail {
  return renderDraft(usageRequestAlreadyRegisteredDraft(data, JAPANESE_WORDS));
}
