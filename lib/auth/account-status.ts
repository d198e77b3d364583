// 利用停止, 利用停止の解除 and ロック解除 of an account by staff, once for applicants and staff
// accounts. Each is one conditional UPDATE, so a double post or two staff at once change the
// account once and audit it once; the caller runs it in its transaction, with its own checks (who
// may act on which account).
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbTransaction } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { accountSource, type AccountKind } from "@/lib/auth/accounts";

/** The staff member who acts. */
export interface StatusActor {
  staffId: string;
  ip: string | null;
}

export type StatusChange = "disabled" | "enabled" | "unlocked";

/** The old values a change reads from the row it locks (those its condition names). */
interface OldValues {
  disabled_at?: Date | null;
  locked_until?: Date | null;
  failed_login_count?: number;
}

interface ChangeRule {
  set: Prisma.Sql;
  condition: Prisma.Sql;
  old: Prisma.Sql;
  /** 利用停止 ends every session of the account at once. */
  endsSessions: boolean;
  /** What the audit entry says was undone. */
  details?: (before: OldValues) => Prisma.InputJsonValue;
}

const CHANGES: Readonly<Record<StatusChange, (at: Date) => ChangeRule>> = {
  // 利用停止: sign-in refused from now on.
  disabled: (at) => ({
    set: Prisma.sql`disabled_at = ${at}, session_version = account.session_version + 1, updated_at = ${at}`,
    condition: Prisma.sql`disabled_at IS NULL`,
    old: Prisma.sql`disabled_at`,
    endsSessions: true,
  }),
  // 利用停止の解除: the owner may sign in again with the password they had.
  enabled: (at) => ({
    set: Prisma.sql`disabled_at = NULL, updated_at = ${at}`,
    condition: Prisma.sql`disabled_at IS NOT NULL`,
    old: Prisma.sql`disabled_at`,
    endsSessions: false,
    details: (before) => ({ disabledAt: before.disabled_at?.toISOString() ?? null }),
  }),
  // ロック解除: only while locked; the wrong-password count starts again.
  unlocked: (at) => ({
    set: Prisma.sql`locked_until = NULL, failed_login_count = 0, updated_at = ${at}`,
    condition: Prisma.sql`locked_until > ${at}`,
    old: Prisma.sql`locked_until, failed_login_count`,
    endsSessions: false,
    details: (before) => ({
      lockedUntil: before.locked_until?.toISOString() ?? null,
      failedLoginCount: before.failed_login_count ?? 0,
    }),
  }),
};

/**
 * Makes the change when the account is in the state it changes (the condition), reading the old
 * values from the row it locks, and audits it in the caller's transaction. Under a concurrent
 * change the locked row is checked again, so of two changes racing only one can win. False when
 * there was nothing to change (or no such account).
 */
export async function changeAccountStatus(
  tx: DbTransaction,
  kind: AccountKind,
  change: StatusChange,
  accountId: string,
  actor: StatusActor,
  at: Date,
): Promise<boolean> {
  const rule = CHANGES[change](at);
  const source = accountSource(kind);
  const table = Prisma.raw(source.table);
  const rows = await tx.$queryRaw<OldValues[]>`
    UPDATE ${table} AS account SET ${rule.set}
    FROM (SELECT id, ${rule.old} FROM ${table}
          WHERE id = ${accountId}::uuid AND ${rule.condition} FOR UPDATE) AS old
    WHERE account.id = old.id
    RETURNING old.*`;
  const before = rows[0];
  if (!before) return false;
  if (rule.endsSessions) await revokeAllSessions(tx, source.role, accountId, at);
  await recordAudit(tx, {
    actorType: "staff",
    actorId: actor.staffId,
    action: `${source.auditType}.${change}`,
    targetType: source.auditType,
    targetId: accountId,
    ip: actor.ip,
    at,
    details: rule.details?.(before),
  });
  return true;
}
