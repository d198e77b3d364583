// The 詳細型 groups of 申請内容登録: each group's rules, the row-group building block and
// the names the pages show.
import { afterEach, describe, expect, it } from "vitest";
import type { z } from "zod";
import { setClockOffset } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/locales";
import { textIn } from "@/lib/i18n/translate";
import { todayInJapan } from "@/lib/schemas/normalize";
import { AWARD_LABELS, AWARDS_GROUP, awardsSchema } from "@/lib/schemas/awards";
import {
  EDUCATION_CATEGORIES,
  EDUCATION_GROUP,
  EDUCATION_LABELS,
  educationDraftSchema,
  educationSchema,
} from "@/lib/schemas/education";
import {
  HEALTH_CHECK_KINDS,
  HEALTH_CHECK_LABELS,
  HEALTH_CHECKS_GROUP,
  healthChecksSchema,
} from "@/lib/schemas/health-checks";
import {
  QUALIFICATION_LABELS,
  QUALIFICATIONS_GROUP,
  qualificationImageSlot,
  qualificationsDraftSchema,
  qualificationsSchema,
} from "@/lib/schemas/qualifications";
import {
  MAX_ROWS,
  addRowButtonLabel,
  addRowButtonRef,
  applyRowIntent,
  blankRow,
  draftCompletion,
  fieldIdOf,
  flattenRowGroupForm,
  readRowGroupForm,
  removeRowButtonLabel,
  removeRowButtonRef,
  rowChoiceRef,
  rowFieldKeys,
  rowFieldLabel,
  rowFieldLabelRef,
  rowFields,
  rowGroupRef,
  rowGroupSchema,
  rowLegend,
  rowLegendRef,
  withStoredRowIds,
  type RowGroupDefinition,
  type RowGroupFormValues,
} from "@/lib/schemas/row-group";
import { ROW_GROUPS, isRowGroupKey } from "@/lib/schemas/row-groups";
import { TRAINING_LABELS, TRAININGS_GROUP, trainingsSchema } from "@/lib/schemas/trainings";
import {
  WORKERS_COMP_ANSWER_LABELS,
  WORKERS_COMP_GROUP,
  WORKERS_COMP_LABELS,
  workersCompDraftSchema,
  workersCompSchema,
} from "@/lib/schemas/workers-comp";
import { contentGroups } from "@/lib/registration/content-groups";

type Issues = Record<string, string[]>;

/** The messages by path, as references (issue 15). */
function refsOf(result: z.ZodSafeParseResult<unknown>): Issues {
  if (result.success) return {};
  const byPath: Issues = {};
  for (const issue of result.error.issues) (byPath[issue.path.join(".")] ??= []).push(issue.message);
  return byPath;
}

/** The messages by path in the words of a language (Japanese unless named). */
async function issuesOf(result: z.ZodSafeParseResult<unknown>, locale: Locale = "ja"): Promise<Issues> {
  const byPath: Issues = {};
  for (const [path, messages] of Object.entries(refsOf(result))) {
    byPath[path] = await Promise.all(messages.map((message) => textIn(locale, message)));
  }
  return byPath;
}

function dataOf<T>(result: z.ZodSafeParseResult<T>): T {
  if (!result.success) throw new Error(JSON.stringify(refsOf(result)));
  return result.data;
}

const TODAY = "2025-06-15";
const ID_A = "0b7c6a52-3f1e-4d6a-9c52-2f4a8e1b7c01";

const school = (row: Record<string, string> = {}) => ({
  id: "",
  category: "高等学校",
  schoolName: "県立建設高等学校",
  graduatedMonth: "2010-03",
  ...row,
});
const qualification = (row: Record<string, string> = {}) => ({
  id: "",
  name: "玉掛け技能講習",
  acquiredOn: "2020-04-01",
  number: "",
  ...row,
});
const education = (...rows: Record<string, string>[]) =>
  rowGroupSchema(EDUCATION_GROUP, { today: TODAY }).safeParse({ answer: "", rows });
const qualifications = (...rows: Record<string, string>[]) =>
  rowGroupSchema(QUALIFICATIONS_GROUP, { today: TODAY }).safeParse({ rows });
const workersComp = (answer: string, ...rows: Record<string, string>[]) =>
  rowGroupSchema(WORKERS_COMP_GROUP, { today: TODAY }).safeParse({ answer, rows });

