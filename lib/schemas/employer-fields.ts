// The 所属事業者情報 page's choices and labels: what the browser form needs on first load. No zod
// here (lib/schemas/employer.ts holds the schemas and re-exports all of this).

/** 所属する事業者がある / 一人親方. */
export const EMPLOYMENT_KINDS = ["employee", "sole-proprietor"] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

/** The option texts of 所属, in EMPLOYMENT_KINDS order. */
export const EMPLOYMENT_KIND_LABELS: Record<EmploymentKind, string> = {
  employee: "所属する事業者がある",
  "sole-proprietor": "一人親方",
};

/** Field labels as the form and the check-answers page show them; messages use the same words. */
export const EMPLOYER_LABELS = {
  employmentKind: "所属",
  employerName: "事業者名",
  employerId: "事業者ID",
} as const;

/**
 * Whether the employer's fields are asked for: on 次へ only an explicit 所属する事業者がある; a draft
 * checks them unless 一人親方. The schema checks by it; the form shows the fields by it ("submit").
 */
export function employerFieldsApply(kind: string | undefined, mode: "submit" | "draft"): boolean {
  return mode === "submit" ? kind === "employee" : kind !== "sole-proprietor";
}
