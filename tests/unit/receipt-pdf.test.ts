// The receipt PDF (lib/payments/receipt-pdf.ts), read back as text the way a reader or a search
// would: every field is there, in Japanese, with the font embedded as a subset.
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { formatReceiptAmount, renderReceiptPdf } from "@/lib/payments/receipt-pdf";

const receipt = {
  receiptNumber: "R-20261207-000123",
  applicationNumber: "20261207-000123",
  applicantName: "山田 太郎",
  amount: 2500,
  method: "コンビニ払い（ローソン）",
  // 2026-12-07 18:05 in Japan.
  paidAt: new Date("2026-12-07T09:05:00Z"),
  issuer: "一般財団法人建設業振興基金 建設キャリアアップシステム",
};

/** The text with the spaces and line breaks a PDF text layer inserts between glyph runs removed. */
const squeeze = (text: string) => text.replace(/\s+/g, "");

async function textOf(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("renderReceiptPdf", () => {
  it("writes every field of the receipt as Japanese text", async () => {
    const bytes = await renderReceiptPdf(receipt);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = squeeze(await textOf(bytes));
    for (const expected of [
      "領収書",
      "山田太郎様",
      "金額¥2,500（税込）",
      "但し建設キャリアアップシステム技能者登録料として",
      "支払方法",
      "コンビニ払い（ローソン）",
      "支払日時",
      "2026年12月7日18:05",
      "申請番号",
      "20261207-000123",
      "領収書番号",
      "R-20261207-000123",
      "一般財団法人建設業振興基金建設キャリアアップシステム",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("is one A4 portrait page with a subset of the font, not the whole 5 MB font", async () => {
    const bytes = await renderReceiptPdf({ ...receipt, amount: 4900, method: "クレジットカード" });
    expect(bytes.byteLength).toBeLessThan(200_000);
    const { PDFDocument } = await import("pdf-lib");
    const document = await PDFDocument.load(bytes);
    expect(document.getPageCount()).toBe(1);
    const { width, height } = document.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(squeeze(await textOf(bytes))).toContain("金額¥4,900（税込）");
  });

  it("formats amounts as yen with thousands separators", () => {
    expect(formatReceiptAmount(2400)).toBe("¥2,400");
    expect(formatReceiptAmount(12000)).toBe("¥12,000");
  });
});
