// Stores the 本人情報 page of a draft application (a complete page or a partial draft).
import "server-only";
import { writeEditableApplication } from "@/lib/applications/draft-application";
import { PERSONAL_INFO_FIELDS, type PersonalInfoDraft } from "@/lib/schemas/personal-info";

/** The stored columns: every field but 日本国籍, which is a boolean column. */
export const personalInfoColumns = PERSONAL_INFO_FIELDS.filter(
  (field): field is Exclude<(typeof PERSONAL_INFO_FIELDS)[number], "isJapanese"> => field !== "isJapanese",
);

/** false when the application is no longer editable (sent and not returned): nothing is written. */
export async function savePersonalInfo(
  applicantId: string,
  values: PersonalInfoDraft,
  isComplete: boolean,
): Promise<boolean> {
  const row = {
    isComplete,
    isJapanese: values.isJapanese === undefined ? null : values.isJapanese === "yes",
    ...Object.fromEntries(
      personalInfoColumns.map((column) => [column, (values as Record<string, unknown>)[column] ?? null]),
    ),
  };
  const saved = await writeEditableApplication(applicantId, (tx, applicationId) =>
    tx.applicationPersonalInfo.upsert({
      where: { applicationId },
      create: { applicationId, ...row },
      update: row,
      select: { applicationId: true },
    }),
  );
  return saved !== null;
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
