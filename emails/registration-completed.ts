// 登録完了: staff approved the application and a 技能者ID was issued. The card and the 登録料
// are handled outside this portal, so the mail only says that they follow separately.
import { z } from "zod";
import { emailDateSchema, emailUrlSchema } from "./data-schemas";
import { emailDraft, field, japaneseSubject, japanTime, linesOf } from "./common";
import { renderDraft, type EmailDraft, type RenderedEmail } from "./render";
import { JAPANESE_WORDS, type EmailWords } from "./words";

export const registrationCompletedEmailSchema = z.strictObject({
  name: z.string().min(1),
  applicationNumber: z.string().min(1),
  /** 14 digits (Application.technicianId). */
  technicianId: z.string().regex(/^[0-9]{14}$/),
  /** "簡略型登録" / "詳細型登録". */
  registrationType: z.string().min(1),
  completedAt: emailDateSchema,
  loginUrl: emailUrlSchema,
});

export type RegistrationCompletedEmailData = z.output<typeof registrationCompletedEmailSchema>;

export const REGISTRATION_COMPLETED_SUBJECT = japaneseSubject("registrationCompleted.subject");

export function registrationCompletedDraft(
  data: RegistrationCompletedEmailData,
  words: EmailWords,
): EmailDraft {
  const registrationType = words.value(data.registrationType);
  return emailDraft(words, "registrationCompleted.subject", data.name, [
    { kind: "paragraph", lines: linesOf(words, "registrationCompleted.intro") },
    field(words.t("labels.technicianId"), data.technicianId),
    field(words.t("labels.applicationNumber"), data.applicationNumber),
    field(words.t("labels.registrationType"), registrationType),
    field(words.t("labels.completedAt"), japanTime(data.completedAt, words)),
    {
      kind: "paragraph",
      lines: words.t("registrationCompleted.cardAndFee", { registrationType }).split("\n"),
    },
    { kind: "paragraph", lines: [words.t("registrationCompleted.logInHere")] },
    field(words.t("labels.loginUrl"), data.loginUrl, data.loginUrl),
  ]);
}

export function renderRegistrationCompletedEmail(data: RegistrationCompletedEmailData): RenderedEmail {
  return renderDraft(registrationCompletedDraft(data, JAPANESE_WORDS));
}
