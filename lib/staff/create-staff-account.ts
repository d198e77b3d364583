// 職員アカウントの作成: the account with a temporary password (to be replaced at the first
// sign-in), its email (the password only sealed in the outbox) and the audit row, in one
// transaction.
import { Prisma, type StaffRole } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { generateTemporaryPassword } from "@/lib/auth/temp-password";
import { hashPassword } from "@/lib/auth/password-hash";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";
import { isActingAdmin, staffLoginUrl } from "@/lib/staff/acting-admin";

export interface CreateStaffAccountInput {
  actorId: string;
  name: string;
  /** Already normalised and lower-cased by staffAccountCreateSchema. */
  email: string;
  role: StaffRole;
  ip: string | null;
}

export type CreateStaffAccountResult =
  { ok: true; id: string; emailId: string } | { ok: false; reason: "forbidden" | "email-taken" };

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createStaffAccount(input: CreateStaffAccountInput): Promise<CreateStaffAccountResult> {
  const env = getEnv();
  if (!(await isActingAdmin(db, input.actorId))) return { ok: false, reason: "forbidden" };

  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword, env.BCRYPT_COST);
  const at = now();
  const expiresAt = new Date(at.getTime() + env.TEMP_PASSWORD_DAYS * 86_400_000);
  try {
    return await db.$transaction(async (tx) => {
      const staff = await tx.staffUser.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          role: input.role,
          mustChangePassword: true,
          tempPasswordExpiresAt: expiresAt,
          createdByStaffId: input.actorId,
          createdAt: at,
        },
        select: { id: true },
      });
      const emailId = await enqueueEmail(tx, {
        template: "staff-account-created",
        to: input.email,
        data: {
          name: input.name,
          email: input.email,
          loginUrl: staffLoginUrl(env.APP_URL),
          issuedAt: at.toISOString(),
          expiresAt: expiresAt.toISOString(),
        },
        secretData: { temporaryPassword },
        authSecret: env.AUTH_SECRET,
        at,
      });
      await recordAudit(tx, {
        actorType: "staff",
        actorId: input.actorId,
        action: "staff.created",
        targetType: "staff",
        targetId: staff.id,
        ip: input.ip,
        at,
        details: { role: input.role, emailId },
      });
      return { ok: true as const, id: staff.id, emailId };
    });
  } catch (error) {
    // The unique index decides, so two admins creating the same address at once get one account.
    if (isUniqueViolation(error)) return { ok: false, reason: "email-taken" };
    throw error;
  }
}
