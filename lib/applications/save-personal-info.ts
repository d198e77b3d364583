// Stores the 本人情報 page of a draft application (a complete page or a partial draft).
import "server-only";
import { db } from "@/lib/db";
import { editableApplicationId } from "@/lib/applications/draft-application";
import { PERSONAL_INFO_FIELDS, type PersonalInfoDraft } from "@/lib/schemas/personal-info";

/** The stored columns: every field but 日本国籍, which is a boolean column. */
export const personalInfoColumns = PERSONAL_INFO_FIELDS.filter(
  (field): field is Exclude<(typeof PERSONAL_INFO_FIELDS)[number], "isJapanese"> => field !== "isJapanese",
);

/** false when the application is no longer editable (sent and not returned). */
export async function savePersonalInfo(
  applicantId: string,
  values: PersonalInfoDraft,
  isComplete: boolean,
): Promise<boolean> {
  const applicationId = await editableApplicationId(applicantId);
  if (!applicationId) return false;
  const row = {
    isComplete,
    isJapanese: values.isJapanese === undefined ? null : values.isJapanese === "yes",
    ...Object.fromEntries(
      personalInfoColumns.map((column) => [column, (values as Record<string, unknown>)[column] ?? null]),
    ),
  };
  await db.applicationPersonalInfo.upsert({
    where: { applicationId: applicationId },
    create: { applicationId: applicationId, ...row },
    update: row,
  });
  return true;
}

/** The stored page as form values (strings; "" for nothing). */
export function personalInfoFormValues(
  row:
    | ({ isJapanese: boolean | null } & Partial<Record<(typeof personalInfoColumns)[number], string | null>>)
    | null,
): Record<string, string> {
  if (!row) return {};
  const values: Record<string, string> = {
    isJapanese: row.isJapanese === null ? "" : row.isJapanese ? "yes" : "no",
  };
  for (const column of personalInfoColumns) values[column] = row[column] ?? "";
  return values;
}
