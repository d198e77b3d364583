// 20_申請の修正: what staff returned in the caller's own application and why. Only the signed-in
// applicant's application is ever read (no id comes from the address or a form), so nobody can
// read another applicant's 不備 items.
import "server-only";
import { db } from "@/lib/db";
import { fromJsonRows } from "@/lib/db/json-rows";
import type { ApplicationStatus } from "@/lib/generated/prisma/client";
import { contentGroups } from "@/lib/registration/content-groups";

export interface ReturnedGroup {
  groupKey: string;
  groupLabel: string;
  /** The group's page. */
  path: string;
  items: { id: string; reasonLabel: string; comment: string }[];
}

export interface ReturnedApplication {
  applicationNumber: string;
  returnedAt: Date;
  groups: ReturnedGroup[];
}

/**
 * The caller's application status and, when it is 不備, what the latest return asked to fix: one
 * query for the application, its latest RETURNED review and that review's items.
 */
export async function findCorrectionState(
  applicantId: string,
): Promise<{ status: ApplicationStatus | null; returned: ReturnedApplication | null }> {
  const [application] = await db.$queryRaw<
    { status: ApplicationStatus; application_number: string | null; review: unknown }[]
  >`
    SELECT a.status::text AS status, a.application_number,
      (SELECT jsonb_build_object('decided_at', r.decided_at, 'items', COALESCE((
                SELECT jsonb_agg(jsonb_build_object('id', i.id, 'group_key', i.group_key,
                         'reason_label', i.reason_label, 'comment', i.comment) ORDER BY i.position)
                FROM application_review_item i WHERE i.review_id = r.id), '[]'::jsonb))
       FROM application_review r
       WHERE r.application_id = a.id AND r.decision = 'RETURNED'
       ORDER BY r.submission_version DESC LIMIT 1) AS review
    FROM application a WHERE a.applicant_id = ${applicantId}::uuid`;
  if (!application) return { status: null, returned: null };
  const review = application.review
    ? (fromJsonRows(application.review) as {
        decidedAt: Date;
        items: { id: string; groupKey: string; reasonLabel: string; comment: string }[];
      })
    : null;
  if (application.status !== "RETURNED" || !review) return { status: application.status, returned: null };
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
  return {
    status: application.status,
    returned: {
      applicationNumber: application.application_number ?? "",
      returnedAt: review.decidedAt,
      groups,
    },
  };
}

/** The returned (不備) application's items to fix, or null. */
export async function findReturnedApplication(applicantId: string): Promise<ReturnedApplication | null> {
  return (await findCorrectionState(applicantId)).returned;
}
