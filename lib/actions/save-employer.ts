"use server";
// 所属事業者情報: 次へ, 一時保存 and the background save.
import { redirect } from "next/navigation";
import { messageRef } from "@/lib/i18n/message-ref";
import { requireApplicant } from "@/lib/dal/session";
import { saveEmployer } from "@/lib/applications/save-groups";
import { requireStepReachable } from "@/lib/registration/progress";
import { employerDraftSchema, employerSchema } from "@/lib/schemas/employer";
import { now } from "@/lib/clock";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { pathAfterGroupSave } from "@/lib/registration/return-to";
import { applyActionFault } from "@/lib/test-kit/faults";

const keys = ["employmentKind", "employerName", "employerId"] as const;
const NOT_EDITABLE = messageRef("content.messages.notEditable");

export async function saveEmployerAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("saveEmployerAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const values = formDataToStrings(formData, keys);
  const isDraft = formData.get("intent") === "draft";
  const parsed = (isDraft ? employerDraftSchema : employerSchema).safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  const isComplete = isDraft ? employerSchema.safeParse(values).success : true;
  if (!(await saveEmployer(applicant.id, parsed.data, isComplete))) {
    return errorState({ formError: NOT_EDITABLE, values });
  }
  if (isDraft)
    return {
      status: "success",
      formMessage: messageRef("content.messages.draftSaved"),
      values,
      submittedAt: Date.now(),
    };
  redirect(pathAfterGroupSave(formData));
}

export async function autosaveEmployerAction(formData: FormData): Promise<string | null> {
  await applyActionFault("autosaveEmployerAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const values = formDataToStrings(formData, keys);
  const parsed = employerDraftSchema.safeParse(values);
  if (!parsed.success) return null;
  const isComplete = employerSchema.safeParse(values).success;
  return (await saveEmployer(applicant.id, parsed.data, isComplete)) ? now().toISOString() : null;
}
