// 登録料のお支払い (issue 12), the portal's side against the real database and the sandbox provider:
// the fee raised at 申請する, starting a payment (konbini, card, slip), one payment per fee however
// often and however concurrently 支払う is pressed, provider down, a code paid meanwhile,
// reconciliation after a dropped webhook, expiry and choosing again, reminders, 取下げ with
// refund or cancel, and the staff's refund.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { checkOptions } from "@/lib/applications/check-options";
import { submitApplication } from "@/lib/applications/submit-application";
import { createSandboxProvider } from "@/lib/payments/sandbox/adapter";
import { payAtStore, payByCard } from "@/lib/payments/sandbox/store";
import { overridePaymentProviderForTests } from "@/lib/payments/providers";
import {
  applyProviderPayment,
  expireFees,
  loadPaymentOverview,
  reconcilePayments,
  refreshPaymentAfterReturn,
  refundPayment,
  sendReminders,
  startPayment,
  withdrawApplication,
} from "@/lib/payments/service";
import { endOfJstDayAfter } from "@/lib/payments/fees";
import { completeSimpleApplication } from "./support/complete-application";

const context = { ip: "203.0.113.9" };

afterEach(() => overridePaymentProviderForTests(null));

async function submitted(label: string) {
  const { applicant, applicationId } = await completeSimpleApplication(label);
  const sent = await submitApplication(applicant.id, checkOptions(), context);
  expect(sent.ok).toBe(true);
  const overview = await loadPaymentOverview(applicant.id);
  if (!overview?.fee) throw new Error("no fee raised");
  return { applicant, applicationId, overview, fee: overview.fee };
}

async function emailsTo(email: string, template: string) {
  return db.emailOutbox.findMany({ where: { toAddress: email, template }, orderBy: { createdAt: "asc" } });
}

async function noticesOf(applicantId: string, kind: string) {
  return db.notice.findMany({ where: { applicantId, kind: kind as never } });
}

async function paymentsOf(feeId: string) {
  return db.payment.findMany({ where: { feeId }, orderBy: { createdAt: "asc" } });
}

async function startKonbini(applicantId: string, store = "lawson") {
  const overview = await loadPaymentOverview(applicantId);
  return startPayment(
    applicantId,
    { method: "KONBINI", konbiniStore: store, feeLockVersion: overview?.fee?.lockVersion ?? -1 },
    context,
  );
}

describe("the fee", () => {
  it("is raised at the first 申請 with the 簡略型 amount and a deadline at the end of a Japanese day", async () => {
    const { fee, overview } = await submitted("fee");
    expect(fee).toMatchObject({ purpose: "REGISTRATION", amount: 2500, status: "UNPAID" });
    const application = await db.application.findUniqueOrThrow({ where: { id: overview.application.id } });
    expect(fee.dueAt).toEqual(endOfJstDayAfter(application.submittedAt!, 14));
    // 23:59:59.999 in Japan is 14:59:59.999 UTC.
    expect(fee.dueAt.toISOString()).toMatch(/T14:59:59\.999Z$/);
    expect(overview).toMatchObject({
      canPay: true,
      canWithdraw: true,
      receiptAvailable: false,
      methods: { card: true, konbini: true, slip: true },
      slipHandlingFee: 200,
      payment: null,
    });
  });

  it("answers null for an applicant with nothing sent", async () => {
    const { applicant } = await completeSimpleApplication("unsent");
    expect(await loadPaymentOverview(applicant.id)).toBeNull();
  });
});

