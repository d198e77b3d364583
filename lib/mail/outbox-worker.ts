// Delivers the outbox, at least once: claims due rows (SKIP LOCKED, so several workers never take
// the same row) with a lease (locked_at), then for each row, just before its send, renews the lease
// only if it still holds the value we claimed with (another worker may have taken the row since)
// and sends it with a Message-ID made from the row id, then records the outcome. A worker that dies
// mid-batch leaves its rows SENDING; once their lease (OUTBOX_LEASE_MS, well above a send's limit,
// SEND_TIMEOUT_MS) is over, any worker claims them again. Only the one email in flight at the crash
// (SMTP may have accepted it before SENT was written) can leave twice, with the same Message-ID,
// which receivers de-duplicate.
import type { DbClient } from "@/lib/db";
import { renderTemplateIn, splitEmailPayload } from "@/emails/registry";
import { nextEmailState } from "@/lib/mail/backoff";
import { openSecret } from "@/lib/mail/secret-box";
import type { MailTransport } from "@/lib/mail/transport";
import { isTestMode } from "@/lib/env";
import { startPollingLoop } from "@/lib/workers/polling-loop";
import { log } from "@/lib/log";

type Client = Pick<DbClient, "$queryRaw" | "emailOutbox">;

interface ClaimedRow {
  id: string;
  template: string;
  to_address: string;
  payload: Record<string, unknown>;
  secret_payload: string | null;
  attempts: number;
  /** The lease we claimed the row with. */
  locked_at: Date;
}

/** A SENDING row whose lease is older than this is claimed again (docs/configuration.md). */
export const DEFAULT_OUTBOX_LEASE_MS = 60_000;

export interface WorkerOptions {
  transport: MailTransport;
  mailFrom: string;
  authSecret: string;
  now: () => Date;
  batchSize?: number;
  /** OUTBOX_LEASE_MS: how long a claimed row stays its worker's. */
  leaseMs?: number;
  /** A sent email whose SENT state could not be written (it stays SENDING and, once its lease is
   * over, is sent again with the same Message-ID). */
  onRecordError?: (id: string, error: unknown) => void;
}

/**
 * Claims due rows and SENDING rows whose lease is over (their worker died), oldest first. The
 * attempt is counted when a row is taken for its send (takeForSend), not here.
 */
export async function claimDueEmails(
  client: Client,
  at: Date,
  limit: number,
  leaseMs = DEFAULT_OUTBOX_LEASE_MS,
): Promise<ClaimedRow[]> {
  const leaseOverBefore = new Date(at.getTime() - leaseMs);
  return client.$queryRaw<ClaimedRow[]>`
    WITH claimed AS (
      UPDATE email_outbox SET status = 'SENDING', locked_at = ${at}
      WHERE id IN (
        SELECT id FROM email_outbox
        WHERE (status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= ${at})
          OR (status = 'SENDING' AND locked_at < ${leaseOverBefore})
        ORDER BY next_attempt_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id, template, to_address, payload, secret_payload, attempts, locked_at, next_attempt_at)
    SELECT id, template, to_address, payload, secret_payload, attempts, locked_at
    FROM claimed ORDER BY next_attempt_at, id`;
}

/**
 * Right before a row's send: renews its lease and counts the attempt, only if the lease is still
 * the one we hold. Null when another worker claimed the row since (our batch was slow): skip it.
 */
export async function takeForSend(
  client: Client,
  row: Pick<ClaimedRow, "id" | "locked_at">,
  at: Date,
): Promise<{ attempts: number; locked_at: Date } | null> {
  const taken = await client.$queryRaw<{ attempts: number; locked_at: Date }[]>`
    UPDATE email_outbox SET locked_at = ${at}, attempts = attempts + 1
    WHERE id = ${row.id}::uuid AND status = 'SENDING' AND locked_at = ${row.locked_at}
    RETURNING attempts, locked_at`;
  return taken[0] ?? null;
}

