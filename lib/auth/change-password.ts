// The password change, once for applicants and staff (forced after a temporary password, and any
// later change). What differs by kind (what else is cleared, how the owner is told) is the
// AccountSource's.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { claimLoginAttempt, settleFailedAttempt, settleSuccessfulAttempt } from "@/lib/auth/lockout";
import { lockoutPolicy } from "@/lib/auth/policies";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { accountSource, type AccountKind } from "@/lib/auth/accounts";
import { recordAudit } from "@/lib/audit/record-audit";

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; reason: "wrong-current" }
  | { ok: false; reason: "locked"; lockedUntil: Date | null };

/**
 * Checks the current password (counted like a login attempt, so a left-open session cannot be
 * used to guess it; the attempt that locks the account also ends its sessions), then stores the
 * new one, ends every session of the account and tells its owner as the kind does (applicants:
 * email and 通知). The new password must already have passed the shared schema
 * (makePasswordChangeSchema).
 */
export async function changePassword(
  kind: AccountKind,
  accountId: string,
  currentPassword: string,
  newPassword: string,
  ip: string | null,
): Promise<ChangePasswordResult> {
  const source = accountSource(kind);
  const at = now();
  const policy = lockoutPolicy();
  const audit = { actorType: source.auditType, actorId: accountId, ip, at };
  const claim = await claimLoginAttempt(db, source.table, accountId, policy, at);
  if (claim.status === "locked") return { ok: false, reason: "locked", lockedUntil: claim.lockedUntil };

  if (!(await verifyPassword(currentPassword, await source.findPasswordHash(accountId)))) {
    const lockedUntil = await settleFailedAttempt(db, source.table, accountId, claim.attempt, policy, {
      endSessions: true,
    });
    await recordAudit(db, { ...audit, action: "password.change-failed" });
    return lockedUntil
      ? { ok: false, reason: "locked", lockedUntil }
      : { ok: false, reason: "wrong-current" };
  }

  const passwordHash = await hashPassword(newPassword, getEnv().BCRYPT_COST);
  await settleSuccessfulAttempt(db, source.table, accountId);
  await db.$transaction(async (tx) => {
    await source.storeNewPassword(tx, accountId, {
      passwordHash,
      mustChangePassword: false,
      tempPasswordExpiresAt: null,
      tempPasswordUsedAt: null,
      passwordChangedAt: at,
      sessionVersion: { increment: 1 },
    });
    await revokeAllSessions(tx, source.role, accountId, at);
    await source.tellPasswordChanged(tx, accountId, at);
    await recordAudit(tx, {
      ...audit,
      action: "password.changed",
      targetType: source.auditType,
      targetId: accountId,
    });
  });
  return { ok: true };
}
