// 登録料のお支払い (issue 12): what the pages, the webhook endpoint and the payment worker ask of
// payments. A fee (application_fee) is what an application owes; a payment is one try with one
// method at the provider (lib/payments/providers.ts). Concurrency: every change takes the fee
// row's lock first (SELECT … FOR UPDATE), and the partial unique index payment_one_live_per_fee
// is the last guard against two live payments of one fee. Provider calls are never made inside a
// transaction: our row is written first (CREATING: its id is the provider's idempotency key), the
// provider is called, and the answer is applied through the state machine (lib/payments/state.ts).
import type { Locale } from "@/lib/i18n/locales";
import "server-only";
import { db, type DbTransaction } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { createNotice } from "@/lib/notices/notices";
import { applicationWithdrawnNotice, paymentReminderNotice } from "@/lib/notices/notice-texts";
import {
  Prisma,
  type ApplicationStatus,
  type FeePurpose,
  type ApplicationFee,
  type FeeStatus,
  type Payment,
  type PaymentMethod,
  type PaymentStatus,
  type RegistrationType,
} from "@/lib/generated/prisma/client";
import { KONBINI_STORES, isKonbiniStore, type KonbiniStore } from "@/lib/payments/konbini";
import { paymentAmounts, paymentDueAt, reminderAt } from "@/lib/payments/fees";
import {
  PaymentAlreadySucceededError,
  type PaymentProvider,
  type ProviderEvent,
  type ProviderMethod,
  type ProviderPayment,
  type Voucher,
} from "@/lib/payments/provider";
import { getPaymentProvider } from "@/lib/payments/providers";
import { log } from "@/lib/log";
import { messageRef } from "@/lib/i18n/message-ref";
import { fromJsonRows } from "@/lib/db/json-rows";
import {
  LIVE_PAYMENT_STATUSES,
  applyReportedPayment,
  expireFeeInTx,
  jstDeadline,
  loadFeeContext,
  lockFee,
  parseVoucher,
  paymentPageUrl,
  recordRefund,
  tellApplicant,
  yenWithTax,
  type ApplyOutcome,
  type ApplySource,
} from "@/lib/payments/state";

export type { ApplyOutcome } from "@/lib/payments/state";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Application states in which the fee can be paid (sent, not withdrawn). */
const PAYABLE_APPLICATION_STATUSES: ApplicationStatus[] = [
  "SUBMITTED",
  "RETURNED",
  "RESUBMITTED",
  "COMPLETED",
];
/** 取下げ is possible until a review decision: sent or sent again, not yet decided. */
const WITHDRAWABLE_STATUSES: ApplicationStatus[] = ["SUBMITTED", "RESUBMITTED"];

const PROVIDER_METHODS: Record<PaymentMethod, ProviderMethod> = {
  CARD: "card",
  KONBINI: "konbini",
  SLIP: "slip",
};

export interface PaymentView {
  id: string;
  method: PaymentMethod;
  konbiniStore: string | null;
  /** The fee (税込). */
  feeAmount: number;
  /** 払込票の手数料 (0 otherwise). */
  handlingFee: number;
  /** What is collected: feeAmount + handlingFee. */
  amount: number;
  status: PaymentStatus;
  voucher: Voucher | null;
  expiresAt: Date | null;
  paidAt: Date | null;
  /** The provider's reason for the last declined try, in Japanese. */
  lastErrorMessage: string | null;
  slipSentAt: Date | null;
  refundedAt: Date | null;
  refundAmount: number | null;
  providerPaymentId: string | null;
  provider: string;
}

export interface PaymentOverview {
  application: {
    id: string;
    applicationNumber: string;
    status: ApplicationStatus;
    registrationType: RegistrationType | null;
    applicantName: string;
    submittedAt: Date | null;
    lastSentAt: Date | null;
    technicianId: string | null;
    completedAt: Date | null;
    upgradeStartedAt: Date | null;
  };
  fee: {
    id: string;
    purpose: FeePurpose;
    amount: number;
    status: FeeStatus;
    dueAt: Date;
    paidAt: Date | null;
    lockVersion: number;
  } | null;
  /** The live payment of the fee, else the latest one. */
  payment: PaymentView | null;
  /** Which methods the configured provider takes. */
  methods: { card: boolean; konbini: boolean; slip: boolean };
  /** The konbini chains (lib/payments/konbini.ts keys) the provider's codes can be paid at. */
  konbiniStores: readonly KonbiniStore[];
  slipHandlingFee: number;
  /** A method can be chosen now (unpaid or expired, nothing paid or under way). */
  canPay: boolean;
  /** 取下げ is still possible (before a review decision). */
  canWithdraw: boolean;
  receiptAvailable: boolean;
}

export function toPaymentView(payment: Payment): PaymentView {
  return {
    id: payment.id,
    method: payment.method,
    konbiniStore: payment.konbiniStore,
    feeAmount: payment.feeAmount,
    handlingFee: payment.handlingFee,
    amount: payment.amount,
    status: payment.status,
    voucher: parseVoucher(payment.voucher),
    expiresAt: payment.expiresAt,
    paidAt: payment.paidAt,
    lastErrorMessage: payment.lastErrorMessage,
    slipSentAt: payment.slipSentAt,
    refundedAt: payment.refundedAt,
    refundAmount: payment.refundAmount,
    providerPaymentId: payment.providerPaymentId,
    provider: payment.provider,
  };
}