/** The Message-ID of an outbox row: the same for every attempt, so a resend is the same message. */
export function outboxMessageId(outboxId: string, mailFrom: string): string {
  const domain = /@([^\s<>@]+)>?\s*$/.exec(mailFrom)?.[1] ?? "localhost";
  return `<${outboxId}@${domain}>`;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

/** Sends what is due now; returns how many rows were sent and how many failed this round. */
export async function deliverDueEmails(client: Client, options: WorkerOptions) {
  const rows = await claimDueEmails(client, options.now(), options.batchSize ?? 20, options.leaseMs);
  let sent = 0;
  let failed = 0;
  let skipped = 0;
  for (const claimed of rows) {
    const taken = await takeForSend(client, claimed, options.now());
    if (!taken) {
      skipped += 1;
      continue;
    }
    const row = { ...claimed, ...taken };
    // Our writes below change the row only while it is still ours.
    const ours = { id: row.id, status: "SENDING" as const, lockedAt: row.locked_at };
    let rendered;
    try {
      const secret = row.secret_payload ? openSecret(row.secret_payload, options.authSecret) : {};
      // In the language chosen when it was queued (issue 15): that language, then the Japanese.
      const { data, locale } = splitEmailPayload(row.payload);
      rendered = await renderTemplateIn(row.template, { ...(data as object), ...(secret as object) }, locale);
    } catch (error) {
      // Bad data cannot become good by waiting: fail it at once for staff to look at.
      await client.emailOutbox.updateMany({
        where: ours,
        data: { status: "FAILED", lastError: `render: ${errorText(error)}`, secretPayload: null },
      });
      failed += 1;
      continue;
    }
    const messageId = outboxMessageId(row.id, options.mailFrom);
    // Test mode (issue 10): the recipient's namespace, its SMTP fault (thrown here, so it takes
    // the same retry path as a real SMTP error) and, once sent, a copy for /__test__/mail/.
    const testKit = isTestMode() ? await import("@/lib/test-kit/mail-capture") : null;
    let testNamespace: string | null = null;
    const email = { from: options.mailFrom, to: row.to_address, ...rendered, messageId };
    try {
      if (testKit) testNamespace = await testKit.beforeTestSend(row.to_address);
      await options.transport.send(email);
    } catch (error) {
      const next = nextEmailState(row.attempts, options.now());
      await client.emailOutbox.updateMany({
        where: ours,
        data:
          next.status === "FAILED"
            ? { status: "FAILED", lastError: errorText(error), secretPayload: null }
            : { status: "RETRYING", nextAttemptAt: next.nextAttemptAt, lastError: errorText(error) },
      });
      failed += 1;
      continue;
    }
    // The email has left. If recording that fails, the row stays SENDING and is sent again (same
    // Message-ID) once its lease is over: at least once, never lost.
    try {
      await client.emailOutbox.update({
        where: { id: row.id },
        data: {
          status: "SENT",
          sentAt: options.now(),
          messageId: messageId.slice(0, 255),
          secretPayload: null,
          lastError: null,
        },
      });
    } catch (error) {
      options.onRecordError?.(row.id, error);
    }
    if (testKit) {
      await testKit
        .captureSentEmail({
          ns: testNamespace,
          outboxId: row.id,
          template: row.template,
          messageId,
          from: email.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          html: email.html,
        })
        .catch((error: unknown) => log.error("test mail capture failed", { error: errorText(error) }));
    }
    sent += 1;
  }
  return { claimed: rows.length, sent, failed, skipped };
}

/** Polls the outbox until stopped; one round at a time, never overlapping. */
export function startOutboxWorker(
  client: Client,
  options: WorkerOptions & { intervalMs: number; onError?: (error: unknown) => void },
): { stop(): Promise<void> } {
  return startPollingLoop({
    intervalMs: options.intervalMs,
    batchSize: options.batchSize ?? 20,
    runBatch: () => deliverDueEmails(client, options),
    onError: options.onError,
    onStop: () => options.transport.close(),
  });
}
