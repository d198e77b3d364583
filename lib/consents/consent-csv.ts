// The consent records export as CSV: UTF-8 with a BOM (so Excel reads the Japanese), CRLF line
// ends, RFC 4180 quoting by csv-stringify. Cells that a spreadsheet would run as a formula
// (= + - @ in any width, a tab, a line break) get a leading ' by the shared guard — a name or user
// agent is typed by people.
import { stringify } from "csv-stringify/sync";
import { csvTextCell } from "@/lib/format/csv-cell";
import { formatJstDateTimeSeconds } from "@/lib/format/jst-day";

export const CONSENT_CSV_COLUMNS = [
  "申請ログインID",
  "氏名",
  "同意書",
  "版",
  "内容ハッシュ",
  "同意日時",
  "IPアドレス",
  "ユーザーエージェント",
] as const;

export interface ConsentExportRow {
  loginId: string;
  name: string;
  documentTitle: string;
  version: number;
  contentHash: string;
  consentedAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const BOM = "\uFEFF";

const csvOptions = {
  record_delimiter: "windows",
  // Giving record_delimiter turns this off by default; a line break inside a cell must be quoted.
  quote_record_delimiter: true,
} as const;

/** The first chunk: BOM and the header line. */
export function consentCsvHeader(): string {
  return BOM + stringify([[...CONSENT_CSV_COLUMNS]], csvOptions);
}

/** Data lines for rows, 同意日時 in Japan time to the second; "" for none. */
export function consentCsvLines(rows: readonly ConsentExportRow[]): string {
  if (rows.length === 0) return "";
  return stringify(
    rows.map((row) =>
      [
        row.loginId,
        row.name,
        row.documentTitle,
        String(row.version),
        row.contentHash,
        formatJstDateTimeSeconds(row.consentedAt),
        row.ip ?? "",
        row.userAgent ?? "",
      ].map(csvTextCell),
    ),
    csvOptions,
  );
}
