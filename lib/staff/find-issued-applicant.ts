// The issuance result a staff member sees: the applicant and the state of the ID email.
import "server-only";
import { db } from "@/lib/db";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findIssuedApplicant(applicantId: string) {
  // Anything that is not a UUID is no applicant (the database would refuse it with an error).
  if (!UUID.test(applicantId)) return null;
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