afterEach(() => setClockOffset(0));

describe("labels and choices", () => {
  it("names each group's fields as the pages and the check page show them", async () => {
    expect(EDUCATION_LABELS).toEqual({ category: "区分", schoolName: "学校名", graduatedMonth: "卒業年月" });
    expect(WORKERS_COMP_LABELS).toEqual({
      answer: "特別加入の有無",
      groupName: "団体名",
      joinedOn: "加入年月日",
    });
    expect(WORKERS_COMP_ANSWER_LABELS).toEqual({ yes: "加入している", no: "加入していない" });
    expect(HEALTH_CHECK_LABELS).toEqual({ examinedOn: "受診日", kind: "種類" });
    expect(QUALIFICATION_LABELS).toEqual({ name: "資格名", acquiredOn: "取得年月日", number: "番号" });
    expect(TRAINING_LABELS).toEqual({ name: "研修名", attendedOn: "受講日", provider: "実施機関" });
    expect(AWARD_LABELS).toEqual({ name: "表彰名", awardedOn: "表彰日", awardedBy: "表彰者" });
  });

  it("offers the listed choices", async () => {
    expect(EDUCATION_CATEGORIES).toEqual([
      "中学校",
      "高等学校",
      "高等専門学校",
      "専修学校・各種学校",
      "短期大学",
      "大学",
      "大学院",
      "職業能力開発校",
      "その他",
    ]);
    expect(HEALTH_CHECK_KINDS).toEqual(["雇入時健康診断", "定期健康診断", "特殊健康診断", "その他"]);
  });

  it("has one definition per 詳細型 group of the task list, keyed as the task list keys them", async () => {
    const detailedKeys = contentGroups.filter((group) => group.detailedOnly).map((group) => group.key);
    expect(Object.keys(ROW_GROUPS)).toEqual(detailedKeys);
    for (const [key, definition] of Object.entries(ROW_GROUPS)) expect(definition.key).toBe(key);
    expect(isRowGroupKey("education")).toBe(true);
    expect(isRowGroupKey("employer")).toBe(false);
    expect(isRowGroupKey("toString")).toBe(false);
  });

  it("names a qualification row's image slot by the row id", async () => {
    expect(qualificationImageSlot(ID_A)).toBe(`qualification:${ID_A}`);
  });

  it("keeps every name on a page unique and none inside another, up to the last row", async () => {
    for (const definition of Object.values<RowGroupDefinition>(ROW_GROUPS)) {
      const indexes = Array.from({ length: definition.maxRows }, (_, index) => index);
      const labels = [
        ...Object.values(definition.question?.options ?? {}),
        ...indexes.flatMap((index) =>
          rowFieldKeys(definition).map((key) => rowFieldLabel(definition.fields[key]?.label ?? "", index)),
        ),
      ];
      const buttons = [
        "次へ",
        "一時保存",
        addRowButtonLabel(definition),
        ...indexes.map((index) => removeRowButtonLabel(definition, index)),
      ];
      const legends = indexes.map((index) => rowLegend(definition, index));
      for (const names of [labels, buttons, legends]) {
        for (const name of names) {
          expect(
            names.filter((other) => other.includes(name)),
            `${definition.key}: ${name}`,
          ).toEqual([name]);
        }
      }
    }
    expect(rowFieldLabel("学校名", 0)).toBe("学校名（1件目）");
    expect(rowLegend(EDUCATION_GROUP, 1)).toBe("学歴 2件目");
    expect(removeRowButtonLabel(EDUCATION_GROUP, 0)).toBe("学歴 1件目を削除");
    expect(addRowButtonLabel(EDUCATION_GROUP)).toBe("学歴を追加");
    expect(addRowButtonLabel(WORKERS_COMP_GROUP)).toBe("加入団体を追加");
    expect(fieldIdOf("rows.0.schoolName")).toBe("rows-0-schoolName");
  });
});

