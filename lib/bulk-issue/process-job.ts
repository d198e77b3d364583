// Issues the rows of one bulk issuance job, in line order and in small batches: each row ends
// ISSUED, INVALID (the single form's message) or DUPLICATE, and the job's counts are written after
// every batch so the progress page can follow. Safe to run again on a job that stopped midway:
// a row's outcome is written in the transaction that issues it, so no row is issued twice.
import os from "node:os";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { db } from "@/lib/db";
import { describeError, renewJobLease, updateOwnedJob, type ClaimedJob } from "@/lib/bulk-issue/job-lease";
import { now } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import {
  createTemporaryCredentials,
  hasApplicantWithEmail,
  lockApplicantEmail,
  retryOnLoginIdCollision,
  writeIssuedApplicant,
  type TemporaryCredentials,
} from "@/lib/applicants/issue-applicant";
import { validateRow } from "@/lib/bulk-issue/validate-row";
import { DUPLICATE_REASONS, SYSTEM_ERROR_REASON } from "@/lib/bulk-issue/upload-rules";
import type { BulkIssueOutcome } from "@/lib/generated/prisma/enums";

export interface ProcessOptions {
  /** Rows per batch: progress is written after each. */
  batchSize: number;
  /** bcrypt hashes at a time (with a hash pool: its size). */
  concurrency: number;
  /**
   * How a 申請用パスワード is hashed: the worker's pool of low-priority processes
   * (lib/auth/hash-pool); bcrypt in this process when not given (tests, the benchmark's option).
   */
  hashPassword?: (password: string, cost: number) => Promise<string>;
  /**
   * A RUNNING job whose lock is older than this is taken over (its worker died). The worker renews
   * its lease every third of it (a heartbeat, besides after each batch), so a slow batch keeps it.
   */
  staleAfterMs: number;
  /** Asked between batches; true hands the job back to the queue where it stands. */
  shouldStop?: () => boolean;
  /** A row that failed unexpectedly (it is recorded as invalid and the job goes on). */
  onRowError?: (error: unknown) => void;
}

/**
 * Hashing in this process (no pool): bcrypt runs on libuv's threadpool, so it never blocks the
 * event loop, but each hash keeps a core busy at the server's priority. One core and one
 * threadpool thread (fs, dns, other logins' bcrypt) stay free. The worker uses its hash pool instead.
 */
export function defaultHashConcurrency(): number {
  const threadpool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  return Math.max(1, Math.min(os.availableParallelism() - 1, threadpool - 1));
}

export const defaultProcessOptions = (): ProcessOptions => ({
  batchSize: 10,
  concurrency: defaultHashConcurrency(),
  // A killed instance's job is taken over within 30 s; the heartbeat renews every 10 s.
  staleAfterMs: 30_000,
});

/** A batch running longer than this is stuck: the heartbeat stops, so another worker takes over. */
const STUCK_BATCH_MS = 5 * 60_000;

/**
 * The lease while a job runs: every write of it goes through `serial` (each compares locked_at
 * with the value the one before wrote), and a heartbeat renews it every staleAfterMs / 3 while
 * the current batch has not run for more than STUCK_BATCH_MS.
 */
function keepLease(job: ClaimedJob, staleAfterMs: number) {
  let queue: Promise<unknown> = Promise.resolve();
  let lost = false;
  let batchStartedAt = performance.now();
  const serial = <T>(write: () => Promise<T>): Promise<T> => {
    const next = queue.then(write);
    queue = next.catch(() => undefined);
    return next;
  };
  const heartbeat = setInterval(
    () => {
      if (lost || performance.now() - batchStartedAt > STUCK_BATCH_MS) return;
      // A failed renewal (database busy) is tried again at the next beat.
      serial(async () => {
        if (!lost && !(await renewJobLease(job))) lost = true;
      }).catch(() => undefined);
    },
    Math.max(100, Math.floor(staleAfterMs / 3)),
  );
  heartbeat.unref();
  return {
    serial,
    isLost: () => lost,
    batchStarted: () => (batchStartedAt = performance.now()),
    stop: () => clearInterval(heartbeat),
  };
}

interface PendingRow {
  lineNumber: number;
  name: string;
  email: string;
}

interface Decision {
  lineNumber: number;
  outcome: BulkIssueOutcome;
  reason: string;
}

