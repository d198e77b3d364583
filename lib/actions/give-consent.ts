"use server";
// Steps 1 and 2 of 登録申請: 確認しました + 同意する records the consent; 同意しない does not go on.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireApplicant } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { findCurrentConsentDocument } from "@/lib/consents/consent-documents";
import { recordConsent } from "@/lib/consents/record-consent";
import { findResumePath } from "@/lib/registration/progress";
import { consentSchema } from "@/lib/schemas/consent";
import { errorState, fieldErrorsOf, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

const requestSchema = z.object({
  kind: z.enum(["PERSONAL_INFO", "TERMS"]),
  documentId: z.string().uuid(),
  decision: z.enum(["agree", "decline"]).default("agree"),
});

export async function giveConsentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("giveConsentAction");
  const { applicant } = await requireApplicant();
  const request = requestSchema.safeParse({
    kind: formData.get("kind"),
    documentId: formData.get("documentId"),
    decision: formData.get("decision") ?? undefined,
  });
  if (!request.success) return errorState({ formError: "画面を読み込み直して、もう一度お試しください。" });
  if (request.data.decision === "decline") redirect("/registration/consent/declined");

  const parsed = consentSchema.safeParse({ confirmed: formData.get("confirmed") === "on" });
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error) });

  const document = await findCurrentConsentDocument(request.data.kind);
  if (!document || document.id !== request.data.documentId) {
    return errorState({
      formError:
        "内容が更新されました。最新の内容をお読みのうえ、もう一度「確認しました」にチェックを入れてください。",
    });
  }
  await recordConsent(applicant.id, document, await getRequestContext());
  redirect(await findResumePath(applicant.id));
}
