// 利用停止 / 利用停止の解除 / ロック解除 of a staff account, by an administrator: who may act on
// which account is decided here; the change itself is the conditional UPDATE of account-status.ts
// (as for applicants), so two administrators at once change the account once and audit it once.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type DbTransaction } from "@/lib/db";
import { now } from "@/lib/clock";
import { changeAccountStatus, type StatusChange } from "@/lib/auth/account-status";
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

/** Makes the change; when there was nothing to change, tells "already so" from "no such account". */
async function applyChange(
  tx: DbTransaction,
  input: StaffAccountChangeInput,
  change: StatusChange,
  at: Date,
): Promise<StaffAccountChangeResult> {
  const actor = { staffId: input.actorId, ip: input.ip };
  const changed = await changeAccountStatus(tx, "staff", change, input.staffId, actor, at);
  if (changed) return { ok: true, changed: true };
  const exists = (await tx.staffUser.count({ where: { id: input.staffId } })) === 1;
  return exists ? { ok: true, changed: false } : NOT_FOUND;
}

export async function disableStaffAccount(input: StaffAccountChangeInput): Promise<StaffAccountChangeResult> {
  if (!isStaffId(input.staffId)) return NOT_FOUND;
  const at = now();
  return db.$transaction(async (tx) => {
    const activeAdmins = await lockActiveAdmins(tx);
    if (!activeAdmins.has(input.actorId)) return FORBIDDEN;
    // Checked before "self": the only administrator disabling their own account learns the
    // reason that matters (nobody could administer afterwards). An account already stopped (or
    // none) is neither: the conditional UPDATE answers it.
    if (activeAdmins.has(input.staffId) && activeAdmins.size <= 1) return { ok: false, reason: "last-admin" };
    if (input.staffId === input.actorId) return { ok: false, reason: "self" };
    return applyChange(tx, input, "disabled", at);
  });
}

/** 利用停止の解除 and ロック解除: any active administrator may, on any account (their own too). */
async function changeAsAdmin(
  input: StaffAccountChangeInput,
  change: "enabled" | "unlocked",
): Promise<StaffAccountChangeResult> {
  if (!isStaffId(input.staffId)) return NOT_FOUND;
  const at = now();
  return db.$transaction(async (tx) => {
    if (!(await isActingAdmin(tx, input.actorId))) return FORBIDDEN;
    return applyChange(tx, input, change, at);
  });
}

export const enableStaffAccount = (input: StaffAccountChangeInput) => changeAsAdmin(input, "enabled");

/** Lifts a lockout (the wrong-password count starts again); nothing to do when none is in force. */
export const unlockStaffAccount = (input: StaffAccountChangeInput) => changeAsAdmin(input, "unlocked");
