// Stores the 所属事業者情報, 職種 and 社会保険・建退共・中退共 pages of a draft application. Each save
// answers false, writing nothing, once the application is no longer editable (see
// writeEditableApplication: the check and the write are one transaction under the row lock).
import "server-only";
import { writeEditableApplication } from "@/lib/applications/draft-application";
import type { EmployerDraft } from "@/lib/schemas/employer";
import { SOCIAL_INSURANCE_FIELDS, type SocialInsuranceDraft } from "@/lib/schemas/social-insurance";

export async function saveEmployer(applicantId: string, values: EmployerDraft, isComplete: boolean) {
  const row = {
    isComplete,
    employmentKind: values.employmentKind ?? null,
    employerName: values.employerName ?? null,
    employerId: values.employerId ?? null,
  };
  const saved = await writeEditableApplication(applicantId, (tx, applicationId) =>
    tx.applicationEmployer.upsert({
      where: { applicationId },
      create: { applicationId, ...row },
      update: row,
      select: { applicationId: true },
    }),
  );
  return saved !== null;
}

/** Replaces the chosen 職種 (1 to 4 rows, in order) in one transaction. */
export async function saveJobTypes(applicantId: string, codes: readonly string[]) {
  const saved = await writeEditableApplication(applicantId, async (tx, applicationId) => {
    await tx.applicationJobType.deleteMany({ where: { applicationId } });
    return tx.applicationJobType.createMany({
      data: codes.map((code, index) => {
        const [majorCode = "", minorCode = ""] = code.split("-");
        return { applicationId, position: index + 1, majorCode, minorCode };
      }),
    });
  });
  return saved !== null;
}

export async function saveSocialInsurance(
  applicantId: string,
  values: SocialInsuranceDraft,
  isComplete: boolean,
) {
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
  const saved = await writeEditableApplication(applicantId, (tx, applicationId) =>
    tx.applicationSocialInsurance.upsert({
      where: { applicationId },
      create: { applicationId, ...row },
      update: row,
      select: { applicationId: true },
    }),
  );
  return saved !== null;
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
