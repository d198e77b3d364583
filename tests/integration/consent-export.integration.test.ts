// 同意記録のCSV: UTF-8 with a BOM, RFC 4180 quoting (read back with csv-parse), Japan time to the
// second, formula cells defused, the 同意日 filter on Japan-time day boundaries, and the keyset
// walk across batches without gaps or repeats.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { generateLoginId } from "@/lib/auth/login-id";
import { findCurrentConsentDocument } from "@/lib/consents/consent-documents";
import {
  CONSENT_CSV_COLUMNS,
  consentCsvHeader,
  consentCsvLines,
  type ConsentExportRow,
} from "@/lib/consents/consent-csv";
import { consentCsvChunks } from "@/lib/consents/export-consents";
import { parseConsentExportFilter } from "@/lib/consents/consent-export-filter";

const row = (overrides: Partial<ConsentExportRow> = {}): ConsentExportRow => ({
  loginId: "12345678901221",
  name: "同意 太郎",
  documentTitle: "システム利用規約",
  version: 1,
  contentHash: "a".repeat(64),
  consentedAt: new Date("2026-01-01T15:30:05.000Z"),
  ip: "203.0.113.9",
  userAgent: "Mozilla/5.0",
  ...overrides,
});

const readCsv = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ""), { relax_quotes: false });

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

describe("consent CSV lines", () => {
  it("starts with a BOM and the header, in CRLF lines", () => {
    const header = consentCsvHeader();
    expect(header.startsWith("\uFEFF")).toBe(true);
    expect(header).toBe(`\uFEFF${CONSENT_CSV_COLUMNS.join(",")}\r\n`);
    expect(consentCsvLines([])).toBe("");
  });

  it("quotes commas, quotes and line breaks, writes Japan time, and defuses formulas", () => {
    const text = consentCsvLines([
      row({ name: '山田, "花子"', userAgent: "line1\nline2\r\nline3" }),
      row({ name: '=HYPERLINK("http://evil.example")', userAgent: "@SUM(1)", ip: null }),
    ]);
    expect(text).toContain('"山田, ""花子"""');
    expect(text.endsWith("\r\n")).toBe(true);
    const records = readCsv(consentCsvHeader() + text);
    expect(records).toHaveLength(3);
    expect(records[0]).toEqual([...CONSENT_CSV_COLUMNS]);
    expect(records[1]).toEqual([
      "12345678901221",
      '山田, "花子"',
      "システム利用規約",
      "1",
      "a".repeat(64),
      "2026/01/02 00:30:05",
      "203.0.113.9",
      "line1\nline2\r\nline3",
    ]);
    expect(records[2]?.[1]).toBe('\'=HYPERLINK("http://evil.example")');
    expect(records[2]?.[6]).toBe("");
    expect(records[2]?.[7]).toBe("'@SUM(1)");
  });
});

describe("consent export filter", () => {
  it("reads dates leniently and refuses impossible ones and a reversed range", () => {
    expect(parseConsentExportFilter({ from: "２０２６/1/5", to: "" })).toMatchObject({
      range: { from: "2026-01-05", to: null },
      errors: {},
    });
    expect(parseConsentExportFilter({ from: "2026-02-30" }).errors.from).toContain("同意日（から）");
    expect(parseConsentExportFilter({ from: "2026-03-02", to: "2026-03-01" }).errors.to).toContain(
      "同意日（まで）",
    );
  });
});

describe("consentCsvChunks", () => {
  it("exports the records consented on the chosen Japan-time days, across batches, in order", async () => {
    const document = await findCurrentConsentDocument("TERMS");
    if (!document) throw new Error("no consent document");
    // Applicants issued in 1996 (no other test uses that year); each consents once.
    const consentTimes = [
      "1996-03-03T14:59:59.999Z", // 03-03 23:59:59 JST: before the range
      "1996-03-03T15:00:00.000Z", // 03-04 00:00:00 JST: first instant in
      "1996-03-04T03:00:00.000Z",
      "1996-03-04T09:00:00.000Z",
      "1996-03-05T14:59:59.000Z", // 03-05 23:59:59 JST: last second in
      "1996-03-05T15:00:00.000Z", // 03-06 00:00:00 JST: after the range
    ];
    const tag = randomUUID().slice(0, 6);
    const applicants = [];
    for (const [index, time] of consentTimes.entries()) {
      const applicant = await db.applicant.create({
        data: {
          loginId: generateLoginId(),
          name: `同意${tag} ${index}`,
          email: `consent-export-${randomUUID()}@example.test`,
          passwordHash: "unused",
          issuedAt: new Date(Date.parse("1996-03-01T00:00:00.000Z") + index * 60_000),
        },
      });
      await db.consentRecord.create({
        data: {
          applicantId: applicant.id,
          documentId: document.id,
          kind: document.kind,
          version: document.version,
          contentHash: document.contentHash,
          consentedAt: new Date(time),
          ip: "198.51.100.1",
          userAgent: "vitest",
        },
      });
      applicants.push(applicant);
    }

    const csv = await collect(consentCsvChunks({ from: "1996-03-04", to: "1996-03-05" }, { batchSize: 2 }));
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const records = readCsv(csv).slice(1);
    const mine = records.filter((record) => record[1]?.startsWith(`同意${tag}`));
    expect(mine.map((record) => record[1])).toEqual([1, 2, 3, 4].map((index) => `同意${tag} ${index}`));
    expect(mine.map((record) => record[5])).toEqual([
      "1996/03/04 00:00:00",
      "1996/03/04 12:00:00",
      "1996/03/04 18:00:00",
      "1996/03/05 23:59:59",
    ]);
    expect(mine[0]).toEqual([
      applicants[1]?.loginId,
      `同意${tag} 1`,
      document.title,
      String(document.version),
      document.contentHash,
      "1996/03/04 00:00:00",
      "198.51.100.1",
      "vitest",
    ]);

    // Without a filter every one of them is there, once.
    const everything = readCsv(await collect(consentCsvChunks({ from: null, to: null }, { batchSize: 3 })));
    const all = everything.filter((record) => record[1]?.startsWith(`同意${tag}`));
    expect(all.map((record) => record[1])).toEqual(consentTimes.map((_, index) => `同意${tag} ${index}`));
  });
});