describe("コンビニ払い", () => {
  it("issues a code with email and 通知; paid at the store, the webhook-less reconciliation marks it paid once", async () => {
    const { applicant, fee } = await submitted("konbini");
    expect(await startKonbini(applicant.id)).toEqual({ ok: true });
    const overview = await loadPaymentOverview(applicant.id);
    expect(overview?.payment).toMatchObject({
      method: "KONBINI",
      konbiniStore: "lawson",
      status: "PENDING",
      amount: 2500,
      handlingFee: 0,
    });
    const voucher = overview?.payment?.voucher;
    expect(voucher?.number).toMatch(/^\d{6,}$/);
    expect(overview?.payment?.expiresAt).toEqual(fee.dueAt);
    const [codeEmail] = await emailsTo(applicant.email, "payment-code-issued");
    expect(codeEmail?.payload).toMatchObject({
      number: voucher?.number,
      storeName: "ローソン",
      amount: "2,500円（税込）",
    });
    expect(await noticesOf(applicant.id, "PAYMENT_CODE_ISSUED")).toHaveLength(1);

    // Paid at the store; its webhook is lost. Reconciliation asks the provider and applies it.
    const paid = await payAtStore(voucher!.number, voucher!.confirmationNumber);
    expect(paid.ok).toBe(true);
    const summary = await reconcilePayments(now());
    expect(summary.failed).toBe(0);
    const after = await loadPaymentOverview(applicant.id);
    expect(after?.fee?.status).toBe("PAID");
    expect(after?.payment?.status).toBe("PAID");
    expect(after?.receiptAvailable).toBe(true);
    expect(after?.canPay).toBe(false);
    // Again, by reconciliation or by the state machine directly: nothing more happens.
    await reconcilePayments(now());
    const reported = await createSandboxProvider().retrieve(after!.payment!.providerPaymentId!);
    expect(await applyProviderPayment(reported)).toBe("duplicate-state");
    expect(await emailsTo(applicant.email, "payment-completed")).toHaveLength(1);
    expect(await noticesOf(applicant.id, "PAYMENT_COMPLETED")).toHaveLength(1);
    const audit = await db.auditLog.findMany({
      where: { action: "payment.paid", targetId: after?.application.id },
    });
    expect(audit).toHaveLength(1);

    // Paying again is refused.
    expect(await startKonbini(applicant.id)).toEqual({ ok: false, reason: "already-paid" });
  });

  it("refuses an unknown chain and a second press with the same page", async () => {
    const { applicant, fee } = await submitted("konbini-twice");
    expect(
      await startPayment(
        applicant.id,
        { method: "KONBINI", konbiniStore: "unknown", feeLockVersion: fee.lockVersion },
        context,
      ),
    ).toEqual({ ok: false, reason: "method-unavailable" });
    const input = { method: "KONBINI" as const, konbiniStore: "familymart", feeLockVersion: fee.lockVersion };
    expect(await startPayment(applicant.id, input, context)).toEqual({ ok: true });
    expect(await startPayment(applicant.id, input, context)).toEqual({ ok: false, reason: "stale" });
    expect(await paymentsOf(fee.id)).toHaveLength(1);
  });
});

describe("one fee, one payment", () => {
  it("makes one payment when 支払う is pressed many times at once", async () => {
    const { applicant, fee } = await submitted("burst");
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        startPayment(applicant.id, { method: "CARD", feeLockVersion: fee.lockVersion }, context),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.reason)).toEqual(
      Array.from({ length: 4 }, () => "stale"),
    );
    const payments = await paymentsOf(fee.id);
    expect(payments).toHaveLength(1);
    expect(await db.sandboxPayment.count({ where: { reference: payments[0]!.id } })).toBe(1);
  });

  it("choosing another method cancels the open code with the provider first", async () => {
    const { applicant, fee } = await submitted("supersede");
    await startKonbini(applicant.id);
    const [konbini] = await paymentsOf(fee.id);
    const overview = await loadPaymentOverview(applicant.id);
    const card = await startPayment(
      applicant.id,
      { method: "CARD", feeLockVersion: overview!.fee!.lockVersion },
      context,
    );
    expect(card.ok && card.redirectUrl).toMatch(/\/sandbox\/checkout\//);
    const payments = await paymentsOf(fee.id);
    expect(payments.map((payment) => [payment.method, payment.status, payment.cancelReason])).toEqual([
      ["KONBINI", "CANCELED", "superseded"],
      ["CARD", "PENDING", null],
    ]);
    const atProvider = await db.sandboxPayment.findUniqueOrThrow({
      where: { id: konbini!.providerPaymentId! },
    });
    expect(atProvider.status).toBe("canceled");
  });

  it("a code paid meanwhile counts: the new method is refused and the fee is paid", async () => {
    const { applicant, fee } = await submitted("meanwhile");
    await startKonbini(applicant.id, "seven-eleven");
    const voucher = (await loadPaymentOverview(applicant.id))!.payment!.voucher!;
    expect((await payAtStore(voucher.number, voucher.confirmationNumber)).ok).toBe(true);
    const overview = await loadPaymentOverview(applicant.id);
    expect(
      await startPayment(
        applicant.id,
        { method: "CARD", feeLockVersion: overview!.fee!.lockVersion },
        context,
      ),
    ).toEqual({ ok: false, reason: "paid-meanwhile" });
    expect((await loadPaymentOverview(applicant.id))?.fee?.status).toBe("PAID");
    expect(await paymentsOf(fee.id)).toHaveLength(1);
  });
});

