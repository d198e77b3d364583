// 職種 code list from data/job-types.csv (operators replace the file; see data/README.md). Read once
// per process. The parser (parseJobTypesCsv) is pure so that it can be tested without files.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { jobTypeCode } from "@/lib/schemas/job-types";

export interface JobType {
  /** "06-01": the value the 職種 page posts and the application stores. */
  code: string;
  majorCode: string;
  majorName: string;
  minorCode: string;
  minorName: string;
  /** "06 とび工 ／ 01 とび工" */
  label: string;
}

/** One 大分類 with its 小分類, for an <optgroup>. */
export interface JobTypeGroup {
  majorCode: string;
  majorName: string;
  /** "06 とび工" */
  label: string;
  options: JobType[];
}

export const JOB_TYPES_CSV_HEADER = ["major_code", "major_name", "minor_code", "minor_name"] as const;

export const jobTypesCsvPath = path.join(process.cwd(), "data", "job-types.csv");

const TWO_DIGITS = /^[0-9]{2}$/;

/**
 * Parses the 職種 CSV: header `major_code,major_name,minor_code,minor_name`, UTF-8 with or without
 * BOM, LF or CRLF, blank lines ignored. Quoted fields are not supported. Codes are 2 digits; a
 * code appears once; a 大分類 code has one name. Anything else throws an Error naming the line.
 * `source` names the file in messages.
 */
export function parseJobTypesCsv(text: string, source = "job-types.csv"): JobType[] {
  const fail = (line: number, problem: string): never => {
    throw new Error(`${source} line ${line}: ${problem}`);
  };
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex < 0) throw new Error(`${source}: the file is empty`);
  const header = (lines[headerIndex] ?? "").split(",").map((cell) => cell.trim());
  if (header.join(",") !== JOB_TYPES_CSV_HEADER.join(",")) {
    fail(
      headerIndex + 1,
      `the header must be "${JOB_TYPES_CSV_HEADER.join(",")}", found "${header.join(",")}"`,
    );
  }

  const jobTypes: JobType[] = [];
  const seenCodes = new Set<string>();
  const majorNames = new Map<string, string>();
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (index <= headerIndex || line.trim() === "") return;
    if (line.includes('"')) fail(lineNumber, "quoted fields are not supported");
    const cells = line.split(",").map((cell) => cell.trim());
    if (cells.length !== JOB_TYPES_CSV_HEADER.length) {
      fail(lineNumber, `expected ${JOB_TYPES_CSV_HEADER.length} columns, found ${cells.length}`);
    }
    const [majorCode = "", majorName = "", minorCode = "", minorName = ""] = cells;
    if (!TWO_DIGITS.test(majorCode)) fail(lineNumber, `major_code must be 2 digits, found "${majorCode}"`);
    if (!TWO_DIGITS.test(minorCode)) fail(lineNumber, `minor_code must be 2 digits, found "${minorCode}"`);
    if (majorName === "") fail(lineNumber, "major_name is empty");
    if (minorName === "") fail(lineNumber, "minor_name is empty");
    const knownMajorName = majorNames.get(majorCode);
    if (knownMajorName !== undefined && knownMajorName !== majorName) {
      fail(
        lineNumber,
        `major_code ${majorCode} is named "${majorName}" here but "${knownMajorName}" on an earlier line`,
      );
    }
    const code = jobTypeCode(majorCode, minorCode);
    if (seenCodes.has(code)) fail(lineNumber, `${code} appears twice`);
    seenCodes.add(code);
    majorNames.set(majorCode, majorName);
    jobTypes.push({
      code,
      majorCode,
      majorName,
      minorCode,
      minorName,
      label: `${majorCode} ${majorName} ／ ${minorCode} ${minorName}`,
    });
  });
  if (jobTypes.length === 0) throw new Error(`${source}: there are no rows after the header`);
  return jobTypes;
}

/** Groups by 大分類, in the order each 大分類 first appears. */
export function groupJobTypes(jobTypes: readonly JobType[]): JobTypeGroup[] {
  const groups = new Map<string, JobTypeGroup>();
  for (const jobType of jobTypes) {
    let group = groups.get(jobType.majorCode);
    if (!group) {
      group = {
        majorCode: jobType.majorCode,
        majorName: jobType.majorName,
        label: `${jobType.majorCode} ${jobType.majorName}`,
        options: [],
      };
      groups.set(jobType.majorCode, group);
    }
    group.options.push(jobType);
  }
  return [...groups.values()];
}

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
