// What staff may do to an applicant's account (申請者の詳細): unlock, reissue the password,
// disable and enable. Each change and its audit entry commit together; each is a conditional
// UPDATE, so a double post or two staff at once change the account once and audit it once.
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { reissueTemporaryPassword } from "@/lib/applicants/reissue-password";

export interface StaffActor {
  staffId: string;
  ip: string | null;
}

export type AccountActionResult =
  | { ok: true }
  | { ok: false; reason: "not-found" | "not-locked" | "disabled" | "already-disabled" | "not-disabled" };

async function exists(applicantId: string): Promise<boolean> {
  return (await db.applicant.count({ where: { id: applicantId } })) === 1;
}

/** ロックを解除する: only while locked; the failure count starts again. */
export async function unlockApplicant(applicantId: string, actor: StaffActor): Promise<AccountActionResult> {
  const at = now();
  const done = await db.$transaction(async (tx) => {
    // The old values come from the locked row itself, so the audit says what was lifted.
    const lifted = await tx.$queryRaw<{ locked_until: Date; failed_login_count: number }[]>`
      UPDATE applicant SET locked_until = NULL, failed_login_count = 0, updated_at = ${at}
      FROM (SELECT id, locked_until, failed_login_count FROM applicant
            WHERE id = ${applicantId}::uuid AND locked_until > ${at} FOR UPDATE) AS old
      WHERE applicant.id = old.id
      RETURNING old.locked_until, old.failed_login_count`;
    const before = lifted[0];
    if (!before) return false;
    await recordAudit(tx, {
      actorType: "staff",
      actorId: actor.staffId,
      action: "applicant.unlocked",
      targetType: "applicant",
      targetId: applicantId,
      ip: actor.ip,
      at,
      details: {
        lockedUntil: before.locked_until.toISOString(),
        failedLoginCount: before.failed_login_count,
      },
    });
    return true;
  });
  if (done) return { ok: true };
  return { ok: false, reason: (await exists(applicantId)) ? "not-locked" : "not-found" };
}

/**
 * パスワードを再発行する: a new 申請用パスワード by email; the current password and any earlier
 * temporary one stop working, every session ends. Refused for a disabled applicant.
 */
export async function reissuePasswordByStaff(
  applicantId: string,
  actor: StaffActor,
): Promise<AccountActionResult> {
  const result = await reissueTemporaryPassword(applicantId, {
    type: "staff",
    id: actor.staffId,
    ip: actor.ip,
    reason: "staff",
    action: "applicant.password-reissued-by-staff",
  });
  if (result.ok) return { ok: true };
  return { ok: false, reason: (await exists(applicantId)) ? "disabled" : "not-found" };
}

/** 利用を停止する: login refused from now on, every session ends at once. */
export async function disableApplicant(applicantId: string, actor: StaffActor): Promise<AccountActionResult> {
  const at = now();
  const done = await db.$transaction(async (tx) => {
    const updated = await tx.applicant.updateMany({
      where: { id: applicantId, disabledAt: null },
      data: { disabledAt: at, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) return false;
    await revokeAllSessions(tx, "APPLICANT", applicantId, at);
    await recordAudit(tx, {
      actorType: "staff",
      actorId: actor.staffId,
      action: "applicant.disabled",
      targetType: "applicant",
      targetId: applicantId,
      ip: actor.ip,
      at,
    });
    return true;
  });
  if (done) return { ok: true };
  return { ok: false, reason: (await exists(applicantId)) ? "already-disabled" : "not-found" };
}

/** 利用停止を解除する: the applicant may log in again with the password they had. */
export async function enableApplicant(applicantId: string, actor: StaffActor): Promise<AccountActionResult> {
  const at = now();
  const done = await db.$transaction(async (tx) => {
    const before = await tx.applicant.findUnique({
      where: { id: applicantId },
      select: { disabledAt: true },
    });
    const updated = await tx.applicant.updateMany({
      where: { id: applicantId, disabledAt: { not: null } },
      data: { disabledAt: null },
    });
    if (updated.count !== 1) return false;
    await recordAudit(tx, {
      actorType: "staff",
      actorId: actor.staffId,
      action: "applicant.enabled",
      targetType: "applicant",
      targetId: applicantId,
      ip: actor.ip,
      at,
      details: before?.disabledAt ? { disabledAt: before.disabledAt.toISOString() } : undefined,
    });
    return true;
  });
  if (done) return { ok: true };
  return { ok: false, reason: (await exists(applicantId)) ? "not-disabled" : "not-found" };
}
