"use server";
// パスワードを忘れた場合: when the login ID and the registered e-mail match, a new 申請用パスワード
// is emailed; the current password keeps working until the new one is used. The answer is the same whether or not they matched; throttled per IP and per ID.
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { verifyAgainstDummy } from "@/lib/auth/password-hash";
import { reissueTemporaryPassword } from "@/lib/applicants/reissue-password";
import { recordAudit } from "@/lib/audit/record-audit";
import { getRequestContext } from "@/lib/dal/request-context";
import { THROTTLED_MESSAGE } from "@/lib/auth/messages";
import { passwordReissueRequestSchema } from "@/lib/schemas/login";
import { emailKey } from "@/lib/schemas/normalize";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function requestPasswordReissueAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await applyActionFault("requestPasswordReissueAction");
  const values = formDataToStrings(formData, ["loginId", "email"]);
  const parsed = passwordReissueRequestSchema.safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });

  const env = getEnv();
  const at = now();
  const { ip } = await getRequestContext();
  const hourMs = 3_600_000;
  const byIp = await hitRateLimit(
    db,
    `reissue-ip:${ip ?? "unknown"}`,
    env.RESET_LIMIT_PER_HOUR * 4,
    hourMs,
    at,
  );
  const byId = await hitRateLimit(
    db,
    `reissue-id:${parsed.data.loginId}`,
    env.RESET_LIMIT_PER_HOUR,
    hourMs,
    at,
  );
  if (!byIp.allowed || !byId.allowed) {
    await recordAudit(db, { actorType: "anonymous", action: "password-reissue.throttled", ip, at });
    return errorState({ formError: THROTTLED_MESSAGE, values });
  }

  const applicant = await db.applicant.findUnique({
    where: { loginId: parsed.data.loginId },
    select: { id: true, email: true, disabledAt: true },
  });
  const matches =
    applicant !== null &&
    applicant.disabledAt === null &&
    emailKey(applicant.email) === emailKey(parsed.data.email);
  if (matches) {
    await reissueTemporaryPassword(applicant.id, {
      type: "anonymous",
      id: null,
      ip,
      reason: "forgot-password",
      // Nothing changes until the emailed password is used: knowing a login ID and its e-mail
      // must not be enough to end the owner's password or sessions.
      mode: "pending",
    });
  } else {
    // Spend about the same time as a reissue (one bcrypt hash), so timing does not tell.
    await verifyAgainstDummy(parsed.data.email, env.BCRYPT_COST);
    await recordAudit(db, {
      actorType: "anonymous",
      action: "password-reissue.no-match",
      targetType: applicant ? "applicant" : undefined,
      targetId: applicant?.id ?? null,
      ip,
      at,
    });
  }
  redirect("/password/forgot?sent=1");
}
