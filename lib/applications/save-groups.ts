// Stores the 所属事業者情報, 職種 and 社会保険・建退共・中退共 pages of a draft application.
import "server-only";
import { db } from "@/lib/db";
import { editableApplicationId } from "@/lib/applications/draft-application";
import type { EmployerDraft } from "@/lib/schemas/employer";
import { SOCIAL_INSURANCE_FIELDS, type SocialInsuranceDraft } from "@/lib/schemas/social-insurance";

/** The applicant's application while it may still change (入力中), or null once it is sent. */
export async function saveEmployer(applicantId: string, values: EmployerDraft, isComplete: boolean) {
  const applicationId = await editableApplicationId(applicantId);
  if (!applicationId) return false;
  const row = {
    isComplete,
    employmentKind: values.employmentKind ?? null,
    employerName: values.employerName ?? null,
    employerId: values.employerId ?? null,
  };
  await db.applicationEmployer.upsert({
    where: { applicationId },
    create: { applicationId, ...row },
    update: row,
  });
  return true;
}

/** Replaces the chosen 職種 (1 to 4 rows, in order) in one transaction. */
export async function saveJobTypes(applicantId: string, codes: readonly string[]) {
  const applicationId = await editableApplicationId(applicantId);
  if (!applicationId) return false;
  await db.$transaction([
    db.applicationJobType.deleteMany({ where: { applicationId } }),
    db.applicationJobType.createMany({
      data: codes.map((code, index) => {
        const [majorCode = "", minorCode = ""] = code.split("-");
        return { applicationId, position: index + 1, majorCode, minorCode };
      }),
    }),
  ]);
  return true;
}

export async function saveSocialInsurance(
  applicantId: string,
  values: SocialInsuranceDraft,
  isComplete: boolean,
) {
  const applicationId = await editableApplicationId(applicantId);
  if (!applicationId) return false;
  const row = {
    isComplete,
    healthInsurance: values.healthInsurance ?? null,
    pensionInsurance: values.pensionInsurance ?? null,
    employmentInsurance: values.employmentInsurance ?? null,
    employmentInsuranceNumber: values.employmentInsuranceNumber ?? null,
    kentaikyo: values.kentaikyo ?? null,
    kentaikyoNumber: values.kentaikyoNumber ?? null,
    chutaikyo: values.chutaikyo ?? null,
  };
  await db.applicationSocialInsurance.upsert({
    where: { applicationId },
    create: { applicationId, ...row },
    update: row,
  });
  return true;
}

/** The stored 社会保険 page as form values (strings; "" for nothing). */
export function socialInsuranceFormValues(
  row: Partial<Record<(typeof SOCIAL_INSURANCE_FIELDS)[number], string | null>> | null,
): Record<(typeof SOCIAL_INSURANCE_FIELDS)[number], string> {
  return Object.fromEntries(SOCIAL_INSURANCE_FIELDS.map((key) => [key, row?.[key] ?? ""])) as Record<
    (typeof SOCIAL_INSURANCE_FIELDS)[number],
    string
  >;
}
