// Streams every consent record as CSV chunks, a batch of applicants at a time, so the whole
// export never sits in memory. Order: applicants as issued (oldest first), then each one's
// consents by time. consent_record has no index on consented_at, so walking it in time order
// would sort the table once per batch; the applicants' (issued_at, id) index and the records'
// (applicant_id, kind) index keep every batch an index walk. A consent comes after its
// applicant's issuance, so a to-date also ends the walk early.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { consentCsvHeader, consentCsvLines, type ConsentExportRow } from "@/lib/consents/consent-csv";
import { jstDayEnd, jstDayStart } from "@/lib/format/jst-day";
import type { DateRange } from "@/lib/schemas/date-range";

export const CONSENT_EXPORT_BATCH = 500;

export async function* consentCsvChunks(
  range: DateRange,
  options: { batchSize?: number } = {},
): AsyncGenerator<string, void, undefined> {
  const batchSize = options.batchSize ?? CONSENT_EXPORT_BATCH;
  const fromAt = range.from ? jstDayStart(range.from) : null;
  const toEnd = range.to ? jstDayEnd(range.to) : null;
  yield consentCsvHeader();

  let after: { issuedAt: Date; id: string } | null = null;
  for (;;) {
    const conditions: Prisma.Sql[] = [];
    if (after)
      conditions.push(Prisma.sql`(issued_at, id) > (${after.issuedAt}::timestamptz, ${after.id}::uuid)`);
    if (toEnd) conditions.push(Prisma.sql`issued_at < ${toEnd}`);
    const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
    const applicants = await db.$queryRaw<{ id: string; issuedAt: Date }[]>`
      SELECT id, issued_at AS "issuedAt" FROM applicant ${where}
      ORDER BY issued_at, id LIMIT ${batchSize}`;
    const last = applicants.at(-1);
    if (!last) return;

    const recordConditions = [Prisma.sql`r.applicant_id = ANY(${applicants.map((a) => a.id)}::uuid[])`];
    if (fromAt) recordConditions.push(Prisma.sql`r.consented_at >= ${fromAt}`);
    if (toEnd) recordConditions.push(Prisma.sql`r.consented_at < ${toEnd}`);
    const rows = await db.$queryRaw<ConsentExportRow[]>`
      SELECT p.login_id AS "loginId", p.name, d.title AS "documentTitle", r.version,
             r.content_hash AS "contentHash", r.consented_at AS "consentedAt", r.ip,
             r.user_agent AS "userAgent"
      FROM consent_record r
      JOIN applicant p ON p.id = r.applicant_id
      JOIN consent_document d ON d.id = r.document_id
      WHERE ${Prisma.join(recordConditions, " AND ")}
      ORDER BY p.issued_at, p.id, r.consented_at, r.id`;
    const lines = consentCsvLines(rows);
    if (lines) yield lines;
    if (applicants.length < batchSize) return;
    after = last;
  }
}