describe("rows", () => {
  it("accepts no rows at all: 該当なし", async () => {
    expect(dataOf(education())).toEqual({ answer: null, rows: [] });
    expect(dataOf(educationSchema.safeParse({}))).toEqual({ answer: null, rows: [] });
  });

  it("ignores a new row left completely blank, and keeps the form's place of the others", async () => {
    const data = dataOf(education(blankRow(EDUCATION_GROUP), school({ schoolName: "  第２工業高校 " })));
    expect(data.rows).toEqual([
      {
        id: null,
        formIndex: 1,
        fields: { category: "高等学校", schoolName: "第2工業高校", graduatedMonth: "2010-03" },
      },
    ]);
  });

  it("does not ignore a stored row that was emptied: 次へ asks for its fields, a draft keeps it", async () => {
    const emptied = { ...blankRow(EDUCATION_GROUP), id: ID_A };
    expect(Object.keys(await issuesOf(education(emptied)))).toEqual([
      "rows.0.category",
      "rows.0.schoolName",
      "rows.0.graduatedMonth",
    ]);
    expect(dataOf(educationDraftSchema.safeParse({ rows: [emptied] })).rows).toEqual([
      { id: ID_A, formIndex: 0, fields: { category: null, schoolName: null, graduatedMonth: null } },
    ]);
  });

  it("names every missing field of a started row, with the row's number", async () => {
    expect(
      await issuesOf(
        education(school(), { id: "", category: "", schoolName: "専門学校", graduatedMonth: "" }),
      ),
    ).toEqual({
      "rows.1.category": ["区分（2件目）を選んでください。"],
      "rows.1.graduatedMonth": ["卒業年月（2件目）を入力してください。"],
    });
  });

  it("refuses a choice that is not in the list", async () => {
    expect(await issuesOf(education(school({ category: "高校" })))).toEqual({
      "rows.0.category": ["区分（1件目）は一覧から選んでください。"],
    });
    const check = { id: "", examinedOn: "2025-01-10", kind: "人間ドック" };
    expect(await issuesOf(healthChecksSchema.safeParse({ rows: [check] }))).toEqual({
      "rows.0.kind": ["種類（1件目）は一覧から選んでください。"],
    });
    expect(
      dataOf(healthChecksSchema.safeParse({ rows: [{ ...check, kind: "定期健康診断" }] })).rows,
    ).toHaveLength(1);
  });

  it("keeps a well-formed posted id, lower-cased, and drops anything else", async () => {
    const data = dataOf(education(school({ id: ID_A.toUpperCase() }), school({ id: "1; DROP TABLE" })));
    expect(data.rows.map((row) => row.id)).toEqual([ID_A, null]);
  });

  it(`takes up to ${MAX_ROWS} rows and says so beyond that`, async () => {
    const rows = Array.from({ length: MAX_ROWS }, () => school());
    expect(dataOf(education(...rows)).rows).toHaveLength(MAX_ROWS);
    expect(await issuesOf(education(...rows, school()))).toEqual({ rows: ["学歴は20件まで入力できます。"] });
    expect(await issuesOf(educationDraftSchema.safeParse({ rows: [...rows, school()] }))).toEqual({
      rows: ["学歴は20件まで入力できます。"],
    });
  });
});

describe("text fields", () => {
  it("takes 100 characters of 学校名 and refuses 101, giving the count", async () => {
    expect(
      dataOf(education(school({ schoolName: "校".repeat(100) }))).rows[0]?.fields.schoolName,
    ).toHaveLength(100);
    expect(await issuesOf(education(school({ schoolName: "校".repeat(101) })))).toEqual({
      "rows.0.schoolName": ["学校名（1件目）は100文字以内で入力してください。（現在101文字）"],
    });
  });

  it("bounds the other names at 100 characters", async () => {
    const training = { id: "", name: "研".repeat(101), attendedOn: "2024-01-01", provider: "機".repeat(100) };
    expect(await issuesOf(trainingsSchema.safeParse({ rows: [training] }))).toEqual({
      "rows.0.name": ["研修名（1件目）は100文字以内で入力してください。（現在101文字）"],
    });
    const award = { id: "", name: "表彰", awardedOn: "2024-01-01", awardedBy: "者".repeat(101) };
    expect(await issuesOf(awardsSchema.safeParse({ rows: [award] }))).toEqual({
      "rows.0.awardedBy": ["表彰者（1件目）は100文字以内で入力してください。（現在101文字）"],
    });
    const group = { id: "", groupName: "団".repeat(101), joinedOn: "2024-01-01" };
    expect(await issuesOf(workersComp("yes", group))).toEqual({
      "rows.0.groupName": ["団体名（1件目）は100文字以内で入力してください。（現在101文字）"],
    });
  });

  it("leaves 番号 optional, bounded at 40 and made half-width (letters too)", async () => {
    expect(dataOf(qualifications(qualification())).rows[0]?.fields.number).toBeNull();
    expect(dataOf(qualifications(qualification({ number: "ＡＢ－１２３４５" }))).rows[0]?.fields.number).toBe(
      "AB-12345",
    );
    expect(
      dataOf(qualifications(qualification({ number: "9".repeat(40) }))).rows[0]?.fields.number,
    ).toHaveLength(40);
    expect(await issuesOf(qualifications(qualification({ number: "9".repeat(41) })))).toEqual({
      "rows.0.number": ["番号（1件目）は40文字以内で入力してください。（現在41文字）"],
    });
  });

  it("asks for the required names", async () => {
    expect(await issuesOf(qualifications(qualification({ name: "  " })))).toEqual({
      "rows.0.name": ["資格名（1件目）を入力してください。"],
    });
  });
});

