// The 職種 page of 申請内容登録: 1 to 4 職種 from the code list (data/job-types.csv, read
// by lib/reference/job-types.ts on the server). The page posts four selects, jobType1..jobType4,
// each "" or a code "MM-NN" (大分類 code - 小分類 code); the schemas turn them into
// { jobTypes: string[] }. Browser-safe: no node-only imports.
import { z } from "zod";
import { messageRef } from "@/lib/i18n/message-ref";
import { addFieldIssues, type FieldIssue, type Mode } from "@/lib/schemas/mode";
import { JOB_TYPE_FIELDS, type JobTypeField } from "@/lib/schemas/job-types-fields";

export { JOB_TYPE_FIELDS, JOB_TYPES_LABELS, type JobTypeField } from "@/lib/schemas/job-types-fields";

export const MAX_JOB_TYPES = 4;

/** References into messages/<language>/jobTypes.json (issue 15), put into words where shown. */
export const JOB_TYPES_MESSAGES = {
  required: messageRef("jobTypes.validation.required"),
  duplicate: messageRef("jobTypes.validation.duplicate"),
  unknown: messageRef("jobTypes.validation.unknown"),
  count: messageRef("jobTypes.validation.count", { max: MAX_JOB_TYPES }),
} as const;

/** A 職種 code: 2-digit 大分類 code, "-", 2-digit 小分類 code. */
export const JOB_TYPE_CODE_PATTERN = /^[0-9]{2}-[0-9]{2}$/;

/** "06", "01" → "06-01". */
export function jobTypeCode(majorCode: string, minorCode: string): string {
  return `${majorCode}-${minorCode}`;
}

/** Full-width digits and dashes as half-width, trimmed ("０６－０１" → "06-01"). */
function normalizeCode(value: string | null | undefined): string {
  return (value ?? "")
    .normalize("NFKC")
    .replace(/[\u2010-\u2015\u2212\uFE63]/g, "-")
    .trim();
}

/** Saved 職種 → the page's fields ("" for the unused ones), for the form's default values. */
export function jobTypesToFields(jobTypes: readonly string[]): Record<JobTypeField, string> {
  return {
    jobType1: jobTypes[0] ?? "",
    jobType2: jobTypes[1] ?? "",
    jobType3: jobTypes[2] ?? "",
    jobType4: jobTypes[3] ?? "",
  };
}

// ---------------------------------------------------------------------------------------------
// The page schemas

type RawFields = Partial<Record<JobTypeField, string | null | undefined>>;

/** The chosen codes in field order, and what is wrong with them, each on its field's path. */
function readFields(
  raw: RawFields,
  known: ReadonlySet<string>,
  mode: Mode,
): { jobTypes: string[]; issues: FieldIssue[] } {
  const jobTypes: string[] = [];
  const issues: FieldIssue[] = [];
  for (const field of JOB_TYPE_FIELDS) {
    const code = normalizeCode(raw[field]);
    if (code === "") continue;
    if (!known.has(code)) issues.push({ path: [field], message: JOB_TYPES_MESSAGES.unknown });
    else if (jobTypes.includes(code)) {
      issues.push({ path: [field], message: JOB_TYPES_MESSAGES.duplicate });
    } else jobTypes.push(code);
  }
  if (mode === "submit" && jobTypes.length === 0 && issues.length === 0) {
    issues.push({ path: ["jobType1"], message: JOB_TYPES_MESSAGES.required });
  }
  return { jobTypes, issues };
}

function makeSchema(validCodes: readonly string[], mode: Mode) {
  const known = new Set(validCodes.map(normalizeCode));
  const raw = () => z.string().nullish();
  return z
    .object({ jobType1: raw(), jobType2: raw(), jobType3: raw(), jobType4: raw() })
    .superRefine((value, ctx) => addFieldIssues(ctx, readFields(value, known, mode).issues))
    .transform((value): JobTypes => ({ jobTypes: readFields(value, known, mode).jobTypes }));
}

/** Saved 職種: codes in the order chosen, distinct, 1 to 4 (0 to 4 in a draft). */
export type JobTypes = { jobTypes: string[] };

/**
 * 職種 as sent with 次へ: at least one, no code twice, each in `validCodes` (the codes of the
 * loaded list, see lib/reference/job-types.ts).
 */
export function makeJobTypesSchema(validCodes: readonly string[]) {
  return makeSchema(validCodes, "submit");
}

/** 職種 for 一時保存: may be empty; what is chosen is checked as on 次へ. */
export function makeJobTypesDraftSchema(validCodes: readonly string[]) {
  return makeSchema(validCodes, "draft");
}

export type JobTypesInput = z.input<ReturnType<typeof makeJobTypesSchema>>;
export type JobTypesDraft = JobTypes;

// ---------------------------------------------------------------------------------------------
// A plain list (e.g. a stored value or an API body), not the page's four fields

/** 1 to 4 distinct codes of the form "MM-NN"; whether each is in the list is not checked. */
export const jobTypeListSchema = z.array(z.string().transform(normalizeCode)).superRefine((codes, ctx) => {
  if (codes.length === 0 || codes.length > MAX_JOB_TYPES) {
    ctx.addIssue({ code: "custom", message: JOB_TYPES_MESSAGES.count, input: codes });
    return;
  }
  codes.forEach((code, index) => {
    let message: string | undefined;
    if (!JOB_TYPE_CODE_PATTERN.test(code)) message = JOB_TYPES_MESSAGES.unknown;
    else if (codes.indexOf(code) < index) message = JOB_TYPES_MESSAGES.duplicate;
    if (message) ctx.addIssue({ code: "custom", path: [index], message, input: code });
  });
});

/** Checks a list of 職種 codes: refuses none and more than 4 (JOB_TYPES_MESSAGES.count). */
export function parseJobTypeList(codes: string[]) {
  return jobTypeListSchema.safeParse(codes);
}
