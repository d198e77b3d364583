// Delivers the sandbox's events to the merchant's webhook endpoint over real HTTP (issue 12), as a
// provider does: signed, retried with backoff on any non-2xx answer or network error, abandoned
// after the last attempt (the merchant's reconciliation must then find the payment). Rows are
// claimed atomically (FOR UPDATE SKIP LOCKED, with a lease), so two server instances never deliver
// the same attempt. Chaos (see events.ts) duplicates some deliveries and holds some back; the test
// kit's `payments.webhooks: "drop"` fault abandons an event without delivering it.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { retryDelayMs } from "@/lib/mail/backoff";
import { sandboxWebhookSecret, sandboxWebhookUrl } from "@/lib/payments/sandbox/config";
import { signatureHeader, SIGNATURE_HEADER } from "@/lib/payments/sandbox/signing";
import { webhookFaultOf } from "@/lib/payments/sandbox/events";
import { expireDueSandboxPayments, inNamespace } from "@/lib/payments/sandbox/store";
import { startPollingLoop } from "@/lib/workers/polling-loop";
import { log } from "@/lib/log";

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_RETRY_BASE_MS = 2000;
export const DEFAULT_RETRY_CAP_MS = 10 * 60 * 1000;
/** How long a claimed row is left alone before another round may take it (a crashed worker). */
export const CLAIM_LEASE_MS = 60_000;
/** Delay of a chaos duplicate after the first delivery. */
export const DUPLICATE_DELAY_MS = 300;
/** Between the server's rounds: webhooks arrive within about a second, as a provider's do. */
export const WORKER_INTERVAL_MS = 1000;

export interface SandboxWebhookWorkerOptions {
  url: string;
  secret: string;
  /** The worker's clock (claims and retries; the signature uses the payment's namespace clock). */
  now: () => Date;
  batchSize?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  timeoutMs?: number;
  random?: () => number;
  /** Only the events of payments made in this test namespace (suites sharing one database). */
  testNamespace?: string;
}

interface ClaimedEvent {
  id: string;
  payment_id: string;
  data: unknown;
  attempts: number;
  delivered_at: Date | null;
  duplicates_left: number;
  test_namespace: string | null;
}

export async function claimDueSandboxEvents(
  at: Date,
  limit: number,
  testNamespace?: string,
): Promise<ClaimedEvent[]> {
  const leaseUntil = new Date(at.getTime() + CLAIM_LEASE_MS);
  const scope = testNamespace ?? null;
  return db.$queryRaw<ClaimedEvent[]>`
    WITH claimed AS (
      UPDATE sandbox_event SET attempts = attempts + 1, next_attempt_at = ${leaseUntil}
      WHERE id IN (
        SELECT id FROM sandbox_event
        WHERE abandoned_at IS NULL AND (delivered_at IS NULL OR duplicates_left > 0)
          AND next_attempt_at <= ${at}
          AND (${scope}::text IS NULL OR payment_id IN (
            SELECT id FROM sandbox_payment WHERE test_namespace = ${scope}::text))
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, payment_id, data, attempts, delivered_at, duplicates_left, created_at)
    SELECT claimed.*, sandbox_payment.test_namespace
    FROM claimed JOIN sandbox_payment ON sandbox_payment.id = claimed.payment_id
    ORDER BY claimed.created_at`;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** One POST; resolves to null on a 2xx answer, else what went wrong. */
async function post(event: ClaimedEvent, options: SandboxWebhookWorkerOptions): Promise<string | null> {
  const body = JSON.stringify(event.data);
  // Signed on the clock the merchant checks it with: the namespace's clock in test mode.
  const signedAt = await inNamespace(event.test_namespace, async () => now());
  const headers: Record<string, string> = {
    "Content-Type": "application/json; charset=utf-8",
    "User-Agent": "CCUS-Payment-Sandbox/1.0",
    [SIGNATURE_HEADER]: signatureHeader(options.secret, body, signedAt),
  };
  if (event.test_namespace !== null) headers["X-Test-Namespace"] = event.test_namespace;
  try {
    const response = await fetch(options.url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    // The answer's body is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    return response.status >= 200 && response.status < 300 ? null : `HTTP ${response.status}`;
  } catch (error) {
    return errorText(error);
  }
}

export interface DeliveryRound {
  claimed: number;
  delivered: number;
  failed: number;
  abandoned: number;
}

/** Delivers what is due now. */
export async function deliverDueSandboxEvents(options: SandboxWebhookWorkerOptions): Promise<DeliveryRound> {
  const events = await claimDueSandboxEvents(options.now(), options.batchSize ?? 20, options.testNamespace);
  const round: DeliveryRound = { claimed: events.length, delivered: 0, failed: 0, abandoned: 0 };
  for (const event of events) {
    const isDuplicate = event.delivered_at !== null;
    if (!isDuplicate && (await webhookFaultOf(event.test_namespace)) === "drop") {
      await db.sandboxEvent.update({
        where: { id: event.id },
        data: { abandonedAt: options.now(), lastError: "dropped (test fault payments.webhooks: drop)" },
      });
      round.abandoned += 1;
      continue;
    }
    const problem = await post(event, options);
    const at = options.now();
    if (isDuplicate) {
      // A duplicate is sent once, whatever the answer.
      await db.sandboxEvent.update({
        where: { id: event.id },
        data: { duplicatesLeft: { decrement: 1 }, nextAttemptAt: at },
      });
      if (problem === null) round.delivered += 1;
      else round.failed += 1;
      continue;
    }
    if (problem === null) {
      await db.sandboxEvent.update({
        where: { id: event.id },
        data: {
          deliveredAt: at,
          lastError: null,
          nextAttemptAt: new Date(at.getTime() + DUPLICATE_DELAY_MS),
        },
      });
      round.delivered += 1;
      continue;
    }
    if (event.attempts >= (options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS)) {
      await db.sandboxEvent.update({
        where: { id: event.id },
        data: { abandonedAt: at, lastError: problem },
      });
      round.abandoned += 1;
      continue;
    }
    const delay = retryDelayMs(event.attempts, {
      baseMs: options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
      capMs: options.retryCapMs ?? DEFAULT_RETRY_CAP_MS,
      random: options.random,
    });
    await db.sandboxEvent.update({
      where: { id: event.id },
      data: { nextAttemptAt: new Date(at.getTime() + delay), lastError: problem },
    });
    round.failed += 1;
  }
  return round;
}

/** Polls until stopped: delivers due events and expires due konbini codes; rounds never overlap. */
export function startSandboxWebhookWorker(
  options: SandboxWebhookWorkerOptions & { intervalMs: number; onError?: (error: unknown) => void },
): { stop(): Promise<void> } {
  return startPollingLoop({
    intervalMs: options.intervalMs,
    batchSize: options.batchSize ?? 20,
    beforeBatches: async () => {
      await expireDueSandboxPayments();
    },
    runBatch: () => deliverDueSandboxEvents(options),
    onError: options.onError,
  });
}

/** The worker with this server's settings (lib/instrumentation-node.ts, when the sandbox is the provider). */
export function startConfiguredSandboxWebhookWorker(): { stop(): Promise<void> } {
  return startSandboxWebhookWorker({
    url: sandboxWebhookUrl(),
    secret: sandboxWebhookSecret(),
    now,
    intervalMs: WORKER_INTERVAL_MS,
    random: Math.random,
    onError: (error) =>
      log.error("payment sandbox webhook worker: round failed", {
        worker: "payment-sandbox-webhooks",
        error: errorText(error),
      }),
  });
}