function logPaymentError(where: string, error: unknown): void {
  // The error's kind and message only: provider errors never carry our secrets, and no request
  // body or header is logged.
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  log.error(`payments (${where}): failed`, { where, error: text.slice(0, 500) });
}

let providerProblemLogged = false;

/** The configured provider, or null (a configuration problem, said once per process). */
function tryProvider(): PaymentProvider | null {
  try {
    return getPaymentProvider();
  } catch (error) {
    if (!providerProblemLogged) logPaymentError("provider", error);
    providerProblemLogged = true;
    return null;
  }
}

interface SentApplicationRow {
  id: string;
  application_number: string;
  status: ApplicationStatus;
  registration_type: RegistrationType | null;
  upgrade_started_at: Date | null;
  lock_version: number;
  submitted_at: Date | null;
  last_sent_at: Date | null;
  technician_id: string | null;
  completed_at: Date | null;
  applicant_name: string;
  applicant_email: string;
  fee: unknown;
  payments: { row: unknown; voucher: Prisma.JsonValue | null }[];
}

/**
 * The applicant's sent application (it has an 申請番号) with its latest fee and that fee's ten
 * latest payments, newest first: one query (Prisma's include would read the applicant, the fee
 * and the payments with a query each).
 */
async function findSentApplication(applicantId: string) {
  const [row] = await db.$queryRaw<SentApplicationRow[]>`
    SELECT a.id::text AS id, a.application_number, a.status::text AS status,
           a.registration_type::text AS registration_type, a.upgrade_started_at, a.lock_version,
           a.submitted_at, a.last_sent_at, a.technician_id, a.completed_at,
           ap.name AS applicant_name, ap.email AS applicant_email,
           CASE WHEN f.id IS NULL THEN NULL ELSE to_jsonb(f) END AS fee,
           COALESCE((
             SELECT jsonb_agg(jsonb_build_object('row', to_jsonb(p) - 'voucher', 'voucher', p.voucher)
                              ORDER BY p.created_at DESC)
             FROM (SELECT * FROM payment WHERE fee_id = f.id ORDER BY created_at DESC LIMIT 10) p
           ), '[]'::jsonb) AS payments
    FROM application a
    JOIN applicant ap ON ap.id = a.applicant_id
    LEFT JOIN LATERAL (
      SELECT * FROM application_fee WHERE application_id = a.id ORDER BY created_at DESC LIMIT 1
    ) f ON true
    WHERE a.applicant_id = ${applicantId}::uuid AND a.application_number IS NOT NULL`;
  if (!row) return null;
  const fee = row.fee === null ? null : (fromJsonRows(row.fee) as ApplicationFee);
  return {
    id: row.id,
    applicationNumber: row.application_number,
    status: row.status,
    registrationType: row.registration_type,
    upgradeStartedAt: row.upgrade_started_at,
    lockVersion: row.lock_version,
    submittedAt: row.submitted_at,
    lastSentAt: row.last_sent_at,
    technicianId: row.technician_id,
    completedAt: row.completed_at,
    applicant: { name: row.applicant_name, email: row.applicant_email },
    fees: fee ? [fee] : [],
    payments: row.payments.map(
      (payment) => ({ ...(fromJsonRows(payment.row) as object), voucher: payment.voucher }) as Payment,
    ),
  };
}

/** Lazy upkeep on every look: expiry and the reminder by now(), so tests never wait for the worker. */
async function upkeepFee(
  fee: { id: string; status: FeeStatus; dueAt: Date; reminderSentAt: Date | null },
  at: Date,
): Promise<boolean> {
  if (fee.status !== "UNPAID") return false;
  if (fee.dueAt.getTime() <= at.getTime()) {
    return db.$transaction(async (tx) => {
      await lockFee(tx, fee.id);
      return expireFeeInTx(tx, fee.id, at);
    });
  }
  if (
    !fee.reminderSentAt &&
    reminderAt(fee.dueAt, getEnv().PAYMENT_REMINDER_DAYS).getTime() <= at.getTime()
  ) {
    return remindFee(fee.id, at);
  }
  return false;
}

