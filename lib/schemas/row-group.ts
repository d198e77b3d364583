// The building block of the 詳細型 pages of 申請内容登録: a group of repeatable rows
// (学歴, 労災保険特別加入, 健康診断, 保有資格, 研修, 表彰), each row a few fields of kind
// text / date / month / choice. One definition per group gives the form, the full schema (次へ), the
// lenient draft schema (一時保存, background save) and every label and message.
//
// The form posts `rows.<n>.<field>` and `rows.<n>.id` (the stored row's id, "" for a new one), plus
// `answer` where the group asks a question first (労災保険特別加入: 特別加入の有無). A new row left
// completely blank is ignored: it is neither an error nor stored. A stored row is removed only by
// its remove button (or 「加入していない」): emptied, it is kept by a draft and refused by 次へ, so
// that clearing the fields to retype them never takes a 保有資格 image away.
// Browser-safe: no node-only imports.
import { z } from "zod";
import {
  boundedTextSchema,
  calendarDateSchema,
  calendarMonthSchema,
  choiceSchema,
  optionalField,
  pastDateSchema,
  pastMonthSchema,
} from "@/lib/schemas/normalize";
import { parseInto, requiredOnSubmit, type FieldIssue, type Mode } from "@/lib/schemas/mode";

/** The most rows a group holds. */
export const MAX_ROWS = 20;

interface RowFieldBase {
  /** As the form and the check page show it; messages use the same words. */
  label: string;
  hint?: string;
  /** 任意: may stay empty on 次へ. */
  isOptional?: boolean;
}

export type RowFieldSpec =
  | (RowFieldBase & {
      kind: "text";
      max: number;
      /** A number or code: NFKC for the whole text (full-width letters too), not only digits. */
      isCode?: boolean;
    })
  /** A real date, not after today: "YYYY-MM-DD". */
  | (RowFieldBase & { kind: "date" })
  /** A year and month, not after this month: "YYYY-MM". */
  | (RowFieldBase & { kind: "month" })
  | (RowFieldBase & { kind: "choice"; choices: readonly [string, ...string[]] });

export const ROW_GROUP_ANSWERS = ["yes", "no"] as const;
export type RowGroupAnswer = (typeof ROW_GROUP_ANSWERS)[number];

/** A question before the rows: "yes" asks for at least one row, "no" drops any rows. */
export interface RowGroupQuestion {
  label: string;
  options: Readonly<Record<RowGroupAnswer, string>>;
  hint?: string;
}

export interface RowGroupDefinition<K extends string = string> {
  /** The group's key in lib/registration/content-groups.ts, also ApplicationGroupState.groupKey. */
  key: string;
  /** What one row is called: legends 「学歴 1件目」, buttons 「学歴を追加」「学歴 1件目を削除」. */
  rowName: string;
  /** The row's fields in form order; the keys are the columns of the group's table. */
  fields: Readonly<Record<K, RowFieldSpec>>;
  maxRows: number;
  question?: RowGroupQuestion;
  /** The page's opening paragraphs. */
  intro: readonly string[];
  /** A row's image lives in the ApplicationFile slot `${imageSlotPrefix}:${row id}`. */
  imageSlotPrefix?: string;
}

/** Keeps the field keys as a literal union, so that each group's row type names its columns. */
export function defineRowGroup<const K extends string>(definition: RowGroupDefinition<K>) {
  return definition;
}

export function rowFieldKeys<K extends string>(definition: RowGroupDefinition<K>): K[] {
  return Object.keys(definition.fields) as K[];
}

/** The row's fields in form order, each with its key. */
export function rowFields<K extends string>(definition: RowGroupDefinition<K>): [K, RowFieldSpec][] {
  return Object.entries(definition.fields) as [K, RowFieldSpec][];
}

// ---------------------------------------------------------------------------------------------
// Names on the page: unique, and none inside another (Playwright's getByLabel matches substrings;
// 「学校名（1件目）」 is not inside 「学校名（11件目）」).

export function rowFieldLabel(label: string, index: number): string {
  return `${label}（${index + 1}件目）`;
}

export function rowLegend(definition: RowGroupDefinition, index: number): string {
  return `${definition.rowName} ${index + 1}件目`;
}

export function removeRowButtonLabel(definition: RowGroupDefinition, index: number): string {
  return `${rowLegend(definition, index)}を削除`;
}

export function addRowButtonLabel(definition: RowGroupDefinition): string {
  return `${definition.rowName}を追加`;
}

/** The form path of a row's field, `rows.0.schoolName`: the posted name and the error's key. */
export function rowFieldPath(index: number, key: string): `rows.${number}.${string}` {
  return `rows.${index}.${key}`;
}

/** The element id for a path (`rows.0.schoolName` → `rows-0-schoolName`): no dots, CSS-safe. */
export function fieldIdOf(path: string): string {
  return path.replaceAll(".", "-");
}

