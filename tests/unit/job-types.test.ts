import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  JOB_TYPES_MESSAGES,
  jobTypesToFields,
  makeJobTypesDraftSchema,
  makeJobTypesSchema,
  parseJobTypeList,
} from "@/lib/schemas/job-types";
import {
  findJobType,
  groupJobTypes,
  jobTypeCodes,
  jobTypeGroups,
  jobTypes,
  parseJobTypesCsv,
} from "@/lib/reference/job-types";
import { messageText } from "@/lib/i18n/message-ref";
import { translatorFor } from "@/lib/i18n/translate";

// The schema's messages are references (issue 15): compared here in their Japanese words (what the
// Japanese page shows), and in English where the test says so.
const japanese = await translatorFor("ja");
const english = await translatorFor("en");
const inJapanese = (message: string) => messageText(japanese, message);
/** JOB_TYPES_MESSAGES in Japanese. */
const JM = Object.fromEntries(
  Object.entries(JOB_TYPES_MESSAGES).map(([key, message]) => [key, inJapanese(message)]),
) as Record<keyof typeof JOB_TYPES_MESSAGES, string>;

type Issues = Record<string, string[]>;

/** Messages by path, in Japanese (or `translate`'s language). */
function issuesOf(result: z.ZodSafeParseResult<unknown>, translate = japanese): Issues {
  if (result.success) return {};
  const byPath: Issues = {};
  for (const issue of result.error.issues) {
    (byPath[issue.path.join(".")] ??= []).push(messageText(translate, issue.message));
  }
  return byPath;
}

function dataOf<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new Error(JSON.stringify(issuesOf(result)));
  return result.data;
}

const CODES = ["06-01", "09-01", "09-10", "33-03", "52-48"] as const;
const schema = makeJobTypesSchema(CODES);
const draftSchema = makeJobTypesDraftSchema(CODES);
const EMPTY = { jobType1: "", jobType2: "", jobType3: "", jobType4: "" };

describe("makeJobTypesSchema", () => {
  it("refuses no selection", () => {
    expect(issuesOf(schema.safeParse(EMPTY))).toEqual({ jobType1: [JM.required] });
    expect(issuesOf(schema.safeParse({}))).toEqual({ jobType1: ["職種を1つ以上選んでください。"] });
    expect(issuesOf(schema.safeParse({}), english)).toEqual({ jobType1: ["Choose at least one job type."] });
    expect(issuesOf(schema.safeParse({ ...EMPTY, jobType2: "  " }))).toEqual({
      jobType1: ["職種を1つ以上選んでください。"],
    });
  });

  it("accepts one selection in any field", () => {
    expect(dataOf(schema.safeParse({ ...EMPTY, jobType1: "06-01" }))).toEqual({ jobTypes: ["06-01"] });
    expect(dataOf(schema.safeParse({ ...EMPTY, jobType3: "09-10" }))).toEqual({ jobTypes: ["09-10"] });
  });

  it("accepts four selections in the order given, empties removed", () => {
    expect(
      dataOf(
        schema.safeParse({ jobType1: "52-48", jobType2: "06-01", jobType3: "33-03", jobType4: "09-01" }),
      ),
    ).toEqual({ jobTypes: ["52-48", "06-01", "33-03", "09-01"] });
    expect(
      dataOf(schema.safeParse({ jobType1: "", jobType2: "33-03", jobType3: null, jobType4: "06-01" })),
    ).toEqual({
      jobTypes: ["33-03", "06-01"],
    });
  });

  it("normalises full-width input", () => {
    expect(dataOf(schema.safeParse({ ...EMPTY, jobType1: " ０６－０１ " }))).toEqual({ jobTypes: ["06-01"] });
  });

  it("reports a duplicate on the later field", () => {
    expect(
      issuesOf(schema.safeParse({ jobType1: "06-01", jobType2: "09-01", jobType3: "06-01", jobType4: "" })),
    ).toEqual({
      jobType3: ["同じ職種が2回選ばれています。別の職種を選ぶか、空欄にしてください。"],
    });
    expect(
      issuesOf(schema.safeParse({ jobType1: "06-01", jobType2: "06-01", jobType3: "", jobType4: "06-01" })),
    ).toEqual({
      jobType2: [JM.duplicate],
      jobType4: [JM.duplicate],
    });
  });

  it("refuses a code that is not in the list", () => {
    expect(issuesOf(schema.safeParse({ ...EMPTY, jobType1: "06-01", jobType2: "99-99" }))).toEqual({
      jobType2: ["職種は一覧から選んでください。"],
    });
    expect(issuesOf(schema.safeParse({ ...EMPTY, jobType1: "とび工" }))).toEqual({
      jobType1: [JM.unknown],
    });
  });

  it("round-trips through jobTypesToFields", () => {
    const fields = jobTypesToFields(["09-10", "06-01"]);
    expect(fields).toEqual({ jobType1: "09-10", jobType2: "06-01", jobType3: "", jobType4: "" });
    expect(dataOf(schema.safeParse(fields))).toEqual({ jobTypes: ["09-10", "06-01"] });
  });
});

describe("makeJobTypesDraftSchema", () => {
  it("allows no selection", () => {
    expect(dataOf(draftSchema.safeParse(EMPTY))).toEqual({ jobTypes: [] });
    expect(dataOf(draftSchema.safeParse({}))).toEqual({ jobTypes: [] });
  });

  it("still refuses duplicates and unknown codes", () => {
    expect(issuesOf(draftSchema.safeParse({ ...EMPTY, jobType1: "06-01", jobType2: "06-01" }))).toEqual({
      jobType2: [JM.duplicate],
    });
    expect(issuesOf(draftSchema.safeParse({ ...EMPTY, jobType4: "12-34" }))).toEqual({
      jobType4: [JM.unknown],
    });
  });
});

