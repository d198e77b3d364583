// 職種 code list: the parser of data/job-types.csv and the names in the applicant's language. Pure
// (no file access, not server-only) so that tests and the language walk's list of official names
// (lib/reference/official-names.ts) can use it; lib/reference/job-types.ts reads the file.
import type { Locale } from "@/lib/i18n/locales";
import { failCsvLine, parseSimpleCsv, type Translations } from "@/lib/reference/simple-csv";
import { joinNameParts, nameParts } from "@/lib/reference/translated-name";
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
  /** The 大分類's name in other languages (major_name_<language>), when the file has them. */
  majorNames?: Translations;
  /** The 小分類's name in other languages (minor_name_<language>), when the file has them. */
  minorNames?: Translations;
}

/** One 大分類 with its 小分類, for an <optgroup>. */
export interface JobTypeGroup {
  majorCode: string;
  majorName: string;
  /** "06 とび工" */
  label: string;
  majorNames?: Translations;
  options: JobType[];
}

export const JOB_TYPES_CSV_HEADER = ["major_code", "major_name", "minor_code", "minor_name"] as const;
/** The columns that may have translation columns (major_name_en, minor_name_vi, …). */
export const JOB_TYPES_TRANSLATABLE = ["major_name", "minor_name"] as const;

const TWO_DIGITS = /^[0-9]{2}$/;

/**
 * Parses the 職種 CSV: header `major_code,major_name,minor_code,minor_name`, then optional
 * translation columns `major_name_<language>` / `minor_name_<language>` (lib/reference/simple-csv.ts),
 * UTF-8 with or without BOM, LF or CRLF, blank lines ignored. Quoted fields are not supported.
 * Codes are 2 digits; a code appears once; a 大分類 code has one name, and one translation a
 * language (a line may leave it empty). Anything else throws an Error naming the line. `source`
 * names the file in messages.
 */
export function parseJobTypesCsv(text: string, source = "job-types.csv"): JobType[] {
  const jobTypes: JobType[] = [];
  const seenCodes = new Set<string>();
  const majorNames = new Map<string, string>();
  const majorTranslations = new Map<string, Translations>();
  for (const { line, cells, translations } of parseSimpleCsv(
    text,
    source,
    JOB_TYPES_CSV_HEADER,
    JOB_TYPES_TRANSLATABLE,
  )) {
    const [majorCode = "", majorName = "", minorCode = "", minorName = ""] = cells;
    if (!TWO_DIGITS.test(majorCode))
      failCsvLine(source, line, `major_code must be 2 digits, found "${majorCode}"`);
    if (!TWO_DIGITS.test(minorCode))
      failCsvLine(source, line, `minor_code must be 2 digits, found "${minorCode}"`);
    if (majorName === "") failCsvLine(source, line, "major_name is empty");
    if (minorName === "") failCsvLine(source, line, "minor_name is empty");
    const knownMajorName = majorNames.get(majorCode);
    if (knownMajorName !== undefined && knownMajorName !== majorName) {
      failCsvLine(
        source,
        line,
        `major_code ${majorCode} is named "${majorName}" here but "${knownMajorName}" on an earlier line`,
      );
    }
    const code = jobTypeCode(majorCode, minorCode);
    if (seenCodes.has(code)) failCsvLine(source, line, `${code} appears twice`);
    seenCodes.add(code);
    majorNames.set(majorCode, majorName);
    const majorKnown = majorTranslations.get(majorCode) ?? {};
    for (const [locale, name] of Object.entries(translations.major_name ?? {})) {
      const known = majorKnown[locale as keyof Translations];
      if (known !== undefined && known !== name) {
        failCsvLine(
          source,
          line,
          `major_name_${locale} of ${majorCode} is "${name}" here but "${known}" on an earlier line`,
        );
      }
      majorKnown[locale as keyof Translations] = name;
    }
    majorTranslations.set(majorCode, majorKnown);
    jobTypes.push({
      code,
      majorCode,
      majorName,
      minorCode,
      minorName,
      label: `${majorCode} ${majorName} ／ ${minorCode} ${minorName}`,
      ...(translations.minor_name ? { minorNames: translations.minor_name } : {}),
    });
  }
  // A 大分類's translations, from whichever of its lines gave them, on each of its lines.
  return jobTypes.map((jobType) => {
    const names = majorTranslations.get(jobType.majorCode) ?? {};
    return Object.keys(names).length > 0 ? { ...jobType, majorNames: names } : jobType;
  });
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
        ...(jobType.majorNames ? { majorNames: jobType.majorNames } : {}),
        options: [],
      };
      groups.set(jobType.majorCode, group);
    }
    group.options.push(jobType);
  }
  return [...groups.values()];
}

const translationIn = (locale: Locale, names: Translations | undefined) =>
  locale === "ja" ? undefined : names?.[locale];

/**
 * A 大分類's name in `locale`: "06 Steel erector and scaffolder (とび工)"; the Japanese "06 とび工"
 * where the file has no translation (lang "ja" in a page of another language).
 */
export function jobTypeGroupLabel(
  locale: Locale,
  group: Pick<JobTypeGroup, "majorCode" | "majorName" | "majorNames">,
): { label: string; lang?: "ja" } {
  const major = nameParts(locale, group.majorName, translationIn(locale, group.majorNames));
  return {
    label: `${group.majorCode} ${joinNameParts(locale, major)}`,
    ...(major.lang ? { lang: major.lang } : {}),
  };
}

/**
 * A 職種's label in `locale`: "06 Steel erector … (とび工) ／ 01 Steel erector … (とび工)"; the
 * Japanese label where the file translates neither name (lang "ja" in a page of another
 * language). Japanese pages show `label` exactly.
 */
export function jobTypeLabel(locale: Locale, jobType: JobType): { label: string; lang?: "ja" } {
  if (locale === "ja") return { label: jobType.label };
  const major = nameParts(locale, jobType.majorName, translationIn(locale, jobType.majorNames));
  const minor = nameParts(locale, jobType.minorName, translationIn(locale, jobType.minorNames));
  const label = `${jobType.majorCode} ${joinNameParts(locale, major)} ／ ${jobType.minorCode} ${joinNameParts(locale, minor)}`;
  return { label, ...(major.lang && minor.lang ? { lang: "ja" as const } : {}) };
}
