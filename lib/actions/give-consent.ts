"use server";
// Steps 1 and 2 of 登録申請: 確認しました + 同意する records the consent; 同意しない does not go on.
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { requireApplicant } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { findCurrentConsentDocument } from "@/lib/consents/consent-documents";
import { recordConsent } from "@/lib/consents/record-consent";
import { findResumePath } from "@/lib/registration/progress";
import { consentSchema } from "@/lib/schemas/consent";
import { errorState, fieldErrorsOf, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";
import { messageRef } from "@/lib/i18n/message-ref";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

const requestSchema = z.object({
  kind: z.enum(["PERSONAL_INFO", "TERMS"]),
  documentId: z.string().uuid(),
  decision: z.enum(["agree", "decline"]).default("agree"),
  // The language the page was shown in (its form says; issue 15). The Japanese text binds.
  shownLocale: z.enum(LOCALES).optional(),
});

export async function giveConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("giveConsentAction");
  const { applicant } = await requireApplicant();
  const request = requestSchema.safeParse({
    kind: formData.get("kind"),
    documentId: formData.get("documentId"),
    decision: formData.get("decision") ?? undefined,
    shownLocale: formData.get("shownLocale") ?? undefined,
  });
  if (!request.success) return errorState({ formError: messageRef("registration.consent.errors.reload") });
  if (request.data.decision === "decline") redirect("/registration/consent/declined");

  const parsed = consentSchema.safeParse({ confirmed: formData.get("confirmed") === "on" });
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error) });

  const document = await findCurrentConsentDocument(request.data.kind);
  if (!document || document.id !== request.data.documentId) {
    return errorState({ formError: messageRef("registration.consent.errors.updated") });
  }
  const shownLocale: Locale = request.data.shownLocale ?? ((await getLocale()) as Locale);
  await recordConsent(applicant.id, document, await getRequestContext(), shownLocale);
  redirect(await findResumePath(applicant.id));
}
