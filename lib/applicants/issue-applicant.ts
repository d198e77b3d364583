// 申請用ログインID発行: creates the applicant with a temporary password and queues the ID email,
// in one transaction. The single form uses issueApplicant; bulk issuance
// (lib/bulk-issue/process-job.ts) composes the same pieces inside its own per-row transaction.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type DbTransaction } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { generateLoginId } from "@/lib/auth/login-id";
import { generateTemporaryPassword } from "@/lib/auth/temp-password";
import { hashPassword } from "@/lib/auth/password-hash";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Locale } from "@/lib/i18n/locales";

export const loginUrl = () => `${getEnv().APP_URL}/login`;

export interface IssueApplicantInput {
  name: string;
  email: string;
  /** The staff member who issued it; null for self-service. */
  staffId: string | null;
  ip: string | null;
  /** Added to the applicant.issued audit entry (e.g. the bulk job and row). */
  auditDetails?: Prisma.InputJsonObject;
  /** 利用申し込み: the language of the page it came from, kept as the applicant's and used for the ID email (issue 15). */
  preferredLocale?: Locale;
}

/** The emailed 申請用パスワード and its hash. The hash is the slow part (bcrypt, BCRYPT_COST). */
export interface TemporaryCredentials {
  temporaryPassword: string;
  passwordHash: string;
}

/** `hash`: bcrypt in this process, or the bulk worker's pool of low-priority processes. */
export async function createTemporaryCredentials(
  cost: number = getEnv().BCRYPT_COST,
  hash: (password: string, cost: number) => Promise<string> = hashPassword,
): Promise<TemporaryCredentials> {
  const temporaryPassword = generateTemporaryPassword();
  return { temporaryPassword, passwordHash: await hash(temporaryPassword, cost) };
}

/**
 * Serialises every issuance for one address (single form and bulk alike) until the transaction
 * ends, so a check for an existing applicant made after it sees any issuance that won the race.
 */
export async function lockApplicantEmail(tx: DbTransaction, email: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(lower(${email}), 0))`;
}

/** Whether an applicant with this email exists, ignoring case (uses the lower(email) index). */
export async function hasApplicantWithEmail(
  client: Pick<DbTransaction, "$queryRaw">,
  email: string,
): Promise<boolean> {
  const rows = await client.$queryRaw<{ found: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM applicant WHERE lower(email) = lower(${email})) AS found`;
  return rows[0]?.found === true;
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/**
 * Runs a transaction that writes an applicant again when its random login ID was taken: a random
 * 12-digit space makes collisions rare, and PostgreSQL aborts the whole transaction on one.
 */
export async function retryOnLoginIdCollision<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (isUniqueViolation(error) && tries < 5) continue;
      throw error;
    }
  }
}

/** The applicant, its ID email (outbox) and the audit entry, inside the caller's transaction. */
export async function writeIssuedApplicant(
  tx: DbTransaction,
  input: IssueApplicantInput,
  credentials: TemporaryCredentials,
) {
  const env = getEnv();
  const at = now();
  const expiresAt = new Date(at.getTime() + env.TEMP_PASSWORD_DAYS * 86_400_000);
  const loginId = generateLoginId();
  const applicant = await tx.applicant.create({
    data: {
      loginId,
      name: input.name,
      email: input.email,
      passwordHash: credentials.passwordHash,
      mustChangePassword: true,
      tempPasswordExpiresAt: expiresAt,
      issuedAt: at,
      issuedByStaffId: input.staffId,
      preferredLocale: input.preferredLocale ?? null,
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
    secretData: { temporaryPassword: credentials.temporaryPassword },
    authSecret: env.AUTH_SECRET,
    at,
    locale: input.preferredLocale,
  });
  await recordAudit(tx, {
    actorType: input.staffId ? "staff" : "anonymous",
    actorId: input.staffId,
    action: "applicant.issued",
    targetType: "applicant",
    targetId: applicant.id,
    ip: input.ip,
    at,
    details: { ...input.auditDetails, loginId, emailId },
  });
  return { ...applicant, emailId };
}

export async function issueApplicant(input: IssueApplicantInput, credentials?: TemporaryCredentials) {
  const issuedWith = credentials ?? (await createTemporaryCredentials());
  return retryOnLoginIdCollision(() =>
    db.$transaction(async (tx) => {
      await lockApplicantEmail(tx, input.email);
      return writeIssuedApplicant(tx, input, issuedWith);
    }),
  );
}
