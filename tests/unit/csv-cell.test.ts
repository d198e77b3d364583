// The one CSV formula guard (lib/format/csv-cell.ts), and both exports using it: 一括発行の結果 and
// 同意記録 (issue 9, item 8: full-width ＝ ＋ － ＠ and a leading tab / CR were missed).
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { formatResultCsvRows } from "@/lib/bulk-issue/result-csv";
import { consentCsvLines } from "@/lib/consents/consent-csv";
import { csvTextCell, isFormulaLike } from "@/lib/format/csv-cell";

const FORMULAS = [
  "=1+1",
  "+1",
  "-1",
  "@SUM(A1)",
  '＝HYPERLINK("http://evil.example")',
  "＋1",
  "－1",
  "＠SUM(A1)",
  "﹦1",
  "﹢1",
  "﹣1",
  "﹫SUM(A1)",
  "−1",
  "\t=1",
  "\tplain",
  "\r=1",
  "\n=1",
  " =1",
  "　＝1",
];
const TEXT = ["山田 太郎", "taro@example.jp", "1+1", "a=b", "2026/01/02 00:30:05", "", "'=already", "ー"];

describe("csvTextCell", () => {
  it.each(FORMULAS)("makes %j text with a leading '", (value) => {
    expect(isFormulaLike(value)).toBe(true);
    expect(csvTextCell(value)).toBe(`'${value}`);
  });

  it.each(TEXT)("leaves %j as it is", (value) => {
    expect(isFormulaLike(value)).toBe(false);
    expect(csvTextCell(value)).toBe(value);
  });
});

describe("both exports use it", () => {
  it("一括発行の結果 defuses full-width and tab-led cells", () => {
    const text = formatResultCsvRows([
      {
        lineNumber: 2,
        name: '＝HYPERLINK("http://evil.example")',
        email: "＠evil@example.jp",
        outcome: "INVALID",
        reason: "\t=cmd",
        loginId: null,
      },
    ]);
    const [record]: string[][] = parse(text);
    expect(record).toEqual([
      "2",
      '\'＝HYPERLINK("http://evil.example")',
      "'＠evil@example.jp",
      "不正",
      "'\t=cmd",
      "",
    ]);
  });

  it("同意記録 defuses them in every column", () => {
    const text = consentCsvLines([
      {
        loginId: "12345678901221",
        name: "﹦1+1",
        documentTitle: "システム利用規約",
        version: 1,
        contentHash: "a".repeat(64),
        consentedAt: new Date("2026-01-01T15:30:05.000Z"),
        ip: " =1",
        userAgent: "－2+3",
      },
    ]);
    const [record]: string[][] = parse(text);
    expect(record?.[1]).toBe("'﹦1+1");
    expect(record?.[6]).toBe("' =1");
    expect(record?.[7]).toBe("'－2+3");
    expect(record?.[0]).toBe("12345678901221");
  });
});
