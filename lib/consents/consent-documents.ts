// Consent documents as versioned rows: published from data/consents once per process, and the
// current version of each kind read from the database.
import "server-only";
import path from "node:path";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { Prisma, type ConsentKind } from "@/lib/generated/prisma/client";
import { readConsentFiles } from "@/lib/consents/consent-files";
import { log } from "@/lib/log";

export const consentDirectory = path.join(process.cwd(), "data", "consents");

let published: Promise<void> | undefined;

/**
 * Inserts each file's version that the database does not have yet. A published version never
 * changes: a file whose text differs from its stored version is refused (publish v+1 instead).
 */
export async function publishConsentFiles(directory = consentDirectory): Promise<void> {
  const at = now();
  for (const file of await readConsentFiles(directory)) {
    await db.consentDocument.createMany({
      data: [{ ...file, publishedAt: at }],
      skipDuplicates: true,
    });
    const stored = await db.consentDocument.findUniqueOrThrow({
      where: { kind_version: { kind: file.kind, version: file.version } },
      select: { contentHash: true },
    });
    if (stored.contentHash !== file.contentHash) {
      log.error(
        `consent ${file.kind} v${file.version}: the file differs from the published text; ` +
          "a published version cannot change — publish it as a new version.",
        { kind: file.kind, version: file.version },
      );
    }
  }
}

/** Publishes once per process (again after a failure); the server calls it at start-up. */
export function ensurePublished(): Promise<void> {
  published ??= publishConsentFiles().catch((error: unknown) => {
    published = undefined;
    throw error;
  });
  return published;
}

export async function findCurrentConsentDocument(kind: ConsentKind) {
  await ensurePublished();
  return db.consentDocument.findFirst({
    where: { kind, publishedAt: { lte: now() } },
    orderBy: { version: "desc" },
  });
}

/**
 * SQL: whether the applicant consented to the current version of `kind` (the highest version
 * published by `at`), for a query that reads more in the same round trip. Call ensurePublished()
 * first, as findCurrentConsentDocument does.
 */
export function consentGivenSql(applicantId: string, kind: ConsentKind, at: Date): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM consent_record r
    WHERE r.applicant_id = ${applicantId}::uuid
      AND r.document_id = (
        SELECT d.id FROM consent_document d
        WHERE d.kind = ${kind}::consent_kind AND d.published_at <= ${at}
        ORDER BY d.version DESC LIMIT 1))`;
}

/** Whether the applicant consented to the current version of each kind (one query). */
export async function findConsentState(applicantId: string): Promise<Record<ConsentKind, boolean>> {
  await ensurePublished();
  const at = now();
  const [row] = await db.$queryRaw<{ personal_info: boolean; terms: boolean }[]>`
    SELECT ${consentGivenSql(applicantId, "PERSONAL_INFO", at)} AS personal_info,
           ${consentGivenSql(applicantId, "TERMS", at)} AS terms`;
  return { PERSONAL_INFO: row?.personal_info === true, TERMS: row?.terms === true };
}