interface Candidate {
  lineNumber: number;
  name: string;
  email: string;
  /** The email as compared: lower-cased. */
  key: string;
}

class RowAlreadyDecidedError extends Error {}

/**
 * Waits for a connection and for the address lock longer than Prisma's defaults (2 s / 5 s): a
 * busy pool must not turn a good row into a failed one.
 */
const ROW_TRANSACTION = { maxWait: 15_000, timeout: 30_000 };

/** Emails of rows already decided (a resumed job): each with the first line that had it. */
async function loadFirstLineByEmail(jobId: string): Promise<Map<string, number>> {
  const decided = await db.bulkIssueRow.findMany({
    where: { jobId, outcome: { in: ["ISSUED", "DUPLICATE"] } },
    orderBy: { lineNumber: "asc" },
    select: { lineNumber: true, name: true, email: true },
  });
  const firstLine = new Map<string, number>();
  for (const row of decided) {
    const check = validateRow(row);
    if (check.ok && !firstLine.has(check.key)) firstLine.set(check.key, row.lineNumber);
  }
  return firstLine;
}

async function findRegisteredEmails(keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.$queryRaw<{ email: string }[]>`
    SELECT DISTINCT lower(email) AS email FROM applicant WHERE lower(email) = ANY(${keys}::text[])`;
  return new Set(rows.map((row) => row.email));
}

/** One statement for the rows decided without issuing; a row another worker decided is left. */
async function recordDecisions(jobId: string, decisions: readonly Decision[]) {
  if (decisions.length === 0) return;
  await db.$executeRaw`
    UPDATE bulk_issue_row AS r
    SET outcome = d.outcome::bulk_issue_outcome, reason = d.reason, processed_at = ${now()}
    FROM unnest(${decisions.map((d) => d.lineNumber)}::int[], ${decisions.map((d) => d.outcome)}::text[],
                ${decisions.map((d) => d.reason)}::text[]) AS d(line_number, outcome, reason)
    WHERE r.job_id = ${jobId}::uuid AND r.line_number = d.line_number AND r.outcome IS NULL`;
}

/**
 * Issues one row: under the address's advisory lock, checks again that no applicant has it (the
 * single form or another job may have issued it since the batch was read), then writes the
 * applicant, its email, the audit entry and the row's outcome together.
 */
async function issueRow(job: ClaimedJob, row: Candidate, credentials: TemporaryCredentials) {
  await retryOnLoginIdCollision(() =>
    db.$transaction(async (tx) => {
      await lockApplicantEmail(tx, row.email);
      const rowWhere = { jobId: job.id, lineNumber: row.lineNumber, outcome: null };
      if (await hasApplicantWithEmail(tx, row.email)) {
        await tx.bulkIssueRow.updateMany({
          where: rowWhere,
          data: { outcome: "DUPLICATE", reason: DUPLICATE_REASONS.registered, processedAt: now() },
        });
        return;
      }
      const issued = await writeIssuedApplicant(
        tx,
        {
          name: row.name,
          email: row.email,
          staffId: job.staffId,
          ip: null,
          auditDetails: { bulkIssueJobId: job.id, lineNumber: row.lineNumber },
        },
        credentials,
      );
      const marked = await tx.bulkIssueRow.updateMany({
        where: rowWhere,
        data: { outcome: "ISSUED", applicantId: issued.id, loginId: issued.loginId, processedAt: now() },
      });
      // Another worker took this row over and decided it: undo this issuance.
      if (marked.count !== 1) throw new RowAlreadyDecidedError();
    }, ROW_TRANSACTION),
  );
}

/**
 * Credentials for a job's rows, hashed ahead: after taking its own, each batch starts
 * `concurrency` more, so the hashing keeps every core busy while the batch's last rows are written
 * and the next batch is read. Nothing is hashed before a row needs it (a file uploaded again costs
 * no bcrypt time); when the job ends, at most `concurrency` unused ones are dropped (never stored).
 */
function createCredentialSupply(options: ProcessOptions) {
  const limitHashing = createLimiter(options.concurrency);
  const cost = getEnv().BCRYPT_COST;
  const ahead: Promise<TemporaryCredentials>[] = [];
  const start = () => {
    const credentials = limitHashing(() => createTemporaryCredentials(cost, options.hashPassword));
    // A dropped one that failed is no one's error; a taken one's failure reaches its row.
    credentials.catch(() => undefined);
    return credentials;
  };
  return {
    take: () => ahead.shift() ?? start(),
    hashAhead: () => {
      while (ahead.length < options.concurrency) ahead.push(start());
    },
  };
}

