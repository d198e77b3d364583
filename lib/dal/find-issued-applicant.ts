// The issuance result a staff member sees: the applicant and the state of the ID email.
import "server-only";
import { db } from "@/lib/db";

export async function findIssuedApplicant(applicantId: string) {
  if (!/^[0-9a-f-]{36}$/.test(applicantId)) return null;
  const applicant = await db.applicant.findUnique({
    where: { id: applicantId },
    select: { id: true, loginId: true, name: true, email: true, issuedAt: true, tempPasswordExpiresAt: true },
  });
  if (!applicant) return null;
  const email = await db.emailOutbox.findFirst({
    where: { template: "applicant-id-issued", payload: { path: ["loginId"], equals: applicant.loginId } },
    select: { status: true, sentAt: true },
    orderBy: { createdAt: "desc" },
  });
  return { applicant, email };
}