describe("parseJobTypeList", () => {
  it("accepts 1 to 4 distinct codes", () => {
    expect(dataOf(parseJobTypeList(["06-01"]))).toEqual(["06-01"]);
    expect(dataOf(parseJobTypeList(["06-01", "09-01", "09-10", "33-03"]))).toEqual([
      "06-01",
      "09-01",
      "09-10",
      "33-03",
    ]);
  });

  it("refuses 0 and 5 or more", () => {
    expect(issuesOf(parseJobTypeList([]))).toEqual({ "": ["職種は1つから4つまで選べます。"] });
    expect(issuesOf(parseJobTypeList([]), english)).toEqual({
      "": ["You can choose from 1 to 4 job types."],
    });
    expect(issuesOf(parseJobTypeList([...CODES]))).toEqual({ "": [JM.count] });
  });

  it("refuses duplicates and malformed codes", () => {
    expect(issuesOf(parseJobTypeList(["06-01", "06-01"]))).toEqual({ "1": [JM.duplicate] });
    expect(issuesOf(parseJobTypeList(["6-1"]))).toEqual({ "0": [JM.unknown] });
  });
});

describe("parseJobTypesCsv", () => {
  const HEADER = "major_code,major_name,minor_code,minor_name";

  it("parses rows into codes and labels", () => {
    expect(parseJobTypesCsv(`${HEADER}\n06,とび工,01,とび工\n`)).toEqual([
      {
        code: "06-01",
        majorCode: "06",
        majorName: "とび工",
        minorCode: "01",
        minorName: "とび工",
        label: "06 とび工 ／ 01 とび工",
      },
    ]);
  });

  it("accepts a BOM, CRLF and blank lines", () => {
    const rows = parseJobTypesCsv(
      `\uFEFF${HEADER}\r\n09,電工,01,電気工\r\n\r\n09,電工,10,ソーラーシステム取付工\r\n`,
    );
    expect(rows.map((row) => row.code)).toEqual(["09-01", "09-10"]);
    expect(rows[1]?.minorName).toBe("ソーラーシステム取付工");
  });

  it("refuses a wrong header", () => {
    expect(() => parseJobTypesCsv("code,name\n06,とび工")).toThrow(/line 1: the header must be/);
    expect(() => parseJobTypesCsv("")).toThrow(/empty/);
    expect(() => parseJobTypesCsv(`${HEADER}\n`)).toThrow(/no rows/);
  });

  it("refuses a malformed row, naming the line", () => {
    expect(() => parseJobTypesCsv(`${HEADER}\n06,とび工,01,とび工\n09,電工,01`, "x.csv")).toThrow(
      "x.csv line 3: expected 4 columns, found 3",
    );
    expect(() => parseJobTypesCsv(`${HEADER}\n06,とび工,01,とび工,余分`)).toThrow(
      /line 2: expected 4 columns, found 5/,
    );
    expect(() => parseJobTypesCsv(`${HEADER}\n6,とび工,01,とび工`)).toThrow(
      /line 2: major_code must be 2 digits/,
    );
    expect(() => parseJobTypesCsv(`${HEADER}\n06,とび工,1a,とび工`)).toThrow(
      /line 2: minor_code must be 2 digits/,
    );
    expect(() => parseJobTypesCsv(`${HEADER}\n06,,01,とび工`)).toThrow(/line 2: major_name is empty/);
    expect(() => parseJobTypesCsv(`${HEADER}\n06,"とび工",01,とび工`)).toThrow(/line 2: quoted fields/);
    expect(() => parseJobTypesCsv(`${HEADER}\n06,とび工,01,とび工\n06,とび工,01,とび工`)).toThrow(
      /line 3: 06-01 appears twice/,
    );
    expect(() => parseJobTypesCsv(`${HEADER}\n06,とび工,01,とび工\n06,鳶工,02,鍛冶工`)).toThrow(
      /line 3: major_code 06 is named "鳶工" here but "とび工"/,
    );
  });

  it("groups by 大分類 in order of first appearance", () => {
    const rows = parseJobTypesCsv(
      `${HEADER}\n09,電工,01,電気工\n06,とび工,01,とび工\n09,電工,10,ソーラーシステム取付工`,
    );
    const groups = groupJobTypes(rows);
    expect(groups.map((g) => [g.label, g.options.map((o) => o.code)])).toEqual([
      ["09 電工", ["09-01", "09-10"]],
      ["06 とび工", ["06-01"]],
    ]);
  });
});

describe("the shipped data/job-types.csv", () => {
  const text = readFileSync(path.join(process.cwd(), "data", "job-types.csv"), "utf8");

  it("parses to the 5 verified rows", () => {
    const rows = parseJobTypesCsv(text);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row.code)).toEqual([...CODES]);
    expect(rows[0]?.label).toBe("06 とび工 ／ 01 とび工");
  });

  it("is what the loader returns, with groups and a schema built from its codes", () => {
    expect(jobTypes()).toEqual(parseJobTypesCsv(text));
    expect(jobTypeCodes()).toEqual([...CODES]);
    expect(jobTypeGroups().map((g) => g.majorCode)).toEqual(["06", "09", "33", "52"]);
    expect(findJobType("09-10")?.minorName).toBe("ソーラーシステム取付工");
    expect(findJobType("99-99")).toBeUndefined();
    const loaded = makeJobTypesSchema(jobTypeCodes());
    expect(dataOf(loaded.safeParse({ ...EMPTY, jobType1: "52-48" }))).toEqual({ jobTypes: ["52-48"] });
  });
});
