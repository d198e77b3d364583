// What the staff review page shows of one application: the applicant, every sent version, every
// decision with its 不備 items, and the applicant's consent records. Staff only (the page checks).
import "server-only";
import { db } from "@/lib/db";
import { parseSubmissionContent } from "@/lib/review/version-diff";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findApplicationForReview(applicationId: string) {
  if (!UUID.test(applicationId)) return null;
  const application = await db.application.findUnique({
    where: { id: applicationId },
    select: {
      id: true,
      status: true,
      registrationType: true,
      applicationNumber: true,
      submittedAt: true,
      lastSentAt: true,
      technicianId: true,
      completedAt: true,
      lockVersion: true,
      applicant: {
        select: {
          id: true,
          loginId: true,
          name: true,
          email: true,
          consents: {
            orderBy: { consentedAt: "asc" },
            select: {
              id: true,
              kind: true,
              version: true,
              consentedAt: true,
              ip: true,
              contentHash: true,
              document: { select: { title: true } },
            },
          },
        },
      },
      submissions: {
        orderBy: { version: "asc" },
        select: { id: true, version: true, registrationType: true, submittedAt: true, content: true },
      },
      reviews: {
        orderBy: { submissionVersion: "asc" },
        select: {
          id: true,
          submissionVersion: true,
          decision: true,
          decidedAt: true,
          staff: { select: { name: true } },
          items: {
            orderBy: { position: "asc" },
            select: { id: true, groupKey: true, reasonLabel: true, comment: true },
          },
        },
      },
    },
  });
  if (!application || application.status === "DRAFT") return null;
  const versions = application.submissions.map((submission) => ({
    ...submission,
    content: parseSubmissionContent(submission.content),
  }));
  return { ...application, versions };
}

export type ApplicationForReview = NonNullable<Awaited<ReturnType<typeof findApplicationForReview>>>;