/** null: the applicant has no sent application. */
export async function loadPaymentOverview(applicantId: string): Promise<PaymentOverview | null> {
  const first = await findSentApplication(applicantId);
  if (!first?.applicationNumber) return null;
  const currentFee = first.fees[0];
  const changed = currentFee ? await upkeepFee(currentFee, now()) : false;
  const application = changed ? await findSentApplication(applicantId) : first;
  if (!application?.applicationNumber) return null;
  const fee = application.fees[0] ?? null;
  const payments = application.payments;
  const live = payments.find((payment) =>
    (LIVE_PAYMENT_STATUSES as readonly string[]).includes(payment.status),
  );
  const shown = live ?? payments[0] ?? null;
  const provider = tryProvider();
  const methods = {
    card: provider?.supports("card") ?? false,
    konbini: provider?.supports("konbini") ?? false,
    slip: provider?.supports("slip") ?? false,
  };
  const payable =
    fee !== null &&
    PAYABLE_APPLICATION_STATUSES.includes(application.status) &&
    (fee.status === "UNPAID" || fee.status === "EXPIRED") &&
    (!live || live.status === "PENDING");
  return {
    application: {
      id: application.id,
      applicationNumber: application.applicationNumber,
      status: application.status,
      registrationType: application.registrationType,
      applicantName: application.applicant.name,
      submittedAt: application.submittedAt,
      lastSentAt: application.lastSentAt,
      technicianId: application.technicianId,
      completedAt: application.completedAt,
      upgradeStartedAt: application.upgradeStartedAt,
    },
    fee: fee && {
      id: fee.id,
      purpose: fee.purpose,
      amount: fee.amount,
      status: fee.status,
      dueAt: fee.dueAt,
      paidAt: fee.paidAt,
      lockVersion: fee.lockVersion,
    },
    payment: shown && toPaymentView(shown),
    methods,
    konbiniStores: KONBINI_STORES.filter(
      (store) => !provider?.konbiniStores || provider.konbiniStores.includes(store),
    ),
    slipHandlingFee: getEnv().PAYMENT_SLIP_HANDLING_FEE,
    canPay: payable && (methods.card || methods.konbini || methods.slip),
    // 詳細型への移行 is not withdrawn this way: the registration itself stays (登録完了).
    canWithdraw: WITHDRAWABLE_STATUSES.includes(application.status) && !application.upgradeStartedAt,
    receiptAvailable: fee?.status === "PAID" && shown?.status === "PAID",
  };
}

// ---- 支払う -------------------------------------------------------------------------------------

export type StartPaymentReason =
  "already-paid" | "not-payable" | "provider-unavailable" | "stale" | "method-unavailable" | "paid-meanwhile";

export type StartPaymentResult =
  { ok: true; redirectUrl?: string } | { ok: false; reason: StartPaymentReason };

export interface StartPaymentInput {
  method: "CARD" | "KONBINI" | "SLIP";
  /** コンビニ払い: a key of lib/payments/konbini.ts. */
  konbiniStore?: string;
  /** The fee's lockVersion as the page showed it: a second click or tab answers "stale". */
  feeLockVersion: number;
  /** The applicant's language: the provider's hosted card page is shown in it. */
  locale?: Locale;
}

/** The applicant's answers: references into messages/<language>/payment.json (issue 15). */
export const START_PAYMENT_MESSAGES: Record<StartPaymentReason, string> = {
  "already-paid": messageRef("payment.errors.startPayment.alreadyPaid"),
  "not-payable": messageRef("payment.errors.startPayment.notPayable"),
  "provider-unavailable": messageRef("payment.errors.startPayment.providerUnavailable"),
  stale: messageRef("payment.errors.startPayment.stale"),
  "method-unavailable": messageRef("payment.errors.startPayment.methodUnavailable"),
  "paid-meanwhile": messageRef("payment.errors.startPayment.paidMeanwhile"),
};

const fail = (reason: StartPaymentReason): StartPaymentResult => ({ ok: false, reason });

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Applies a provider's answer about our payment in its own transaction (fee locked). */
async function applyReported(
  paymentId: string,
  reported: ProviderPayment,
  source: ApplySource,
  at: Date = now(),
): Promise<ApplyOutcome> {
  return db.$transaction(async (tx) => {
    const payment = await tx.payment.findUnique({ where: { id: paymentId }, select: { feeId: true } });
    if (!payment) return "unknown-payment" as const;
    await lockFee(tx, payment.feeId);
    return applyReportedPayment(tx, paymentId, reported, source, at);
  });
}

/** Our payment a provider report is about: by the provider's id, else by our reference. */
async function findReportedPayment(tx: DbTransaction, reported: ProviderPayment, providerName: string) {
  return (
    (await tx.payment.findUnique({
      where: { providerPaymentId: reported.id },
      select: { id: true, feeId: true },
    })) ??
    (UUID_PATTERN.test(reported.reference)
      ? await tx.payment.findFirst({
          where: { id: reported.reference, provider: providerName },
          select: { id: true, feeId: true },
        })
      : null)
  );
}

/** The state machine for a payment read from the provider (found by its id or our reference). */
export async function applyProviderPayment(
  reported: ProviderPayment,
  source: "retrieve" | "create" = "retrieve",
): Promise<ApplyOutcome> {
  const providerName = getPaymentProvider().name;
  const at = now();
  return db.$transaction(async (tx) => {
    const payment = await findReportedPayment(tx, reported, providerName);
    if (!payment) return "unknown-payment" as const;
    await lockFee(tx, payment.feeId);
    return applyReportedPayment(tx, payment.id, reported, { kind: source }, at);
  });
}

