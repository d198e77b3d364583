// A new 申請用パスワード: the old password dies, every session ends, the forced change applies
// again, and the email is queued in the same transaction.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { generateTemporaryPassword } from "@/lib/auth/temp-password";
import { hashPassword } from "@/lib/auth/password-hash";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordAudit, type AuditActorType } from "@/lib/audit/record-audit";
import { loginUrl } from "@/lib/applicants/issue-applicant";

export async function reissueTemporaryPassword(
  applicantId: string,
  actor: { type: AuditActorType; id: string | null; ip: string | null; reason: string },
) {
  const env = getEnv();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword, env.BCRYPT_COST);
  const at = now();
  const expiresAt = new Date(at.getTime() + env.TEMP_PASSWORD_DAYS * 86_400_000);
  await db.$transaction(async (tx) => {
    const applicant = await tx.applicant.update({
      where: { id: applicantId },
      data: {
        passwordHash,
        mustChangePassword: true,
        tempPasswordExpiresAt: expiresAt,
        tempPasswordUsedAt: null,
        failedLoginCount: 0,
        lockedUntil: null,
        sessionVersion: { increment: 1 },
      },
      select: { loginId: true, name: true, email: true },
    });
    await revokeAllSessions(tx, "APPLICANT", applicantId, at);
    await enqueueEmail(tx, {
      template: "password-reissued",
      to: applicant.email,
      data: {
        name: applicant.name,
        loginId: applicant.loginId,
        loginUrl: loginUrl(),
        issuedAt: at.toISOString(),
        expiresAt: expiresAt.toISOString(),
      },
      secretData: { temporaryPassword },
      authSecret: env.AUTH_SECRET,
      at,
    });
    await recordAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      action: "applicant.password-reissued",
      targetType: "applicant",
      targetId: applicantId,
      ip: actor.ip,
      at,
      details: { reason: actor.reason },
    });
  });
}
