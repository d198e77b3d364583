// 申請者の詳細: one applicant's account, application, recent emails and recent audit entries.
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";

const RECENT = 10;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ApplicantDetail = NonNullable<Awaited<ReturnType<typeof findApplicantDetail>>>;

export async function findApplicantDetail(applicantId: string) {
  if (!UUID.test(applicantId)) return null;
  const at = now();
  const applicant = await db.applicant.findUnique({
    where: { id: applicantId },
    select: {
      id: true,
      loginId: true,
      name: true,
      email: true,
      mustChangePassword: true,
      tempPasswordExpiresAt: true,
      passwordChangedAt: true,
      failedLoginCount: true,
      lockedUntil: true,
      disabledAt: true,
      issuedAt: true,
      issuedBy: { select: { name: true, email: true } },
      application: { select: { id: true, status: true, applicationNumber: true, lastSentAt: true } },
    },
  });
  if (!applicant) return null;

  // Emails carry no applicant id: they are the ones to this address since issuance whose data
  // names this login ID (or no login ID at all), so another applicant sharing the address is left out.
  const emails = await db.$queryRaw<
    {
      id: string;
      template: string;
      status: "QUEUED" | "SENDING" | "RETRYING" | "SENT" | "FAILED";
      attempts: number;
      lastError: string | null;
      createdAt: Date;
      sentAt: Date | null;
    }[]
  >`
    SELECT id, template, status, attempts, last_error AS "lastError", created_at AS "createdAt",
           sent_at AS "sentAt"
    FROM email_outbox
    WHERE created_at >= ${applicant.issuedAt} AND to_address = ${applicant.email}
      AND (payload->>'loginId' IS NULL OR payload->>'loginId' = ${applicant.loginId})
    ORDER BY created_at DESC, id DESC
    LIMIT ${RECENT}`;

  // What was done to the account (target) and what the applicant did (actor: logins, failures).
  const [asTarget, asActor] = await Promise.all([
    db.auditLog.findMany({
      where: { targetType: "applicant", targetId: applicant.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: RECENT,
    }),
    db.auditLog.findMany({
      where: { actorId: applicant.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: RECENT,
    }),
  ]);
  const seen = new Set<bigint>();
  const audit = [...asTarget, ...asActor]
    .filter((entry) => (seen.has(entry.id) ? false : (seen.add(entry.id), true)))
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (b.id > a.id ? 1 : -1))
    .slice(0, RECENT);

  return {
    applicant,
    isLocked: applicant.lockedUntil !== null && applicant.lockedUntil > at,
    emails,
    audit,
  };
}