describe("dates", () => {
  it("accepts today and refuses tomorrow", async () => {
    expect(dataOf(qualifications(qualification({ acquiredOn: TODAY }))).rows[0]?.fields.acquiredOn).toBe(
      TODAY,
    );
    expect(await issuesOf(qualifications(qualification({ acquiredOn: "2025-06-16" })))).toEqual({
      "rows.0.acquiredOn": [
        "取得年月日（1件目）は今日以前の日付を入力してください。未来の日付は入力できません。",
      ],
    });
  });

  it("refuses a date that does not exist, and accepts 29 February of a leap year", async () => {
    expect(await issuesOf(qualifications(qualification({ acquiredOn: "2023-02-30" })))).toEqual({
      "rows.0.acquiredOn": [
        "取得年月日（1件目）の2023年2月30日は存在しない日付です。カレンダーにある日付を入力してください。",
      ],
    });
    expect(await issuesOf(qualifications(qualification({ acquiredOn: "2023-02-29" })))).not.toEqual({});
    expect(
      dataOf(qualifications(qualification({ acquiredOn: "2024-02-29" }))).rows[0]?.fields.acquiredOn,
    ).toBe("2024-02-29");
  });

  it("reads full-width digits and Japanese date forms", async () => {
    const parse = (acquiredOn: string) =>
      dataOf(qualifications(qualification({ acquiredOn }))).rows[0]?.fields.acquiredOn;
    expect(parse("２０２０－０４－０１")).toBe("2020-04-01");
    expect(parse("2020年4月1日")).toBe("2020-04-01");
    expect(parse("2020/4/1")).toBe("2020-04-01");
    expect(
      (await issuesOf(qualifications(qualification({ acquiredOn: "令和2年4月1日" }))))["rows.0.acquiredOn"],
    ).toEqual([
      "取得年月日（1件目）は「2000-01-31」または「2000/01/31」のように、年（4桁）・月・日の順で入力してください。",
    ]);
  });

  it("checks every group's date the same way", async () => {
    const future = "2025-06-16";
    expect(
      Object.keys(await issuesOf(workersComp("yes", { id: "", groupName: "団体", joinedOn: future }))),
    ).toEqual(["rows.0.joinedOn"]);
    const check = { id: "", examinedOn: future, kind: "定期健康診断" };
    expect(
      Object.keys(
        await issuesOf(rowGroupSchema(HEALTH_CHECKS_GROUP, { today: TODAY }).safeParse({ rows: [check] })),
      ),
    ).toEqual(["rows.0.examinedOn"]);
    const training = { id: "", name: "研修", attendedOn: future, provider: "機関" };
    expect(
      Object.keys(
        await issuesOf(rowGroupSchema(TRAININGS_GROUP, { today: TODAY }).safeParse({ rows: [training] })),
      ),
    ).toEqual(["rows.0.attendedOn"]);
    const award = { id: "", name: "表彰", awardedOn: future, awardedBy: "者" };
    expect(
      Object.keys(
        await issuesOf(rowGroupSchema(AWARDS_GROUP, { today: TODAY }).safeParse({ rows: [award] })),
      ),
    ).toEqual(["rows.0.awardedOn"]);
  });

  it("uses today in Japan when no day is given", async () => {
    const today = todayInJapan(new Date());
    expect(
      dataOf(qualificationsSchema.safeParse({ rows: [qualification({ acquiredOn: today })] })).rows,
    ).toHaveLength(1);
    setClockOffset(-2 * 86_400_000);
    expect(
      await issuesOf(qualificationsSchema.safeParse({ rows: [qualification({ acquiredOn: today })] })),
    ).not.toEqual({});
  });
});

