// The caller's own sent application while staff have it or after they decided (申請中, 再申請,
// 登録完了, 取下げ), for the completion page. A returned one (不備) is the correction page's.
import "server-only";
import { db } from "@/lib/db";
import { isEditableStatus } from "@/lib/applications/draft-application";

export async function findSentApplication(applicantId: string) {
  const application = await db.application.findUnique({
    where: { applicantId },
    select: {
      status: true,
      applicationNumber: true,
      registrationType: true,
      submittedAt: true,
      lastSentAt: true,
      technicianId: true,
      completedAt: true,
      upgradeStartedAt: true,
    },
  });
  if (!application || isEditableStatus(application.status) || !application.applicationNumber) return null;
  return { ...application, applicationNumber: application.applicationNumber };
}