type CredentialSupply = ReturnType<typeof createCredentialSupply>;

/** At most `limit` calls of `task` running at once. */
function createLimiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

async function processBatch(
  job: ClaimedJob,
  rows: readonly PendingRow[],
  firstLineByEmail: Map<string, number>,
  supply: CredentialSupply,
  options: ProcessOptions,
) {
  const decisions: Decision[] = [];
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const check = validateRow(row);
    if (!check.ok) {
      decisions.push({ lineNumber: row.lineNumber, outcome: "INVALID", reason: check.reason });
      continue;
    }
    const { name, email, key } = check;
    const firstLine = firstLineByEmail.get(key);
    if (firstLine !== undefined) {
      decisions.push({
        lineNumber: row.lineNumber,
        outcome: "DUPLICATE",
        reason: DUPLICATE_REASONS.sameFile(firstLine),
      });
      continue;
    }
    firstLineByEmail.set(key, row.lineNumber);
    candidates.push({ lineNumber: row.lineNumber, name, email, key });
  }
  // Checked before hashing, so a file uploaded again costs no bcrypt time at all.
  const registered = await findRegisteredEmails(candidates.map((candidate) => candidate.key));
  const toIssue = candidates.filter((candidate) => {
    if (!registered.has(candidate.key)) return true;
    decisions.push({
      lineNumber: candidate.lineNumber,
      outcome: "DUPLICATE",
      reason: DUPLICATE_REASONS.registered,
    });
    return false;
  });
  await recordDecisions(job.id, decisions);

  // Only the hashing is limited: a row's transaction runs while the next row hashes. Hashes are
  // asked for in line order and done first come, first served, so rows are written in about that
  // order; the counts and the resume point move only once every row of the batch is decided.
  const work = toIssue.map((row) => ({ row, credentials: supply.take() }));
  if (work.length > 0) supply.hashAhead();
  // Settled, not all: a row still writing when another fails must end before the job is closed.
  const settled = await Promise.allSettled(
    work.map(async ({ row, credentials }) => {
      try {
        await issueRow(job, row, await credentials);
      } catch (error) {
        if (error instanceof RowAlreadyDecidedError) return;
        // If even this write fails, the job ends FAILED, or, with the database gone, is taken
        // over once its lease is stale.
        await recordDecisions(job.id, [
          { lineNumber: row.lineNumber, outcome: "INVALID", reason: SYSTEM_ERROR_REASON },
        ]);
        options.onRowError?.(error);
      }
    }),
  );
  const failed = settled.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}

export type ProcessResult = "done" | "stopped" | "lost";

/**
 * Processes a claimed job to the end. "stopped": shouldStop() said so and the job is QUEUED
 * again; "lost": another worker took it over. An unexpected error marks it FAILED and is rethrown.
 */
export async function processBulkIssueJob(job: ClaimedJob, options: ProcessOptions): Promise<ProcessResult> {
  const lease = keepLease(job, options.staleAfterMs);
  const update = (end?: Parameters<typeof updateOwnedJob>[1]) => lease.serial(() => updateOwnedJob(job, end));
  try {
    const firstLineByEmail = await loadFirstLineByEmail(job.id);
    const supply = createCredentialSupply(options);
    let afterLine = 0;
    for (;;) {
      if (options.shouldStop?.()) return (await update({ status: "QUEUED" })) ? "stopped" : "lost";
      const rows = await db.bulkIssueRow.findMany({
        where: { jobId: job.id, outcome: null, lineNumber: { gt: afterLine } },
        orderBy: { lineNumber: "asc" },
        take: options.batchSize,
        select: { lineNumber: true, name: true, email: true },
      });
      if (rows.length === 0) return (await update({ status: "DONE" })) ? "done" : "lost";
      lease.batchStarted();
      await processBatch(job, rows, firstLineByEmail, supply, options);
      afterLine = rows[rows.length - 1]?.lineNumber ?? afterLine;
      if (lease.isLost() || !(await update())) return "lost";
      // Let waiting requests run before the next batch.
      await yieldToEventLoop();
    }
  } catch (error) {
    await update({ status: "FAILED", lastError: describeError(error) }).catch(() => false);
    throw error;
  } finally {
    lease.stop();
  }
}
