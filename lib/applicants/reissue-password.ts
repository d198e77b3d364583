// A new 申請用パスワード, emailed in the same transaction. Two modes:
// - "pending" (パスワードを忘れた場合, anyone who knows a login ID and its e-mail): the new password
//   waits beside the current one, and the current password and sessions stay valid until the new
//   one is used (lib/auth/authenticate.ts then makes it current and ends the other sessions), so
//   the request itself changes nothing an attacker could use to lock the owner out.
// - "replace" (staff's 「パスワードを再発行する」, an administrative act): the old password dies at
//   once, every session ends, any lock is lifted and the forced change applies again.
// A disabled applicant gets none: the check sits inside the transaction, on the row it updates,
// so a 利用停止 that lands between a caller's own check and this write still wins.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { generateTemporaryPassword } from "@/lib/auth/temp-password";
import { hashPassword } from "@/lib/auth/password-hash";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordAudit, type AuditActorType } from "@/lib/audit/record-audit";
import { loginUrl } from "@/lib/applicants/issue-applicant";

export type ReissueResult = { ok: true; emailId: string } | { ok: false; reason: "not-found-or-disabled" };

export async function reissueTemporaryPassword(
  applicantId: string,
  actor: {
    type: AuditActorType;
    id: string | null;
    ip: string | null;
    reason: string;
    /** The audit action; the applicant's own request (forgot password) by default. */
    action?: string;
    /** "replace" (the default, staff) or "pending" (パスワードを忘れた場合); see the top of the file. */
    mode?: "replace" | "pending";
  },
): Promise<ReissueResult> {
  const env = getEnv();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword, env.BCRYPT_COST);
  const at = now();
  const expiresAt = new Date(at.getTime() + env.TEMP_PASSWORD_DAYS * 86_400_000);
  const isPending = actor.mode === "pending";
  return db.$transaction(async (tx): Promise<ReissueResult> => {
    // One conditional UPDATE: it takes the row lock, so 利用停止 and this reissue serialise.
    const updated = await tx.applicant.updateMany({
      where: { id: applicantId, disabledAt: null },
      // A newer pending password replaces an older one: only the latest email's works.
      data: isPending
        ? { pendingPasswordHash: passwordHash, pendingPasswordExpiresAt: expiresAt }
        : {
            passwordHash,
            mustChangePassword: true,
            tempPasswordExpiresAt: expiresAt,
            tempPasswordUsedAt: null,
            pendingPasswordHash: null,
            pendingPasswordExpiresAt: null,
            failedLoginCount: 0,
            lockedUntil: null,
            sessionVersion: { increment: 1 },
          },
    });
    if (updated.count !== 1) return { ok: false, reason: "not-found-or-disabled" };
    const applicant = await tx.applicant.findUniqueOrThrow({
      where: { id: applicantId },
      select: { loginId: true, name: true, email: true },
    });
    if (!isPending) await revokeAllSessions(tx, "APPLICANT", applicantId, at);
    const emailId = await enqueueEmail(tx, {
      template: "password-reissued",
      to: applicant.email,
      data: {
        name: applicant.name,
        loginId: applicant.loginId,
        loginUrl: loginUrl(),
        issuedAt: at.toISOString(),
        expiresAt: expiresAt.toISOString(),
        mode: isPending ? "pending" : "replace",
      },
      secretData: { temporaryPassword },
      authSecret: env.AUTH_SECRET,
      at,
      applicantId,
    });
    await recordAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: actor.action ?? "applicant.password-reissued",
      targetType: "applicant",
      targetId: applicantId,
      ip: actor.ip,
      at,
      details: { reason: actor.reason, mode: isPending ? "pending" : "replace", emailId },
    });
    return { ok: true, emailId };
  });
}
