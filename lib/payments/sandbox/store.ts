// The sandbox provider's own books (issue 12): sandbox_payment and sandbox_event only, never the
// portal's payment tables. Every state change happens on a locked row and writes its event in the
// same transaction. Konbini codes and slips expire lazily, by now() (the test kit's namespace
// clock moves it), whenever a payment is read or paid, as well as by the webhook worker.
import { Prisma, type SandboxPayment } from "@/lib/generated/prisma/client";
import { db, type DbTransaction } from "@/lib/db";
import { now } from "@/lib/clock";
import {
  PaymentAlreadySucceededError,
  ProviderRequestError,
  type CreatePaymentInput,
  type RefundInput,
} from "@/lib/payments/provider";
import type { DeclineCode } from "@/lib/payments/decline-messages";
import { cardLast4, cardOutcome } from "@/lib/payments/sandbox/test-cards";
import { isSandboxKonbiniStore, issueVoucher, voucherDigits } from "@/lib/payments/sandbox/vouchers";
import {
  intentJson,
  OPEN_STATUSES,
  sandboxId,
  toProviderPayment,
  type SandboxEventType,
  type SandboxStatus,
} from "@/lib/payments/sandbox/intent";
import {
  deliveryModeFor,
  deliveryNow,
  writeSandboxEvent,
  type DeliveryMode,
} from "@/lib/payments/sandbox/events";
import type { SandboxRefundJson } from "@/lib/payments/sandbox/intent";

export type { SandboxPayment };

const isOpen = (status: string) => (OPEN_STATUSES as readonly string[]).includes(status);

type Change = Omit<Prisma.SandboxPaymentUpdateInput, "events">;

/** Applies `change` to a locked row and writes its event, in the same transaction. */
/** A locked payment's transaction, with how its events will be delivered (decided before locking). */
interface Books {
  tx: DbTransaction;
  mode: DeliveryMode;
  deliverAt: Date;
}

async function changePayment(
  books: Books,
  row: SandboxPayment,
  change: Change,
  type: SandboxEventType,
  at: Date,
  refund?: SandboxRefundJson,
): Promise<SandboxPayment> {
  const updated = await books.tx.sandboxPayment.update({ where: { id: row.id }, data: change });
  await writeSandboxEvent(books.tx, {
    type,
    payment: updated,
    at,
    deliverAt: books.deliverAt,
    mode: books.mode,
    refund,
  });
  return updated;
}

