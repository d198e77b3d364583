// Reads bulk issuance jobs for the staff pages and route handlers.
import "server-only";
import { db } from "@/lib/db";
import type { BulkIssueStatus } from "@/lib/generated/prisma/enums";
import { isBulkIssueRunning } from "@/lib/bulk-issue/upload-rules";
import { BULK_ISSUE_STATUS_LABELS } from "@/lib/labels";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the progress bar shows; also the JSON of the status route. */
export interface BulkIssueProgress {
  status: BulkIssueStatus;
  statusLabel: string;
  isRunning: boolean;
  totalRows: number;
  processedRows: number;
  issuedCount: number;
  invalidCount: number;
  duplicateCount: number;
}

const progressSelect = {
  status: true,
  totalRows: true,
  processedRows: true,
  issuedCount: true,
  invalidCount: true,
  duplicateCount: true,
} as const;

export function toBulkIssueProgress(
  job: Omit<BulkIssueProgress, "statusLabel" | "isRunning">,
): BulkIssueProgress {
  return {
    status: job.status,
    statusLabel: BULK_ISSUE_STATUS_LABELS[job.status],
    isRunning: isBulkIssueRunning(job.status),
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    issuedCount: job.issuedCount,
    invalidCount: job.invalidCount,
    duplicateCount: job.duplicateCount,
  };
}

export async function findBulkIssueProgress(jobId: string): Promise<BulkIssueProgress | null> {
  if (!UUID.test(jobId)) return null;
  const job = await db.bulkIssueJob.findUnique({ where: { id: jobId }, select: progressSelect });
  return job ? toBulkIssueProgress(job) : null;
}

export async function findBulkIssueJob(jobId: string) {
  if (!UUID.test(jobId)) return null;
  return db.bulkIssueJob.findUnique({
    where: { id: jobId },
    select: {
      ...progressSelect,
      id: true,
      fileName: true,
      encoding: true,
      createdAt: true,
      finishedAt: true,
      staff: { select: { name: true } },
    },
  });
}

export async function listRecentBulkIssueJobs(take = 20) {
  return db.bulkIssueJob.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      ...progressSelect,
      id: true,
      fileName: true,
      createdAt: true,
      staff: { select: { name: true } },
    },
  });
}

/** The first rows that were not issued (invalid or duplicate), in line order. */
export async function listUnissuedRows(jobId: string, take = 100) {
  return db.bulkIssueRow.findMany({
    where: { jobId, outcome: { in: ["INVALID", "DUPLICATE"] } },
    orderBy: { lineNumber: "asc" },
    take,
    select: { lineNumber: true, name: true, email: true, outcome: true, reason: true },
  });
}

/** One page of the result CSV, after `afterLine` (keyset on the primary key). */
export async function readResultRows(jobId: string, afterLine: number, take: number) {
  return db.bulkIssueRow.findMany({
    where: { jobId, lineNumber: { gt: afterLine } },
    orderBy: { lineNumber: "asc" },
    take,
    select: { lineNumber: true, name: true, email: true, outcome: true, reason: true, loginId: true },
  });
}
