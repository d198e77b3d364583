"use server";
// 本人情報: 次へ (checks everything, then back to the task list), 一時保存 (keeps what is typed,
// checking only its format) and the background save while typing.
import { redirect } from "next/navigation";
import { messageRef } from "@/lib/i18n/message-ref";
import { requireApplicant } from "@/lib/dal/session";
import { now } from "@/lib/clock";
import { savePersonalInfo } from "@/lib/applications/save-personal-info";
import { requireStepReachable } from "@/lib/registration/progress";
import { countryOptions } from "@/lib/reference/countries";
import {
  PERSONAL_INFO_FIELDS,
  makePersonalInfoDraftSchema,
  makePersonalInfoSchema,
  todayInJapan,
} from "@/lib/schemas/personal-info";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { pathAfterGroupSave } from "@/lib/registration/return-to";
import { applyActionFault } from "@/lib/test-kit/faults";

const readForm = (formData: FormData) => formDataToStrings(formData, PERSONAL_INFO_FIELDS);

function schemaOptions() {
  return { today: todayInJapan(now()), countryCodes: countryOptions().map((c) => c.value) };
}

const NOT_EDITABLE = messageRef("content.messages.notEditable");

export async function savePersonalInfoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("savePersonalInfoAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const values = readForm(formData);
  const options = schemaOptions();

  if (formData.get("intent") === "draft") {
    const draft = makePersonalInfoDraftSchema(options).safeParse(values);
    if (!draft.success) return errorState({ fieldErrors: fieldErrorsOf(draft.error), values });
    const isComplete = makePersonalInfoSchema(options).safeParse(values).success;
    if (!(await savePersonalInfo(applicant.id, draft.data, isComplete))) {
      return errorState({ formError: NOT_EDITABLE, values });
    }
    return {
      status: "success",
      formMessage: messageRef("content.messages.draftSaved"),
      values,
      submittedAt: Date.now(),
    };
  }

  const parsed = makePersonalInfoSchema(options).safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  if (!(await savePersonalInfo(applicant.id, parsed.data, true))) {
    return errorState({ formError: NOT_EDITABLE, values });
  }
  redirect(pathAfterGroupSave(formData));
}

/**
 * The background save: keeps every field whose format is right (a half-typed one is left
 * out, never blocks the rest). Returns the time saved, or null when nothing could be saved.
 */
export async function autosavePersonalInfoAction(formData: FormData): Promise<string | null> {
  await applyActionFault("autosavePersonalInfoAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const options = schemaOptions();
  const draftSchema = makePersonalInfoDraftSchema(options);
  const values = readForm(formData);
  let result = draftSchema.safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path[0];
      if (typeof key === "string") values[key] = "";
    }
    result = draftSchema.safeParse(values);
  }
  if (!result.success) return null;
  const isComplete = makePersonalInfoSchema(options).safeParse(values).success;
  if (!(await savePersonalInfo(applicant.id, result.data, isComplete))) return null;
  return now().toISOString();
}
