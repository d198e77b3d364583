// 領収書 (issue 12): the applicant's receipt for a paid fee as an A4 PDF, made with pdf-lib and the
// Noto Sans JP font shipped through npm (@expo-google-fonts/noto-sans-jp), embedded as a subset of
// the characters the receipt uses (a few kilobytes instead of the font's 5 MB).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { formatJstDateTimeJa } from "@/lib/format/date";

export interface ReceiptInput {
  /** Printed as 領収書番号 (unique per payment). */
  receiptNumber: string;
  applicationNumber: string;
  /** The payer, printed as 「〇〇 様」. */
  applicantName: string;
  /** 税込, integer yen. */
  amount: number;
  /** The payment method as the applicant knows it, e.g. 「コンビニ払い（ローソン）」. */
  method: string;
  paidAt: Date;
  /** Printed at the bottom right, e.g. 「一般財団法人建設業振興基金 建設キャリアアップシステム」. */
  issuer: string;
  /** 発行日 (default: paidAt). */
  issuedAt?: Date;
}

export const RECEIPT_PURPOSE = "建設キャリアアップシステム 技能者登録料として";

const FONT_MODULE = "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf";

// Resolved from this project's node_modules at run time (not bundled): `next start` and the
// tests read the same file.
const requireFromProject = createRequire(`${process.cwd()}/package.json`);

let fontBytes: Promise<Uint8Array> | undefined;

/** The TTF, read once per process. */
function loadFontBytes(): Promise<Uint8Array> {
  fontBytes ??= readFile(requireFromProject.resolve(FONT_MODULE)).then(
    (buffer) => new Uint8Array(buffer),
    (error: unknown) => {
      fontBytes = undefined;
      throw error;
    },
  );
  return fontBytes;
}

const yen = new Intl.NumberFormat("ja-JP");

/** 2500 → "¥2,500" */
export function formatReceiptAmount(amount: number): string {
  return `¥${yen.format(amount)}`;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.1);
const RULE = rgb(0.45, 0.45, 0.45);

function drawCentered(page: PDFPage, text: string, font: PDFFont, size: number, y: number) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font, color: INK });
}

function drawRight(page: PDFPage, text: string, font: PDFFont, size: number, y: number) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: page.getWidth() - MARGIN - width, y, size, font, color: INK });
}

function drawRule(page: PDFPage, x1: number, x2: number, y: number, thickness = 0.75) {
  page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: RULE });
}

/** The receipt as PDF bytes (one A4 portrait page). */
export async function renderReceiptPdf(input: ReceiptInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await loadFontBytes(), { subset: true });
  pdf.setTitle(`領収書 ${input.receiptNumber}`, { showInWindowTitleBar: true });
  pdf.setAuthor(input.issuer);
  pdf.setSubject(`申請番号 ${input.applicationNumber}`);
  pdf.setLanguage("ja-JP");
  pdf.setCreationDate(input.issuedAt ?? input.paidAt);

  const page = pdf.addPage(A4);
  const left = MARGIN;
  const right = page.getWidth() - MARGIN;
  let y = page.getHeight() - MARGIN - 10;

  drawRight(page, `領収書番号 ${input.receiptNumber}`, font, 9.5, y);
  y -= 14;
  drawRight(page, `発行日 ${formatJstDateTimeJa(input.issuedAt ?? input.paidAt)}`, font, 9.5, y);

  y -= 56;
  drawCentered(page, "領収書", font, 28, y);
  drawRule(page, page.getWidth() / 2 - 70, page.getWidth() / 2 + 70, y - 8, 1);

  y -= 64;
  const addressee = `${input.applicantName} 様`;
  page.drawText(addressee, { x: left, y, size: 16, font, color: INK });
  drawRule(page, left, Math.max(left + 260, left + font.widthOfTextAtSize(addressee, 16) + 12), y - 6);

  y -= 70;
  const amountText = `金額 ${formatReceiptAmount(input.amount)}（税込）`;
  const boxHeight = 48;
  page.drawRectangle({
    x: left,
    y: y - 16,
    width: right - left,
    height: boxHeight,
    borderColor: RULE,
    borderWidth: 1,
  });
  drawCentered(page, amountText, font, 22, y);

  y -= 54;
  page.drawText(`但し ${RECEIPT_PURPOSE}`, { x: left, y, size: 12, font, color: INK });
  y -= 20;
  page.drawText("上記の金額を正に領収いたしました。", { x: left, y, size: 12, font, color: INK });

  y -= 48;
  const rows: [string, string][] = [
    ["支払方法", input.method],
    ["支払日時", `${formatJstDateTimeJa(input.paidAt)}（日本時間）`],
    ["申請番号", input.applicationNumber],
    ["領収書番号", input.receiptNumber],
  ];
  drawRule(page, left, right, y + 18);
  for (const [term, value] of rows) {
    page.drawText(term, { x: left + 8, y, size: 11, font, color: INK });
    page.drawText(value, { x: left + 130, y, size: 11, font, color: INK });
    drawRule(page, left, right, y - 10);
    y -= 28;
  }

  y -= 60;
  drawRight(page, input.issuer, font, 12, y);

  return pdf.save();
}