describe("reconciliation of a create whose answer was lost", () => {
  it("adopts the provider's payment, or closes ours when the provider has none", async () => {
    const { applicant, fee } = await submitted("lost-create");
    const minuteAgo = new Date(now().getTime() - 2 * 60_000);
    // As if the server stopped between writing our row and hearing the provider's answer.
    const lost = await db.payment.create({
      data: {
        feeId: fee.id,
        method: "KONBINI",
        konbiniStore: "lawson",
        feeAmount: 2500,
        amount: 2500,
        provider: "sandbox",
        expiresAt: fee.dueAt,
        createdAt: minuteAgo,
      },
    });
    await createSandboxProvider().create({
      reference: lost.id,
      amount: 2500,
      method: "konbini",
      konbiniStore: "lawson",
      description: "CCUS 登録料",
      customer: { name: "申請 lost-create", email: applicant.email },
      expiresAt: fee.dueAt,
      returnUrl: "http://localhost:3000/payment/return",
    });
    await reconcilePayments(now());
    const adopted = await db.payment.findUniqueOrThrow({ where: { id: lost.id } });
    expect(adopted.status).toBe("PENDING");
    expect(adopted.providerPaymentId).toMatch(/^sbpi_/);
    // The applicant learns the code after all.
    expect(await emailsTo(applicant.email, "payment-code-issued")).toHaveLength(1);

    const other = await submitted("never-created");
    const never = await db.payment.create({
      data: {
        feeId: other.fee.id,
        method: "CARD",
        feeAmount: 2500,
        amount: 2500,
        provider: "sandbox",
        createdAt: minuteAgo,
      },
    });
    await reconcilePayments(now());
    expect(await db.payment.findUniqueOrThrow({ where: { id: never.id } })).toMatchObject({
      status: "CANCELED",
      cancelReason: "not-created",
    });
    expect((await loadPaymentOverview(other.applicant.id))?.canPay).toBe(true);
  });
});

describe("provider down during 支払う", () => {
  it("says so, charges nothing, and a later try works", async () => {
    const { applicant, fee } = await submitted("down");
    overridePaymentProviderForTests(createSandboxProvider({ isDown: () => Promise.resolve(true) }));
    expect(await startKonbini(applicant.id)).toEqual({ ok: false, reason: "provider-unavailable" });
    const [closed] = await paymentsOf(fee.id);
    expect(closed).toMatchObject({ status: "CANCELED", cancelReason: "provider-unavailable" });
    expect(await db.sandboxPayment.count({ where: { reference: closed!.id } })).toBe(0);
    expect(await emailsTo(applicant.email, "payment-code-issued")).toHaveLength(0);
    expect((await loadPaymentOverview(applicant.id))?.fee?.status).toBe("UNPAID");

    overridePaymentProviderForTests(null);
    expect(await startKonbini(applicant.id)).toEqual({ ok: true });
    const payments = await paymentsOf(fee.id);
    expect(payments.map((payment) => payment.status)).toEqual(["CANCELED", "PENDING"]);
  });
});

describe("card", () => {
  it("a declined card keeps the payment open with the reason; the return page applies the success", async () => {
    const { applicant, fee } = await submitted("card");
    const started = await startPayment(
      applicant.id,
      { method: "CARD", feeLockVersion: fee.lockVersion },
      context,
    );
    expect(started.ok).toBe(true);
    const [payment] = await paymentsOf(fee.id);
    const declined = await payByCard(payment!.providerPaymentId!, { number: "4000000000000002", cvc: "123" });
    expect(declined.ok).toBe(false);
    const afterDecline = await refreshPaymentAfterReturn(applicant.id, payment!.id);
    expect(afterDecline?.payment?.status).toBe("PENDING");
    expect(afterDecline?.payment?.lastErrorMessage).toMatch(/カード/);
    expect(
      (await payByCard(payment!.providerPaymentId!, { number: "4242424242424242", cvc: "123" })).ok,
    ).toBe(true);
    const paid = await refreshPaymentAfterReturn(applicant.id, payment!.id);
    expect(paid?.fee?.status).toBe("PAID");
    expect(paid?.payment).toMatchObject({ status: "PAID", lastErrorMessage: null });
    // Someone else's payment id changes nothing and shows their own page.
    const other = await submitted("card-other");
    expect((await refreshPaymentAfterReturn(other.applicant.id, payment!.id))?.fee?.status).toBe("UNPAID");
  });
});

