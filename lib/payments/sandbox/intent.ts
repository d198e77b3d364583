// The sandbox's wire shape of a payment (a Stripe-like "payment_intent" object): what event bodies
// carry and what the adapter reads back into the portal's ProviderPayment.
import { randomInt } from "node:crypto";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import type {
  ProviderMethod,
  ProviderPayment,
  ProviderPaymentStatus,
  Voucher,
} from "@/lib/payments/provider";
import { declineMessage } from "@/lib/payments/decline-messages";

export type SandboxStatus =
  "requires_payment_method" | "requires_action" | "processing" | "succeeded" | "canceled" | "expired";

/** Statuses in which the payer may still pay. */
export const OPEN_STATUSES: readonly SandboxStatus[] = [
  "requires_payment_method",
  "requires_action",
  "processing",
];

export type SandboxEventType =
  | "payment_intent.created"
  | "payment_intent.succeeded"
  | "payment_intent.payment_failed"
  | "payment_intent.requires_action"
  | "payment_intent.canceled"
  | "payment_intent.expired"
  | "charge.refunded";

export interface SandboxIntentJson {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_refunded: number;
  currency: "jpy";
  status: SandboxStatus;
  created: number;
  description: string;
  metadata: { reference: string };
  payment_method_types: string[];
  konbini_store: string | null;
  voucher: Voucher | null;
  last_payment_error: { code: string; message: string } | null;
  card_last4: string | null;
  expires_at: number | null;
  succeeded_at: number | null;
  canceled_at: number | null;
  /** Card: the hosted page (or the 3-D Secure challenge) to send the payer to. */
  next_action: { type: "redirect_to_url"; redirect_to_url: { url: string } } | null;
}

export interface SandboxRefundJson {
  id: string;
  amount: number;
  reason: string;
  idempotency_key: string;
  status: "succeeded";
}

export interface SandboxEventBody {
  id: string;
  object: "event";
  type: SandboxEventType;
  /** Unix seconds, as Stripe. */
  created: number;
  /** The same instant in milliseconds (the sandbox's addition: orders events within a second). */
  created_ms: number;
  livemode: false;
  data: { object: SandboxIntentJson; refund?: SandboxRefundJson };
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** "sbpi_…", "evt_…", "sbre_…" + 24 random characters. */
export function sandboxId(prefix: "sbpi" | "evt" | "sbre"): string {
  let id = `${prefix}_`;
  for (let index = 0; index < 24; index += 1) id += ALPHABET[randomInt(ALPHABET.length)];
  return id;
}

const unix = (at: Date | null) => (at === null ? null : Math.floor(at.getTime() / 1000));

/** The hosted card page of a payment (relative: the payer stays on this app's host and cookies). */
export function checkoutPath(id: string): string {
  return `/sandbox/checkout/${encodeURIComponent(id)}`;
}

export function challengePath(id: string): string {
  return `${checkoutPath(id)}/challenge`;
}

function readVoucher(value: unknown): Voucher | null {
  if (!value || typeof value !== "object") return null;
  const { number, confirmationNumber } = value as Record<string, unknown>;
  if (typeof number !== "string") return null;
  return { number, confirmationNumber: typeof confirmationNumber === "string" ? confirmationNumber : "" };
}

export function intentJson(row: SandboxPayment): SandboxIntentJson {
  const status = row.status as SandboxStatus;
  const nextAction =
    row.method === "card" && (status === "requires_payment_method" || status === "requires_action")
      ? {
          type: "redirect_to_url" as const,
          redirect_to_url: {
            url: status === "requires_action" ? challengePath(row.id) : checkoutPath(row.id),
          },
        }
      : null;
  return {
    id: row.id,
    object: "payment_intent",
    amount: row.amount,
    amount_refunded: row.amountRefunded,
    currency: "jpy",
    status,
    created: unix(row.createdAt) ?? 0,
    description: row.description,
    metadata: { reference: row.reference },
    payment_method_types: [row.method],
    konbini_store: row.konbiniStore,
    voucher: readVoucher(row.voucher),
    last_payment_error: row.lastErrorCode
      ? { code: row.lastErrorCode, message: declineMessage(row.lastErrorCode) }
      : null,
    card_last4: row.cardLast4,
    expires_at: unix(row.expiresAt),
    succeeded_at: unix(row.succeededAt),
    canceled_at: unix(row.canceledAt),
    next_action: nextAction,
  };
}

const fromUnix = (seconds: number | null) => (seconds === null ? undefined : new Date(seconds * 1000));

function normalisedStatus(intent: SandboxIntentJson): ProviderPaymentStatus {
  switch (intent.status) {
    case "requires_payment_method":
    case "processing":
      return "pending";
    case "requires_action":
      // Konbini and slip wait for the payer at the store, as Stripe's konbini does.
      return intent.payment_method_types[0] === "card" ? "requires_action" : "pending";
    case "succeeded":
    case "canceled":
    case "expired":
      return intent.status;
  }
}

const METHODS: readonly ProviderMethod[] = ["card", "konbini", "slip"];

/** The portal's view of a sandbox payment. */
export function toProviderPayment(intent: SandboxIntentJson): ProviderPayment {
  const method = METHODS.find((candidate) => candidate === intent.payment_method_types[0]) ?? "card";
  return {
    id: intent.id,
    reference: intent.metadata.reference,
    status: normalisedStatus(intent),
    rawStatus: intent.status,
    amount: intent.amount,
    amountRefunded: intent.amount_refunded,
    method,
    ...(intent.konbini_store ? { konbiniStore: intent.konbini_store } : {}),
    ...(intent.voucher ? { voucher: intent.voucher } : {}),
    ...(intent.next_action ? { redirectUrl: intent.next_action.redirect_to_url.url } : {}),
    ...(intent.last_payment_error ? { lastError: intent.last_payment_error } : {}),
    ...(intent.expires_at !== null ? { expiresAt: fromUnix(intent.expires_at) } : {}),
    ...(intent.succeeded_at !== null ? { paidAt: fromUnix(intent.succeeded_at) } : {}),
  };
}
