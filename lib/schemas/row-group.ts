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
import { messageRef } from "@/lib/i18n/message-ref";
import {
  ROW_GROUP_ANSWERS,
  rowFieldKeys,
  rowFieldLabelRef,
  rowFields,
  rowGroupMessages,
  type RowFieldSpec,
  type RowGroupAnswer,
  type RowGroupDefinition,
} from "@/lib/schemas/row-group-fields";

export * from "@/lib/schemas/row-group-fields";

// ---------------------------------------------------------------------------------------------
// The schemas

// The messages are references (messages/<language>/fields.json and rows.json), the labels in them too.

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
          required: messageRef("fields.choiceRequired", { label }),
          invalid: messageRef("fields.choiceInvalid", { label }),
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
    const schema = fieldSchema(spec, rowFieldLabelRef(definition, key, formIndex), mode, today);
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
