// 利用停止 / 利用停止の解除 / ロック解除 of a staff account, by an administrator. Each change and
// its audit row are one transaction; disabling also ends every session of the account.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type DbTransaction } from "@/lib/db";
import { now } from "@/lib/clock";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import { isActingAdmin } from "@/lib/staff/acting-admin";
import { isStaffId } from "@/lib/schemas/staff-account";

export interface StaffAccountChangeInput {
  actorId: string;
  staffId: string;
  ip: string | null;
}

/** `changed: false` when the account was already in that state (e.g. a second click). */
export type StaffAccountChangeResult =
  { ok: true; changed: boolean } | { ok: false; reason: "forbidden" | "not-found" | "self" | "last-admin" };

const FORBIDDEN = { ok: false, reason: "forbidden" } as const;
const NOT_FOUND = { ok: false, reason: "not-found" } as const;

/**
 * Locks the rows of every active administrator for the rest of the transaction and returns their
 * ids. Two administrators disabling each other at the same moment are serialised here: the second
 * finds itself disabled and is refused, so at least one active administrator always remains.
 */
async function lockActiveAdmins(tx: DbTransaction): Promise<Set<string>> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id::text AS id FROM staff_user
    WHERE role = 'ADMIN' AND disabled_at IS NULL
    ORDER BY id
    FOR UPDATE`);
  return new Set(rows.map((row) => row.id));
}

export async function disableStaffAccount(input: StaffAccountChangeInput): Promise<StaffAccountChangeResult> {
  if (!isStaffId(input.staffId)) return NOT_FOUND;
  const at = now();
  return db.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    if (!activeAdmins.has(input.actorId)) return FORBIDDEN;
    const target = await tx.staffUser.findUnique({
      where: { id: input.staffId },
      select: { id: true, disabledAt: true },
    });
    if (!target) return NOT_FOUND;
    if (target.disabledAt) return { ok: true, changed: false };
    // Checked before "self": the only administrator disabling their own account learns the
    // reason that matters (nobody could administer afterwards).
    if (activeAdmins.has(target.id) && activeAdmins.size <= 1) return { ok: false, reason: "last-admin" };
    if (target.id === input.actorId) return { ok: false, reason: "self" };

    await tx.staffUser.update({
      where: { id: target.id },
      data: { disabledAt: at, sessionVersion: { increment: 1 } },
    });
    await revokeAllSessions(tx, "STAFF", target.id, at);
    await recordAudit(tx, {
      actorType: "staff",
      actorId: input.actorId,
      action: "staff.disabled",
      targetType: "staff",
      targetId: target.id,
      ip: input.ip,
      at,
    });
    return { ok: true, changed: true };
  });
}

export async function enableStaffAccount(input: StaffAccountChangeInput): Promise<StaffAccountChangeResult> {
  if (!isStaffId(input.staffId)) return NOT_FOUND;
  const at = now();
  return db.$transaction(async (tx) => {
    if (!(await isActingAdmin(tx, input.actorId))) return FORBIDDEN;
    const target = await tx.staffUser.findUnique({
      where: { id: input.staffId },
      select: { id: true, disabledAt: true },
    });
    if (!target) return NOT_FOUND;
    if (!target.disabledAt) return { ok: true, changed: false };
    await tx.staffUser.update({ where: { id: target.id }, data: { disabledAt: null } });
    await recordAudit(tx, {
      actorType: "staff",
      actorId: input.actorId,
      action: "staff.enabled",
      targetType: "staff",
      targetId: target.id,
      ip: input.ip,
      at,
    });
    return { ok: true, changed: true };
  });
}

/** Lifts a lockout (the wrong-password count starts again); nothing to do when none is in force. */
export async function unlockStaffAccount(input: StaffAccountChangeInput): Promise<StaffAccountChangeResult> {
  if (!isStaffId(input.staffId)) return NOT_FOUND;
  const at = now();
  return db.$transaction(async (tx) => {
    if (!(await isActingAdmin(tx, input.actorId))) return FORBIDDEN;
    const target = await tx.staffUser.findUnique({
      where: { id: input.staffId },
      select: { id: true, lockedUntil: true },
    });
    if (!target) return NOT_FOUND;
    if (!target.lockedUntil || target.lockedUntil <= at) return { ok: true, changed: false };
    await tx.staffUser.update({
      where: { id: target.id },
      data: { failedLoginCount: 0, lockedUntil: null },
    });
    await recordAudit(tx, {
      actorType: "staff",
      actorId: input.actorId,
      action: "staff.unlocked",
      targetType: "staff",
      targetId: target.id,
      ip: input.ip,
      at,
      details: { lockedUntil: target.lockedUntil.toISOString() },
    });
    return { ok: true, changed: true };
  });
}
