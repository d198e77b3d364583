// A staff decision on a sent application (申請中 or 再申請): 承認 issues the 技能者ID and
// completes the registration; 不備 returns it to the applicant with reasons and comments.
// Either way the email and the 通知 are written in the same transaction as the decision, so an
// SMTP server that is down delays the email but never loses it or the decision.
//
// Two staff deciding at once: the page posts the lock version it showed. Only the decision made
// against that version goes through; the other changes nothing and is told why. The unique
// (application, version) key on application_review is the last guard.
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { loginUrl } from "@/lib/applicants/issue-applicant";
import { REGISTRATION_TYPE_LABELS } from "@/lib/labels";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { createNotice } from "@/lib/notices/notices";
import { applicationReturnedNotice, registrationCompletedNotice } from "@/lib/notices/notice-texts";
import { findReturnReason } from "@/lib/reference/return-reasons";
import type { ReturnItemInput } from "@/lib/schemas/review-decision";
import type { ApplicationStatus } from "@/lib/generated/prisma/client";

/** The statuses staff decide on. */
export const REVIEWABLE_STATUSES = [
  "SUBMITTED",
  "RESUBMITTED",
] as const satisfies readonly ApplicationStatus[];

export function isReviewable(status: ApplicationStatus): boolean {
  return (REVIEWABLE_STATUSES as readonly ApplicationStatus[]).includes(status);
}

export type ReviewDecisionInput = { kind: "approve" } | { kind: "return"; items: readonly ReturnItemInput[] };

export type DecideResult =
  | { ok: true; status: "COMPLETED"; technicianId: string }
  | { ok: true; status: "RETURNED" }
  | { ok: false; reason: "stale" | "not-found" | "unknown-reason" };

export const DECIDE_MESSAGES = {
  stale:
    "この申請は、ほかの職員が先に判定したか、申請者が内容を変えたため、判定できませんでした。最新の内容を確認してください。",
  "not-found": "申請が見つかりません。",
  "unknown-reason": "選んだ不備の理由が見つかりません。画面を開き直してから、もう一度選んでください。",
} as const;

/** 技能者ID: 12 digits from the sequence, then the technician suffix "21" (14 digits in all). */
export function formatTechnicianId(sequence: bigint | number): string {
  return `${String(sequence).padStart(12, "0")}21`;
}

