// 詳細型への移行 (issue 12): a completed 簡略型 registration adds the six 詳細型 groups and is sent
// again as 詳細型. 移行を始める sets upgradeStartedAt (the status stays 登録完了 and the stored type
// 簡略型); the 詳細型 pages are then editable (lib/applications/draft-application.ts, scope
// "detailed"), the check page and 申請する are the wizard's (submit-application.ts sends a new
// version as 詳細型 and raises the 移行 fee), and 承認 makes it 詳細型 with the same 技能者ID
// (lib/review/decide-application.ts).
import "server-only";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { messageRef } from "@/lib/i18n/message-ref";
import { isUpgrading } from "@/lib/applications/draft-application";
import type { ApplicationStatus, RegistrationType } from "@/lib/generated/prisma/client";

export type UpgradeStage =
  /** No completed registration: nothing to move (not applied, under review, withdrawn). */
  | "unavailable"
  /** Registered as 詳細型 already. */
  | "detailed"
  /** A completed 簡略型 registration: 移行を始める is offered. */
  | "can-start"
  /** Started: the six 詳細型 pages are open. */
  | "in-progress"
  /** Sent (申請中 / 不備 / 再申請): with staff, or back for 修正. */
  | "sent";

export interface UpgradeState {
  stage: UpgradeStage;
  status: ApplicationStatus | null;
  registrationType: RegistrationType | null;
  technicianId: string | null;
}

export function upgradeStageOf(
  application: {
    status: ApplicationStatus;
    registrationType: RegistrationType | null;
    upgradeStartedAt: Date | null;
  } | null,
): UpgradeStage {
  if (!application) return "unavailable";
  if (isUpgrading(application)) return "in-progress";
  if (application.upgradeStartedAt) return "sent";
  if (application.status !== "COMPLETED") return "unavailable";
  return application.registrationType === "SIMPLE" ? "can-start" : "detailed";
}

/** Where the applicant's registration stands with regard to 詳細型への移行. */
export async function findUpgradeState(applicantId: string): Promise<UpgradeState> {
  const application = await db.application.findUnique({
    where: { applicantId },
    select: { status: true, registrationType: true, upgradeStartedAt: true, technicianId: true },
  });
  return upgradeStateOf(application);
}

/** The same from an application read already (null: none). */
export function upgradeStateOf(
  application: {
    status: ApplicationStatus;
    registrationType: RegistrationType | null;
    upgradeStartedAt: Date | null;
    technicianId: string | null;
  } | null,
): UpgradeState {
  return {
    stage: upgradeStageOf(application),
    status: application?.status ?? null,
    registrationType: application?.registrationType ?? null,
    technicianId: application?.technicianId ?? null,
  };
}

export type StartUpgradeResult = { ok: true } | { ok: false; reason: "not-allowed" };

/** The applicant's answer: a reference into messages/<language>/payment.json (issue 15). */
export const START_UPGRADE_MESSAGES = {
  "not-allowed": messageRef("payment.errors.upgradeNotAllowed"),
} as const;

/**
 * 移行を始める: only for a completed 簡略型 registration. One conditional UPDATE, so a second press
 * (or tab) finds it started and answers ok without starting it twice.
 */
export async function startUpgrade(
  applicantId: string,
  context: { ip: string | null },
): Promise<StartUpgradeResult> {
  const at = now();
  return db.$transaction(async (tx) => {
    const started = await tx.application.updateMany({
      where: { applicantId, status: "COMPLETED", registrationType: "SIMPLE", upgradeStartedAt: null },
      data: { upgradeStartedAt: at, lockVersion: { increment: 1 } },
    });
    if (started.count === 0) {
      const current = await tx.application.findUnique({
        where: { applicantId },
        select: { status: true, upgradeStartedAt: true },
      });
      return current && isUpgrading(current)
        ? { ok: true as const }
        : { ok: false as const, reason: "not-allowed" as const };
    }
    const application = await tx.application.findUniqueOrThrow({
      where: { applicantId },
      select: { id: true, applicationNumber: true },
    });
    await recordAudit(tx, {
      actorType: "applicant",
      actorId: applicantId,
      action: "application.upgrade-started",
      targetType: "application",
      targetId: application.id,
      ip: context.ip,
      details: { applicationNumber: application.applicationNumber ?? "" },
      at,
    });
    return { ok: true as const };
  });
}
