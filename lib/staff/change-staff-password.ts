// A staff member's password change: forced after signing in with the temporary password an
// administrator's 職員アカウント作成 emailed, and the same rules as an applicant's change.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { claimLoginAttempt, settleFailedAttempt, settleSuccessfulAttempt } from "@/lib/auth/lockout";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { ChangePasswordResult } from "@/lib/applicants/change-password";

/**
 * Checks the current password (counted like a login attempt, so a left-open session cannot be
 * used to guess it), then stores the new one and ends every session of the account.
 * The new password must already have passed the shared schema (makePasswordChangeSchema).
 */
export async function changeStaffPassword(
  staffId: string,
  currentPassword: string,
  newPassword: string,
  ip: string | null,
): Promise<ChangePasswordResult> {
  const env = getEnv();
  const at = now();
  const policy = { threshold: env.LOCKOUT_THRESHOLD, lockMs: env.LOCKOUT_MINUTES * 60_000 };
  const claim = await claimLoginAttempt(db, "staff_user", staffId, policy, at);
  if (claim.status === "locked") return { ok: false, reason: "locked", lockedUntil: claim.lockedUntil };

  const staff = await db.staffUser.findUniqueOrThrow({
    where: { id: staffId },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(currentPassword, staff.passwordHash))) {
    const lockedUntil = await settleFailedAttempt(db, "staff_user", staffId, claim.attempt, policy, {
      endSessions: true,
    });
    await recordAudit(db, { actorType: "staff", actorId: staffId, action: "password.change-failed", ip, at });
    return lockedUntil
      ? { ok: false, reason: "locked", lockedUntil }
      : { ok: false, reason: "wrong-current" };
  }

  const passwordHash = await hashPassword(newPassword, env.BCRYPT_COST);
  await settleSuccessfulAttempt(db, "staff_user", staffId);
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: {
        passwordHash,
        mustChangePassword: false,
        tempPasswordExpiresAt: null,
        tempPasswordUsedAt: null,
        passwordChangedAt: at,
        sessionVersion: { increment: 1 },
      },
    });
    await revokeAllSessions(tx, "STAFF", staffId, at);
    await recordAudit(tx, {
      actorType: "staff",
      actorId: staffId,
      action: "password.changed",
      targetType: "staff",
      targetId: staffId,
      ip,
      at,
    });
  });
  return { ok: true };
}