export async function startPayment(
  applicantId: string,
  input: StartPaymentInput,
  context: { ip: string | null },
): Promise<StartPaymentResult> {
  const method = input.method;
  if (!(method in PROVIDER_METHODS)) return fail("method-unavailable");
  if (method === "KONBINI" && !isKonbiniStore(input.konbiniStore)) return fail("method-unavailable");
  if (!Number.isSafeInteger(input.feeLockVersion)) return fail("stale");
  const provider = tryProvider();
  if (!provider) return fail("provider-unavailable");
  if (!provider.supports(PROVIDER_METHODS[method])) return fail("method-unavailable");
  if (
    method === "KONBINI" &&
    provider.konbiniStores &&
    !provider.konbiniStores.includes(input.konbiniStore ?? "")
  ) {
    return fail("method-unavailable");
  }

  const application = await findSentApplication(applicantId);
  const feeId = application?.fees[0]?.id;
  if (!application?.applicationNumber || !feeId) return fail("not-payable");
  const at = now();

  // 1. Claim: the fee's lock, its version as the page showed it, nothing paid or under way. The
  //    version moves on, so a second click or tab with the same page answers "stale".
  const claim = await db.$transaction(async (tx) => {
    await lockFee(tx, feeId);
    const fee = await loadFeeContext(tx, feeId);
    if (fee.status === "PAID") return { reason: "already-paid" as const };
    if (fee.status !== "UNPAID" && fee.status !== "EXPIRED") return { reason: "not-payable" as const };
    if (!PAYABLE_APPLICATION_STATUSES.includes(fee.application.status))
      return { reason: "not-payable" as const };
    const live = await tx.payment.findFirst({ where: { feeId, status: { in: [...LIVE_PAYMENT_STATUSES] } } });
    if (live?.status === "PAID") return { reason: "already-paid" as const };
    if (live?.status === "FLAGGED") return { reason: "not-payable" as const };
    if (fee.lockVersion !== input.feeLockVersion || live?.status === "CREATING")
      return { reason: "stale" as const };
    await tx.applicationFee.update({ where: { id: feeId }, data: { lockVersion: { increment: 1 } } });
    return { reason: null, live };
  });
  if (claim.reason) return fail(claim.reason);

  // 2. A code or card payment still open at the provider is cancelled there first: if it was paid
  //    meanwhile, that payment counts and no new one is made.
  const superseded = claim.live;
  if (superseded?.providerPaymentId) {
    try {
      await provider.cancel(superseded.providerPaymentId);
    } catch (error) {
      if (error instanceof PaymentAlreadySucceededError) {
        await applyReported(superseded.id, error.payment, { kind: "retrieve" });
        return fail("paid-meanwhile");
      }
      // Already closed at the provider (expired, cancelled)? Then it is no obstacle.
      const current = await provider.retrieve(superseded.providerPaymentId).catch(() => null);
      if (current?.status === "succeeded") {
        await applyReported(superseded.id, current, { kind: "retrieve" });
        return fail("paid-meanwhile");
      }
      if (current?.status !== "canceled" && current?.status !== "expired") {
        logPaymentError("cancel", error);
        return fail("provider-unavailable");
      }
    }
  }

  // 3. Our row, CREATING: its id is the reference and idempotency key at the provider.
  let created: { payment: Payment; dueAt: Date; applicationNumber: string; name: string; email: string };
  try {
    const result = await db.$transaction(async (tx) => {
      await lockFee(tx, feeId);
      const fee = await loadFeeContext(tx, feeId);
      if (fee.status !== "UNPAID" && fee.status !== "EXPIRED") {
        return { reason: fee.status === "PAID" ? ("paid-meanwhile" as const) : ("not-payable" as const) };
      }
      // Withdrawn meanwhile (取下げ takes the same lock).
      if (!PAYABLE_APPLICATION_STATUSES.includes(fee.application.status))
        return { reason: "not-payable" as const };
      if (superseded) {
        const closed = await tx.payment.updateMany({
          where: { id: superseded.id, status: { in: ["PENDING", "CREATING"] } },
          data: {
            status: "CANCELED",
            canceledAt: at,
            cancelReason: "superseded",
            lockVersion: { increment: 1 },
          },
        });
        const still = await tx.payment.findUnique({ where: { id: superseded.id }, select: { status: true } });
        if (closed.count === 0 && still?.status === "PAID") return { reason: "paid-meanwhile" as const };
      }
      // An expired fee (or one whose deadline passed) is re-opened with a new deadline.
      let dueAt = fee.dueAt;
      if (fee.status === "EXPIRED" || fee.dueAt.getTime() <= at.getTime()) {
        dueAt = paymentDueAt(at, getEnv().PAYMENT_DUE_DAYS);
        await tx.applicationFee.update({
          where: { id: feeId },
          data: { status: "UNPAID", dueAt, reminderSentAt: null, lockVersion: { increment: 1 } },
        });
      }
      const amounts = paymentAmounts(fee.amount, method, getEnv().PAYMENT_SLIP_HANDLING_FEE);
      const payment = await tx.payment.create({
        data: {
          feeId,
          method,
          konbiniStore: method === "KONBINI" ? (input.konbiniStore ?? null) : null,
          ...amounts,
          status: "CREATING",
          provider: provider.name,
          expiresAt: method === "CARD" ? null : dueAt,
          createdAt: at,
        },
      });
      await recordAudit(tx, {
        actorType: "applicant",
        actorId: applicantId,
        action: superseded ? "payment.method-changed" : "payment.started",
        targetType: "application",
        targetId: fee.application.id,
        ip: context.ip,
        details: {
          applicationNumber: fee.application.applicationNumber ?? "",
          paymentId: payment.id,
          method,
          amount: payment.amount,
          ...(superseded ? { supersededPaymentId: superseded.id } : {}),
        },
        at,
      });
      return {
        reason: null,
        payment,
        dueAt,
        applicationNumber: fee.application.applicationNumber ?? "",
        name: fee.application.applicant.name,
        email: fee.application.applicant.email,
      };
    });
    if (result.reason) return fail(result.reason);
    created = result;
  } catch (error) {
    // The partial unique index: another live payment of this fee got there first.
    if (isUniqueViolation(error)) return fail("stale");
    throw error;
  }

  // 4. The provider call, outside any transaction. A failure charges nothing: our row is closed.
  const { payment } = created;
  let reported: ProviderPayment;
  try {
    reported = await provider.create({
      reference: payment.id,
      amount: payment.amount,
      method: PROVIDER_METHODS[method],
      ...(payment.konbiniStore ? { konbiniStore: payment.konbiniStore } : {}),
      description: `CCUS 登録料 申請番号 ${created.applicationNumber}`,
      customer: { name: created.name, email: created.email },
      ...(method === "CARD" ? {} : { expiresAt: created.dueAt }),
      returnUrl: `${getEnv().APP_URL}/payment/return`,
      ...(input.locale ? { locale: input.locale } : {}),
    });
  } catch (error) {
    logPaymentError("create", error);
    await db.payment.updateMany({
      where: { id: payment.id, status: "CREATING" },
      data: {
        status: "CANCELED",
        canceledAt: now(),
        cancelReason: "provider-unavailable",
        lockVersion: { increment: 1 },
      },
    });
    return fail("provider-unavailable");
  }

  // 5. PENDING with what the provider gave (voucher, expiry); a code's email and 通知 go out here.
  await applyReported(payment.id, reported, { kind: "create" });
  return method === "CARD" && reported.redirectUrl
    ? { ok: true, redirectUrl: reported.redirectUrl }
    : { ok: true };
}

