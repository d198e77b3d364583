// 職員アカウント: the list and one account, for administrators' pages (callers check the role).
import "server-only";
import type { StaffRole } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { isStaffId } from "@/lib/schemas/staff-account";

export type StaffAccountState = "ACTIVE" | "PENDING" | "LOCKED" | "DISABLED";

interface StateFields {
  disabledAt: Date | null;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
}

/** One state per account, the one that stops its owner first: 利用停止, then ロック中, then 変更前. */
export function staffAccountState(account: StateFields, at: Date): StaffAccountState {
  if (account.disabledAt) return "DISABLED";
  if (account.lockedUntil && account.lockedUntil > at) return "LOCKED";
  if (account.mustChangePassword) return "PENDING";
  return "ACTIVE";
}

const accountSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  mustChangePassword: true,
  tempPasswordExpiresAt: true,
  passwordChangedAt: true,
  lockedUntil: true,
  disabledAt: true,
  createdAt: true,
  createdByStaffId: true,
} as const;

export interface StaffAccountRow {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  mustChangePassword: boolean;
  tempPasswordExpiresAt: Date | null;
  passwordChangedAt: Date | null;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  createdAt: Date;
  createdByStaffId: string | null;
}

/** Every staff account, newest first. An office has tens of staff, not thousands: no paging. */
export function listStaffAccounts(): Promise<StaffAccountRow[]> {
  return db.staffUser.findMany({ select: accountSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** One account and the name of the administrator who created it (null for the command line). */
export async function findStaffAccount(
  staffId: string,
): Promise<(StaffAccountRow & { createdByName: string | null }) | null> {
  if (!isStaffId(staffId)) return null;
  const account = await db.staffUser.findUnique({ where: { id: staffId }, select: accountSelect });
  if (!account) return null;
  const creator = account.createdByStaffId
    ? await db.staffUser.findUnique({ where: { id: account.createdByStaffId }, select: { name: true } })
    : null;
  return { ...account, createdByName: creator?.name ?? null };
}
