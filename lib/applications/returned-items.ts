// 20_申請の修正: what staff returned in the caller's own application and why. Only the signed-in
// applicant's application is ever read (no id comes from the address or a form), so nobody can
// read another applicant's 不備 items.
import "server-only";
import { db } from "@/lib/db";
import { contentGroups } from "@/lib/registration/content-groups";

export interface ReturnedGroup {
  groupKey: string;
  groupLabel: string;
  /** The group's page. */
  path: string;
  items: { id: string; reasonLabel: string; comment: string }[];
}

export async function findReturnedApplication(applicantId: string) {
  const application = await db.application.findUnique({
    where: { applicantId },
    select: {
      status: true,
      applicationNumber: true,
      reviews: {
        where: { decision: "RETURNED" },
        orderBy: { submissionVersion: "desc" },
        take: 1,
        select: {
          decidedAt: true,
          items: {
            orderBy: { position: "asc" },
            select: { id: true, groupKey: true, reasonLabel: true, comment: true },
          },
        },
      },
    },
  });
  const review = application?.reviews[0];
  if (!application || application.status !== "RETURNED" || !review) return null;
  // One entry per group, in the order of the application's pages.
  const groups: ReturnedGroup[] = contentGroups.flatMap((group) => {
    const items = review.items.filter((item) => item.groupKey === group.key);
    if (items.length === 0) return [];
    return [
      {
        groupKey: group.key,
        groupLabel: group.label,
        path: group.path,
        items: items.map(({ id, reasonLabel, comment }) => ({ id, reasonLabel, comment })),
      },
    ];
  });
  return { applicationNumber: application.applicationNumber ?? "", returnedAt: review.decidedAt, groups };
}
