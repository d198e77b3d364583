"use server";
// 職種: 次へ (1 to 4 from the code list) and 一時保存.
import { redirect } from "next/navigation";
import { messageRef } from "@/lib/i18n/message-ref";
import { requireApplicant } from "@/lib/dal/session";
import { saveJobTypes } from "@/lib/applications/save-groups";
import { requireStepReachable } from "@/lib/registration/progress";
import { jobTypeCodes } from "@/lib/reference/job-types";
import { JOB_TYPE_FIELDS, makeJobTypesDraftSchema, makeJobTypesSchema } from "@/lib/schemas/job-types";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { pathAfterGroupSave } from "@/lib/registration/return-to";
import { applyActionFault } from "@/lib/test-kit/faults";
import { now } from "@/lib/clock";

export async function saveJobTypesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("saveJobTypesAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const values = formDataToStrings(formData, JOB_TYPE_FIELDS);
  const isDraft = formData.get("intent") === "draft";
  const schema = (isDraft ? makeJobTypesDraftSchema : makeJobTypesSchema)(jobTypeCodes());
  const parsed = schema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  if (!(await saveJobTypes(applicant.id, parsed.data.jobTypes))) {
    return errorState({ formError: messageRef("content.messages.notEditable"), values });
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

export async function autosaveJobTypesAction(formData: FormData): Promise<string | null> {
  await applyActionFault("autosaveJobTypesAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const parsed = makeJobTypesDraftSchema(jobTypeCodes()).safeParse(
    formDataToStrings(formData, JOB_TYPE_FIELDS),
  );
  if (!parsed.success) return null;
  return (await saveJobTypes(applicant.id, parsed.data.jobTypes)) ? now().toISOString() : null;
}