describe("卒業年月", () => {
  const month = (graduatedMonth: string) => education(school({ graduatedMonth }));

  it("accepts this month and refuses next month", async () => {
    expect(dataOf(month("2025-06")).rows[0]?.fields.graduatedMonth).toBe("2025-06");
    expect(await issuesOf(month("2025-07"))).toEqual({
      "rows.0.graduatedMonth": [
        "卒業年月（1件目）は今月以前の年月を入力してください。未来の年月は入力できません。",
      ],
    });
  });

  it("reads full-width digits and Japanese forms as YYYY-MM", async () => {
    expect(dataOf(month("２０１０年３月")).rows[0]?.fields.graduatedMonth).toBe("2010-03");
    expect(dataOf(month("2010/3")).rows[0]?.fields.graduatedMonth).toBe("2010-03");
    expect(dataOf(month("201003")).rows[0]?.fields.graduatedMonth).toBe("2010-03");
  });

  it("refuses a month that does not exist and a date in its place", async () => {
    expect(await issuesOf(month("2010-13"))).toEqual({
      "rows.0.graduatedMonth": ["卒業年月（1件目）の13月は存在しません。月は1から12で入力してください。"],
    });
    expect(await issuesOf(month("2010-03-31"))).toEqual({
      "rows.0.graduatedMonth": [
        "卒業年月（1件目）は「2010-03」または「2010年3月」のように、年（4桁）・月の順で入力してください。",
      ],
    });
  });
});

describe("労災保険特別加入", () => {
  const group = { id: "", groupName: "建設一人親方労災センター", joinedOn: "2022-04-01" };

  it("asks 特別加入の有無 first", async () => {
    expect(await issuesOf(workersComp(""))).toEqual({ answer: ["特別加入の有無を選んでください。"] });
    expect(await issuesOf(workersComp("maybe"))).toEqual({ answer: ["特別加入の有無を選んでください。"] });
  });

  it("refuses 加入している without a row, also when the only row is blank", async () => {
    const message = "「加入している」を選んだ場合は、加入団体を1件以上入力してください。";
    expect(await issuesOf(workersComp("yes"))).toEqual({ rows: [message] });
    expect(await issuesOf(workersComp("yes", blankRow(WORKERS_COMP_GROUP)))).toEqual({ rows: [message] });
    expect(dataOf(workersComp("yes", group))).toEqual({
      answer: "yes",
      rows: [
        { id: null, formIndex: 0, fields: { groupName: "建設一人親方労災センター", joinedOn: "2022-04-01" } },
      ],
    });
  });

  it("drops the rows for 加入していない, without checking them", async () => {
    expect(dataOf(workersComp("no", group, { id: "", groupName: "", joinedOn: "2099-99-99" }))).toEqual({
      answer: "no",
      rows: [],
    });
    expect(dataOf(workersCompDraftSchema.safeParse({ answer: "no", rows: [group] }))).toEqual({
      answer: "no",
      rows: [],
    });
  });

  it("lets a draft leave the question open and keeps its rows", async () => {
    expect(dataOf(workersCompDraftSchema.safeParse({ answer: "", rows: [group] })).rows).toHaveLength(1);
    expect(dataOf(workersCompSchema.safeParse({ answer: "yes", rows: [group] })).answer).toBe("yes");
  });
});

