// GET /__test__/applicants/{loginId} (issue 10): what a test may assert that no page shows.
import { db } from "@/lib/db";

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

export async function findApplicantState(loginId: string) {
  const applicant = await db.applicant.findUnique({
    where: { loginId },
    select: {
      id: true,
      loginId: true,
      testNamespace: true,
      name: true,
      email: true,
      mustChangePassword: true,
      lockedUntil: true,
      disabledAt: true,
      failedLoginCount: true,
      tempPasswordExpiresAt: true,
      pendingPasswordHash: true,
      application: {
        select: {
          status: true,
          registrationType: true,
          applicationNumber: true,
          technicianId: true,
          lockVersion: true,
          _count: { select: { submissions: true } },
        },
      },
      notices: {
        orderBy: { createdAt: "desc" },
        select: { kind: true, title: true, readAt: true, createdAt: true },
      },
    },
  });
  if (!applicant) return null;
  const [emails, audit] = await Promise.all([
    db.emailOutbox.findMany({
      where: { toAddress: applicant.email },
      orderBy: { createdAt: "asc" },
      select: { template: true, toAddress: true, status: true, createdAt: true, sentAt: true },
    }),
    db.auditLog.findMany({
      where: { OR: [{ actorId: applicant.id }, { targetType: "applicant", targetId: applicant.id }] },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      select: { action: true, at: true },
      take: 500,
    }),
  ]);
  const application = applicant.application;
  return {
    loginId: applicant.loginId,
    ns: applicant.testNamespace,
    name: applicant.name,
    email: applicant.email,
    account: {
      mustChangePassword: applicant.mustChangePassword,
      lockedUntil: iso(applicant.lockedUntil),
      disabled: applicant.disabledAt !== null,
      failedLoginCount: applicant.failedLoginCount,
      tempPasswordExpiresAt: iso(applicant.tempPasswordExpiresAt),
      hasPendingPassword: applicant.pendingPasswordHash !== null,
    },
    application: application
      ? {
          status: application.status,
          registrationType: application.registrationType,
          applicationNumber: application.applicationNumber,
          technicianId: application.technicianId,
          lockVersion: application.lockVersion,
          versions: application._count.submissions,
        }
      : null,
    emails: emails.map((row) => ({
      template: row.template,
      to: row.toAddress,
      status: row.status,
      createdAt: iso(row.createdAt),
      sentAt: iso(row.sentAt),
    })),
    notices: applicant.notices.map((row) => ({
      kind: row.kind,
      title: row.title,
      read: row.readAt !== null,
      createdAt: iso(row.createdAt),
    })),
    audit: audit.map((row) => ({ action: row.action, at: iso(row.at) })),
  };
}
