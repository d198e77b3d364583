// 払込票の発送 (staff): the slips waiting to be mailed (発送準備中: a 払込票 payment still waiting to
// be paid, not yet marked sent) with the address from the application's 本人情報, and marking them
// 発送済み one by one or by a CSV of 申請番号. Marking is idempotent (a slip already sent stays as
// it was and says so) and audited per slip.
import "server-only";
import { parse } from "csv-parse/sync";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { decodeCsvBytes } from "@/lib/bulk-issue/read-csv";
import { MAX_CSV_BYTES } from "@/lib/bulk-issue/upload-rules";
import { normalizeSearchQuery } from "@/lib/staff/search-query";
import { SLIP_CSV_COLUMN, type SlipMarkOutcome, type SlipMarkResult } from "@/lib/payments/slip-rules";

/** Slips listed per page load (the oldest first: they were asked for first). */
export const SLIP_LIST_LIMIT = 500;
/** 申請番号 rows per uploaded file. */
export const MAX_SLIP_CSV_ROWS = 2_000;

export interface SlipToSend {
  paymentId: string;
  applicationId: string;
  applicationNumber: string;
  name: string;
  /** 〒, 都道府県, 市区町村・番地, 建物名 as one line each (empty lines left out). */
  addressLines: string[];
  /** What the slip asks for: the fee plus the handling fee. */
  amount: number;
  handlingFee: number;
  expiresAt: Date | null;
  requestedAt: Date;
}

interface SlipRow {
  paymentId: string;
  applicationId: string;
  applicationNumber: string | null;
  applicantName: string;
  familyName: string | null;
  givenName: string | null;
  postalCode: string | null;
  prefecture: string | null;
  city: string | null;
  building: string | null;
  amount: number;
  handlingFee: number;
  expiresAt: Date | null;
  createdAt: Date;
}

function addressLinesOf(row: Pick<SlipRow, "postalCode" | "prefecture" | "city" | "building">): string[] {
  const postal = row.postalCode ? `〒${row.postalCode.slice(0, 3)}-${row.postalCode.slice(3)}` : "";
  const street = `${row.prefecture ?? ""}${row.city ?? ""}`;
  return [postal, street, row.building ?? ""].filter((line) => line.trim() !== "");
}

/**
 * The slips still to mail, oldest request first. The (method, status, slip_sent_at) index holds
 * exactly these rows.
 */
export async function listSlipsToSend(): Promise<SlipToSend[]> {
  const rows = await db.$queryRaw<SlipRow[]>`
    SELECT pay.id AS "paymentId", a.id AS "applicationId", a.application_number AS "applicationNumber",
           p.name AS "applicantName", pi.family_name AS "familyName", pi.given_name AS "givenName",
           pi.postal_code AS "postalCode", pi.prefecture, pi.city, pi.building,
           pay.amount, pay.handling_fee AS "handlingFee", pay.expires_at AS "expiresAt",
           pay.created_at AS "createdAt"
    FROM payment pay
    JOIN application_fee f ON f.id = pay.fee_id
    JOIN application a ON a.id = f.application_id
    JOIN applicant p ON p.id = a.applicant_id
    LEFT JOIN application_personal_info pi ON pi.application_id = a.id
    WHERE pay.method = 'SLIP' AND pay.status = 'PENDING' AND pay.slip_sent_at IS NULL
    ORDER BY pay.created_at, pay.id
    LIMIT ${SLIP_LIST_LIMIT}`;
  return rows.map((row) => ({
    paymentId: row.paymentId,
    applicationId: row.applicationId,
    applicationNumber: row.applicationNumber ?? "",
    name: row.familyName && row.givenName ? `${row.familyName} ${row.givenName}` : row.applicantName,
    addressLines: addressLinesOf(row),
    amount: row.amount,
    handlingFee: row.handlingFee,
    expiresAt: row.expiresAt,
    requestedAt: row.createdAt,
  }));
}

export interface SlipActor {
  staffId: string;
  ip: string | null;
}

/** "20261207-000001" as typed: full-width digits, other hyphens, spaces, no hyphen at all. */
export function normalizeApplicationNumber(value: string): string | null {
  const text = normalizeSearchQuery(value).replace(/\s/g, "");
  if (/^\d{8}-\d{6,11}$/.test(text)) return text;
  if (/^\d{14,19}$/.test(text)) return `${text.slice(0, 8)}-${text.slice(8)}`;
  return null;
}

/**
 * Marks the 払込票 of one application (by 申請番号) 発送済み. The slip is the application's
 * waiting SLIP payment; one already marked answers already-sent and changes nothing.
 */