describe("draft schemas", () => {
  it("require nothing but still normalise and check the format of what is filled in", async () => {
    const partial = { id: "", category: "", schoolName: "第１高校", graduatedMonth: "" };
    expect(dataOf(educationDraftSchema.safeParse({ rows: [partial] })).rows).toEqual([
      { id: null, formIndex: 0, fields: { category: null, schoolName: "第1高校", graduatedMonth: null } },
    ]);
    expect(
      await issuesOf(
        qualificationsDraftSchema.safeParse({ rows: [qualification({ acquiredOn: "2023-02-30" })] }),
      ),
    ).toEqual({
      "rows.0.acquiredOn": [
        "取得年月日（1件目）の2023年2月30日は存在しない日付です。カレンダーにある日付を入力してください。",
      ],
    });
    expect(
      Object.keys(
        await issuesOf(
          qualificationsDraftSchema.safeParse({ rows: [qualification({ name: "x".repeat(101) })] }),
        ),
      ),
    ).toEqual(["rows.0.name"]);
  });

  it("leave the date's range to 次へ", async () => {
    const data = dataOf(
      qualificationsDraftSchema.safeParse({ rows: [qualification({ acquiredOn: "2099-01-01" })] }),
    );
    expect(data.rows[0]?.fields.acquiredOn).toBe("2099-01-01");
  });
});

describe("draftCompletion", () => {
  it("leaves the completion as it was while the page is empty", async () => {
    expect(draftCompletion(EDUCATION_GROUP, { answer: "", rows: [] }, TODAY)).toBeUndefined();
    expect(draftCompletion(EDUCATION_GROUP, { rows: [blankRow(EDUCATION_GROUP)] }, TODAY)).toBeUndefined();
  });

  it("is what the full schema says once something is entered", async () => {
    expect(draftCompletion(EDUCATION_GROUP, { rows: [school()] }, TODAY)).toBe(true);
    expect(draftCompletion(EDUCATION_GROUP, { rows: [school({ schoolName: "" })] }, TODAY)).toBe(false);
    expect(draftCompletion(WORKERS_COMP_GROUP, { answer: "no", rows: [] }, TODAY)).toBe(true);
    expect(draftCompletion(WORKERS_COMP_GROUP, { answer: "yes", rows: [] }, TODAY)).toBe(false);
  });
});

describe("form values", () => {
  it("reads the posted rows in index order, renumbered, with only the group's own fields", async () => {
    const form = new FormData();
    form.append("answer", "");
    form.append("rows.2.schoolName", "三番目");
    form.append("rows.0.schoolName", "一番目");
    form.append("rows.0.id", ID_A);
    form.append("rows.0.applicationId", "someone-else");
    form.append("rows.x.schoolName", "no");
    form.append("applicationId", "someone-else");
    const values = readRowGroupForm(EDUCATION_GROUP, form.entries());
    expect(values).toEqual({
      answer: "",
      rows: [
        { id: ID_A, category: "", schoolName: "一番目", graduatedMonth: "" },
        { id: "", category: "", schoolName: "三番目", graduatedMonth: "" },
      ],
    });
    expect(flattenRowGroupForm(values)).toEqual({
      answer: "",
      "rows.0.id": ID_A,
      "rows.0.category": "",
      "rows.0.schoolName": "一番目",
      "rows.0.graduatedMonth": "",
      "rows.1.id": "",
      "rows.1.category": "",
      "rows.1.schoolName": "三番目",
      "rows.1.graduatedMonth": "",
    });
    expect(readRowGroupForm(EDUCATION_GROUP, Object.entries(flattenRowGroupForm(values)))).toEqual(values);
  });

  it("adds a row, up to the maximum, and removes the named one", async () => {
    const values: RowGroupFormValues = {
      answer: "",
      rows: [school({ schoolName: "A" }), school({ schoolName: "B" })],
    };
    // The messages are references: compared in Japanese and English.
    const inWords = async (change: ReturnType<typeof applyRowIntent>, locale: Locale = "ja") =>
      change && "message" in change
        ? { ...change, message: await textIn(locale, change.message) }
        : change && { error: await textIn(locale, change.error) };
    expect(await inWords(applyRowIntent(EDUCATION_GROUP, values, "add-row"))).toEqual({
      values: { answer: "", rows: [...values.rows, blankRow(EDUCATION_GROUP)] },
      message: "学歴 3件目の入力欄を追加しました。",
    });
    expect(await inWords(applyRowIntent(EDUCATION_GROUP, values, "remove-row-0"))).toEqual({
      values: { answer: "", rows: [values.rows[1]] },
      message: "学歴 1件目を削除しました。",
    });
    expect(await inWords(applyRowIntent(EDUCATION_GROUP, values, "remove-row-0"), "en")).toEqual({
      values: { answer: "", rows: [values.rows[1]] },
      message: "School (no. 1) was deleted.",
    });
    expect(applyRowIntent(EDUCATION_GROUP, values, "remove-row-2")).toBeNull();
    expect(applyRowIntent(EDUCATION_GROUP, values, "draft")).toBeNull();
    const full = { answer: "", rows: Array.from({ length: MAX_ROWS }, () => school()) };
    expect(await inWords(applyRowIntent(EDUCATION_GROUP, full, "add-row"))).toEqual({
      error: "学歴は20件まで入力できます。",
    });
    expect(await inWords(applyRowIntent(EDUCATION_GROUP, full, "add-row"), "en")).toEqual({
      error: "You can enter up to 20 entries of School.",
    });
  });

  it("puts the stored ids back on the rows they came from, and clears them on rows not stored", async () => {
    const values: RowGroupFormValues = {
      answer: "",
      rows: [blankRow(EDUCATION_GROUP), school(), { ...blankRow(EDUCATION_GROUP), id: ID_A }],
    };
    const stored = withStoredRowIds(values, [{ formIndex: 1 }], ["new-id"]);
    expect(stored.rows.map((row) => row.id)).toEqual(["", "new-id", ""]);
  });
});

