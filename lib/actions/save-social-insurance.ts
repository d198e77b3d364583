"use server";
// 社会保険・建退共・中退共: 次へ, 一時保存 and the background save.
import { redirect } from "next/navigation";
import { requireApplicant } from "@/lib/dal/session";
import { saveSocialInsurance } from "@/lib/applications/save-groups";
import { requireStepReachable } from "@/lib/registration/progress";
import { socialInsuranceDraftSchema, socialInsuranceSchema } from "@/lib/schemas/social-insurance";
import { now } from "@/lib/clock";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";

const keys = [
  "healthInsurance",
  "pensionInsurance",
  "employmentInsurance",
  "employmentInsuranceNumber",
  "kentaikyo",
  "kentaikyoNumber",
  "chutaikyo",
] as const;

export async function saveSocialInsuranceAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const values = formDataToStrings(formData, keys);
  const isDraft = formData.get("intent") === "draft";
  const parsed = (isDraft ? socialInsuranceDraftSchema : socialInsuranceSchema).safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  const isComplete = isDraft ? socialInsuranceSchema.safeParse(values).success : true;
  if (!(await saveSocialInsurance(applicant.id, parsed.data, isComplete))) {
    return errorState({ formError: "送信済みの申請は変更できません。", values });
  }
  if (isDraft)
    return { status: "success", formMessage: "一時保存しました。", values, submittedAt: Date.now() };
  redirect("/registration/content");
}

export async function autosaveSocialInsuranceAction(formData: FormData): Promise<string | null> {
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const values = formDataToStrings(formData, keys);
  const parsed = socialInsuranceDraftSchema.safeParse(values);
  if (!parsed.success) return null;
  const isComplete = socialInsuranceSchema.safeParse(values).success;
  return (await saveSocialInsurance(applicant.id, parsed.data, isComplete)) ? now().toISOString() : null;
}