/** Runs `fn` on the row locked FOR UPDATE (null: no such payment), konbini expiry applied first. */
async function withLockedPayment<T>(
  id: string,
  fn: (books: Books, row: SandboxPayment, at: Date) => Promise<T>,
  onMissing: () => T,
): Promise<T> {
  const at = now();
  // Read before the lock: nothing waits on another connection while the row is held.
  const owner = await db.sandboxPayment.findUnique({ where: { id }, select: { testNamespace: true } });
  if (!owner) return onMissing();
  const mode = await deliveryModeFor(owner.testNamespace);
  const deliverAt = await deliveryNow();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM sandbox_payment WHERE id = ${id} FOR UPDATE`;
    if (locked.length === 0) return onMissing();
    const books: Books = { tx, mode, deliverAt };
    let row = await tx.sandboxPayment.findUniqueOrThrow({ where: { id } });
    if (isDue(row, at))
      row = await changePayment(books, row, { status: "expired" }, "payment_intent.expired", at);
    return fn(books, row, at);
  });
}

function isDue(row: SandboxPayment, at: Date): boolean {
  return row.method !== "card" && isOpen(row.status) && row.expiresAt !== null && row.expiresAt <= at;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export interface CreateSandboxPaymentInput extends CreatePaymentInput {
  testNamespace: string | null;
}

/**
 * Creates a payment; the reference is the idempotency key, so a repeated create (a retry after a
 * lost answer, a double click) returns the payment made the first time. The same key with other
 * parameters is refused, as Stripe refuses it.
 */
export async function createSandboxPayment(input: CreateSandboxPaymentInput): Promise<SandboxPayment> {
  const existing = await db.sandboxPayment.findUnique({ where: { idempotencyKey: input.reference } });
  if (existing) return sameRequestOrThrow(existing, input);
  if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > 300_000) {
    throw new ProviderRequestError(
      "amount must be an integer of yen between 1 and 300000",
      "parameter_invalid_integer",
    );
  }
  if (input.method === "konbini" && !isSandboxKonbiniStore(input.konbiniStore)) {
    throw new ProviderRequestError(
      `unknown konbini store: ${input.konbiniStore ?? ""}`,
      "parameter_invalid_konbini_store",
    );
  }
  if (input.method !== "card" && !input.expiresAt) {
    throw new ProviderRequestError("expiresAt is required for konbini and slip", "parameter_missing");
  }
  const at = now();
  if (input.method !== "card" && input.expiresAt && input.expiresAt <= at) {
    throw new ProviderRequestError("expiresAt is in the past", "parameter_invalid_expires_at");
  }
  const voucher =
    input.method === "konbini" && isSandboxKonbiniStore(input.konbiniStore)
      ? issueVoucher(input.konbiniStore)
      : input.method === "slip"
        ? issueVoucher("slip")
        : null;
  const status: SandboxStatus = input.method === "card" ? "requires_payment_method" : "requires_action";
  const mode = await deliveryModeFor(input.testNamespace);
  const deliverAt = await deliveryNow();
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.sandboxPayment.create({
        data: {
          id: sandboxId("sbpi"),
          idempotencyKey: input.reference,
          reference: input.reference,
          amount: input.amount,
          method: input.method,
          konbiniStore: input.method === "konbini" ? (input.konbiniStore ?? null) : null,
          status,
          description: input.description.slice(0, 200),
          customerName: input.customer.name.slice(0, 100),
          customerEmail: input.customer.email.slice(0, 254),
          voucher: voucher === null ? Prisma.DbNull : { ...voucher },
          expiresAt: input.method === "card" ? null : (input.expiresAt ?? null),
          returnUrl: input.returnUrl.slice(0, 500),
          testNamespace: input.testNamespace,
          createdAt: at,
        },
      });
      await writeSandboxEvent(tx, {
        type: "payment_intent.created",
        payment: row,
        at,
        deliverAt,
        mode,
      });
      return row;
    });
  } catch (error) {
    // Two creates with one key at once: the loser answers what the winner made.
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.sandboxPayment.findUnique({ where: { idempotencyKey: input.reference } });
    if (!winner) throw error;
    return sameRequestOrThrow(winner, input);
  }
}

function sameRequestOrThrow(existing: SandboxPayment, input: CreatePaymentInput): SandboxPayment {
  const same =
    existing.amount === input.amount &&
    existing.method === input.method &&
    (input.method !== "konbini" || existing.konbiniStore === input.konbiniStore);
  if (!same) {
    throw new ProviderRequestError(
      "Keys for idempotent requests can only be used with the same parameters they were first used with.",
      "idempotency_key_in_use",
    );
  }
  return existing;
}

/** The payment (expiry applied), or null. */
export async function retrieveSandboxPayment(id: string): Promise<SandboxPayment | null> {
  if (!/^sbpi_[A-Za-z0-9]{1,35}$/.test(id)) return null;
  return withLockedPayment(
    id,
    async (_books, row) => row,
    () => null,
  );
}

/** The newest payment created with this reference (our Payment id), or null. */
export async function findSandboxPaymentByReference(reference: string): Promise<SandboxPayment | null> {
  const row = await db.sandboxPayment.findFirst({ where: { reference }, orderBy: { createdAt: "desc" } });
  return row === null ? null : retrieveSandboxPayment(row.id);
}

function unknownPayment(id: string): never {
  throw new ProviderRequestError(`No such payment_intent: '${id}'`, "resource_missing");
}

/** Cancels an unpaid payment; a paid one throws PaymentAlreadySucceededError (with the payment). */
export async function cancelSandboxPayment(id: string): Promise<SandboxPayment> {
  return withLockedPayment(
    id,
    async (books, row, at) => {
      if (row.status === "succeeded")
        throw new PaymentAlreadySucceededError(toProviderPayment(intentJson(row)));
      if (!isOpen(row.status)) return row;
      return changePayment(books, row, { status: "canceled", canceledAt: at }, "payment_intent.canceled", at);
    },
    () => unknownPayment(id),
  );
}

/** Refunds a paid payment; the same idempotency key refunds once and answers the same refund. */
export async function refundSandboxPayment(id: string, input: RefundInput): Promise<SandboxRefundJson> {
  return withLockedPayment(
    id,
    async (books, row, at) => {
      const earlier = await books.tx.$queryRaw<{ data: { data?: { refund?: SandboxRefundJson } } }[]>`
        SELECT data FROM sandbox_event
        WHERE payment_id = ${id} AND type = 'charge.refunded'
          AND data->'data'->'refund'->>'idempotency_key' = ${input.idempotencyKey}
        LIMIT 1`;
      const earlierRefund = earlier[0]?.data.data?.refund;
      if (earlierRefund) return earlierRefund;
      if (row.status !== "succeeded") {
        throw new ProviderRequestError(
          "This payment has not succeeded: nothing to refund.",
          "charge_not_refundable",
        );
      }
      if (
        !Number.isInteger(input.amount) ||
        input.amount < 1 ||
        input.amount > row.amount - row.amountRefunded
      ) {
        throw new ProviderRequestError(
          "Refund amount is greater than the unrefunded amount of the payment.",
          "amount_too_large",
        );
      }
      const refund: SandboxRefundJson = {
        id: sandboxId("sbre"),
        amount: input.amount,
        reason: input.reason.slice(0, 200),
        idempotency_key: input.idempotencyKey,
        status: "succeeded",
      };
      await changePayment(
        books,
        row,
        { amountRefunded: { increment: input.amount } },
        "charge.refunded",
        at,
        refund,
      );
      return refund;
    },
    () => unknownPayment(id),
  );
}

export interface CardInput {
  number: string;
  /** Already checked by the page's schema (MM/YY, in the future). */
  cvc: string;
}

export type CardPaymentResult =
  | { ok: true; status: "succeeded" | "requires_action"; payment: SandboxPayment }
  | { ok: false; reason: "declined"; code: DeclineCode; payment: SandboxPayment }
  | { ok: false; reason: "not-payable"; payment: SandboxPayment | null };

/** The hosted card page's 支払う: the test card decides the outcome; only the last 4 digits are kept. */
export async function payByCard(id: string, card: CardInput): Promise<CardPaymentResult> {
  return withLockedPayment<CardPaymentResult>(
    id,
    async (books, row, at) => {
      if (row.method !== "card" || row.status !== "requires_payment_method") {
        return { ok: false, reason: "not-payable", payment: row };
      }
      const outcome = cardOutcome(card.number);
      const last4 = cardLast4(card.number);
      if (outcome.kind === "success") {
        const payment = await changePayment(
          books,
          row,
          { status: "succeeded", succeededAt: at, cardLast4: last4, lastErrorCode: null },
          "payment_intent.succeeded",
          at,
        );
        return { ok: true, status: "succeeded", payment };
      }
      if (outcome.kind === "three_d_secure") {
        const payment = await changePayment(
          books,
          row,
          { status: "requires_action", cardLast4: last4, lastErrorCode: null },
          "payment_intent.requires_action",
          at,
        );
        return { ok: true, status: "requires_action", payment };
      }
      const payment = await changePayment(
        books,
        row,
        { cardLast4: last4, lastErrorCode: outcome.code },
        "payment_intent.payment_failed",
        at,
      );
      return { ok: false, reason: "declined", code: outcome.code, payment };
    },
    () => ({ ok: false, reason: "not-payable", payment: null }),
  );
}

/** The 3-D Secure page's answer: 認証する → paid; 認証しない → declined (authentication_failed). */
export async function completeThreeDSecure(id: string, approve: boolean): Promise<CardPaymentResult> {
  return withLockedPayment<CardPaymentResult>(
    id,
    async (books, row, at) => {
      if (row.method !== "card" || row.status !== "requires_action") {
        return { ok: false, reason: "not-payable", payment: row };
      }
      if (approve) {
        const payment = await changePayment(
          books,
          row,
          { status: "succeeded", succeededAt: at, lastErrorCode: null },
          "payment_intent.succeeded",
          at,
        );
        return { ok: true, status: "succeeded", payment };
      }
      const payment = await changePayment(
        books,
        row,
        { status: "requires_payment_method", lastErrorCode: "authentication_failed" },
        "payment_intent.payment_failed",
        at,
      );
      return { ok: false, reason: "declined", code: "authentication_failed", payment };
    },
    () => ({ ok: false, reason: "not-payable", payment: null }),
  );
}

export type StoreLookup =
  | { ok: true; payment: SandboxPayment }
  | {
      ok: false;
      reason: "not-found" | "confirmation" | "paid" | "expired" | "canceled";
      payment?: SandboxPayment;
    };

/** Finds the konbini code or slip the payer presents at the sandbox store (expiry applied). */
export async function lookUpVoucher(numberInput: string, confirmationInput: string): Promise<StoreLookup> {
  const number = voucherDigits(numberInput);
  const confirmation = voucherDigits(confirmationInput);
  if (!/^\d{6,20}$/.test(number)) return { ok: false, reason: "not-found" };
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM sandbox_payment WHERE voucher->>'number' = ${number}
    ORDER BY created_at DESC LIMIT 1`;
  const id = rows[0]?.id;
  if (!id) return { ok: false, reason: "not-found" };
  const payment = await retrieveSandboxPayment(id);
  if (!payment) return { ok: false, reason: "not-found" };
  const voucher = payment.voucher as { confirmationNumber?: string } | null;
  const expected = voucher?.confirmationNumber ?? "";
  if (expected !== "" && expected !== confirmation) return { ok: false, reason: "confirmation" };
  if (payment.status === "succeeded") return { ok: false, reason: "paid", payment };
  if (payment.status === "expired") return { ok: false, reason: "expired", payment };
  if (!isOpen(payment.status)) return { ok: false, reason: "canceled", payment };
  return { ok: true, payment };
}

