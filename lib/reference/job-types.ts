// 職種 code list from data/job-types.csv (operators replace the file; see data/README.md). Read once
// per process. The parser and the names in other languages are in lib/reference/job-types-csv.ts
// (pure, tested without files).
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  groupJobTypes,
  parseJobTypesCsv,
  type JobType,
  type JobTypeGroup,
} from "@/lib/reference/job-types-csv";

export {
  JOB_TYPES_CSV_HEADER,
  JOB_TYPES_TRANSLATABLE,
  groupJobTypes,
  jobTypeGroupLabel,
  jobTypeLabel,
  parseJobTypesCsv,
  type JobType,
  type JobTypeGroup,
} from "@/lib/reference/job-types-csv";

export const jobTypesCsvPath = path.join(process.cwd(), "data", "job-types.csv");

let cached: JobType[] | undefined;

/** The 職種 list from data/job-types.csv, in file order. Read on first use; throws if malformed. */
export function jobTypes(): readonly JobType[] {
  cached ??= parseJobTypesCsv(readFileSync(jobTypesCsvPath, "utf8"), jobTypesCsvPath);
  return cached;
}

/** The codes ("06-01", …) to pass to makeJobTypesSchema. */
export function jobTypeCodes(): string[] {
  return jobTypes().map((jobType) => jobType.code);
}

/** The list grouped by 大分類, for the selects' <optgroup>s. */
export function jobTypeGroups(): JobTypeGroup[] {
  return groupJobTypes(jobTypes());
}

/** A code's entry, e.g. to show its label on the check-answers page; undefined if not listed. */
export function findJobType(code: string): JobType | undefined {
  return jobTypes().find((jobType) => jobType.code === code);
}

/** The entry whose Japanese label is `label` (the check page's stored description); undefined if none. */
export function findJobTypeByLabel(label: string): JobType | undefined {
  return jobTypes().find((jobType) => jobType.label === label);
}
