// The payment state machine (issue 12): how what the provider says about a payment (a webhook
// event, a retrieve by reconciliation, the answer of a create) changes our payment and its fee.
// Always called inside a transaction that holds the fee row's lock (lockFee), so a webhook, the
// applicant's return from the card page and the reconciliation job never apply twice at once.
// Rules: events older than the last applied one are stale; a state never goes backwards (PAID
// never returns to PENDING); the amount the provider reports must equal ours or the payment is
// FLAGGED for staff and the fee stays unpaid. Every effect that the applicant must hear about
// (通知, email) and every money movement (audit) is written in the same transaction.
import "server-only";
import { getEnv } from "@/lib/env";
import type { DbTransaction } from "@/lib/db";
import type { Payment, PaymentStatus, Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { createNotice } from "@/lib/notices/notices";
import {
  paymentCodeIssuedNotice,
  paymentCompletedNotice,
  paymentExpiredNotice,
  paymentRefundedNotice,
} from "@/lib/notices/notice-texts";
import { formatYen } from "@/lib/fees";
import { formatJstDateTime } from "@/lib/format/date";
import { KONBINI_CONFIRMATION_LABEL, konbiniChain } from "@/lib/payments/konbini";
import { PAYMENT_METHOD_LABELS } from "@/lib/payments/labels";
import type { ProviderPayment, Voucher } from "@/lib/payments/provider";
import type { EmailTemplateName } from "@/emails/registry";
import type { NoticeText } from "@/lib/notices/notice-texts";

/** Payment states that hold the fee (the partial unique index payment_one_live_per_fee). */
export const LIVE_PAYMENT_STATUSES = [
  "CREATING",
  "PENDING",
  "PAID",
  "FLAGGED",
] as const satisfies PaymentStatus[];

/** What happened to one provider report (payment_event.outcome). */
export type ApplyOutcome =
  | "applied"
  | "stale"
  | "duplicate-state"
  | "amount-mismatch"
  | "unknown-payment"
  | "paid-after-close"
  | "ignored";

export type ApplySource = { kind: "event"; eventCreatedAt: Date } | { kind: "retrieve" } | { kind: "create" };

const SYSTEM_ACTOR = { actorType: "system" as const, actorId: null };

/** Takes the fee row's lock until the transaction ends (every payment change goes through it). */
export async function lockFee(tx: DbTransaction, feeId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM application_fee WHERE id = ${feeId}::uuid FOR UPDATE`;
}

export function paymentPageUrl(): string {
  return `${getEnv().APP_URL}/payment`;
}

/** "2,500円（税込）" */
export function yenWithTax(amount: number): string {
  return `${formatYen(amount)}（税込）`;
}

export function jstDeadline(at: Date): string {
  return `${formatJstDateTime(at)}（日本時間）`;
}

export function parseVoucher(value: Prisma.JsonValue | null | undefined): Voucher | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.number !== "string") return null;
  return {
    number: record.number,
    confirmationNumber: typeof record.confirmationNumber === "string" ? record.confirmationNumber : "",
    ...(typeof record.hostedVoucherUrl === "string" ? { hostedVoucherUrl: record.hostedVoucherUrl } : {}),
  };
}

function voucherJson(voucher: Voucher | undefined): Prisma.InputJsonValue | undefined {
  if (!voucher) return undefined;
  return {
    number: voucher.number,
    confirmationNumber: voucher.confirmationNumber,
    ...(voucher.hostedVoucherUrl ? { hostedVoucherUrl: voucher.hostedVoucherUrl } : {}),
  };
}

/** The fee with whom it belongs to (names for emails and 通知). */
export async function loadFeeContext(tx: DbTransaction, feeId: string) {
  return tx.applicationFee.findUniqueOrThrow({
    where: { id: feeId },
    include: {
      application: {
        select: {
          id: true,
          applicantId: true,
          applicationNumber: true,
          status: true,
          applicant: { select: { name: true, email: true } },
        },
      },
    },
  });
}

type FeeContext = Awaited<ReturnType<typeof loadFeeContext>>;

/** The applicant's email (outbox) and 通知 about their fee, in the transaction of the change. */
export async function tellApplicant(
  tx: DbTransaction,
  fee: FeeContext,
  email: { template: EmailTemplateName; data: Prisma.InputJsonObject },
  notice: NoticeText,
  at: Date,
): Promise<void> {
  await enqueueEmail(tx, {
    template: email.template,
    to: fee.application.applicant.email,
    data: { name: fee.application.applicant.name, ...email.data },
    authSecret: getEnv().AUTH_SECRET,
    at,
    applicantId: fee.application.applicantId,
  });
  await createNotice(tx, { applicantId: fee.application.applicantId, at, ...notice });
}

function methodLabel(payment: Pick<Payment, "method" | "konbiniStore">): string {
  const chain = payment.method === "KONBINI" ? konbiniChain(payment.konbiniStore) : null;
  return chain ? `${PAYMENT_METHOD_LABELS.KONBINI}（${chain.name}）` : PAYMENT_METHOD_LABELS[payment.method];
}

/** コンビニ払い / 払込票: the email and 通知 with the numbers, amount and deadline. */
async function tellCodeIssued(tx: DbTransaction, fee: FeeContext, payment: Payment, at: Date): Promise<void> {
  const voucher = parseVoucher(payment.voucher);
  const chain = konbiniChain(payment.konbiniStore);
  const expiresAt = payment.expiresAt ?? fee.dueAt;
  const applicationNumber = fee.application.applicationNumber ?? "";
  const isSlip = payment.method === "SLIP";
  const numberLabel = isSlip ? "払込票番号" : (chain?.numberLabel ?? "受付番号");
  const numberLines = voucher
    ? [
        `${numberLabel}：${voucher.number}`,
        ...(voucher.confirmationNumber
          ? [`${KONBINI_CONFIRMATION_LABEL}：${voucher.confirmationNumber}`]
          : []),
      ]
    : [];
  await tellApplicant(
    tx,
    fee,
    {
      template: "payment-code-issued",
      data: {
        applicationNumber,
        method: isSlip ? "slip" : "konbini",
        ...(chain ? { storeName: chain.name, steps: [...chain.steps] } : {}),
        numberLabel,
        ...(voucher ? { number: voucher.number } : {}),
        ...(voucher?.confirmationNumber ? { confirmationNumber: voucher.confirmationNumber } : {}),
        amount: yenWithTax(payment.amount),
        expiresAt: expiresAt.toISOString(),
        paymentUrl: paymentPageUrl(),
      },
    },
    paymentCodeIssuedNotice({
      applicationNumber,
      method: methodLabel(payment),
      numberLines,
      amount: yenWithTax(payment.amount),
      deadline: jstDeadline(expiresAt),
      isSlip,
    }),
    at,
  );
}

async function markPaid(
  tx: DbTransaction,
  fee: FeeContext,
  payment: Payment,
  reported: ProviderPayment,
  base: Prisma.PaymentUpdateInput,
  at: Date,
): Promise<void> {
  const paidAt = reported.paidAt ?? at;
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      ...base,
      status: "PAID",
      paidAt,
      lastErrorCode: null,
      lastErrorMessage: null,
      lockVersion: { increment: 1 },
    },
  });
  await tx.applicationFee.update({
    where: { id: fee.id },
    data: { status: "PAID", paidAt, lockVersion: { increment: 1 } },
  });
  const applicationNumber = fee.application.applicationNumber ?? "";
  await tellApplicant(
    tx,
    fee,
    {
      template: "payment-completed",
      data: {
        applicationNumber,
        amount: yenWithTax(payment.amount),
        method: methodLabel(payment),
        paidAt: paidAt.toISOString(),
        paymentUrl: paymentPageUrl(),
      },
    },
    paymentCompletedNotice({
      applicationNumber,
      amount: yenWithTax(payment.amount),
      method: methodLabel(payment),
      paidAt: jstDeadline(paidAt),
    }),
    at,
  );
  await recordAudit(tx, {
    ...SYSTEM_ACTOR,
    action: "payment.paid",
    targetType: "application",
    targetId: fee.application.id,
    details: {
      applicationNumber,
      paymentId: payment.id,
      method: payment.method,
      amount: payment.amount,
      provider: payment.provider,
      providerPaymentId: reported.id,
    },
    at,
  });
}

/**
 * Records a refund the provider has made (our refund, or one made in the provider's dashboard):
 * payment REFUNDED, fee REFUNDED, the applicant told. Returns false when it was recorded already.
 */
export async function recordRefund(
  tx: DbTransaction,
  fee: FeeContext,
  payment: Payment,
  refund: {
    amount: number;
    reason: string | null;
    providerRefundId: string | null;
    staffId: string | null;
    /** 取下げ tells the applicant in its own email and 通知. */
    tellApplicant: boolean;
  },
  at: Date,
): Promise<boolean> {
  // Money the provider holds: a paid payment, one flagged for staff, or one paid after we had
  // closed it (paidAt set on a cancelled or expired row).
  const updated = await tx.payment.updateMany({
    where: {
      id: payment.id,
      OR: [
        { status: { in: ["PAID", "FLAGGED"] } },
        { status: { in: ["CANCELED", "EXPIRED"] }, paidAt: { not: null } },
      ],
    },
    data: {
      status: "REFUNDED",
      refundedAt: at,
      refundAmount: refund.amount,
      refundReason: refund.reason,
      providerRefundId: refund.providerRefundId,
      refundedByStaffId: refund.staffId,
      lockVersion: { increment: 1 },
    },
  });
  if (updated.count === 0) return false;
  // The fee is refunded only when this payment was what paid it; after refunding a flagged or
  // late payment the fee is still owed (or was paid by another payment).
  if (payment.status === "PAID" && fee.status === "PAID") {
    await tx.applicationFee.update({
      where: { id: fee.id },
      data: { status: "REFUNDED", lockVersion: { increment: 1 } },
    });
  }
  const applicationNumber = fee.application.applicationNumber ?? "";
  if (refund.tellApplicant) {
    await tellApplicant(
      tx,
      fee,
      {
        template: "payment-refunded",
        data: {
          applicationNumber,
          amount: yenWithTax(refund.amount),
          method: methodLabel(payment),
          refundedAt: at.toISOString(),
        },
      },
      paymentRefundedNotice({ applicationNumber, amount: yenWithTax(refund.amount) }),
      at,
    );
  }
  return true;
}

/**
 * 期限切れ: an unpaid fee whose deadline passed. Konbini codes and slips past their expiry end
 * with it; a card payment still open at the provider stays PENDING until the applicant chooses
 * again (which cancels it there first) or pays it. The caller holds the fee's lock.
 */
export async function expireFeeInTx(tx: DbTransaction, feeId: string, at: Date): Promise<boolean> {
  const fee = await loadFeeContext(tx, feeId);
  if (fee.status !== "UNPAID" || fee.dueAt.getTime() > at.getTime()) return false;
  const live = await tx.payment.findFirst({ where: { feeId, status: { in: [...LIVE_PAYMENT_STATUSES] } } });
  if (live && live.status !== "PENDING") return false;
  if (live && live.method !== "CARD") {
    await tx.payment.update({
      where: { id: live.id },
      data: { status: "EXPIRED", lockVersion: { increment: 1 } },
    });
  }
  await tx.applicationFee.update({
    where: { id: feeId },
    data: { status: "EXPIRED", lockVersion: { increment: 1 } },
  });
  const applicationNumber = fee.application.applicationNumber ?? "";
  await tellApplicant(
    tx,
    fee,
    {
      template: "payment-expired",
      data: {
        applicationNumber,
        amount: yenWithTax(fee.amount),
        dueAt: fee.dueAt.toISOString(),
        paymentUrl: paymentPageUrl(),
      },
    },
    paymentExpiredNotice({ applicationNumber, deadline: jstDeadline(fee.dueAt) }),
    at,
  );
  await recordAudit(tx, {
    ...SYSTEM_ACTOR,
    action: "payment.fee-expired",
    targetType: "application",
    targetId: fee.application.id,
    details: { applicationNumber, feeId, dueAt: fee.dueAt.toISOString() },
    at,
  });
  return true;
}

const isLive = (status: PaymentStatus) =>
  (LIVE_PAYMENT_STATUSES as readonly PaymentStatus[]).includes(status);

/**
 * Applies what the provider reports about one of our payments. The caller holds the lock of the
 * payment's fee (lockFee) and passes the payment's id.
 */
export async function applyReportedPayment(
  tx: DbTransaction,
  paymentId: string,
  reported: ProviderPayment,
  source: ApplySource,
  at: Date,
): Promise<ApplyOutcome> {
  const payment = await tx.payment.findUnique({ where: { id: paymentId } });
  if (!payment) return "unknown-payment";
  if (
    source.kind === "event" &&
    payment.lastEventAt &&
    source.eventCreatedAt.getTime() < payment.lastEventAt.getTime()
  ) {
    return "stale";
  }
  const fee = await loadFeeContext(tx, payment.feeId);
  const base: Prisma.PaymentUpdateInput = {
    providerPaymentId: payment.providerPaymentId ?? reported.id,
    providerStatus: reported.rawStatus.slice(0, 40),
    ...(source.kind === "event" ? { lastEventAt: source.eventCreatedAt } : {}),
  };
  const touch = async () => {
    await tx.payment.update({ where: { id: payment.id }, data: base });
  };
  // 要確認 for staff: never paid, the reason kept and audited.
  const flag = async (flagReason: string, extra: Prisma.PaymentUpdateInput) => {
    await tx.payment.update({
      where: { id: payment.id },
      data: { ...base, ...extra, flagReason, lockVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      ...SYSTEM_ACTOR,
      action: "payment.flagged",
      targetType: "application",
      targetId: fee.application.id,
      details: { paymentId: payment.id, reason: flagReason, providerPaymentId: reported.id },
      at,
    });
  };

  switch (reported.status) {
    case "succeeded": {
      if (payment.status === "PAID" && reported.amountRefunded > 0) {
        await touch();
        const recorded = await recordRefund(
          tx,
          fee,
          payment,
          {
            amount: reported.amountRefunded,
            reason: payment.refundReason,
            providerRefundId: payment.providerRefundId,
            staffId: null,
            tellApplicant: true,
          },
          at,
        );
        return recorded ? "applied" : "duplicate-state";
      }
      if (payment.status === "PAID" || payment.status === "REFUNDED" || payment.status === "FLAGGED") {
        await touch();
        return "duplicate-state";
      }
      if (reported.amount !== payment.amount) {
        const flagReason = `金額の不一致: 決済サービスの報告 ${reported.amount}円、請求額 ${payment.amount}円`;
        await flag(flagReason, isLive(payment.status) ? { status: "FLAGGED" } : {});
        return "amount-mismatch";
      }
      if (payment.status === "CREATING" || payment.status === "PENDING") {
        await markPaid(tx, fee, payment, reported, base, at);
        return "applied";
      }
      // Paid at the provider although we had closed it (expired, superseded, withdrawn): the
      // money is real. It pays the fee when nothing else holds it; else staff must refund it.
      const other = await tx.payment.findFirst({
        where: { feeId: fee.id, id: { not: payment.id }, status: { in: [...LIVE_PAYMENT_STATUSES] } },
      });
      if (!other && (fee.status === "UNPAID" || fee.status === "EXPIRED")) {
        await markPaid(tx, fee, payment, reported, base, at);
        return "applied";
      }
      const flagReason = "取消・期限切れの後に支払われました。返金が必要です。";
      await flag(flagReason, { paidAt: reported.paidAt ?? at });
      return "paid-after-close";
    }
    case "pending":
    case "requires_action": {
      if (payment.status === "CREATING") {
        const updated = await tx.payment.update({
          where: { id: payment.id },
          data: {
            ...base,
            status: "PENDING",
            voucher: voucherJson(reported.voucher),
            expiresAt: payment.expiresAt ?? reported.expiresAt ?? null,
            lastErrorCode: reported.lastError?.code.slice(0, 60) ?? null,
            lastErrorMessage: reported.lastError?.message.slice(0, 300) ?? null,
            lockVersion: { increment: 1 },
          },
        });
        if (updated.method !== "CARD") await tellCodeIssued(tx, fee, updated, at);
        return "applied";
      }
      if (payment.status === "PENDING") {
        const code = reported.lastError?.code.slice(0, 60) ?? null;
        const message = reported.lastError?.message.slice(0, 300) ?? null;
        if (code === payment.lastErrorCode && message === payment.lastErrorMessage) {
          await touch();
          return "duplicate-state";
        }
        await tx.payment.update({
          where: { id: payment.id },
          data: { ...base, lastErrorCode: code, lastErrorMessage: message },
        });
        return "applied";
      }
      // Never backwards: a paid, cancelled or expired payment does not become pending again.
      return "stale";
    }
    case "canceled": {
      if (payment.status !== "CREATING" && payment.status !== "PENDING") {
        await touch();
        return "duplicate-state";
      }
      await tx.payment.update({
        where: { id: payment.id },
        data: {
          ...base,
          status: "CANCELED",
          canceledAt: at,
          cancelReason: payment.cancelReason ?? "provider",
          lockVersion: { increment: 1 },
        },
      });
      return "applied";
    }
    case "expired": {
      if (payment.status !== "CREATING" && payment.status !== "PENDING") {
        await touch();
        return "duplicate-state";
      }
      await tx.payment.update({
        where: { id: payment.id },
        data: { ...base, status: "EXPIRED", lockVersion: { increment: 1 } },
      });
      await expireFeeInTx(tx, fee.id, at);
      return "applied";
    }
  }
}
