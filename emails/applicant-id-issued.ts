// The email that hands a technician their 申請ログインID and one-time 申請用パスワード: the first step,
// before the first login and the forced password change.
import { emailDraft, japaneseSubject, linesOf } from "./common";
import {
  temporaryCredentialBlocks,
  temporaryCredentialsSchema,
  type TemporaryCredentials,
} from "./temporary-credentials";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const applicantIdIssuedEmailSchema = temporaryCredentialsSchema;

export type ApplicantIdIssuedEmailData = TemporaryCredentials;

export const APPLICANT_ID_ISSUED_SUBJECT = japaneseSubject("applicantIdIssued.subject");

export function applicantIdIssuedDraft(data: ApplicantIdIssuedEmailData, words: EmailWords): EmailDraft {
  return emailDraft(words, "applicantIdIssued.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "applicantIdIssued.intro") },
    ...temporaryCredentialBlocks(data, words.t("applicantIdIssued.notYou"), words),
  ]);
}

export function renderApplicantIdIssuedEmail(data: ApplicantIdIssuedEmailData): RenderedEmail {
  return renderDraft(applicantIdIssuedDraft(data, JAPANESE_WORDS));
}
