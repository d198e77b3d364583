// 払込票の発送 against the real database: the list of slips to mail (with the 本人情報 address),
// 発送済みにする once (a second time changes nothing), the CSV of 申請番号 (UTF-8 with or without a
// BOM, Shift_JIS; a result per row) and an audit row per slip marked.
import { randomUUID } from "node:crypto";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { PaymentStatus } from "@/lib/generated/prisma/client";
import {
  listSlipsToSend,
  markSlipSent,
  markSlipsSentFromCsv,
  normalizeApplicationNumber,
  readSlipCsv,
  SLIP_CSV_MESSAGES,
} from "@/lib/payments/slips";
import { createFeeOwingApplication, sandboxPaymentId } from "./support/payment-rows";

let serial = 0;

async function seedSlip(status: PaymentStatus = "PENDING", method: "SLIP" | "KONBINI" = "SLIP") {
  serial += 1;
  const applicationNumber = `19990401-${String(serial).padStart(6, "0")}`;
  const { applicationId, feeId } = await createFeeOwingApplication({
    name: "払込 票子",
    applicationNumber,
    fee: { amount: 2500, status: "UNPAID" },
    personalInfo: {
      familyName: "払込",
      givenName: "花子",
      postalCode: "9800811",
      prefecture: "宮城県",
      city: "仙台市青葉区一番町1-2-3",
      building: "",
    },
  });
  const payment = await db.payment.create({
    data: {
      feeId,
      method,
      feeAmount: 2500,
      handlingFee: method === "SLIP" ? 200 : 0,
      amount: method === "SLIP" ? 2700 : 2500,
      status,
      provider: "sandbox",
      providerPaymentId: sandboxPaymentId(),
    },
  });
  return { applicationNumber, applicationId, paymentId: payment.id };
}

async function staffId() {
  const staff = await db.staffUser.create({
    data: {
      email: `${randomUUID()}@example.test`,
      name: "発送 担当",
      passwordHash: "not-a-usable-hash",
      mustChangePassword: false,
    },
  });
  return staff.id;
}

describe("払込票の発送", () => {
  it("lists waiting slips with the address and marks one sent once, audited", async () => {
    const slip = await seedSlip();
    const listed = (await listSlipsToSend()).find((row) => row.paymentId === slip.paymentId);
    expect(listed).toMatchObject({
      applicationNumber: slip.applicationNumber,
      name: "払込 花子",
      addressLines: ["〒980-0811", "宮城県仙台市青葉区一番町1-2-3"],
      amount: 2700,
      handlingFee: 200,
    });
    const actor = { staffId: await staffId(), ip: "203.0.113.5" };
    // As typed: full-width digits, no hyphen.
    const typed = `１９９９０４０１${slip.applicationNumber.slice(9)}`;
    expect(await markSlipSent(typed, actor)).toMatchObject({ outcome: "marked" });
    expect(await markSlipSent(slip.applicationNumber, actor)).toMatchObject({ outcome: "already-sent" });
    expect((await listSlipsToSend()).map((row) => row.paymentId)).not.toContain(slip.paymentId);
    const stored = await db.payment.findUniqueOrThrow({ where: { id: slip.paymentId } });
    expect(stored.slipSentAt).not.toBeNull();
    expect(stored.slipSentByStaffId).toBe(actor.staffId);
    const audits = await db.auditLog.findMany({
      where: { action: "payment.slip-sent", targetId: slip.applicationId },
    });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: "staff", actorId: actor.staffId, ip: "203.0.113.5" });
  });

  it("marks a CSV's slips with a result per row, and the same file again changes nothing", async () => {
    const [first, second] = [await seedSlip(), await seedSlip()];
    const konbini = await seedSlip("PENDING", "KONBINI");
    const csv = [
      "申請番号,メモ",
      first.applicationNumber,
      "",
      `${second.applicationNumber},2通目`,
      first.applicationNumber,
      konbini.applicationNumber,
      "19990401-999999",
      "番号ではない",
    ].join("\r\n");
    const actor = { staffId: await staffId(), ip: null };
    for (const bytes of [
      new TextEncoder().encode(csv),
      new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]),
      new Uint8Array(iconv.encode(csv, "cp932")),
    ]) {
      const read = readSlipCsv(bytes);
      expect(read).toMatchObject({ ok: true });
      if (!read.ok) continue;
      expect(read.rows.map((row) => row.lineNumber)).toEqual([2, 4, 5, 6, 7, 8]);
    }
    const read = readSlipCsv(new Uint8Array(iconv.encode(csv, "cp932")));
    if (!read.ok) throw new Error(read.error);
    const outcomes = (await markSlipsSentFromCsv(read.rows, actor)).map((row) => row.outcome);
    expect(outcomes).toEqual(["marked", "marked", "duplicate", "no-slip", "not-found", "invalid"]);
    const again = (await markSlipsSentFromCsv(read.rows, actor)).map((row) => row.outcome);
    expect(again).toEqual(["already-sent", "already-sent", "duplicate", "no-slip", "not-found", "invalid"]);
    expect(await db.auditLog.count({ where: { action: "payment.slip-sent", actorId: actor.staffId } })).toBe(
      2,
    );
  });

  it("refuses a file without the 申請番号 column or data rows", () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(readSlipCsv(encode("氏名\r\n山田"))).toEqual({
      ok: false,
      error: SLIP_CSV_MESSAGES.missingColumn,
    });
    expect(readSlipCsv(encode("申請番号\r\n\r\n"))).toEqual({
      ok: false,
      error: SLIP_CSV_MESSAGES.noDataRows,
    });
    expect(readSlipCsv(encode(" \r\n"))).toEqual({ ok: false, error: SLIP_CSV_MESSAGES.empty });
    expect(normalizeApplicationNumber(" 20261207ー000001 ")).toBe("20261207-000001");
    expect(normalizeApplicationNumber("2026120")).toBeNull();
  });
});
