// Stores an uploaded bulk issuance file as a QUEUED job with all its rows, in one transaction with
// its audit entry; the worker (lib/bulk-issue/worker.ts) issues the rows in the background.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CsvDataRow, CsvEncoding } from "@/lib/bulk-issue/read-csv";
import { normalizeEmail, normalizeName, validateRow } from "@/lib/bulk-issue/validate-row";

/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters (7 per row). */
const INSERT_CHUNK = 1_000;
/** bulk_issue_row column sizes. */
const NAME_COLUMN_LENGTH = 200;
const EMAIL_COLUMN_LENGTH = 320;
const FILE_NAME_LENGTH = 255;

export interface CreateBulkIssueJobInput {
  staffId: string;
  fileName: string;
  bytes: Uint8Array;
  encoding: CsvEncoding;
  rows: readonly CsvDataRow[];
  ip: string | null;
}

interface StoredCell {
  value: string;
  /** False when even the normalised value is longer than the column (and so past the form's limit). */
  isWhole: boolean;
}

/**
 * A cell as stored: as uploaded when it fits the column, else as the form would normalise it
 * (validating that gives the same answer), else cut to the column.
 */
function storedCell(value: string, length: number, normalize: (value: string) => string): StoredCell {
  if (value.length <= length) return { value, isWhole: true };
  const normalized = normalize(value);
  if (normalized.length <= length) return { value: normalized, isWhole: true };
  return { value: Array.from(normalized).slice(0, length).join(""), isWhole: false };
}

/**
 * The row to insert. A row with a cell cut to its column is decided here, with the form's
 * messages for the whole values: the worker would only see the cut ones.
 */
function rowToStore(jobId: string, row: CsvDataRow, at: Date) {
  const name = storedCell(row.name, NAME_COLUMN_LENGTH, normalizeName);
  const email = storedCell(row.email, EMAIL_COLUMN_LENGTH, normalizeEmail);
  const stored = { jobId, lineNumber: row.lineNumber, name: name.value, email: email.value };
  if (name.isWhole && email.isWhole) return stored;
  const check = validateRow(row);
  return check.ok
    ? stored
    : { ...stored, outcome: "INVALID" as const, reason: check.reason, processedAt: at };
}

/** The name as shown in lists: no folder, no control characters, at most 255 characters. */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return Array.from(base || "upload.csv")
    .slice(0, FILE_NAME_LENGTH)
    .join("");
}

export async function createBulkIssueJob(input: CreateBulkIssueJobInput): Promise<{ id: string }> {
  const at = now();
  const fileSha256 = createHash("sha256").update(input.bytes).digest("hex");
  const fileName = cleanFileName(input.fileName);
  return db.$transaction(
    async (tx) => {
      const job = await tx.bulkIssueJob.create({
        data: {
          staffId: input.staffId,
          fileName,
          fileSha256,
          encoding: input.encoding,
          status: "QUEUED",
          totalRows: input.rows.length,
          createdAt: at,
        },
        select: { id: true },
      });
      for (let start = 0; start < input.rows.length; start += INSERT_CHUNK) {
        await tx.bulkIssueRow.createMany({
          data: input.rows.slice(start, start + INSERT_CHUNK).map((row) => rowToStore(job.id, row, at)),
        });
      }
      await recordAudit(tx, {
        actorType: "staff",
        actorId: input.staffId,
        action: "applicant.bulk-upload",
        targetType: "bulk_issue_job",
        targetId: job.id,
        ip: input.ip,
        at,
        details: { fileName, fileSha256, encoding: input.encoding, totalRows: input.rows.length },
      });
      return job;
    },
    // 20,000 rows are 20 INSERTs: well over Prisma's default 5 s on a slow disk.
    { timeout: 60_000 },
  );
}