/** The card page sent the payer back: ask the provider at once rather than wait for the webhook. */
export async function refreshPaymentAfterReturn(
  applicantId: string,
  paymentId: string,
): Promise<PaymentOverview | null> {
  if (UUID_PATTERN.test(paymentId)) {
    const payment = await db.payment.findFirst({
      where: { id: paymentId, fee: { application: { applicantId } } },
    });
    const provider = tryProvider();
    if (
      payment?.providerPaymentId &&
      provider &&
      payment.provider === provider.name &&
      (payment.status === "PENDING" || payment.status === "CREATING")
    ) {
      try {
        const reported = await provider.retrieve(payment.providerPaymentId);
        await applyReported(payment.id, reported, { kind: "retrieve" });
      } catch (error) {
        // The webhook or the reconciliation job will bring the answer.
        logPaymentError("return", error);
      }
    }
  }
  return loadPaymentOverview(applicantId);
}

// ---- Webhook events -----------------------------------------------------------------------------

export interface AppliedEvent {
  /** A repeat of an event already recorded: nothing changed. */
  duplicate: boolean;
  outcome: ApplyOutcome | "duplicate";
}

/**
 * One verified provider event: recorded once per (provider, event id) and applied in the same
 * transaction. A repeat changes nothing; an event about no payment of ours is recorded as such.
 */
