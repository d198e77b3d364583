// お支払いの照合: one Japanese day's payments against the real database — paid that day, refunded
// that day, both, and the day boundaries in Japan time — the totals by method, and the CSV (BOM,
// CRLF, the columns, formula cells defused). The test's day is one no other test uses.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PaymentMethod, PaymentStatus } from "@/lib/generated/prisma/client";
import {
  RECONCILIATION_CSV_COLUMNS,
  buildReconciliationReport,
  formatReconciliationCsv,
  isCalendarDate,
} from "@/lib/payments/reconciliation-report";
import { createFeeOwingApplication, sandboxPaymentId } from "./support/payment-rows";

let serial = 0;

interface PaymentSeed {
  name: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amount: number;
  handlingFee?: number;
  konbiniStore?: string;
  paidAt: string;
  refundedAt?: string;
  refundAmount?: number;
}

/** An applicant with a sent application, its fee and one payment as seeded. */
async function seedPayment(day: string, seed: PaymentSeed) {
  serial += 1;
  const applicationNumber = `${day}-${String(serial).padStart(6, "0")}`;
  const handlingFee = seed.handlingFee ?? 0;
  const { feeId } = await createFeeOwingApplication({
    name: seed.name,
    applicationNumber,
    sentAt: new Date(seed.paidAt),
    fee: {
      amount: seed.amount - handlingFee,
      status: seed.status === "REFUNDED" ? "REFUNDED" : "PAID",
      paidAt: new Date(seed.paidAt),
    },
  });
  const payment = await db.payment.create({
    data: {
      feeId,
      method: seed.method,
      konbiniStore: seed.konbiniStore ?? null,
      feeAmount: seed.amount - handlingFee,
      handlingFee,
      amount: seed.amount,
      status: seed.status,
      provider: "sandbox",
      providerPaymentId: sandboxPaymentId(),
      paidAt: new Date(seed.paidAt),
      refundedAt: seed.refundedAt ? new Date(seed.refundedAt) : null,
      refundAmount: seed.refundAmount ?? null,
    },
  });
  return { applicationNumber, payment };
}

describe("reconciliation report", () => {
  it("takes a day's payments in Japan time, paid or refunded that day, with totals by method and the CSV", async () => {
    const day = "19990301";
    const date = "1999-03-01";
    // 1999-03-01 JST is 1999-02-28T15:00Z up to 1999-03-01T15:00Z.
    const card = await seedPayment(day, {
      name: "照合 一郎",
      method: "CARD",
      status: "PAID",
      amount: 2500,
      paidAt: "1999-02-28T15:00:00.000Z",
    });
    const konbini = await seedPayment(day, {
      name: '=HYPERLINK("http://example.test")',
      method: "KONBINI",
      konbiniStore: "lawson",
      status: "PAID",
      amount: 4900,
      paidAt: "1999-03-01T14:59:59.999Z",
    });
    const slipNextDay = await seedPayment(day, {
      name: "照合 三郎",
      method: "SLIP",
      status: "PAID",
      amount: 2700,
      handlingFee: 200,
      paidAt: "1999-03-01T15:00:00.000Z",
    });
    const refundedLater = await seedPayment(day, {
      name: "照合 四郎",
      method: "CARD",
      status: "REFUNDED",
      amount: 2500,
      paidAt: "1999-02-27T03:00:00.000Z",
      refundedAt: "1999-03-01T03:00:00.000Z",
      refundAmount: 2500,
    });
    const slipBoth = await seedPayment(day, {
      name: "照合 五郎",
      method: "SLIP",
      status: "REFUNDED",
      amount: 2700,
      handlingFee: 200,
      paidAt: "1999-03-01T01:00:00.000Z",
      refundedAt: "1999-03-01T05:00:00.000Z",
      refundAmount: 2700,
    });
    const dayBefore = await seedPayment(day, {
      name: "照合 六郎",
      method: "CARD",
      status: "PAID",
      amount: 2500,
      paidAt: "1999-02-28T14:59:59.999Z",
    });

    const report = await buildReconciliationReport(date);
    const numbers = report.rows.map((row) => row.applicationNumber);
    // In the order of the day's events (paid or refunded, whichever falls on the day first).
    expect(numbers).toEqual([
      card.applicationNumber,
      slipBoth.applicationNumber,
      refundedLater.applicationNumber,
      konbini.applicationNumber,
    ]);
    expect(numbers).not.toContain(slipNextDay.applicationNumber);
    expect(numbers).not.toContain(dayBefore.applicationNumber);
    expect(report.byMethod.CARD).toEqual({
      paidCount: 1,
      paidAmount: 2500,
      refundedCount: 1,
      refundedAmount: 2500,
    });
    expect(report.byMethod.KONBINI).toEqual({
      paidCount: 1,
      paidAmount: 4900,
      refundedCount: 0,
      refundedAmount: 0,
    });
    expect(report.byMethod.SLIP).toEqual({
      paidCount: 1,
      paidAmount: 2700,
      refundedCount: 1,
      refundedAmount: 2700,
    });
    expect(report.total).toEqual({ paidCount: 3, paidAmount: 10100, refundedCount: 2, refundedAmount: 5200 });

    const csv = formatReconciliationCsv(report);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n")).toHaveLength(report.rows.length + 2);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/\n/);
    const [header, ...records] = parse(csv.slice(1), { record_delimiter: "\r\n" }) as string[][];
    expect(header).toEqual([...RECONCILIATION_CSV_COLUMNS]);
    expect(records[0]).toEqual([
      card.applicationNumber,
      "照合 一郎",
      "クレジットカード",
      "",
      "2500",
      "0",
      "支払済み",
      "1999/03/01 00:00:00",
      "",
      "",
      "サンドボックス",
      card.payment.providerPaymentId,
    ]);
    expect(records[1]).toEqual([
      slipBoth.applicationNumber,
      "照合 五郎",
      "払込票",
      "",
      "2700",
      "200",
      "返金済み",
      "1999/03/01 10:00:00",
      "1999/03/01 14:00:00",
      "2700",
      "サンドボックス",
      slipBoth.payment.providerPaymentId,
    ]);
    expect(records[3]?.slice(0, 4)).toEqual([
      konbini.applicationNumber,
      '\'=HYPERLINK("http://example.test")',
      "コンビニ払い",
      "ローソン",
    ]);
    expect(records[3]?.[7]).toBe("1999/03/01 23:59:59");
  });

  it("is empty on a day without payments, and knows a calendar day", async () => {
    const report = await buildReconciliationReport("1999-03-11");
    expect(report.rows).toEqual([]);
    expect(report.total).toEqual({ paidCount: 0, paidAmount: 0, refundedCount: 0, refundedAmount: 0 });
    expect(formatReconciliationCsv(report)).toBe(`\uFEFF${RECONCILIATION_CSV_COLUMNS.join(",")}\r\n`);
    expect(isCalendarDate("2026-12-07")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate("")).toBe(false);
  });
});
