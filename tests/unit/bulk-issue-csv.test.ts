// Reading a bulk issuance CSV: the encodings Excel in Japan writes, csv-parse's quoting, the
// header rules and the whole-file limits.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, readBulkIssueCsv } from "@/lib/bulk-issue/read-csv";
import { CSV_MESSAGES, MAX_CSV_BYTES, MAX_CSV_ROWS } from "@/lib/bulk-issue/upload-rules";

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);
const shiftJis = (text: string) => new Uint8Array(iconv.encode(text, "cp932"));

function rowsOf(bytes: Uint8Array) {
  const result = readBulkIssueCsv(bytes);
  if (!result.ok) throw new Error(`expected rows, got: ${result.error}`);
  return result;
}

function errorOf(bytes: Uint8Array) {
  const result = readBulkIssueCsv(bytes);
  if (result.ok) throw new Error("expected a whole-file error");
  return result.error;
}

const SAMPLE = "氏名,メールアドレス\n建設 太郎,taro@example.jp\n技能 花子,hanako@example.jp\n";
const SAMPLE_ROWS = [
  { lineNumber: 2, name: "建設 太郎", email: "taro@example.jp" },
  { lineNumber: 3, name: "技能 花子", email: "hanako@example.jp" },
];

describe("readBulkIssueCsv: encodings", () => {
  it("reads UTF-8 without a BOM", () => {
    expect(rowsOf(utf8(SAMPLE))).toEqual({ ok: true, encoding: "utf-8", rows: SAMPLE_ROWS });
  });

  it("reads UTF-8 with a BOM, which does not stick to the first header", () => {
    expect(rowsOf(withBom(SAMPLE))).toEqual({ ok: true, encoding: "utf-8-bom", rows: SAMPLE_ROWS });
  });

  it("reads Shift_JIS as Excel writes it, including the cp932 characters 髙, 﨑 and ①", () => {
    const text = "氏名,メールアドレス\r\n髙橋 ①郎,takahashi@example.jp\r\n山﨑 花子,yamasaki@example.jp\r\n";
    const bytes = shiftJis(text);
    // Really Shift_JIS: not valid UTF-8, and the bytes of 髙 (0xFB 0xFC, IBM extension) are there.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    expect(Buffer.from(bytes).includes(Buffer.from([0xfb, 0xfc]))).toBe(true);
    expect(rowsOf(bytes)).toEqual({
      ok: true,
      encoding: "shift_jis",
      rows: [
        { lineNumber: 2, name: "髙橋 ①郎", email: "takahashi@example.jp" },
        { lineNumber: 3, name: "山﨑 花子", email: "yamasaki@example.jp" },
      ],
    });
  });

  it("keeps a name whose Shift_JIS bytes happen to contain a backslash or a comma byte", () => {
    // ソ (0x83 0x5C) and 表 (0x95 0x5C) end in the byte of "\"; decoding before parsing keeps them whole.
    const bytes = shiftJis("氏名,メールアドレス\r\n表 ソウ,so@example.jp\r\n");
    expect(rowsOf(bytes).rows).toEqual([{ lineNumber: 2, name: "表 ソウ", email: "so@example.jp" }]);
  });

  it("refuses UTF-16 and binary files as a whole", () => {
    expect(errorOf(new Uint8Array([0xff, 0xfe, 0x0f, 0x6c]))).toBe(CSV_MESSAGES.utf16);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    expect(errorOf(png)).toBe(CSV_MESSAGES.notCsv);
  });

  it("refuses bytes that are neither UTF-8 nor Shift_JIS", () => {
    // 0x85 0x40 is an unassigned cp932 code; it is not UTF-8 either.
    expect(decodeCsvBytes(new Uint8Array([0x85, 0x40, 0x2c, 0x41]))).toEqual({
      ok: false,
      error: CSV_MESSAGES.undecodable,
    });
  });
});

describe("readBulkIssueCsv: CSV syntax", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, CRLF and blank rows", () => {
    const text = [
      "氏名,メールアドレス",
      '"建設, 太郎",taro@example.jp',
      "",
      '"技能 ""花子""",hanako@example.jp',
      '"二行の\r\n氏名",two@example.jp',
      ",",
      "最後 一郎,last@example.jp",
    ].join("\r\n");
    expect(rowsOf(utf8(text)).rows).toEqual([
      { lineNumber: 2, name: "建設, 太郎", email: "taro@example.jp" },
      // Line numbers are Excel's rows: the blank row 3 counts, the quoted line break does not.
      { lineNumber: 4, name: '技能 "花子"', email: "hanako@example.jp" },
      { lineNumber: 5, name: "二行の\r\n氏名", email: "two@example.jp" },
      { lineNumber: 7, name: "最後 一郎", email: "last@example.jp" },
    ]);
  });

  it("finds the columns in any order, with spaces around the header, and ignores other columns", () => {
    const text = "番号, メールアドレス ,備考,\u3000氏名\u3000\n1,taro@example.jp,メモ,建設 太郎\n";
    expect(rowsOf(utf8(text)).rows).toEqual([{ lineNumber: 2, name: "建設 太郎", email: "taro@example.jp" }]);
  });

  it("keeps a short row: the missing cell is empty, for the worker to report", () => {
    expect(rowsOf(utf8("氏名,メールアドレス\n建設 太郎\n")).rows).toEqual([
      { lineNumber: 2, name: "建設 太郎", email: "" },
    ]);
  });

  it("names the line of an unclosed quote", () => {
    expect(errorOf(utf8('氏名,メールアドレス\n建設 太郎,a@example.jp\n"閉じない,b@example.jp\n'))).toBe(
      CSV_MESSAGES.badQuotes(3),
    );
  });
});

describe("readBulkIssueCsv: whole-file errors", () => {
  it("needs both header columns", () => {
    expect(errorOf(utf8("名前,メールアドレス\n建設 太郎,taro@example.jp\n"))).toBe(
      CSV_MESSAGES.missingColumns(["氏名"]),
    );
    expect(errorOf(utf8("建設 太郎,taro@example.jp\n"))).toBe(
      CSV_MESSAGES.missingColumns(["氏名", "メールアドレス"]),
    );
  });

  it("refuses an empty file, blank lines only, and a header without data", () => {
    expect(errorOf(new Uint8Array())).toBe(CSV_MESSAGES.empty);
    expect(errorOf(utf8("\r\n\r\n"))).toBe(CSV_MESSAGES.empty);
    expect(errorOf(utf8("氏名,メールアドレス\r\n\r\n"))).toBe(CSV_MESSAGES.noDataRows);
  });

  it(`accepts ${MAX_CSV_ROWS} data rows and refuses one more`, () => {
    const file = (rows: number) =>
      utf8(
        `氏名,メールアドレス\n${Array.from({ length: rows }, (_, i) => `技能者 ${i},worker${i}@example.jp`).join("\n")}\n`,
      );
    expect(rowsOf(file(MAX_CSV_ROWS)).rows).toHaveLength(MAX_CSV_ROWS);
    expect(errorOf(file(MAX_CSV_ROWS + 1))).toBe(CSV_MESSAGES.tooManyRows(MAX_CSV_ROWS + 1));
    expect(CSV_MESSAGES.tooManyRows(MAX_CSV_ROWS + 1)).toContain("20,001行");
  });

  it("refuses a file over 5 MB", () => {
    const bytes = new Uint8Array(MAX_CSV_BYTES + 1).fill(0x41);
    expect(errorOf(bytes)).toBe(CSV_MESSAGES.tooLarge(MAX_CSV_BYTES + 1));
  });
});
