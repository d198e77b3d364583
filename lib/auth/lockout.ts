// Account lockout: LOCKOUT_THRESHOLD wrong passwords in a row lock the account for LOCKOUT_MINUTES.
// An attempt is counted *before* the password is checked, in one atomic UPDATE, so concurrent
// wrong attempts cannot slip past the threshold: the database row serialises them.
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";

export type AccountTable = "applicant" | "staff_user";

export type AttemptClaim =
  { status: "claimed"; attempt: number } | { status: "locked"; lockedUntil: Date | null };

export interface LockoutPolicy {
  threshold: number;
  lockMs: number;
}

type Raw = Pick<DbClient, "$queryRaw" | "$executeRaw">;

const table = (name: AccountTable) => Prisma.raw(name === "applicant" ? "applicant" : "staff_user");

/**
 * Counts an attempt on the account, or reports that it is locked (and then checks nothing).
 * The attempt that reaches the threshold locks the account in the same statement, before its
 * password is even checked: a crash or a concurrent attempt can never find the threshold
 * reached but no lock set. If that attempt's password turns out right, the lock is lifted.
 */
export async function claimLoginAttempt(
  client: Raw,
  accountTable: AccountTable,
  accountId: string,
  policy: LockoutPolicy,
  at: Date,
): Promise<AttemptClaim> {
  const lockUntil = new Date(at.getTime() + policy.lockMs);
  const rows = await client.$queryRaw<{ failed_login_count: number }[]>`
    WITH next AS (
      SELECT id, CASE WHEN locked_until IS NOT NULL AND locked_until <= ${at}
                      THEN 1 ELSE failed_login_count + 1 END AS attempt
      FROM ${table(accountTable)}
      WHERE id = ${accountId}::uuid AND (locked_until IS NULL OR locked_until <= ${at})
      FOR UPDATE)
    UPDATE ${table(accountTable)} AS account SET
      failed_login_count = next.attempt,
      locked_until = CASE WHEN next.attempt >= ${policy.threshold} THEN ${lockUntil}::timestamptz END
    FROM next WHERE account.id = next.id
    RETURNING account.failed_login_count`;
  const row = rows[0];
  if (row) return { status: "claimed", attempt: row.failed_login_count };
  const current = await client.$queryRaw<{ locked_until: Date | null }[]>`
    SELECT locked_until FROM ${table(accountTable)} WHERE id = ${accountId}::uuid`;
  return { status: "locked", lockedUntil: current[0]?.locked_until ?? null };
}

/**
 * After a wrong password: when this attempt reached the threshold (and so locked the account),
 * ends every session of the account and returns when the lock ends.
 */
export async function settleFailedAttempt(
  client: Raw,
  accountTable: AccountTable,
  accountId: string,
  attempt: number,
  policy: LockoutPolicy,
): Promise<Date | null> {
  if (attempt < policy.threshold) return null;
  const rows = await client.$queryRaw<{ locked_until: Date | null }[]>`
    UPDATE ${table(accountTable)} SET session_version = session_version + 1
    WHERE id = ${accountId}::uuid
    RETURNING locked_until`;
  return rows[0]?.locked_until ?? null;
}

/** After a right password: the count starts again. */
export async function settleSuccessfulAttempt(
  client: Raw,
  accountTable: AccountTable,
  accountId: string,
): Promise<void> {
  await client.$executeRaw`
    UPDATE ${table(accountTable)} SET failed_login_count = 0, locked_until = NULL
    WHERE id = ${accountId}::uuid`;
}
