// 再送する (staff): a FAILED email goes back to QUEUED, due now. Its attempt count starts again
// at 0, so the worker gives it the whole backoff schedule once more; the count it failed with
// is kept in the audit entry ("email.retried", details.previousAttempts), and lastError stays
// on the row until the next attempt replaces it (a success clears it).
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { checkEmailRetry, type EmailRetryRefusal } from "@/lib/mail/check-email-retry";

export type RetryEmailResult = { ok: true } | { ok: false; reason: EmailRetryRefusal | "not-found" };

export async function retryFailedEmail(
  emailId: string,
  actor: { staffId: string; ip: string | null },
): Promise<RetryEmailResult> {
  const at = now();
  return db.$transaction(async (tx): Promise<RetryEmailResult> => {
    const email = await tx.emailOutbox.findUnique({
      where: { id: emailId },
      select: { status: true, template: true, payload: true, secretPayload: true, attempts: true },
    });
    if (!email) return { ok: false, reason: "not-found" };
    const check = checkEmailRetry({ ...email, hasSecret: email.secretPayload !== null });
    if (!check.canRetry) return { ok: false, reason: check.reason };
    // Conditional on FAILED: a second click (or a second staff member) queues it once.
    const updated = await tx.emailOutbox.updateMany({
      where: { id: emailId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: at, lockedAt: null },
    });
    if (updated.count !== 1) return { ok: false, reason: "not-failed" };
    await recordAudit(tx, {
      actorType: "staff",
      actorId: actor.staffId,
      action: "email.retried",
      targetType: "email",
      targetId: emailId,
      ip: actor.ip,
      at,
      details: { template: email.template, previousAttempts: email.attempts },
    });
    return { ok: true };
  });
}
