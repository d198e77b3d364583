// The caller's own sent application (申請中 and later), for the completion page.
import "server-only";
import { db } from "@/lib/db";

export async function findSentApplication(applicantId: string) {
  const application = await db.application.findUnique({
    where: { applicantId },
    select: { status: true, applicationNumber: true, registrationType: true, submittedAt: true },
  });
  if (!application || application.status === "DRAFT" || !application.applicationNumber) return null;
  return { ...application, applicationNumber: application.applicationNumber };
}
