// The official Japanese names of the reference lists that a translated page shows beside their
// translation — "Tokyo (東京都)", "Electrical worker (電気工)" — inside an <option>, which can hold
// text of one language only and so cannot mark them lang="ja" (issue 15). The language checks
// (lib/i18n/system-names.ts withoutSystemNames: the unit test of the catalogues and the e2e page
// walk) allow them as they allow the system's fixed names. Reads data/job-types.csv: for tests and
// tools, not pages.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseJobTypesCsv } from "./job-types-csv";
import { PREFECTURES } from "./prefectures";
import { RESIDENCE_STATUSES, RESIDENCE_STATUSES_WITHOUT_OFFICIAL_NAME } from "./residence-statuses";

let cached: readonly string[] | undefined;

/** 都道府県, 在留資格 (but その他) and the 職種 names of data/job-types.csv. */
export function officialReferenceNames(): readonly string[] {
  cached ??= [
    ...PREFECTURES,
    ...RESIDENCE_STATUSES.filter((status) => !RESIDENCE_STATUSES_WITHOUT_OFFICIAL_NAME.includes(status)),
    ...new Set(
      parseJobTypesCsv(readFileSync(path.join(process.cwd(), "data", "job-types.csv"), "utf8")).flatMap(
        (jobType) => [jobType.majorName, jobType.minorName],
      ),
    ),
  ];
  return cached;
}
