// Reads an uploaded bulk issuance CSV: bytes → text (UTF-8 with or without BOM, or Shift_JIS as
// Excel in Japan saves it) → records (csv-parse) → the 氏名 and メールアドレス of each data row.
// Whole-file problems come back as one Japanese message; row problems are the worker's job.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import {
  CSV_MESSAGES,
  EMAIL_COLUMN,
  MAX_CSV_BYTES,
  MAX_CSV_ROWS,
  NAME_COLUMN,
} from "@/lib/bulk-issue/upload-rules";

/** As stored in bulk_issue_job.encoding. */
export type CsvEncoding = "utf-8" | "utf-8-bom" | "shift_jis";

export interface CsvDataRow {
  /** The row number as Excel shows it: the header is 1, blank rows count, a quoted line break does not. */
  lineNumber: number;
  name: string;
  email: string;
}

export type ReadCsvResult =
  { ok: true; encoding: CsvEncoding; rows: CsvDataRow[] } | { ok: false; error: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/** The text of the file and how it was read, or a message when it cannot be text at all. */
export function decodeCsvBytes(
  bytes: Uint8Array,
): { ok: true; text: string; encoding: CsvEncoding } | { ok: false; error: string } {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, error: CSV_MESSAGES.utf16 };
  }
  // No text encoding a CSV is saved in has NUL bytes; an image or a spreadsheet (.xlsx) does.
  if (bytes.includes(0)) return { ok: false, error: CSV_MESSAGES.notCsv };
  if (startsWith(bytes, UTF8_BOM)) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(UTF8_BOM.length));
      return { ok: true, text, encoding: "utf-8-bom" };
    } catch {
      return { ok: false, error: CSV_MESSAGES.undecodable };
    }
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not UTF-8: Excel's 「CSV（コンマ区切り）」 in Japan, i.e. Windows-31J (cp932), which adds
    // the NEC and IBM characters (①, 髙, 﨑) to plain Shift_JIS.
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "cp932");
  if (text.includes("\uFFFD")) return { ok: false, error: CSV_MESSAGES.undecodable };
  return { ok: true, text, encoding: "shift_jis" };
}

/** Header cells compare after trimming (Excel users leave spaces, full-width ones included). */
const headerKey = (cell: string) => cell.normalize("NFKC").trim();

const isBlankRecord = (record: readonly string[]) => record.every((cell) => cell.trim() === "");

function parseRecords(text: string): { ok: true; records: string[][] } | { ok: false; error: string } {
  try {
    const records: string[][] = parse(text, {
      // Blank rows stay records here (skipped below), so a record's index is its Excel row.
      skip_empty_lines: false,
      relax_column_count: true,
      // A stray quote inside an unquoted cell (山田"太郎) is kept as a character.
      relax_quotes: true,
    });
    return { ok: true, records };
  } catch (error) {
    const line =
      typeof (error as { lines?: unknown }).lines === "number" ? (error as { lines: number }).lines : 1;
    return { ok: false, error: CSV_MESSAGES.badQuotes(line) };
  }
}

export function readBulkIssueCsv(bytes: Uint8Array): ReadCsvResult {
  if (bytes.byteLength > MAX_CSV_BYTES) return { ok: false, error: CSV_MESSAGES.tooLarge(bytes.byteLength) };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === "") return { ok: false, error: CSV_MESSAGES.empty };

  const parsed = parseRecords(decoded.text);
  if (!parsed.ok) return parsed;
  const { records } = parsed;

  const headerIndex = records.findIndex((record) => !isBlankRecord(record));
  const header = records[headerIndex];
  if (headerIndex === -1 || !header) return { ok: false, error: CSV_MESSAGES.empty };
  const keys = header.map(headerKey);
  const nameColumn = keys.indexOf(NAME_COLUMN);
  const emailColumn = keys.indexOf(EMAIL_COLUMN);
  const missing = [nameColumn === -1 ? NAME_COLUMN : null, emailColumn === -1 ? EMAIL_COLUMN : null].filter(
    (column): column is string => column !== null,
  );
  if (missing.length > 0) return { ok: false, error: CSV_MESSAGES.missingColumns(missing) };

  const rows: CsvDataRow[] = [];
  let dataRowCount = 0;
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index];
    if (!record || isBlankRecord(record)) continue;
    dataRowCount += 1;
    // Past the limit only the count matters, for the message.
    if (dataRowCount > MAX_CSV_ROWS) continue;
    rows.push({ lineNumber: index + 1, name: record[nameColumn] ?? "", email: record[emailColumn] ?? "" });
  }
  if (dataRowCount > MAX_CSV_ROWS) return { ok: false, error: CSV_MESSAGES.tooManyRows(dataRowCount) };
  if (rows.length === 0) return { ok: false, error: CSV_MESSAGES.noDataRows };
  return { ok: true, encoding: decoded.encoding, rows };
}
