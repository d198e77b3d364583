// The lease on a bulk issuance job: claiming it (SKIP LOCKED, or taking over one whose worker
// stopped renewing its lock), renewing it with the counts after each batch (and alone, as a
// heartbeat, while a batch runs), and closing it. Every
// write checks that locked_at still holds our value, so a worker that lost the job touches nothing.
import { Prisma } from "@/lib/generated/prisma/client";
import type { BulkIssueOutcome } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";

export interface ClaimedJob {
  id: string;
  staffId: string;
  /** The lease: the job is ours while locked_at still holds this value. */
  lockedAt: Date;
}

/**
 * Takes the oldest QUEUED job, or a RUNNING one whose worker stopped renewing its lock (only
 * `onlyJobId` when given: tests and the benchmark).
 */
export async function claimBulkIssueJob(
  staleAfterMs: number,
  onlyJobId?: string,
): Promise<ClaimedJob | null> {
  const at = now();
  const staleBefore = new Date(at.getTime() - staleAfterMs);
  const rows = await db.$queryRaw<ClaimedJob[]>`
    UPDATE bulk_issue_job SET status = 'RUNNING', locked_at = ${at}, started_at = COALESCE(started_at, ${at})
    WHERE id = (
      SELECT id FROM bulk_issue_job
      WHERE (status = 'QUEUED' OR (status = 'RUNNING' AND (locked_at IS NULL OR locked_at < ${staleBefore})))
        ${onlyJobId ? Prisma.sql`AND id = ${onlyJobId}::uuid` : Prisma.empty}
      ORDER BY created_at
      LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, staff_id AS "staffId", locked_at AS "lockedAt"`;
  return rows[0] ?? null;
}

async function countOutcomes(jobId: string) {
  const groups = await db.bulkIssueRow.groupBy({ by: ["outcome"], where: { jobId }, _count: { _all: true } });
  const countOf = (outcome: BulkIssueOutcome) =>
    groups.find((group) => group.outcome === outcome)?._count._all ?? 0;
  const issuedCount = countOf("ISSUED");
  const invalidCount = countOf("INVALID");
  const duplicateCount = countOf("DUPLICATE");
  return {
    issuedCount,
    invalidCount,
    duplicateCount,
    processedRows: issuedCount + invalidCount + duplicateCount,
  };
}

/**
 * Writes the counts (from the rows themselves, so they are right after a takeover) and renews the
 * lease, or with `end` closes the job. False when the job is no longer ours.
 */
export async function updateOwnedJob(
  job: ClaimedJob,
  end?: { status: "DONE" | "FAILED" | "QUEUED"; lastError?: string },
): Promise<boolean> {
  const at = now();
  const updated = await db.bulkIssueJob.updateMany({
    where: { id: job.id, status: "RUNNING", lockedAt: job.lockedAt },
    data: {
      ...(await countOutcomes(job.id)),
      ...(end
        ? {
            status: end.status,
            lockedAt: null,
            lastError: end.lastError ?? null,
            finishedAt: end.status === "QUEUED" ? null : at,
          }
        : { lockedAt: at }),
    },
  });
  if (updated.count === 1 && !end) job.lockedAt = at;
  return updated.count === 1;
}

/**
 * Renews the lease only (no counts): the heartbeat that keeps a job ours while a batch runs. False
 * when the job is no longer ours.
 */
export async function renewJobLease(job: ClaimedJob): Promise<boolean> {
  const at = now();
  const updated = await db.bulkIssueJob.updateMany({
    where: { id: job.id, status: "RUNNING", lockedAt: job.lockedAt },
    data: { lockedAt: at },
  });
  if (updated.count === 1) job.lockedAt = at;
  return updated.count === 1;
}

/** For last_error and logs: the message, with anything shaped like a bcrypt hash removed. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g, "[redacted]").slice(0, 1000);
}