async function markOne(
  applicationNumber: string,
  actor: SlipActor,
  at: Date,
  via: "single" | "csv",
): Promise<Exclude<SlipMarkOutcome, "invalid" | "duplicate">> {
  return db.$transaction(async (tx) => {
    const application = await tx.application.findUnique({
      where: { applicationNumber },
      select: { id: true },
    });
    if (!application) return "not-found";
    const slip = await tx.payment.findFirst({
      where: { method: "SLIP", status: { in: ["PENDING", "PAID"] }, fee: { applicationId: application.id } },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, slipSentAt: true },
    });
    if (!slip) return "no-slip";
    if (slip.slipSentAt) return "already-sent";
    if (slip.status !== "PENDING") return "no-slip";
    // The condition makes two staff (or two uploads) at once mark it once.
    const updated = await tx.payment.updateMany({
      where: { id: slip.id, slipSentAt: null, status: "PENDING" },
      data: { slipSentAt: at, slipSentByStaffId: actor.staffId, lockVersion: { increment: 1 } },
    });
    if (updated.count === 0) return "already-sent";
    await recordAudit(tx, {
      actorType: "staff",
      actorId: actor.staffId,
      action: "payment.slip-sent",
      targetType: "application",
      targetId: application.id,
      ip: actor.ip,
      at,
      details: { applicationNumber, paymentId: slip.id, via },
    });
    return "marked";
  });
}

/** 発送済みにする on one row of the list. */
export async function markSlipSent(applicationNumber: string, actor: SlipActor): Promise<SlipMarkResult> {
  const normalized = normalizeApplicationNumber(applicationNumber);
  if (!normalized) return { lineNumber: 1, applicationNumber, outcome: "invalid" };
  const outcome = await markOne(normalized, actor, now(), "single");
  return { lineNumber: 1, applicationNumber: normalized, outcome };
}

export const SLIP_CSV_MESSAGES = {
  required: "CSVファイルを選んでください。",
  empty: `ファイルが空です。1行目に「${SLIP_CSV_COLUMN}」の見出し、2行目から1件1行で申請番号を入力したCSVファイルを選んでください。`,
  tooLarge: `ファイルが大きすぎます。${MAX_CSV_BYTES / (1024 * 1024)}MB以下のCSVファイルを選んでください。`,
  tooManyRows: `行が多すぎます。1つのファイルは${MAX_SLIP_CSV_ROWS.toLocaleString("ja-JP")}行までです。ファイルを分けてください。`,
  missingColumn: `1行目の見出しに「${SLIP_CSV_COLUMN}」の列がありません。1行目は「${SLIP_CSV_COLUMN}」にしてください。`,
  noDataRows: "見出しの行のほかに、データの行がありません。2行目から1件1行で申請番号を入力してください。",
  badFormat:
    'CSVの形式が正しくありません（「"」で囲んだ項目が閉じられていないなど）。ファイルを確認してください。',
} as const;

export type ReadSlipCsvResult =
  { ok: true; rows: { lineNumber: number; value: string }[] } | { ok: false; error: string };

/** The 申請番号 cells of an uploaded CSV (UTF-8 with or without BOM, or Shift_JIS). */
export function readSlipCsv(bytes: Uint8Array): ReadSlipCsvResult {
  if (bytes.byteLength > MAX_CSV_BYTES) return { ok: false, error: SLIP_CSV_MESSAGES.tooLarge };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  let records: string[][];
  try {
    records = parse(decoded.text, { skip_empty_lines: false, relax_column_count: true, relax_quotes: true });
  } catch {
    return { ok: false, error: SLIP_CSV_MESSAGES.badFormat };
  }
  const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === "");
  const headerIndex = records.findIndex((record) => !isBlank(record));
  const header = records[headerIndex];
  if (headerIndex === -1 || !header) return { ok: false, error: SLIP_CSV_MESSAGES.empty };
  const column = header.map((cell) => cell.normalize("NFKC").trim()).indexOf(SLIP_CSV_COLUMN);
  if (column === -1) return { ok: false, error: SLIP_CSV_MESSAGES.missingColumn };
  const rows: { lineNumber: number; value: string }[] = [];
  for (let index = headerIndex + 1; index < records.length; index += 1) {
    const record = records[index];
    if (!record || isBlank(record)) continue;
    rows.push({ lineNumber: index + 1, value: (record[column] ?? "").trim() });
    if (rows.length > MAX_SLIP_CSV_ROWS) return { ok: false, error: SLIP_CSV_MESSAGES.tooManyRows };
  }
  if (rows.length === 0) return { ok: false, error: SLIP_CSV_MESSAGES.noDataRows };
  return { ok: true, rows };
}

/** Marks every 申請番号 of the file, one transaction each, and says what happened to each row. */
export async function markSlipsSentFromCsv(
  rows: readonly { lineNumber: number; value: string }[],
  actor: SlipActor,
): Promise<SlipMarkResult[]> {
  const at = now();
  const seen = new Set<string>();
  const results: SlipMarkResult[] = [];
  for (const row of rows) {
    const normalized = normalizeApplicationNumber(row.value);
    if (!normalized) {
      results.push({ lineNumber: row.lineNumber, applicationNumber: row.value, outcome: "invalid" });
      continue;
    }
    if (seen.has(normalized)) {
      results.push({ lineNumber: row.lineNumber, applicationNumber: normalized, outcome: "duplicate" });
      continue;
    }
    seen.add(normalized);
    const outcome = await markOne(normalized, actor, at, "csv");
    results.push({ lineNumber: row.lineNumber, applicationNumber: normalized, outcome });
  }
  return results;
}
