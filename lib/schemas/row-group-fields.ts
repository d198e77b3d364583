// A 詳細型 group's definition, names on the page and form values (see lib/schemas/row-group.ts):
// what the browser form needs on first load. No zod here (lib/schemas/row-group.ts holds the
// schemas and re-exports all of this).
//
// The Japanese texts of a definition are what the check page, staff review and documents show.
// The applicant's pages and messages use references into messages/<language>/rows.json (issue 15):
// `rows.groups.<group key>.…` holds each group's words by the same keys (rowName, fields.<field>.label
// and .hint, choices.<field>.<n> in the order of `choices`, question.label/hint/yes/no, intro1/2).
import { messageRef, type MessageKey } from "@/lib/i18n/message-ref";

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

/** A reference to one of the group's words: `path` under rows.groups.<group key> ("rowName", "fields.x.label"). */
export function rowGroupRef(definition: RowGroupDefinition, path: string): string {
  return messageRef(`rows.groups.${definition.key}.${path}` as MessageKey);
}

/** rowFieldLabel as a reference (in the page's language). */
export function rowFieldLabelRef(definition: RowGroupDefinition, key: string, index: number): string {
  return messageRef("rows.row.fieldLabel", {
    label: rowGroupRef(definition, `fields.${key}.label`),
    n: index + 1,
  });
}

/** rowLegend as a reference. */
export function rowLegendRef(definition: RowGroupDefinition, index: number): string {
  return messageRef("rows.row.legend", { rowName: rowGroupRef(definition, "rowName"), n: index + 1 });
}

/** removeRowButtonLabel as a reference. */
export function removeRowButtonRef(definition: RowGroupDefinition, index: number): string {
  return messageRef("rows.row.remove", { legend: rowLegendRef(definition, index) });
}

/** addRowButtonLabel as a reference. */
export function addRowButtonRef(definition: RowGroupDefinition): string {
  return messageRef("rows.row.add", { rowName: rowGroupRef(definition, "rowName") });
}

/** A choice's option text as a reference; the value sent and stored stays the Japanese choice. */
export function rowChoiceRef(definition: RowGroupDefinition, key: string, choice: string): string {
  const spec = (definition.fields as Record<string, RowFieldSpec | undefined>)[key];
  const at = spec?.kind === "choice" ? spec.choices.indexOf(choice) : -1;
  return at === -1 ? choice : rowGroupRef(definition, `choices.${key}.${at}`);
}

/** The form path of a row's field, `rows.0.schoolName`: the posted name and the error's key. */
export function rowFieldPath(index: number, key: string): `rows.${number}.${string}` {
  return `rows.${index}.${key}`;
}

/** The ApplicationFile slot of a row's image: `${definition.imageSlotPrefix}:<row id>`. */
export function rowImageSlot(prefix: string, rowId: string): string {
  return `${prefix}:${rowId}`;
}

/** The element id for a path (`rows.0.schoolName` → `rows-0-schoolName`): no dots, CSS-safe. */
export function fieldIdOf(path: string): string {
  return path.replaceAll(".", "-");
}

/** The group's own messages, as references. */
export function rowGroupMessages(definition: RowGroupDefinition) {
  const question = definition.question;
  const rowName = rowGroupRef(definition, "rowName");
  return {
    tooManyRows: messageRef("rows.row.tooManyRows", { rowName, max: definition.maxRows }),
    answerRequired: question
      ? messageRef("rows.row.answerRequired", { question: rowGroupRef(definition, "question.label") })
      : "",
    rowsRequired: question
      ? messageRef("rows.row.rowsRequired", { yes: rowGroupRef(definition, "question.yes"), rowName })
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
      message: messageRef("rows.row.added", { legend: rowLegendRef(definition, values.rows.length) }),
    };
  }
  const index = Number(/^remove-row-([0-9]{1,3})$/.exec(intent)?.[1] ?? Number.NaN);
  if (!(index < values.rows.length)) return null;
  return {
    values: { ...values, rows: values.rows.filter((_row, at) => at !== index) },
    message: messageRef("rows.row.removed", { legend: rowLegendRef(definition, index) }),
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
