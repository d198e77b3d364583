// What every fault of the faults benchmark shares: the outcome of one run, the database and SMTP
// sink look-ups that count what was lost or duplicated, and waiting.
import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { Cluster } from "../../cluster/cluster";
import type { KitClient } from "./faults-http";

// files (disk full only): lost = a current file the portal cannot serve; duplicated = half-saved (a row or
// object written by the refused upload).
export const KINDS = ["applications", "emails", "ids", "decisions", "files"] as const;
export type Kind = (typeof KINDS)[number];

/** One run of one fault. `lost`/`duplicated` count only the kinds the fault can touch. */
export interface RunOutcome {
  lost: Partial<Record<Kind, number>>;
  duplicated: Partial<Record<Kind, number>>;
  /** From the fault to the portal doing what was asked again (ms); null when it never did. */
  recoverMs: number | null;
  /** Emails a killed worker claimed and left SENDING (never sent, never retried: staff see them). */
  stuckEmails?: number;
  /**
   * Deliveries of a message the sink already had (the same Message-ID): the outbox re-sends the
   * one email a killed worker had handed to SMTP but not yet marked SENT. Receivers drop such a
   * copy by its Message-ID, so it is counted apart from a duplicate (a second, different message).
   */
  resentEmails?: number;
  /** Short facts of this run for the table's last column (e.g. "mid-tx", "502×1"). */
  notes?: string[];
}

export interface FaultContext {
  cluster: Cluster;
  kit: KitClient;
  db: pg.Pool;
  /** Unique per benchmark invocation, for namespaces. */
  runId: string;
  log: (line: string) => void;
}

export const SUBJECTS = {
  received: "技能者情報登録申請受付のお知らせ",
  completed: "技能者情報登録完了のお知らせ",
  idIssued: "技能者新規登録申請用ログインID・パスワードのお知らせ",
} as const;

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export async function queryCount(db: pg.Pool, sql: string, params: unknown[]): Promise<number> {
  const result = await db.query<{ n: string }>(sql, params);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Messages the SMTP sink received whose subject contains `subject`, by recipient: every delivery,
 * and the distinct Message-IDs among them.
 */
export async function sinkCounts(
  cluster: Cluster,
  subject: string,
): Promise<Map<string, { deliveries: number; messageIds: Set<string> }>> {
  if (!cluster.smtp) throw new Error("the cluster has no SMTP sink");
  const response = await fetch(`${cluster.smtp.httpUrl}/messages`);
  if (!response.ok) throw new Error(`sink answered ${response.status}`);
  const messages = (await response.json()) as {
    subject: string;
    to: string[];
    messageId: string;
    id: number;
  }[];
  const counts = new Map<string, { deliveries: number; messageIds: Set<string> }>();
  for (const message of messages) {
    if (!message.subject.includes(subject)) continue;
    for (const to of message.to) {
      const count = counts.get(to) ?? { deliveries: 0, messageIds: new Set<string>() };
      count.deliveries += 1;
      // A message without a Message-ID counts as a message of its own.
      count.messageIds.add(message.messageId || `sink-${message.id}`);
      counts.set(to, count);
    }
  }
  return counts;
}

/** Outbox rows of `template` to any of `addresses`, by status. */
export async function outboxStates(db: pg.Pool, template: string, addresses: string[]) {
  const result = await db.query<{ status: string; n: string }>(
    // SENDING for more than 15 s: claimed by a worker that is gone (a send takes milliseconds).
    `SELECT CASE WHEN status = 'SENDING' AND locked_at < now() - interval '15 seconds' THEN 'STUCK'
            ELSE status::text END AS status, count(*) AS n
     FROM email_outbox WHERE template = $1 AND to_address = ANY($2) GROUP BY 1`,
    [template, addresses],
  );
  const states: Record<string, number> = {};
  for (const row of result.rows) states[row.status] = Number(row.n);
  return states;
}

export interface EmailCount {
  lost: number;
  /** Second, different messages (another Message-ID) to one address. */
  duplicated: number;
  /** The same message (Message-ID) delivered again: see RunOutcome.resentEmails. */
  resent: number;
  /** Rows left SENDING by a killed worker: never sent, never retried (staff see them). */
  stuck: number;
  failed: number;
}

/**
 * Counts one kind of email to each address once the outbox has settled (nothing queued, retrying
 * or sending, or `timeoutMs` passed): lost when nothing reached the sink for an address,
 * duplicated beyond one each.
 */
export async function settleEmails(
  context: FaultContext,
  template: string,
  subject: string,
  addresses: string[],
  timeoutMs = 60_000,
): Promise<EmailCount> {
  const deadline = Date.now() + timeoutMs;
  let states: Record<string, number> = {};
  for (;;) {
    states = await outboxStates(context.db, template, addresses);
    // STUCK too: a killed worker's rows are claimed again once their lease (OUTBOX_LEASE_MS) is over.
    const pending =
      (states.QUEUED ?? 0) + (states.RETRYING ?? 0) + (states.SENDING ?? 0) + (states.STUCK ?? 0);
    if (pending === 0 || Date.now() > deadline) break;
    await sleep(250);
  }
  // A delivery on its way is in the sink a moment after the row says SENT.
  await sleep(300);
  const received = await sinkCounts(context.cluster, subject);
  let lost = 0;
  let duplicated = 0;
  let resent = 0;
  for (const address of addresses) {
    const count = received.get(address.toLowerCase());
    if (!count) {
      lost += 1;
      continue;
    }
    duplicated += count.messageIds.size - 1;
    resent += count.deliveries - count.messageIds.size;
  }
  return { lost, duplicated, resent, stuck: states.STUCK ?? 0, failed: states.FAILED ?? 0 };
}

/** The instance's readiness (its own port, not the balancer). */
export async function isReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(new URL("/api/ready", url), { signal: AbortSignal.timeout(2_000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

export const elapsedSince = (start: number) => Math.round(performance.now() - start);
