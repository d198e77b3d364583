// Stores an uploaded bulk issuance file as a QUEUED job with all its rows, in one transaction with
// its audit entry; the worker (lib/bulk-issue/worker.ts) issues the rows in the background.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CsvDataRow, CsvEncoding } from "@/lib/bulk-issue/read-csv";
import { normalizeEmail, normalizeName, validateRow } from "@/lib/bulk-issue/validate-row";

/** Rows per INSERT. */
const INSERT_CHUNK = 5_000;
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

interface RowToStore {
  lineNumber: number;
  name: string;
  email: string;
  /** Set for a row decided INVALID here. */
  invalidReason: string | null;
}

/**
 * The row to insert. A row with a cell cut to its column is decided here, with the form's
 * messages for the whole values: the worker would only see the cut ones.
 */
function rowToStore(row: CsvDataRow): RowToStore {
  const name = storedCell(row.name, NAME_COLUMN_LENGTH, normalizeName);
  const email = storedCell(row.email, EMAIL_COLUMN_LENGTH, normalizeEmail);
  const check = name.isWhole && email.isWhole ? null : validateRow(row);
  return {
    lineNumber: row.lineNumber,
    name: name.value,
    email: email.value,
    invalidReason: check && !check.ok ? check.reason : null,
  };
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
  const rows = input.rows.map(rowToStore);
  const decidedRows = rows.filter((row) => row.invalidReason !== null).length;
  return db.$transaction(
    async (tx) => {
      const job = await tx.bulkIssueJob.create({
        data: {
          staffId: input.staffId,
          fileName,
          fileSha256,
          encoding: input.encoding,
          status: "QUEUED",
          totalRows: rows.length,
          processedRows: decidedRows,
          invalidCount: decidedRows,
          createdAt: at,
        },
        select: { id: true },
      });
      // One INSERT … SELECT FROM unnest(arrays) per chunk: six parameters however many rows,
      // where createMany would build (on the event loop) a statement with seven per row.
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
        const chunk = rows.slice(start, start + INSERT_CHUNK);
        await tx.$executeRaw`
          INSERT INTO bulk_issue_row (job_id, line_number, name, email, outcome, reason, processed_at)
          SELECT ${job.id}::uuid, r.line_number, r.name, r.email,
                 CASE WHEN r.reason IS NULL THEN NULL ELSE 'INVALID'::bulk_issue_outcome END, r.reason,
                 CASE WHEN r.reason IS NULL THEN NULL ELSE ${at}::timestamptz END
          FROM unnest(${chunk.map((row) => row.lineNumber)}::int[], ${chunk.map((row) => row.name)}::text[],
                      ${chunk.map((row) => row.email)}::text[], ${chunk.map((row) => row.invalidReason)}::text[])
               AS r(line_number, name, email, reason)`;
      }
      await recordAudit(tx, {
        actorType: "staff",
        actorId: input.staffId,
        action: "applicant.bulk-upload",
        targetType: "bulk_issue_job",
        targetId: job.id,
        ip: input.ip,
        at,
        details: { fileName, fileSha256, encoding: input.encoding, totalRows: rows.length },
      });
      return job;
    },
    // 20,000 rows can take longer than Prisma's default 5 s on a slow disk.
    { timeout: 60_000 },
  );
}