describe("払込票", () => {
  it("adds the handling fee and says the slip is being mailed", async () => {
    const { applicant, fee } = await submitted("slip");
    expect(
      await startPayment(applicant.id, { method: "SLIP", feeLockVersion: fee.lockVersion }, context),
    ).toEqual({
      ok: true,
    });
    const overview = await loadPaymentOverview(applicant.id);
    expect(overview?.payment).toMatchObject({
      method: "SLIP",
      feeAmount: 2500,
      handlingFee: 200,
      amount: 2700,
    });
    const [email] = await emailsTo(applicant.email, "payment-code-issued");
    expect(email?.payload).toMatchObject({ method: "slip", amount: "2,700円（税込）" });
  });
});

describe("expiry and reminders", () => {
  it("reminds once before the deadline, expires after it, and choosing again re-opens the fee", async () => {
    const { applicant, fee } = await submitted("expiry");
    await startKonbini(applicant.id);
    const dueAt = fee.dueAt;
    const twoDaysBefore = new Date(dueAt.getTime() - 2 * 24 * 3600 * 1000);
    expect(await sendReminders(twoDaysBefore)).toBeGreaterThanOrEqual(1);
    await sendReminders(twoDaysBefore);
    expect(await emailsTo(applicant.email, "payment-reminder")).toHaveLength(1);
    expect(await noticesOf(applicant.id, "PAYMENT_REMINDER")).toHaveLength(1);

    const afterDue = new Date(dueAt.getTime() + 1000);
    expect(await expireFees(afterDue)).toBeGreaterThanOrEqual(1);
    await expireFees(afterDue);
    const stored = await db.applicationFee.findUniqueOrThrow({ where: { id: fee.id } });
    expect(stored.status).toBe("EXPIRED");
    expect((await paymentsOf(fee.id)).map((payment) => payment.status)).toEqual(["EXPIRED"]);
    expect(await emailsTo(applicant.email, "payment-expired")).toHaveLength(1);
    expect(await noticesOf(applicant.id, "PAYMENT_EXPIRED")).toHaveLength(1);

    const overview = await loadPaymentOverview(applicant.id);
    expect(overview).toMatchObject({ canPay: true, fee: { status: "EXPIRED" } });
    expect(await startKonbini(applicant.id, "ministop")).toEqual({ ok: true });
    const reopened = await db.applicationFee.findUniqueOrThrow({ where: { id: fee.id } });
    expect(reopened.status).toBe("UNPAID");
    expect(reopened.dueAt.getTime()).toBeGreaterThan(now().getTime());
    expect(reopened.reminderSentAt).toBeNull();
  });

  it("the payment page expires a fee past its deadline by itself", async () => {
    const { applicant, fee } = await submitted("lazy-expiry");
    await db.applicationFee.update({
      where: { id: fee.id },
      data: { dueAt: new Date(now().getTime() - 1000) },
    });
    expect((await loadPaymentOverview(applicant.id))?.fee?.status).toBe("EXPIRED");
    expect(await emailsTo(applicant.email, "payment-expired")).toHaveLength(1);
  });
});

async function paidByKonbini(label: string) {
  const setup = await submitted(label);
  await startKonbini(setup.applicant.id);
  const voucher = (await loadPaymentOverview(setup.applicant.id))!.payment!.voucher!;
  await payAtStore(voucher.number, voucher.confirmationNumber);
  await reconcilePayments(now());
  const [payment] = await paymentsOf(setup.fee.id);
  expect(payment?.status).toBe("PAID");
  return { ...setup, payment: payment! };
}

