// The rules and words of the bulk issuance upload (申請用ログインID一括発行). Browser-safe: the form
// checks a picked file with them before sending it, and the server applies the same limits to
// the bytes (lib/bulk-issue/read-csv.ts).
import type { BulkIssueStatus } from "@/lib/generated/prisma/enums";

/** 5 MiB. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Data rows per file (the header not counted). */
export const MAX_CSV_ROWS = 20_000;

export const NAME_COLUMN = "氏名";
export const EMAIL_COLUMN = "メールアドレス";

/** The file input's name, and the id the error summary links to. */
export const CSV_FILE_FIELD = "csvFile";

const grouped = (value: number) => value.toLocaleString("ja-JP");

export const CSV_MESSAGES = {
  required: "CSVファイルを選んでください。",
  tooLarge: (bytes: number) =>
    `ファイルが大きすぎます（${(bytes / (1024 * 1024)).toFixed(1)}MB）。${MAX_CSV_BYTES / (1024 * 1024)}MB以下のCSVファイルに分けてください。`,
  tooManyRows: (rows: number) =>
    `行が多すぎます（${grouped(rows)}行）。1つのファイルは${grouped(MAX_CSV_ROWS)}行までです。ファイルを分けてください。`,
  empty:
    "ファイルが空です。1行目に「氏名」「メールアドレス」の見出し、2行目から1人1行で入力したCSVファイルを選んでください。",
  noDataRows: "見出しの行のほかに、データの行がありません。2行目から1人1行で入力してください。",
  missingColumns: (missing: readonly string[]) =>
    `1行目の見出しに「${missing.join("」「")}」の列がありません。1行目は「氏名,メールアドレス」にしてください。`,
  notCsv:
    "CSVファイルとして読み込めませんでした。Excelで「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」の形式で保存したファイルを選んでください。",
  utf16:
    "UTF-16（Unicode テキスト）のファイルには対応していません。Excelで「CSV UTF-8（コンマ区切り）」または「CSV（コンマ区切り）」の形式で保存し直してください。",
  undecodable:
    "文字コードを判別できませんでした。UTF-8 または Shift_JIS で保存したCSVファイルを選んでください。",
  badQuotes: (line: number) =>
    `${grouped(line)}行目付近でCSVの形式が正しくありません（「"」で囲んだ項目が閉じられていないなど）。ファイルを確認してください。`,
  uploadFailed: "ファイルを受け付けられませんでした。しばらくしてから、もう一度お試しください。",
} as const;

/** For the file input's accept attribute: what Excel and text editors call a CSV. */
export const CSV_ACCEPT = ".csv,text/csv";

/** The message for a picked file the browser can already refuse (size), or undefined. */
export function pickedCsvError(file: { size: number }): string | undefined {
  if (file.size > MAX_CSV_BYTES) return CSV_MESSAGES.tooLarge(file.size);
  return undefined;
}

export const DUPLICATE_REASONS = {
  registered: "このメールアドレスには申請ログインIDを発行済みです",
  sameFile: (lineNumber: number) => `同じファイルの${lineNumber}行目と同じメールアドレスです`,
} as const;

export const SYSTEM_ERROR_REASON =
  "システムエラーのため発行できませんでした。この行だけのCSVで、もう一度お試しください";

export const isBulkIssueRunning = (status: BulkIssueStatus) => status === "QUEUED" || status === "RUNNING";

/** 「12,345行中 1,234行を処理しました」 */
export const progressText = (processedRows: number, totalRows: number) =>
  `${grouped(totalRows)}行中 ${grouped(processedRows)}行を処理しました`;
