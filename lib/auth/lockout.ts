// Account lockout: LOCKOUT_THRESHOLD wrong passwords in a row lock the account for LOCKOUT_MINUTES.
// An attempt is counted *before* the password is checked, in one atomic UPDATE, so concurrent
// wrong attempts cannot slip past the threshold: the database row serialises them.
// A lock only stops new sign-ins: open sessions are left alone (staff end them by hand), so a
// stranger who guesses an address cannot throw its owner out. Attempts made during a lock are
// counted too, and the caller checks at most LOCKOUT_THRESHOLD more of them (duringLockCheckLimit).
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";
import type { LockoutPolicy } from "@/lib/auth/policies";

export type AccountTable = "applicant" | "staff_user";

export type AttemptClaim =
  { status: "claimed"; attempt: number } | { status: "locked"; lockedUntil: Date | null; attempt: number };

type Raw = Pick<DbClient, "$queryRaw" | "$executeRaw">;

const table = (name: AccountTable) => Prisma.raw(name === "applicant" ? "applicant" : "staff_user");

/**
 * How many attempts in a row (counting those that locked the account) may still have their
 * password checked while the account is locked: the lock answers 「ロック」 only to the right
 * password, and this keeps that answer from turning the lock into an unlimited guessing oracle.
 */
export const duringLockCheckLimit = (policy: LockoutPolicy) => policy.threshold * 2;

/**
 * Counts an attempt on the account and reports whether it was already locked.
 * The attempt that reaches the threshold locks the account in the same statement, before its
 * password is even checked: a crash or a concurrent attempt can never find the threshold
 * reached but no lock set. If that attempt's password turns out right, the lock is lifted.
 * An attempt during a lock is counted but leaves the lock's end where it is.
 */
export async function claimLoginAttempt(
  client: Raw,
  accountTable: AccountTable,
  accountId: string,
  policy: LockoutPolicy,
  at: Date,
): Promise<AttemptClaim> {
  const lockUntil = new Date(at.getTime() + policy.lockMs);
  const rows = await client.$queryRaw<
    { failed_login_count: number; locked_until: Date | null; was_locked: boolean }[]
  >`
    WITH next AS (
      SELECT id,
             (locked_until IS NOT NULL AND locked_until > ${at}) AS was_locked,
             CASE WHEN locked_until IS NOT NULL AND locked_until <= ${at}
                  THEN 1 ELSE failed_login_count + 1 END AS attempt
      FROM ${table(accountTable)}
      WHERE id = ${accountId}::uuid
      FOR UPDATE)
    UPDATE ${table(accountTable)} AS account SET
      failed_login_count = next.attempt,
      locked_until = CASE WHEN next.was_locked THEN account.locked_until
                          WHEN next.attempt >= ${policy.threshold} THEN ${lockUntil}::timestamptz END
    FROM next WHERE account.id = next.id
    RETURNING account.failed_login_count, account.locked_until, next.was_locked`;
  const row = rows[0];
  // A vanished account is refused like a locked one, and nothing is checked for it.
  if (!row) return { status: "locked", lockedUntil: null, attempt: Number.MAX_SAFE_INTEGER };
  return row.was_locked
    ? { status: "locked", lockedUntil: row.locked_until, attempt: row.failed_login_count }
    : { status: "claimed", attempt: row.failed_login_count };
}

/**
 * After a wrong password: when this attempt reached the threshold (and so locked the account),
 * returns when the lock ends. Open sessions are left alone unless endSessions is given: the
 * password-change form asks for it, because there the guesses come from a session of the account.
 */
export async function settleFailedAttempt(
  client: Raw,
  accountTable: AccountTable,
  accountId: string,
  attempt: number,
  policy: LockoutPolicy,
  options: { endSessions?: boolean } = {},
): Promise<Date | null> {
  if (attempt < policy.threshold) return null;
  const rows = options.endSessions
    ? await client.$queryRaw<{ locked_until: Date | null }[]>`
        UPDATE ${table(accountTable)} SET session_version = session_version + 1
        WHERE id = ${accountId}::uuid
        RETURNING locked_until`
    : await client.$queryRaw<{ locked_until: Date | null }[]>`
        SELECT locked_until FROM ${table(accountTable)} WHERE id = ${accountId}::uuid`;
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
