// Writes the sandbox's events (one per state change, in the same transaction as the change) and
// decides how each will be delivered: at once, twice, or held back so that a later event of the
// same payment overtakes it (the chaos switch and the test kit's webhooks fault).
import type { DbTransaction } from "@/lib/db";
import type { SandboxPayment } from "@/lib/generated/prisma/client";
import { now } from "@/lib/clock";
import { isTestMode } from "@/lib/env";
import { isSandboxChaosOn } from "@/lib/payments/sandbox/config";
import {
  intentJson,
  sandboxId,
  type SandboxEventBody,
  type SandboxEventType,
  type SandboxRefundJson,
} from "@/lib/payments/sandbox/intent";

/** How long a held-back event waits (a later event written meanwhile goes first). */
export const SHUFFLE_HOLD_MS = 3000;

export type DeliveryMode = "normal" | "duplicate" | "shuffle" | "chaos";

/** The webhooks fault of a test namespace, or null (always null with test mode off). */
export async function webhookFaultOf(ns: string | null): Promise<"drop" | "duplicate" | "shuffle" | null> {
  if (ns === null || !isTestMode()) return null;
  const { faultsOf } = await import("@/lib/test-kit/faults");
  return (await faultsOf(ns)).payments?.webhooks ?? null;
}

/** How the events of a payment created in namespace `ns` are delivered. */
export async function deliveryModeFor(ns: string | null): Promise<DeliveryMode> {
  const fault = await webhookFaultOf(ns);
  if (fault === "duplicate" || fault === "shuffle") return fault;
  return isSandboxChaosOn() ? "chaos" : "normal";
}

/**
 * The worker's clock: real time (with the process-wide test offset) whatever namespace the
 * request belongs to, since the worker claims events by it.
 */
export async function deliveryNow(): Promise<Date> {
  if (!isTestMode()) return now();
  const { runInTestNamespace } = await import("@/lib/test-kit/request-namespace");
  return runInTestNamespace(null, now);
}

export interface WriteEventInput {
  type: SandboxEventType;
  payment: SandboxPayment;
  /** The event's own time (the payment's namespace clock): orders events for the merchant. */
  at: Date;
  deliverAt: Date;
  mode: DeliveryMode;
  refund?: SandboxRefundJson;
  random?: () => number;
}

export async function writeSandboxEvent(
  tx: DbTransaction,
  input: WriteEventInput,
): Promise<SandboxEventBody> {
  const random = input.random ?? Math.random;
  const body: SandboxEventBody = {
    id: sandboxId("evt"),
    object: "event",
    type: input.type,
    created: Math.floor(input.at.getTime() / 1000),
    created_ms: input.at.getTime(),
    livemode: false,
    data: { object: intentJson(input.payment), ...(input.refund ? { refund: input.refund } : {}) },
  };
  let holdMs = 0;
  let duplicates = 0;
  if (input.mode === "duplicate") duplicates = 1;
  if (input.mode === "shuffle") {
    // Held, unless an earlier event of this payment is still held: then this one overtakes it.
    const held = await tx.sandboxEvent.count({
      where: {
        paymentId: input.payment.id,
        deliveredAt: null,
        abandonedAt: null,
        nextAttemptAt: { gt: input.deliverAt },
      },
    });
    holdMs = held > 0 ? 0 : SHUFFLE_HOLD_MS;
  }
  if (input.mode === "chaos") {
    if (random() < 0.3) holdMs = 1000 + Math.round(random() * SHUFFLE_HOLD_MS);
    if (random() < 0.25) duplicates = 1;
  }
  await tx.sandboxEvent.create({
    data: {
      id: body.id,
      paymentId: input.payment.id,
      type: body.type,
      data: body as unknown as object,
      createdAt: input.at,
      nextAttemptAt: new Date(input.deliverAt.getTime() + holdMs),
      duplicatesLeft: duplicates,
    },
  });
  return body;
}
