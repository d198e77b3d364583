// The plain CSV of the reference files in data/: a fixed header, one record per line, no quoting.
// Operators edit these files by hand, so every problem names the file and line.

export interface SimpleCsvRow {
  /** 1-based line number in the file, for messages. */
  line: number;
  /** The cells, trimmed, one per header column. */
  cells: string[];
}

/** Throws `<source> line <n>: <problem>`, the form every reference-file error takes. */
export function failCsvLine(source: string, line: number, problem: string): never {
  throw new Error(`${source} line ${line}: ${problem}`);
}

/**
 * Splits `text` into rows under `header`: UTF-8 with or without BOM, LF or CRLF, blank lines
 * ignored, cells trimmed. Quoted fields are not supported. Throws on an empty file, a header other
 * than `header`, a row with another number of columns, or no rows at all.
 */
export function parseSimpleCsv(text: string, source: string, header: readonly string[]): SimpleCsvRow[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex < 0) throw new Error(`${source}: the file is empty`);
  const found = (lines[headerIndex] ?? "").split(",").map((cell) => cell.trim());
  if (found.join(",") !== header.join(",")) {
    failCsvLine(
      source,
      headerIndex + 1,
      `the header must be "${header.join(",")}", found "${found.join(",")}"`,
    );
  }

  const rows: SimpleCsvRow[] = [];
  lines.forEach((text, index) => {
    const line = index + 1;
    if (index <= headerIndex || text.trim() === "") return;
    if (text.includes('"')) failCsvLine(source, line, "quoted fields are not supported");
    const cells = text.split(",").map((cell) => cell.trim());
    if (cells.length !== header.length) {
      failCsvLine(source, line, `expected ${header.length} columns, found ${cells.length}`);
    }
    rows.push({ line, cells });
  });
  if (rows.length === 0) throw new Error(`${source}: there are no rows after the header`);
  return rows;
}
