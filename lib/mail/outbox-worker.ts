// Delivers the outbox: claims due rows (SKIP LOCKED, so several workers never take the same row),
// renders each template once, sends it, and records the outcome. A row is sent at most once:
// one that was handed to SMTP but not marked (a crash in between) stays SENDING for staff to see.
import type { DbClient } from "@/lib/db";
import { renderTemplate } from "@/emails/registry";
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
}

export interface WorkerOptions {
  transport: MailTransport;
  mailFrom: string;
  authSecret: string;
  now: () => Date;
  batchSize?: number;
  /** A sent email whose SENT state could not be written (it stays SENDING). */
  onRecordError?: (id: string, error: unknown) => void;
}

export async function claimDueEmails(client: Client, at: Date, limit: number): Promise<ClaimedRow[]> {
  return client.$queryRaw<ClaimedRow[]>`
    UPDATE email_outbox SET status = 'SENDING', locked_at = ${at}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM email_outbox
      WHERE status IN ('QUEUED', 'RETRYING') AND next_attempt_at <= ${at}
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, template, to_address, payload, secret_payload, attempts`;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 1000);
}

/** Sends what is due now; returns how many rows were sent and how many failed this round. */
export async function deliverDueEmails(client: Client, options: WorkerOptions) {
  const rows = await claimDueEmails(client, options.now(), options.batchSize ?? 20);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    let rendered;
    try {
      const secret = row.secret_payload ? openSecret(row.secret_payload, options.authSecret) : {};
      rendered = renderTemplate(row.template, { ...row.payload, ...(secret as object) });
    } catch (error) {
      // Bad data cannot become good by waiting: fail it at once for staff to look at.
      await client.emailOutbox.update({
        where: { id: row.id },
        data: { status: "FAILED", lastError: `render: ${errorText(error)}`, secretPayload: null },
      });
      failed += 1;
      continue;
    }
    let messageId: string;
    // Test mode (issue 10): the recipient's namespace, its SMTP fault (thrown here, so it takes
    // the same retry path as a real SMTP error) and, once sent, a copy for /__test__/mail/.
    const testKit = isTestMode() ? await import("@/lib/test-kit/mail-capture") : null;
    let testNamespace: string | null = null;
    const email = { from: options.mailFrom, to: row.to_address, ...rendered };
    try {
      if (testKit) testNamespace = await testKit.beforeTestSend(row.to_address);
      ({ messageId } = await options.transport.send(email));
    } catch (error) {
      const next = nextEmailState(row.attempts, options.now());
      await client.emailOutbox.update({
        where: { id: row.id },
        data:
          next.status === "FAILED"
            ? { status: "FAILED", lastError: errorText(error), secretPayload: null }
            : { status: "RETRYING", nextAttemptAt: next.nextAttemptAt, lastError: errorText(error) },
      });
      failed += 1;
      continue;
    }
    // The email has left. If recording that fails, the row stays SENDING (never sent again)
    // rather than being retried.
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
  return { claimed: rows.length, sent, failed };
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