export function rowGroupMessages(definition: RowGroupDefinition) {
  const question = definition.question;
  return {
    tooManyRows: `${definition.rowName}は${definition.maxRows}件まで入力できます。`,
    answerRequired: question ? `${question.label}を選んでください。` : "",
    rowsRequired: question
      ? `「${question.options.yes}」を選んだ場合は、${definition.rowName}を1件以上入力してください。`
      : "",
  };
}

// ---------------------------------------------------------------------------------------------
// Form values: what the page holds and posts (every value a string)

/** One row as the form holds it; `id` is "" for a row not stored yet. */
export type RowFormValues = Record<string, string>;

export type RowGroupFormValues = {
  answer: string;
  rows: RowFormValues[];
};

export function blankRow(definition: RowGroupDefinition): RowFormValues {
  return Object.fromEntries([
    ["id", ""],
    ...rowFieldKeys(definition).map((key): [string, string] => [key, ""]),
  ]);
}

const ROW_NAME = /^rows\.([0-9]{1,3})\.([A-Za-z]+)$/;

/**
 * The page's values from posted entries (FormData, or the flat values of a FormState): only the
 * group's own fields, rows in index order and renumbered from 0.
 */
export function readRowGroupForm(
  definition: RowGroupDefinition,
  entries: Iterable<[string, unknown]>,
): RowGroupFormValues {
  const known = new Set(["id", ...rowFieldKeys(definition)]);
  const byIndex = new Map<number, RowFormValues>();
  let answer = "";
  for (const [name, value] of entries) {
    if (typeof value !== "string") continue;
    if (name === "answer") answer = value;
    const match = ROW_NAME.exec(name);
    if (!match?.[1] || !match[2] || !known.has(match[2])) continue;
    const index = Number(match[1]);
    const row = byIndex.get(index) ?? blankRow(definition);
    row[match[2]] = value;
    byIndex.set(index, row);
  }
  const rows = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  return { answer, rows };
}

/** The page's values as FormState.values: `answer` and `rows.<n>.<field>`. */
export function flattenRowGroupForm(values: RowGroupFormValues): Record<string, string> {
  const flat: Record<string, string> = { answer: values.answer };
  values.rows.forEach((row, index) => {
    for (const [key, value] of Object.entries(row)) flat[rowFieldPath(index, key)] = value;
  });
  return flat;
}

/** A press of 「…を追加」 or 「… n件目を削除」 without JavaScript: the rows after it, or why not. */
export type RowChange = { values: RowGroupFormValues; message: string } | { error: string };

/** "add-row" or "remove-row-<n>" (n from 0); null for any other intent. */
export function applyRowIntent(
  definition: RowGroupDefinition,
  values: RowGroupFormValues,
  intent: string,
): RowChange | null {
  if (intent === "add-row") {
    if (values.rows.length >= definition.maxRows) {
      return { error: rowGroupMessages(definition).tooManyRows };
    }
    return {
      values: { ...values, rows: [...values.rows, blankRow(definition)] },
      message: `${rowLegend(definition, values.rows.length)}の入力欄を追加しました。`,
    };
  }
  const index = Number(/^remove-row-([0-9]{1,3})$/.exec(intent)?.[1] ?? Number.NaN);
  if (!(index < values.rows.length)) return null;
  return {
    values: { ...values, rows: values.rows.filter((_row, at) => at !== index) },
    message: `${rowLegend(definition, index)}を削除しました。`,
  };
}

/** The form's rows with the ids they were stored under ("" for a row that was not stored). */
export function withStoredRowIds(
  values: RowGroupFormValues,
  stored: readonly { formIndex: number }[],
  ids: readonly string[],
): RowGroupFormValues {
  const idByIndex = new Map(stored.map((row, at) => [row.formIndex, ids[at] ?? ""]));
  return { ...values, rows: values.rows.map((row, index) => ({ ...row, id: idByIndex.get(index) ?? "" })) };
}

// ---------------------------------------------------------------------------------------------
// The schemas

/** A row to store. */
export type RowGroupRow<K extends string = string> = {
  /** The stored row's id as posted; honoured only if it is a row of the same application. */
  id: string | null;
  /** The row's place in the form, to put the stored id back. */
  formIndex: number;
  /** Every field normalised, or null when empty (a draft, or 任意); the keys are the columns. */
  fields: Record<K, string | null>;
};

export interface RowGroupValues<K extends string = string> {
  /** The question's answer; null where the group has none or it is not answered (draft). */
  answer: RowGroupAnswer | null;
  rows: RowGroupRow<K>[];
}