export async function applyProviderEvent(
  event: ProviderEvent,
  providerName: string = getPaymentProvider().name,
): Promise<AppliedEvent> {
  const at = now();
  return db.$transaction(async (tx) => {
    const inserted = await tx.paymentEvent.createMany({
      data: [
        {
          provider: providerName,
          eventId: event.id.slice(0, 100),
          type: event.rawType.slice(0, 60),
          providerPaymentId: event.payment?.id.slice(0, 100) ?? null,
          eventCreatedAt: event.createdAt,
          outcome: "received",
          payload: (event.raw ?? {}) as Prisma.InputJsonValue,
          receivedAt: at,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { duplicate: true, outcome: "duplicate" as const };
    const record = async (outcome: ApplyOutcome, paymentId: string | null) => {
      await tx.paymentEvent.update({
        where: { provider_eventId: { provider: providerName, eventId: event.id.slice(0, 100) } },
        data: { outcome, paymentId },
      });
      return { duplicate: false, outcome };
    };
    const reported = event.payment;
    if (!reported || event.type === "other") return record("ignored", null);
    const payment = await findReportedPayment(tx, reported, providerName);
    if (!payment) return record("unknown-payment", null);
    await lockFee(tx, payment.feeId);
    const outcome = await applyReportedPayment(
      tx,
      payment.id,
      reported,
      { kind: "event", eventCreatedAt: event.createdAt },
      at,
    );
    return record(outcome, payment.id);
  });
}

// ---- 取下げ and 返金 ------------------------------------------------------------------------------

export type WithdrawReason =
  "not-allowed" | "reason-too-long" | "provider-unavailable" | "needs-office" | "payment-in-progress";

export const WITHDRAW_REASON_MAX_LENGTH = 500;

/** The applicant's answers: references into messages/<language>/payment.json (issue 15). */
export const WITHDRAW_MESSAGES: Record<WithdrawReason, string> = {
  "not-allowed": messageRef("payment.errors.withdraw.notAllowed"),
  "reason-too-long": messageRef("payment.errors.withdraw.reasonTooLong", {
    max: WITHDRAW_REASON_MAX_LENGTH,
  }),
  "provider-unavailable": messageRef("payment.errors.withdraw.providerUnavailable"),
  "needs-office": messageRef("payment.errors.withdraw.needsOffice"),
  "payment-in-progress": messageRef("payment.errors.withdraw.paymentInProgress"),
};

/**
 * 取下げ before review: the application becomes WITHDRAWN first (so no review decision can start
 * meanwhile), then an open payment is cancelled or a paid one refunded through the provider; if
 * the provider cannot be reached, the application is put back as it was and nothing changed.
 */
export async function withdrawApplication(
  applicantId: string,
  input: { reason?: string | null },
  context: { ip: string | null },
): Promise<{ ok: true } | { ok: false; reason: WithdrawReason }> {
  const reason = (input.reason ?? "").trim();
  if (reason.length > WITHDRAW_REASON_MAX_LENGTH) return { ok: false, reason: "reason-too-long" };
  const application = await findSentApplication(applicantId);
  if (
    !application?.applicationNumber ||
    !WITHDRAWABLE_STATUSES.includes(application.status) ||
    application.upgradeStartedAt
  ) {
    return { ok: false, reason: "not-allowed" };
  }
  const at = now();
  const previous = { status: application.status, lockVersion: application.lockVersion };
  const fee = application.fees[0];
  // Under the fee's lock: a payment being started at this moment either has its row already
  // (seen below) or finds the application withdrawn and makes none.
  const claimed = await db.$transaction(async (tx) => {
    if (fee) await lockFee(tx, fee.id);
    return tx.application.updateMany({
      where: { id: application.id, status: previous.status, lockVersion: previous.lockVersion },
      data: {
        status: "WITHDRAWN",
        withdrawnAt: at,
        withdrawReason: reason || null,
        lockVersion: { increment: 1 },
      },
    });
  });
  if (claimed.count === 0) return { ok: false, reason: "not-allowed" };
  const putBack = async (why: WithdrawReason) => {
    await db.application.updateMany({
      where: { id: application.id, status: "WITHDRAWN", lockVersion: previous.lockVersion + 1 },
      data: {
        status: previous.status,
        withdrawnAt: null,
        withdrawReason: null,
        lockVersion: { increment: 1 },
      },
    });
    return { ok: false as const, reason: why };
  };

  const live = fee
    ? await db.payment.findFirst({ where: { feeId: fee.id, status: { in: [...LIVE_PAYMENT_STATUSES] } } })
    : null;
  let refund: { id: string; amount: number; payment: Payment } | null = null;
  let canceled: Payment | null = null;
  if (live) {
    if (live.status === "FLAGGED") return putBack("needs-office");
    // A payment being started right now: its provider call is under way.
    if (live.status === "CREATING") return putBack("payment-in-progress");
    const provider = tryProvider();
    if (!provider) return putBack("provider-unavailable");
    try {
      let paid: ProviderPayment | null = null;
      if (live.status === "PAID") {
        paid = live.providerPaymentId ? await provider.retrieve(live.providerPaymentId) : null;
        if (!paid) return putBack("needs-office");
      } else {
        const providerId =
          live.providerPaymentId ?? (await provider.findByReference(live.id).catch(() => null))?.id ?? null;
        if (providerId) {
          try {
            await provider.cancel(providerId);
          } catch (error) {
            if (!(error instanceof PaymentAlreadySucceededError)) {
              const current = await provider.retrieve(providerId);
              if (current.status !== "canceled" && current.status !== "expired") throw error;
            } else {
              await applyReported(live.id, error.payment, { kind: "retrieve" });
              paid = error.payment;
            }
          }
        }
        if (!paid) canceled = live;
      }
      if (paid) {
        const result = await provider.refund(paid.id, {
          amount: live.amount,
          reason: "取下げ",
          idempotencyKey: `refund:${live.id}`,
        });
        if (result.status === "failed") return putBack("needs-office");
        refund = { id: result.id, amount: result.amount || live.amount, payment: live };
      }
    } catch (error) {
      logPaymentError("withdraw", error);
      return putBack("provider-unavailable");
    }
  }

  await db.$transaction(async (tx) => {
    if (fee) {
      await lockFee(tx, fee.id);
      const feeContext = await loadFeeContext(tx, fee.id);
      if (canceled) {
        await tx.payment.updateMany({
          where: { id: canceled.id, status: { in: ["CREATING", "PENDING"] } },
          data: {
            status: "CANCELED",
            canceledAt: at,
            cancelReason: "withdrawn",
            lockVersion: { increment: 1 },
          },
        });
      }
      if (refund) {
        const current = await tx.payment.findUniqueOrThrow({ where: { id: refund.payment.id } });
        await recordRefund(
          tx,
          feeContext,
          current,
          {
            amount: refund.amount,
            reason: "取下げ",
            providerRefundId: refund.id,
            staffId: null,
            tellApplicant: false,
          },
          at,
        );
      } else if (feeContext.status === "UNPAID" || feeContext.status === "EXPIRED") {
        await tx.applicationFee.update({
          where: { id: fee.id },
          data: { status: "CANCELED", lockVersion: { increment: 1 } },
        });
      }
    }
    const refundAmount = refund ? yenWithTax(refund.amount) : null;
    await enqueueEmail(tx, {
      template: "application-withdrawn",
      to: application.applicant.email,
      data: {
        name: application.applicant.name,
        applicationNumber: application.applicationNumber ?? "",
        withdrawnAt: at.toISOString(),
        ...(refundAmount ? { refundAmount } : {}),
      },
      authSecret: getEnv().AUTH_SECRET,
      at,
      applicantId,
    });
    await createNotice(tx, {
      applicantId,
      at,
      ...applicationWithdrawnNotice({ applicationNumber: application.applicationNumber ?? "", refundAmount }),
    });
    await recordAudit(tx, {
      actorType: "applicant",
      actorId: applicantId,
      action: "application.withdrawn",
      targetType: "application",
      targetId: application.id,
      ip: context.ip,
      details: {
        applicationNumber: application.applicationNumber ?? "",
        ...(refund ? { refundedPaymentId: refund.payment.id, refundAmount: refund.amount } : {}),
        ...(canceled ? { canceledPaymentId: canceled.id } : {}),
      },
      at,
    });
  });
  return { ok: true };
}

export type RefundReason = "not-found" | "not-refundable" | "reason-required" | "provider-unavailable";

export const REFUND_MESSAGES: Record<RefundReason, string> = {
  "not-found": "お支払いが見つかりません。",
  "not-refundable": "このお支払いは返金できません（支払済みではないか、すでに返金されています）。",
  "reason-required": "返金の理由を500文字以内で入力してください。",
  "provider-unavailable":
    "決済サービスに接続できなかったため、返金できませんでした。時間をおいてもう一度お試しください。",
};

/** Staff's refund of a paid payment (audited, with a reason); the applicant is told. */
export async function refundPayment(
  staffId: string,
  paymentId: string,
  input: { reason: string },
  context: { ip: string | null },
): Promise<{ ok: true } | { ok: false; reason: RefundReason }> {
  const reason = input.reason.trim();
  if (!reason || reason.length > 500) return { ok: false, reason: "reason-required" };
  if (!UUID_PATTERN.test(paymentId)) return { ok: false, reason: "not-found" };
  const payment = await db.payment.findUnique({ where: { id: paymentId } });
  if (!payment) return { ok: false, reason: "not-found" };
  // Money the provider holds: a paid payment; or one flagged for staff (an amount that did not
  // match, a code paid after it was closed), refunded for what the provider actually holds.
  const heldByProvider =
    payment.status === "PAID" ||
    payment.status === "FLAGGED" ||
    ((payment.status === "CANCELED" || payment.status === "EXPIRED") && payment.paidAt !== null);
  if (!heldByProvider || !payment.providerPaymentId) return { ok: false, reason: "not-refundable" };
  const provider = tryProvider();
  if (!provider || provider.name !== payment.provider) return { ok: false, reason: "provider-unavailable" };
  const providerPaymentId = payment.providerPaymentId;
  let result;
  try {
    let amount = payment.amount;
    if (payment.status !== "PAID") {
      const held = await provider.retrieve(providerPaymentId);
      amount = held.amount - held.amountRefunded;
      if (held.status !== "succeeded" || amount <= 0) return { ok: false, reason: "not-refundable" };
    }
    // The same key for every try: two staff pressing at once refund once at the provider.
    result = await provider.refund(providerPaymentId, {
      amount,
      reason,
      idempotencyKey: `refund:${payment.id}`,
    });
  } catch (error) {
    logPaymentError("refund", error);
    return { ok: false, reason: "provider-unavailable" };
  }
  if (result.status === "failed") return { ok: false, reason: "provider-unavailable" };
  const at = now();
  const done = await db.$transaction(async (tx) => {
    await lockFee(tx, payment.feeId);
    const fee = await loadFeeContext(tx, payment.feeId);
    const current = await tx.payment.findUniqueOrThrow({ where: { id: payment.id } });
    const recorded = await recordRefund(
      tx,
      fee,
      current,
      {
        amount: result.amount || payment.amount,
        reason,
        providerRefundId: result.id,
        staffId,
        tellApplicant: true,
      },
      at,
    );
    if (!recorded) {
      // The provider's refund event may have been applied first: the refund is still this
      // staff member's (unless another one's recorded it already).
      if (current.status !== "REFUNDED") return false;
      const claimed = await tx.payment.updateMany({
        where: { id: payment.id, status: "REFUNDED", refundedByStaffId: null },
        data: { refundedByStaffId: staffId, refundReason: reason, providerRefundId: result.id },
      });
      if (claimed.count === 0) return false;
    }
    await recordAudit(tx, {
      actorType: "staff",
      actorId: staffId,
      action: "payment.refunded",
      targetType: "application",
      targetId: fee.application.id,
      ip: context.ip,
      details: {
        applicationNumber: fee.application.applicationNumber ?? "",
        paymentId: payment.id,
        amount: result.amount || payment.amount,
        reason,
        providerRefundId: result.id,
      },
      at,
    });
    return true;
  });
  return done ? { ok: true } : { ok: false, reason: "not-refundable" };
}

// ---- The payment worker: reconciliation, expiry, reminders ----------------------------------------

const CREATING_GRACE_MS = 60_000;
const BATCH = 100;

export interface ReconcileSummary {
  checked: number;
  changed: number;
  failed: number;
}

/**
 * A lost webhook or a create whose answer never came: CREATING rows older than a minute are looked
 * up by reference (adopted, or closed when the provider has none); PENDING ones are read again and
 * applied as if an event had come.
 */
export async function reconcilePayments(at: Date = now()): Promise<ReconcileSummary> {
  const summary: ReconcileSummary = { checked: 0, changed: 0, failed: 0 };
  const provider = tryProvider();
  if (!provider) return summary;
  const creating = await db.payment.findMany({
    where: {
      status: "CREATING",
      provider: provider.name,
      createdAt: { lt: new Date(at.getTime() - CREATING_GRACE_MS) },
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  for (const payment of creating) {
    summary.checked += 1;
    try {
      const found = await provider.findByReference(payment.id);
      if (found) {
        if ((await applyReported(payment.id, found, { kind: "retrieve" }, at)) === "applied")
          summary.changed += 1;
      } else {
        const closed = await db.payment.updateMany({
          where: { id: payment.id, status: "CREATING" },
          data: {
            status: "CANCELED",
            canceledAt: at,
            cancelReason: "not-created",
            lockVersion: { increment: 1 },
          },
        });
        summary.changed += closed.count;
      }
    } catch (error) {
      summary.failed += 1;
      logPaymentError("reconcile", error);
    }
  }
  const pending = await db.payment.findMany({
    where: { status: "PENDING", provider: provider.name, providerPaymentId: { not: null } },
    orderBy: { updatedAt: "asc" },
    take: BATCH,
  });
  for (const payment of pending) {
    summary.checked += 1;
    try {
      const reported = await provider.retrieve(payment.providerPaymentId ?? "");
      if ((await applyReported(payment.id, reported, { kind: "retrieve" }, at)) === "applied")
        summary.changed += 1;
    } catch (error) {
      summary.failed += 1;
      logPaymentError("reconcile", error);
    }
  }
  return summary;
}

/** 期限切れ: unpaid fees past their deadline (email and 通知 once each). Returns how many expired. */
export async function expireFees(at: Date = now()): Promise<number> {
  const due = await db.applicationFee.findMany({
    where: { status: "UNPAID", dueAt: { lte: at } },
    select: { id: true },
    take: BATCH,
  });
  let expired = 0;
  for (const fee of due) {
    const done = await db.$transaction(async (tx) => {
      await lockFee(tx, fee.id);
      return expireFeeInTx(tx, fee.id, at);
    });
    if (done) expired += 1;
  }
  return expired;
}

async function remindFee(feeId: string, at: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    await lockFee(tx, feeId);
    const fee = await loadFeeContext(tx, feeId);
    if (fee.status !== "UNPAID" || fee.reminderSentAt || fee.dueAt.getTime() <= at.getTime()) return false;
    if (!PAYABLE_APPLICATION_STATUSES.includes(fee.application.status)) return false;
    const paid = await tx.payment.findFirst({ where: { feeId, status: { in: ["PAID", "FLAGGED"] } } });
    if (paid) return false;
    await tx.applicationFee.update({ where: { id: feeId }, data: { reminderSentAt: at } });
    const applicationNumber = fee.application.applicationNumber ?? "";
    await tellApplicant(
      tx,
      fee,
      {
        template: "payment-reminder",
        data: {
          applicationNumber,
          amount: yenWithTax(fee.amount),
          dueAt: fee.dueAt.toISOString(),
          paymentUrl: paymentPageUrl(),
        },
      },
      paymentReminderNotice({
        applicationNumber,
        amount: yenWithTax(fee.amount),
        deadline: jstDeadline(fee.dueAt),
      }),
      at,
    );
    return true;
  });
}

/** The reminder PAYMENT_REMINDER_DAYS before the deadline, once per fee. Returns how many were sent. */
export async function sendReminders(at: Date = now()): Promise<number> {
  const days = getEnv().PAYMENT_REMINDER_DAYS;
  const due = await db.applicationFee.findMany({
    where: {
      status: "UNPAID",
      reminderSentAt: null,
      dueAt: { gt: at, lte: new Date(at.getTime() + days * 24 * 60 * 60 * 1000) },
    },
    select: { id: true },
    take: BATCH,
  });
  let sent = 0;
  for (const fee of due) if (await remindFee(fee.id, at)) sent += 1;
  return sent;
}

/** One round of the worker (the server's loop and `npm run payments:reconcile`). */
export async function runPaymentUpkeep(at: Date = now()) {
  const reconciled = await reconcilePayments(at);
  const expired = await expireFees(at);
  const reminded = await sendReminders(at);
  return { reconciled, expired, reminded };
}
