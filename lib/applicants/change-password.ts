// The forced (and any later) password change of an applicant.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { claimLoginAttempt, settleFailedAttempt, settleSuccessfulAttempt } from "@/lib/auth/lockout";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";
import { loginUrl } from "@/lib/applicants/issue-applicant";
import { createNotice } from "@/lib/notices/notices";
import { passwordChangedNotice } from "@/lib/notices/notice-texts";

export type ChangePasswordResult =
  | { ok: true }
  | { ok: false; reason: "wrong-current" }
  | { ok: false; reason: "locked"; lockedUntil: Date | null };

/**
 * Checks the current password (counted like a login attempt, so a left-open session cannot be
 * used to guess it), then stores the new one, ends every session of the applicant and tells them
 * by email and 通知.
 * The new password must already have passed the shared schema.
 */
export async function changeApplicantPassword(
  applicantId: string,
  currentPassword: string,
  newPassword: string,
  ip: string | null,
): Promise<ChangePasswordResult> {
  const env = getEnv();
  const at = now();
  const policy = { threshold: env.LOCKOUT_THRESHOLD, lockMs: env.LOCKOUT_MINUTES * 60_000 };
  const claim = await claimLoginAttempt(db, "applicant", applicantId, policy, at);
  if (claim.status === "locked") return { ok: false, reason: "locked", lockedUntil: claim.lockedUntil };

  const applicant = await db.applicant.findUniqueOrThrow({
    where: { id: applicantId },
    select: { passwordHash: true, loginId: true, name: true, email: true },
  });
  if (!(await verifyPassword(currentPassword, applicant.passwordHash))) {
    const lockedUntil = await settleFailedAttempt(db, "applicant", applicantId, claim.attempt, policy, {
      endSessions: true,
    });
    await recordAudit(db, {
      actorType: "applicant",
      actorId: applicantId,
      action: "password.change-failed",
      ip,
      at,
    });
    return lockedUntil
      ? { ok: false, reason: "locked", lockedUntil }
      : { ok: false, reason: "wrong-current" };
  }

  const passwordHash = await hashPassword(newPassword, env.BCRYPT_COST);
  await settleSuccessfulAttempt(db, "applicant", applicantId);
  await db.$transaction(async (tx) => {
    await tx.applicant.update({
      where: { id: applicantId },
      data: {
        passwordHash,
        mustChangePassword: false,
        tempPasswordExpiresAt: null,
        tempPasswordUsedAt: null,
        // A reissued password still waiting for its first use dies with the change.
        pendingPasswordHash: null,
        pendingPasswordExpiresAt: null,
        passwordChangedAt: at,
        sessionVersion: { increment: 1 },
      },
    });
    await revokeAllSessions(tx, "APPLICANT", applicantId, at);
    await enqueueEmail(tx, {
      template: "password-changed",
      to: applicant.email,
      data: {
        name: applicant.name,
        loginId: applicant.loginId,
        changedAt: at.toISOString(),
        loginUrl: loginUrl(),
      },
      authSecret: env.AUTH_SECRET,
      at,
    });
    await createNotice(tx, { applicantId, ...passwordChangedNotice(), at });
    await recordAudit(tx, {
      actorType: "applicant",
      actorId: applicantId,
      action: "password.changed",
      targetType: "applicant",
      targetId: applicantId,
      ip,
      at,
    });
  });
  return { ok: true };
}