describe("the pages' words (messages/<language>/rows.json, issue 15)", () => {
  it("are in Japanese exactly the definitions' names, for every group, field, choice and question", async () => {
    for (const definition of Object.values(ROW_GROUPS)) {
      const ja = (message: string) => textIn("ja", message);
      expect(await ja(rowGroupRef(definition, "rowName"))).toBe(definition.rowName);
      expect(await ja(addRowButtonRef(definition))).toBe(addRowButtonLabel(definition));
      for (const index of [0, 1, 10, MAX_ROWS - 1]) {
        expect(await ja(rowLegendRef(definition, index))).toBe(rowLegend(definition, index));
        expect(await ja(removeRowButtonRef(definition, index))).toBe(removeRowButtonLabel(definition, index));
        for (const [key, spec] of rowFields(definition)) {
          expect(await ja(rowFieldLabelRef(definition, key, index))).toBe(rowFieldLabel(spec.label, index));
        }
      }
      for (const [key, spec] of rowFields(definition)) {
        if (spec.hint) expect(await ja(rowGroupRef(definition, `fields.${key}.hint`))).toBe(spec.hint);
        if (spec.kind !== "choice") continue;
        for (const choice of spec.choices)
          expect(await ja(rowChoiceRef(definition, key, choice))).toBe(choice);
      }
      expect([
        await ja(rowGroupRef(definition, "intro1")),
        await ja(rowGroupRef(definition, "intro2")),
      ]).toEqual(definition.intro);
      const question = definition.question;
      if (question) {
        expect(await ja(rowGroupRef(definition, "question.label"))).toBe(question.label);
        expect(await ja(rowGroupRef(definition, "question.hint"))).toBe(question.hint);
        expect(await ja(rowGroupRef(definition, "question.yes"))).toBe(question.options.yes);
        expect(await ja(rowGroupRef(definition, "question.no"))).toBe(question.options.no);
      }
      const heading = contentGroups.find((group) => group.key === definition.key)?.label;
      expect(await ja(rowGroupRef(definition, "heading"))).toBe(heading);
    }
  });

  it("name rows and fields in English, and keep every name unique", async () => {
    const en = (message: string) => textIn("en", message);
    expect(await en(rowFieldLabelRef(EDUCATION_GROUP, "schoolName", 0))).toBe("School name (no. 1)");
    expect(await en(removeRowButtonRef(EDUCATION_GROUP, 0))).toBe("Delete School (no. 1)");
    expect(await en(addRowButtonRef(WORKERS_COMP_GROUP))).toBe("Add Enrollment group");
    expect(await en(rowChoiceRef(EDUCATION_GROUP, "category", "大学"))).toBe("University");
    const names = await Promise.all(
      Array.from({ length: MAX_ROWS }, (_row, index) => en(rowLegendRef(QUALIFICATIONS_GROUP, index))),
    );
    for (const name of names) expect(names.filter((other) => other.includes(name))).toEqual([name]);
  });
});