type RawRow = Record<string, string | null | undefined>;
type RawGroup = { answer?: string | null; rows?: RawRow[] | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fieldSchema(spec: RowFieldSpec, label: string, mode: Mode, today: string | undefined) {
  const isSubmit = mode === "submit";
  const schema = (() => {
    switch (spec.kind) {
      case "text":
        return boundedTextSchema(label, spec.max, { isCode: spec.isCode });
      case "date":
        // A draft keeps the format rules only; the date's range is checked on 次へ.
        return isSubmit ? pastDateSchema(label, today) : calendarDateSchema(label);
      case "month":
        return isSubmit ? pastMonthSchema(label, today) : calendarMonthSchema(label);
      case "choice":
        return choiceSchema(spec.choices, {
          required: `${label}を選んでください。`,
          invalid: `${label}は一覧から選んでください。`,
        });
    }
  })();
  return isSubmit && !spec.isOptional ? schema : optionalField(schema);
}

/** A row added but never filled in: no field has a value and it is not a stored row. */
export function isUnstartedRow(definition: RowGroupDefinition, row: RawRow): boolean {
  return (
    !UUID.test((row.id ?? "").trim()) &&
    rowFieldKeys(definition).every((key) => (row[key] ?? "").trim() === "")
  );
}

function parseRow<K extends string>(
  definition: RowGroupDefinition<K>,
  raw: RawRow,
  formIndex: number,
  mode: Mode,
  today: string | undefined,
  issues: FieldIssue[],
): RowGroupRow<K> {
  const id = (raw.id ?? "").trim();
  const fields = {} as Record<K, string | null>;
  for (const [key, spec] of rowFields(definition)) {
    const schema = fieldSchema(spec, rowFieldLabel(spec.label, formIndex), mode, today);
    fields[key] = parseInto(schema, raw[key], ["rows", formIndex, key], issues) ?? null;
  }
  return { id: UUID.test(id) ? id.toLowerCase() : null, formIndex, fields };
}

function parseAnswer(definition: RowGroupDefinition, raw: RawGroup, mode: Mode, issues: FieldIssue[]) {
  if (!definition.question) return null;
  const message = rowGroupMessages(definition).answerRequired;
  const schema = choiceSchema(ROW_GROUP_ANSWERS, { required: message, invalid: message });
  const result = requiredOnSubmit(mode, schema).safeParse(raw.answer);
  if (result.success) return result.data ?? null;
  issues.push({ path: ["answer"], message });
  return null;
}

function parseRowGroup<K extends string>(
  definition: RowGroupDefinition<K>,
  raw: RawGroup,
  mode: Mode,
  today: string | undefined,
): { data: RowGroupValues<K>; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const answer = parseAnswer(definition, raw, mode, issues);
  // 「加入していない」: rows left in the hidden section are neither checked nor kept.
  if (answer === "no") return { data: { answer, rows: [] }, issues };
  const rawRows = raw.rows ?? [];
  const messages = rowGroupMessages(definition);
  if (rawRows.length > definition.maxRows) issues.push({ path: ["rows"], message: messages.tooManyRows });
  const rows = rawRows.flatMap((row, index) =>
    isUnstartedRow(definition, row) ? [] : [parseRow(definition, row, index, mode, today, issues)],
  );
  if (mode === "submit" && answer === "yes" && rows.length === 0) {
    issues.push({ path: ["rows"], message: messages.rowsRequired });
  }
  return { data: { answer, rows }, issues };
}

function rawGroupSchema() {
  return z.object({
    answer: z.string().nullish(),
    rows: z.array(z.record(z.string(), z.string().nullish())).nullish(),
  });
}

function makeSchema<K extends string>(definition: RowGroupDefinition<K>, mode: Mode, today?: string) {
  return rawGroupSchema().transform((value, ctx): RowGroupValues<K> => {
    const { data, issues } = parseRowGroup(definition, value, mode, today);
    for (const issue of issues) ctx.addIssue({ code: "custom", input: value, ...issue });
    return data;
  });
}

/**
 * A group as sent with 次へ: every filled row complete and valid, dates not in the future, at most
 * maxRows rows, the question answered (and "yes" with at least one row). No rows at all is valid.
 * `today` ("YYYY-MM-DD", Japan time) defaults to the day of each parse.
 */
export function rowGroupSchema<K extends string>(
  definition: RowGroupDefinition<K>,
  options: { today?: string } = {},
) {
  return makeSchema(definition, "submit", options.today);
}

/**
 * A group for 一時保存 and the background save: nothing required, but what is filled in is
 * normalised and format-checked (a real date, the length, a listed choice) as on 次へ.
 */
export function rowGroupDraftSchema<K extends string>(definition: RowGroupDefinition<K>) {
  return makeSchema(definition, "draft");
}

export type RowGroupInput = z.input<ReturnType<typeof rowGroupSchema>>;

/**
 * Whether a draft save marks the group done: as the full schema says once something is answered
 * (a row, or the question); undefined, leave it as it was, while the page is empty, so that a
 * background save of an untouched page is not taken for 「該当なし」 (that is 次へ with no rows).
 */
export function draftCompletion(
  definition: RowGroupDefinition,
  values: RowGroupInput,
  today?: string,
): boolean | undefined {
  const hasAnswer = definition.question !== undefined && (values.answer ?? "").trim() !== "";
  const hasRows = (values.rows ?? []).some((row) => !isUnstartedRow(definition, row));
  if (!hasAnswer && !hasRows) return undefined;
  return rowGroupSchema(definition, { today }).safeParse(values).success;
}
