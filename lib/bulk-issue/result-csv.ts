// The result of a bulk issuance as CSV for Excel: UTF-8 with a BOM, CRLF, written by csv-stringify
// and streamed a page of rows at a time. Never holds a password: the rows have none.
import { stringify } from "csv-stringify/sync";
import type { BulkIssueOutcome } from "@/lib/generated/prisma/enums";
import { csvTextCell } from "@/lib/format/csv-cell";
import { BULK_ISSUE_OUTCOME_LABELS } from "@/lib/labels";

export const RESULT_CSV_HEADER = ["行", "氏名", "メールアドレス", "結果", "理由", "申請ログインID"] as const;
export const RESULT_CSV_PAGE_SIZE = 1_000;
const NOT_PROCESSED_LABEL = "未処理";

export interface ResultCsvRow {
  lineNumber: number;
  name: string;
  email: string;
  outcome: BulkIssueOutcome | null;
  reason: string | null;
  loginId: string | null;
}

// csv-stringify quotes a cell holding the record delimiter (CRLF) but not a bare LF or CR, which
// Excel would still take as a new row: quoted_match quotes those too.
const stringifyRecords = (records: readonly (readonly string[])[], bom: boolean) =>
  stringify(records as string[][], { bom, record_delimiter: "windows", quoted_match: /[\r\n]/ });

export function formatResultCsvHeader(): string {
  return stringifyRecords([RESULT_CSV_HEADER], true);
}

export function formatResultCsvRows(rows: readonly ResultCsvRow[]): string {
  return stringifyRecords(
    // Every cell through the one formula guard: an uploaded 氏名 like `=HYPERLINK(…)` or
    // `＝HYPERLINK(…)` would otherwise run on the staff member's PC.
    rows.map((row) =>
      [
        String(row.lineNumber),
        row.name,
        row.email,
        row.outcome ? BULK_ISSUE_OUTCOME_LABELS[row.outcome] : NOT_PROCESSED_LABEL,
        row.reason ?? "",
        row.loginId ?? "",
      ].map(csvTextCell),
    ),
    false,
  );
}

/** The whole file as a stream: the header, then one chunk per page read after the last line. */
export function streamResultCsv(
  readPage: (afterLine: number) => Promise<readonly ResultCsvRow[]>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let afterLine: number | null = null;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (afterLine === null) {
        afterLine = 0;
        controller.enqueue(encoder.encode(formatResultCsvHeader()));
        return;
      }
      const rows = await readPage(afterLine);
      const last = rows[rows.length - 1];
      if (!last) {
        controller.close();
        return;
      }
      afterLine = last.lineNumber;
      controller.enqueue(encoder.encode(formatResultCsvRows(rows)));
    },
  });
}

/** RFC 5987: encodeURIComponent leaves ' ( ) * ! as they are, which attr-char does not allow. */
const encodeRfc5987 = (value: string) =>
  encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * attachment; an ASCII name for old clients and the uploaded file's name + 「_結果.csv」 for the
 * rest, with anything that could end the header or name a folder removed.
 */
export function resultCsvContentDisposition(uploadedFileName: string): string {
  const stem = uploadedFileName
    .replace(/\.csv$/i, "")
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|;]/g, "_")
    .trim();
  const name = `${Array.from(stem || "一括発行")
    .slice(0, 100)
    .join("")}_結果.csv`;
  return `attachment; filename="bulk-issue-result.csv"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