describe("取下げ", () => {
  it("refunds a paid fee through the provider and tells the applicant", async () => {
    const { applicant, applicationId, fee, payment } = await paidByKonbini("withdraw-paid");
    expect(await withdrawApplication(applicant.id, { reason: "転職のため" }, context)).toEqual({ ok: true });
    const application = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(application).toMatchObject({ status: "WITHDRAWN", withdrawReason: "転職のため" });
    expect((await db.applicationFee.findUniqueOrThrow({ where: { id: fee.id } })).status).toBe("REFUNDED");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("REFUNDED");
    const atProvider = await db.sandboxPayment.findUniqueOrThrow({
      where: { id: payment.providerPaymentId! },
    });
    expect(atProvider.amountRefunded).toBe(2500);
    const [email] = await emailsTo(applicant.email, "application-withdrawn");
    expect(email?.payload).toMatchObject({ refundAmount: "2,500円（税込）" });
    expect(await noticesOf(applicant.id, "APPLICATION_WITHDRAWN")).toHaveLength(1);
    expect(await withdrawApplication(applicant.id, { reason: "" }, context)).toEqual({
      ok: false,
      reason: "not-allowed",
    });
  });

  it("cancels an open code; provider down puts the application back as it was", async () => {
    const { applicant, applicationId, fee } = await submitted("withdraw-open");
    await startKonbini(applicant.id);
    overridePaymentProviderForTests(createSandboxProvider({ isDown: () => Promise.resolve(true) }));
    expect(await withdrawApplication(applicant.id, {}, context)).toEqual({
      ok: false,
      reason: "provider-unavailable",
    });
    expect((await db.application.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe(
      "SUBMITTED",
    );
    overridePaymentProviderForTests(null);
    expect(await withdrawApplication(applicant.id, {}, context)).toEqual({ ok: true });
    const [payment] = await paymentsOf(fee.id);
    expect(payment).toMatchObject({ status: "CANCELED", cancelReason: "withdrawn" });
    expect((await db.applicationFee.findUniqueOrThrow({ where: { id: fee.id } })).status).toBe("CANCELED");
    expect(
      (await db.sandboxPayment.findUniqueOrThrow({ where: { id: payment!.providerPaymentId! } })).status,
    ).toBe("canceled");
  });
});

describe("取下げ and 支払う at the same moment", () => {
  it("never leave a withdrawn application with a payment open here or at the provider", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { applicant, applicationId, fee } = await submitted(`race-${round}`);
      const [started, withdrawn] = await Promise.all([
        startKonbini(applicant.id),
        withdrawApplication(applicant.id, {}, context),
      ]);
      const application = await db.application.findUniqueOrThrow({ where: { id: applicationId } });
      const payments = await paymentsOf(fee.id);
      const open = payments.filter((payment) => ["CREATING", "PENDING"].includes(payment.status));
      if (application.status === "WITHDRAWN") {
        expect(withdrawn).toEqual({ ok: true });
        expect(open).toEqual([]);
        const atProvider = await db.sandboxPayment.findMany({
          where: { reference: { in: payments.map((payment) => payment.id) } },
        });
        expect(atProvider.filter((row) => !["canceled", "expired"].includes(row.status))).toEqual([]);
      } else {
        expect(started).toEqual({ ok: true });
        expect(withdrawn).toEqual({ ok: false, reason: "payment-in-progress" });
        expect(open).toHaveLength(1);
      }
    }
  });
});

describe("staff refund", () => {
  it("refunds once even when two staff press at once, audited with the reason", async () => {
    const { applicant, fee, payment } = await paidByKonbini("refund");
    const staffId = randomUUID();
    expect(await refundPayment(staffId, payment.id, { reason: " " }, context)).toEqual({
      ok: false,
      reason: "reason-required",
    });
    const results = await Promise.all([
      refundPayment(staffId, payment.id, { reason: "二重申請のため" }, context),
      refundPayment(staffId, payment.id, { reason: "二重申請のため" }, context),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored).toMatchObject({ status: "REFUNDED", refundAmount: 2500, refundReason: "二重申請のため" });
    expect((await db.applicationFee.findUniqueOrThrow({ where: { id: fee.id } })).status).toBe("REFUNDED");
    const atProvider = await db.sandboxPayment.findUniqueOrThrow({
      where: { id: payment.providerPaymentId! },
    });
    expect(atProvider.amountRefunded).toBe(2500);
    expect(await emailsTo(applicant.email, "payment-refunded")).toHaveLength(1);
    expect(await noticesOf(applicant.id, "PAYMENT_REFUNDED")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "payment.refunded", actorId: staffId } })).toBe(1);
    expect(await refundPayment(staffId, payment.id, { reason: "再" }, context)).toEqual({
      ok: false,
      reason: "not-refundable",
    });
  });
});