export async function decideApplication(input: {
  staffId: string;
  applicationId: string;
  /** The application's lock version as the staff member's page showed it. */
  lockVersion: number;
  decision: ReviewDecisionInput;
  ip: string | null;
}): Promise<DecideResult> {
  const { staffId, applicationId, lockVersion, decision } = input;
  // Every 不備 item names a reason of the current list; its words are kept as they are now.
  const returned: {
    reasonCode: string;
    groupKey: string;
    groupLabel: string;
    reasonLabel: string;
    comment: string;
  }[] = [];
  for (const item of decision.kind === "return" ? decision.items : []) {
    const reason = findReturnReason(item.reasonCode);
    if (!reason) return { ok: false, reason: "unknown-reason" };
    returned.push({
      reasonCode: reason.code,
      groupKey: reason.groupKey,
      groupLabel: reason.groupLabel,
      reasonLabel: reason.label,
      comment: item.comment,
    });
  }
  if (decision.kind === "return" && returned.length === 0) return { ok: false, reason: "unknown-reason" };

  const at = now();
  const newStatus = decision.kind === "approve" ? "COMPLETED" : "RETURNED";
  const result = await db.$transaction(async (tx) => {
    const claimed = await tx.application.updateMany({
      where: { id: applicationId, lockVersion, status: { in: [...REVIEWABLE_STATUSES] } },
      data: {
        status: newStatus,
        lockVersion: { increment: 1 },
        ...(newStatus === "COMPLETED" ? { completedAt: at } : {}),
      },
    });
    if (claimed.count === 0) return null;

    const application = await tx.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        applicationNumber: true,
        registrationType: true,
        technicianId: true,
        upgradeStartedAt: true,
        applicant: { select: { id: true, name: true, email: true, loginId: true } },
        submissions: { orderBy: { version: "desc" }, take: 1, select: { version: true } },
      },
    });
    const version = application.submissions[0]?.version ?? 0;
    const applicationNumber = application.applicationNumber ?? "";
    const { applicant } = application;

    if (decision.kind === "approve") {
      // 詳細型への移行 of a registered technician keeps the 技能者ID, and the registration becomes 詳細型.
      const isUpgrade = application.upgradeStartedAt !== null;
      let technicianId = application.technicianId;
      if (!technicianId) {
        const [{ value }] = await tx.$queryRaw<
          [{ value: bigint }]
        >`SELECT nextval('technician_id_seq') AS value`;
        technicianId = formatTechnicianId(value);
      }
      const registrationType = isUpgrade ? "DETAILED" : application.registrationType;
      await tx.application.update({
        where: { id: applicationId },
        data: {
          technicianId,
          ...(isUpgrade ? { registrationType: "DETAILED", upgradeStartedAt: null } : {}),
        },
      });
      await tx.applicationReview.create({
        data: { applicationId, submissionVersion: version, decision: "APPROVED", staffId, decidedAt: at },
      });
      await enqueueEmail(tx, {
        template: "registration-completed",
        to: applicant.email,
        data: {
          name: applicant.name,
          applicationNumber,
          technicianId,
          registrationType: registrationType ? REGISTRATION_TYPE_LABELS[registrationType] : "",
          completedAt: at.toISOString(),
          loginUrl: loginUrl(),
        },
        authSecret: getEnv().AUTH_SECRET,
        at,
        applicantId: applicant.id,
      });
      await createNotice(tx, {
        applicantId: applicant.id,
        at,
        ...registrationCompletedNotice({ applicationNumber, technicianId }),
      });
      await recordAudit(tx, {
        actorType: "staff",
        actorId: staffId,
        action: "application.approved",
        targetType: "application",
        targetId: applicationId,
        ip: input.ip,
        details: { applicationNumber, version, technicianId, ...(isUpgrade ? { upgrade: true } : {}) },
        at,
      });
      return { ok: true as const, status: "COMPLETED" as const, technicianId };
    }

    await tx.applicationReview.create({
      data: {
        applicationId,
        submissionVersion: version,
        decision: "RETURNED",
        staffId,
        decidedAt: at,
        items: {
          create: returned.map((item, position) => ({
            position,
            reasonCode: item.reasonCode,
            groupKey: item.groupKey,
            reasonLabel: item.reasonLabel,
            comment: item.comment,
          })),
        },
      },
    });
    const listed = returned.map(({ groupLabel, reasonLabel, comment }) => ({
      groupLabel,
      reasonLabel,
      comment,
    }));
    await enqueueEmail(tx, {
      template: "application-returned",
      to: applicant.email,
      data: {
        name: applicant.name,
        loginId: applicant.loginId,
        applicationNumber,
        items: listed,
        returnedAt: at.toISOString(),
        loginUrl: loginUrl(),
      },
      authSecret: getEnv().AUTH_SECRET,
      at,
      applicantId: applicant.id,
    });
    await createNotice(tx, {
      applicantId: applicant.id,
      at,
      ...applicationReturnedNotice({ applicationNumber, items: listed }),
    });
    await recordAudit(tx, {
      actorType: "staff",
      actorId: staffId,
      action: "application.returned",
      targetType: "application",
      targetId: applicationId,
      ip: input.ip,
      details: { applicationNumber, version, reasons: returned.map((item) => item.reasonCode) },
      at,
    });
    return { ok: true as const, status: "RETURNED" as const };
  });
  if (result) return result;

  const exists = await db.application.findUnique({ where: { id: applicationId }, select: { id: true } });
  return { ok: false, reason: exists ? "stale" : "not-found" };
}
