"use server";
// 社会保険・建退共・中退共: 次へ, 一時保存, 「健康保険の証明書類を削除」 and the background save.
// The proof image is stored as soon as it is sent (whatever else is wrong, so it never has to be
// picked again); 次へ needs one unless 健康保険 is 適用除外. The background save sends no files.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { messageRef } from "@/lib/i18n/message-ref";
import { requireApplicant } from "@/lib/dal/session";
import { findApplicationOf } from "@/lib/applications/draft-application";
import { saveSocialInsurance } from "@/lib/applications/save-groups";
import { removeApplicationImage } from "@/lib/files/application-files";
import { readFormIntent, storePickedImages } from "@/lib/files/form-images";
import { requireStepReachable } from "@/lib/registration/progress";
import {
  HEALTH_INSURANCE_PROOF_FIELD,
  SOCIAL_INSURANCE_MESSAGES,
  isHealthInsuranceProofRequired,
  socialInsuranceDraftSchema,
  socialInsuranceSchema,
  SOCIAL_INSURANCE_FIELDS,
} from "@/lib/schemas/social-insurance";
import { now } from "@/lib/clock";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { pathAfterGroupSave } from "@/lib/registration/return-to";
import { applyActionFault } from "@/lib/test-kit/faults";

const keys = SOCIAL_INSURANCE_FIELDS;
const PROOF_SLOT = "health-insurance-proof";
const NOT_EDITABLE = messageRef("content.messages.notEditable");

async function hasStoredProof(applicantId: string): Promise<boolean> {
  const application = await findApplicationOf(applicantId);
  return application?.files.some((file) => file.slot === PROOF_SLOT) ?? false;
}

/** Whether 次へ would accept the page: every answer, and the proof where one is needed. */
function isPageComplete(values: Record<string, string>, hasProof: boolean): boolean {
  return (
    socialInsuranceSchema.safeParse(values).success &&
    (hasProof || !isHealthInsuranceProofRequired(values.healthInsurance))
  );
}

export async function saveSocialInsuranceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await applyActionFault("saveSocialInsuranceAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const values = formDataToStrings(formData, keys);
  const intent = readFormIntent(formData, [PROOF_SLOT]);
  const isDraft = intent.kind !== "next";

  // The proof first: it is kept even when the answers below need fixing. None is stored for
  // 適用除外 (none is asked for).
  let filesChanged = false;
  let fileErrors: Record<string, string[]> = {};
  if (intent.kind === "remove") {
    if (!(await removeApplicationImage(applicant.id, intent.slot))) {
      return errorState({ formError: NOT_EDITABLE, values });
    }
    filesChanged = true;
  } else if (isHealthInsuranceProofRequired(values.healthInsurance)) {
    const stored = await storePickedImages(applicant.id, formData, [
      { name: HEALTH_INSURANCE_PROOF_FIELD, slot: PROOF_SLOT },
    ]);
    if (stored.formError) return errorState({ formError: stored.formError, values });
    filesChanged = stored.changed;
    fileErrors = stored.fieldErrors;
  }
  if (filesChanged) refresh();

  const hasProof = await hasStoredProof(applicant.id);
  const proofErrors: Record<string, string[]> =
    !isDraft &&
    !hasProof &&
    !fileErrors[HEALTH_INSURANCE_PROOF_FIELD] &&
    isHealthInsuranceProofRequired(values.healthInsurance)
      ? { [HEALTH_INSURANCE_PROOF_FIELD]: [SOCIAL_INSURANCE_MESSAGES.healthInsuranceProofRequired] }
      : {};

  const parsed = (isDraft ? socialInsuranceDraftSchema : socialInsuranceSchema).safeParse(values);
  if (!parsed.success) {
    return errorState({
      fieldErrors: { ...fieldErrorsOf(parsed.error), ...fileErrors, ...proofErrors },
      values,
    });
  }
  const isComplete = isPageComplete(values, hasProof) && Object.keys(fileErrors).length === 0;
  if (!(await saveSocialInsurance(applicant.id, parsed.data, isComplete))) {
    return errorState({ formError: NOT_EDITABLE, values });
  }
  const problems = { ...fileErrors, ...proofErrors };
  if (Object.keys(problems).length > 0) return errorState({ fieldErrors: problems, values });
  if (isDraft) {
    const formMessage =
      intent.kind === "remove"
        ? messageRef("socialInsurance.validation.proofDeleted", {
            label: messageRef("socialInsurance.labels.healthInsuranceProof"),
          })
        : messageRef("content.messages.draftSaved");
    return { status: "success", formMessage, values, submittedAt: Date.now() };
  }
  // 適用除外 needs no proof: one sent earlier is not kept (like a number left in a hidden field).
  if (hasProof && !isHealthInsuranceProofRequired(values.healthInsurance)) {
    await removeApplicationImage(applicant.id, PROOF_SLOT);
  }
  redirect(pathAfterGroupSave(formData));
}

/** The background save: the answers only (the form strips files from what it sends). */
export async function autosaveSocialInsuranceAction(formData: FormData): Promise<string | null> {
  await applyActionFault("autosaveSocialInsuranceAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const values = formDataToStrings(formData, keys);
  const parsed = socialInsuranceDraftSchema.safeParse(values);
  if (!parsed.success) return null;
  const isComplete = isPageComplete(values, await hasStoredProof(applicant.id));
  return (await saveSocialInsurance(applicant.id, parsed.data, isComplete)) ? now().toISOString() : null;
}
