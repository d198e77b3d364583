// Records one consent: applicant, document version and hash (of the Japanese text, which binds),
// the language the page was shown in (issue 15), time, IP and user agent.
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import type { RequestContext } from "@/lib/auth/authenticate";
import { normalizeIpAddress } from "@/lib/net/client-address";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

export async function recordConsent(
  applicantId: string,
  document: { id: string; kind: "PERSONAL_INFO" | "TERMS"; version: number; contentHash: string },
  context: RequestContext,
  /** The language the consent page was shown in (a test kit's consent is given in Japanese). */
  shownLocale: Locale = DEFAULT_LOCALE,
): Promise<void> {
  const at = now();
  await db.$transaction(async (tx) => {
    // One record per applicant and document version; a repeated post changes nothing.
    const created = await tx.consentRecord.createMany({
      data: [
        {
          applicantId,
          documentId: document.id,
          kind: document.kind,
          version: document.version,
          contentHash: document.contentHash,
          shownLocale,
          consentedAt: at,
          ip: normalizeIpAddress(context.ip),
          userAgent: context.userAgent?.slice(0, 512) ?? null,
        },
      ],
      skipDuplicates: true,
    });
    if (created.count === 1) {
      await recordAudit(tx, {
        actorType: "applicant",
        actorId: applicantId,
        action: "consent.given",
        targetType: "consent_document",
        targetId: document.id,
        ip: context.ip,
        at,
        details: { kind: document.kind, version: document.version, shownLocale },
      });
    }
  });
}
