// お支払いの照合 (staff): the payments of one Japanese day — paid that day, refunded that day, or
// both — with the day's totals by method, and the same rows as a CSV for the accounts team (UTF-8
// with a BOM, CRLF, every cell through the shared formula guard).
import "server-only";
import { stringify } from "csv-stringify/sync";
import type { PaymentMethod, PaymentStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { csvTextCell } from "@/lib/format/csv-cell";
import { formatJstDateTimeSeconds, jstDayEnd, jstDayStart } from "@/lib/format/jst-day";
import { PAYMENT_METHOD_LABELS, PAYMENT_STATUS_LABELS } from "@/lib/payments/labels";
import { konbiniChain } from "@/lib/payments/konbini";

export const RECONCILIATION_CSV_COLUMNS = [
  "申請番号",
  "氏名",
  "支払方法",
  "コンビニ",
  "金額",
  "手数料",
  "状態",
  "支払日時",
  "返金日時",
  "返金額",
  "決済サービス",
  "参照番号",
] as const;

export const PAYMENT_METHODS: readonly PaymentMethod[] = ["CARD", "KONBINI", "SLIP"];

const PROVIDER_LABELS: Record<string, string> = { sandbox: "サンドボックス", stripe: "Stripe" };

export interface ReconciliationRow {
  paymentId: string;
  applicationNumber: string;
  name: string;
  method: PaymentMethod;
  konbiniStore: string | null;
  /** What was collected: the fee plus the slip's handling fee. */
  amount: number;
  handlingFee: number;
  status: PaymentStatus;
  paidAt: Date | null;
  refundedAt: Date | null;
  refundAmount: number | null;
  provider: string;
  providerPaymentId: string | null;
}

export interface MethodTotals {
  paidCount: number;
  paidAmount: number;
  refundedCount: number;
  refundedAmount: number;
}

export interface ReconciliationReport {
  /** "YYYY-MM-DD", a day in Japan time. */
  date: string;
  rows: ReconciliationRow[];
  byMethod: Record<PaymentMethod, MethodTotals>;
  total: MethodTotals;
}

/** A real calendar day "YYYY-MM-DD" (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 2000 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

const emptyTotals = (): MethodTotals => ({
  paidCount: 0,
  paidAmount: 0,
  refundedCount: 0,
  refundedAmount: 0,
});

const inRange = (at: Date | null, from: Date, to: Date) => at !== null && at >= from && at < to;

/**
 * The day's rows (by the time of the day's event, paid or refunded) and totals. Paid rows come
 * through the paid_at index; refunded ones through (status, …) with status REFUNDED, as refunds
 * are few: neither side reads the whole payment table.
 */
export async function buildReconciliationReport(date: string): Promise<ReconciliationReport> {
  const from = jstDayStart(date);
  const to = jstDayEnd(date);
  const rows = await db.$queryRaw<ReconciliationRow[]>`
    SELECT pay.id AS "paymentId", COALESCE(a.application_number, '') AS "applicationNumber", p.name,
           pay.method, pay.konbini_store AS "konbiniStore", pay.amount, pay.handling_fee AS "handlingFee",
           pay.status, pay.paid_at AS "paidAt", pay.refunded_at AS "refundedAt",
           pay.refund_amount AS "refundAmount", pay.provider, pay.provider_payment_id AS "providerPaymentId"
    FROM (
      SELECT id FROM payment WHERE paid_at >= ${from} AND paid_at < ${to}
      UNION
      SELECT id FROM payment WHERE status = 'REFUNDED' AND refunded_at >= ${from} AND refunded_at < ${to}
    ) AS day
    JOIN payment pay ON pay.id = day.id
    JOIN application_fee f ON f.id = pay.fee_id
    JOIN application a ON a.id = f.application_id
    JOIN applicant p ON p.id = a.applicant_id
    ORDER BY LEAST(
      CASE WHEN pay.paid_at >= ${from} AND pay.paid_at < ${to} THEN pay.paid_at END,
      CASE WHEN pay.refunded_at >= ${from} AND pay.refunded_at < ${to} THEN pay.refunded_at END
    ), a.application_number, pay.id`;

  const byMethod = Object.fromEntries(PAYMENT_METHODS.map((method) => [method, emptyTotals()])) as Record<
    PaymentMethod,
    MethodTotals
  >;
  const total = emptyTotals();
  for (const row of rows) {
    for (const totals of [byMethod[row.method], total]) {
      if (inRange(row.paidAt, from, to)) {
        totals.paidCount += 1;
        totals.paidAmount += row.amount;
      }
      if (inRange(row.refundedAt, from, to)) {
        totals.refundedCount += 1;
        totals.refundedAmount += row.refundAmount ?? 0;
      }
    }
  }
  return { date, rows, byMethod, total };
}

const BOM = "\uFEFF";
const csvOptions = {
  record_delimiter: "windows",
  // Giving record_delimiter turns this off by default; a line break inside a cell must be quoted.
  quote_record_delimiter: true,
  quoted_match: /[\r\n]/,
} as const;

function csvCells(row: ReconciliationRow): string[] {
  return [
    row.applicationNumber,
    row.name,
    PAYMENT_METHOD_LABELS[row.method],
    row.method === "KONBINI" ? (konbiniChain(row.konbiniStore)?.name ?? row.konbiniStore ?? "") : "",
    String(row.amount),
    String(row.handlingFee),
    PAYMENT_STATUS_LABELS[row.status],
    row.paidAt ? formatJstDateTimeSeconds(row.paidAt) : "",
    row.refundedAt ? formatJstDateTimeSeconds(row.refundedAt) : "",
    row.refundAmount === null ? "" : String(row.refundAmount),
    PROVIDER_LABELS[row.provider] ?? row.provider,
    row.providerPaymentId ?? "",
  ].map(csvTextCell);
}

/** The whole file: BOM, the header line and one line per row, CRLF. */
export function formatReconciliationCsv(report: Pick<ReconciliationReport, "rows">): string {
  return BOM + stringify([[...RECONCILIATION_CSV_COLUMNS], ...report.rows.map(csvCells)], csvOptions);
}
