// 申請用ログインID発行: creates the applicant with a temporary password and queues the ID email,
// in one transaction.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { generateLoginId } from "@/lib/auth/login-id";
import { generateTemporaryPassword } from "@/lib/auth/temp-password";
import { hashPassword } from "@/lib/auth/password-hash";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";

export const loginUrl = () => `${getEnv().APP_URL}/login`;

export interface IssueApplicantInput {
  name: string;
  email: string;
  /** The staff member who issued it; null for self-service. */
  staffId: string | null;
  ip: string | null;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function issueApplicant(input: IssueApplicantInput) {
  const env = getEnv();
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword, env.BCRYPT_COST);

  // A random 12-digit space makes collisions rare; retry the few that happen.
  for (let tries = 0; ; tries += 1) {
    const at = now();
    const expiresAt = new Date(at.getTime() + env.TEMP_PASSWORD_DAYS * 86_400_000);
    const loginId = generateLoginId();
    try {
      return await db.$transaction(async (tx) => {
        const applicant = await tx.applicant.create({
          data: {
            loginId,
            name: input.name,
            email: input.email,
            passwordHash,
            mustChangePassword: true,
            tempPasswordExpiresAt: expiresAt,
            issuedAt: at,
            issuedByStaffId: input.staffId,
          },
          select: { id: true, loginId: true, name: true, email: true, issuedAt: true },
        });
        const emailId = await enqueueEmail(tx, {
          template: "applicant-id-issued",
          to: input.email,
          data: {
            name: input.name,
            loginId,
            loginUrl: loginUrl(),
            issuedAt: at.toISOString(),
            expiresAt: expiresAt.toISOString(),
          },
          secretData: { temporaryPassword },
          authSecret: env.AUTH_SECRET,
          at,
        });
        await recordAudit(tx, {
          actorType: input.staffId ? "staff" : "anonymous",
          actorId: input.staffId,
          action: "applicant.issued",
          targetType: "applicant",
          targetId: applicant.id,
          ip: input.ip,
          at,
          details: { loginId, emailId },
        });
        return { ...applicant, emailId };
      });
    } catch (error) {
      if (isUniqueViolation(error) && tries < 5) continue;
      throw error;
    }
  }
}
