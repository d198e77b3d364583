// The plain CSV of the reference files in data/: a fixed header, one record per line, no quoting.
// Operators edit these files by hand, so every problem names the file and line.
//
// Translations (issue 15): after the fixed columns a file may carry optional columns named
// `<column>_<language>` — `minor_name_en`, `label_zh-Hans`, `label_ja-x-easy` — for the columns a
// file lets be translated, in any order, each once. An empty cell means no translation: the page
// shows the Japanese. Browser-safe.
import { LOCALES, type Locale } from "@/lib/i18n/locales";

/** The languages a reference file may translate into (every one but Japanese, the source). */
export type TranslationLocale = Exclude<Locale, "ja">;
export const TRANSLATION_LOCALES = LOCALES.filter((locale): locale is TranslationLocale => locale !== "ja");

/** A translated column's words by language: only the languages with a non-empty cell. */
export type Translations = Partial<Record<TranslationLocale, string>>;

export interface SimpleCsvRow {
  /** 1-based line number in the file, for messages. */
  line: number;
  /** The cells of the fixed columns, trimmed, one per header column. */
  cells: string[];
  /** The translation columns' non-empty cells, by translated column: translations.label.en. */
  translations: Record<string, Translations>;
}

/** Throws `<source> line <n>: <problem>`, the form every reference-file error takes. */
export function failCsvLine(source: string, line: number, problem: string): never {
  throw new Error(`${source} line ${line}: ${problem}`);
}

/** The columns a header may add to `header`: every `<translatable>_<language>`. */
function translationColumns(translatable: readonly string[]): Map<string, [string, TranslationLocale]> {
  return new Map(
    translatable.flatMap((column) =>
      TRANSLATION_LOCALES.map((locale) => [`${column}_${locale}`, [column, locale]] as const),
    ),
  );
}

/**
 * Splits `text` into rows under `header`: UTF-8 with or without BOM, LF or CRLF, blank lines
 * ignored, cells trimmed. Quoted fields are not supported. After `header` the file may have
 * translation columns of the `translatable` columns (see above). Throws on an empty file, a header
 * other than that, a row with another number of columns, or no rows at all.
 */
export function parseSimpleCsv(
  text: string,
  source: string,
  header: readonly string[],
  translatable: readonly string[] = [],
): SimpleCsvRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex < 0) throw new Error(`${source}: the file is empty`);
  const found = (lines[headerIndex] ?? "").split(",").map((cell) => cell.trim());
  const allowed = translationColumns(translatable);
  const extra = found.slice(header.length);
  const wrongExtra = extra.find((column, index) => !allowed.has(column) || extra.indexOf(column) !== index);
  if (found.slice(0, header.length).join(",") !== header.join(",") || wrongExtra !== undefined) {
    const optional =
      translatable.length === 0
        ? ""
        : `, then optional translation columns <column>_<language> for ${translatable.join(", ")} (languages ${TRANSLATION_LOCALES.join(", ")}, each column once)`;
    failCsvLine(
      source,
      headerIndex + 1,
      `the header must be "${header.join(",")}"${optional}, found "${found.join(",")}"`,
    );
  }
  const extraColumns = extra.map((column) => allowed.get(column)!);

  const rows: SimpleCsvRow[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (index <= headerIndex || text.trim() === "") return;
    if (text.includes('"')) failCsvLine(source, line, "quoted fields are not supported");
    const cells = text.split(",").map((cell) => cell.trim());
    if (cells.length !== found.length) {
      failCsvLine(source, line, `expected ${found.length} columns, found ${cells.length}`);
    }
    const translations: Record<string, Translations> = {};
    extraColumns.forEach(([column, locale], i) => {
      const cell = cells[header.length + i] ?? "";
      if (cell !== "") (translations[column] ??= {})[locale] = cell;
    });
    rows.push({ line, cells: cells.slice(0, header.length), translations });
  });
  if (rows.length === 0) throw new Error(`${source}: there are no rows after the header`);
  return rows;
}