/** The store's 支払う: the code is paid (once). */
export async function payAtStore(numberInput: string, confirmationInput: string): Promise<StoreLookup> {
  const found = await lookUpVoucher(numberInput, confirmationInput);
  if (!found.ok) return found;
  return withLockedPayment<StoreLookup>(
    found.payment.id,
    async (books, row, at) => {
      if (row.status === "succeeded") return { ok: false, reason: "paid", payment: row };
      if (row.status === "expired") return { ok: false, reason: "expired", payment: row };
      if (!isOpen(row.status)) return { ok: false, reason: "canceled", payment: row };
      const payment = await changePayment(
        books,
        row,
        { status: "succeeded", succeededAt: at },
        "payment_intent.succeeded",
        at,
      );
      return { ok: true, payment };
    },
    () => ({ ok: false, reason: "not-found" }),
  );
}

/**
 * The worker's sweep: expires the konbini codes and slips past their expiry, each by its own
 * clock (a test namespace's offset counts, so only the payments due there are visited).
 */
export async function expireDueSandboxPayments(limit = 50): Promise<number> {
  const at = await deliveryNow();
  const candidates = await db.$queryRaw<{ id: string; test_namespace: string | null }[]>`
    SELECT p.id, p.test_namespace FROM sandbox_payment p
    LEFT JOIN test_namespace t ON t.ns = p.test_namespace
    WHERE p.status IN (${Prisma.join(OPEN_STATUSES)})
      AND p.method <> 'card' AND p.expires_at IS NOT NULL
      AND p.expires_at <= ${at}::timestamptz + COALESCE(t.clock_offset_ms, 0) * interval '1 millisecond'
    ORDER BY p.expires_at
    LIMIT ${limit}`;
  let expired = 0;
  for (const candidate of candidates) {
    const after = await inNamespace(candidate.test_namespace, () => retrieveSandboxPayment(candidate.id));
    if (after?.status === "expired") expired += 1;
  }
  return expired;
}

/** Runs `fn` with now() on the clock of the payment's test namespace (test mode only). */
export async function inNamespace<T>(ns: string | null, fn: () => Promise<T>): Promise<T> {
  if (ns === null) return fn();
  const { isTestMode } = await import("@/lib/env");
  if (!isTestMode()) return fn();
  const { runInTestNamespace } = await import("@/lib/test-kit/request-namespace");
  const { freshNamespaceSettings } = await import("@/lib/test-kit/clock");
  await freshNamespaceSettings(ns);
  return runInTestNamespace(ns, fn);
}
