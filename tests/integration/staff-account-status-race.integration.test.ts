// 利用停止 / 利用停止の解除 / ロック解除 of a staff account, raced: two administrators (or one double
// post) at the same moment change the account once and audit it once, as for applicants. Each
// race is made certain: a third transaction holds the account's row while both changes start,
// so both have read the account before either can write it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { StaffRole } from "@/lib/generated/prisma/client";
import {
  disableStaffAccount,
  enableStaffAccount,
  unlockStaffAccount,
  type StaffAccountChangeResult,
} from "@/lib/staff/change-staff-account-status";

async function createStaff(role: StaffRole, data: { disabledAt?: Date; lockedUntil?: Date } = {}) {
  return db.staffUser.create({
    data: {
      email: `status-race-${role.toLowerCase()}-${randomUUID()}@example.test`,
      name: "試験 職員",
      passwordHash: "unused",
      role,
      failedLoginCount: data.lockedUntil ? 5 : 0,
      ...data,
    },
    select: { id: true },
  });
}

/**
 * Runs both changes while another transaction holds the account's row for half a second, so
 * that both have read the account and wait on its row before either can write.
 */
async function race(
  staffId: string,
  changes: [() => Promise<StaffAccountChangeResult>, () => Promise<StaffAccountChangeResult>],
): Promise<StaffAccountChangeResult[]> {
  let onRowHeld!: () => void;
  const isRowHeld = new Promise<void>((resolve) => (onRowHeld = resolve));
  const holder = db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM staff_user WHERE id = ${staffId}::uuid FOR UPDATE`;
    onRowHeld();
    await tx.$executeRaw`SELECT pg_sleep(0.5)`;
  });
  await isRowHeld;
  const results = await Promise.all(changes.map((change) => change()));
  await holder;
  return results;
}

const auditRows = (action: string, targetId: string) =>
  db.auditLog.findMany({ where: { action, targetId }, select: { details: true } });

const LOCKED_UNTIL = new Date(Date.now() + 30 * 60_000);

describe("staff account status changes racing", () => {
  it.each([
    {
      change: "利用停止の解除",
      run: enableStaffAccount,
      audit: "staff.enabled",
      before: { disabledAt: new Date("2026-01-01T00:00:00Z") },
      after: { disabledAt: null },
    },
    {
      change: "ロック解除",
      run: unlockStaffAccount,
      audit: "staff.unlocked",
      before: { lockedUntil: LOCKED_UNTIL },
      after: { lockedUntil: null, failedLoginCount: 0 },
    },
    {
      change: "利用停止",
      run: disableStaffAccount,
      audit: "staff.disabled",
      before: {},
      after: { disabledAt: expect.any(Date) },
    },
  ])(
    "$change by two administrators at once: one changes the account and is audited, the other finds nothing to do",
    async ({ run, audit, before, after }) => {
      const [first, second] = [await createStaff("ADMIN"), await createStaff("ADMIN")];
      const member = await createStaff("STAFF", before);

      const results = await race(member.id, [
        () => run({ actorId: first.id, staffId: member.id, ip: null }),
        () => run({ actorId: second.id, staffId: member.id, ip: null }),
      ]);

      expect(results).toEqual(
        expect.arrayContaining([
          { ok: true, changed: true },
          { ok: true, changed: false },
        ]),
      );
      expect(await auditRows(audit, member.id)).toHaveLength(1);
      expect(await db.staffUser.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject(after);
    },
  );

  it("ロック解除 audits the lock it lifted", async () => {
    const admin = await createStaff("ADMIN");
    const member = await createStaff("STAFF", { lockedUntil: LOCKED_UNTIL });
    expect(await unlockStaffAccount({ actorId: admin.id, staffId: member.id, ip: null })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await auditRows("staff.unlocked", member.id)).toEqual([
      { details: { lockedUntil: LOCKED_UNTIL.toISOString(), failedLoginCount: 5 } },
    ]);
  });

  it("利用停止の解除 and 利用停止 at once: neither is lost — what each administrator is told, the audit and the account agree", async () => {
    const admin = await createStaff("ADMIN");
    const member = await createStaff("STAFF", { disabledAt: new Date() });

    const [enabled, disabled] = await race(member.id, [
      () => enableStaffAccount({ actorId: admin.id, staffId: member.id, ip: null }),
      () => disableStaffAccount({ actorId: admin.id, staffId: member.id, ip: null }),
    ]);

    // The outcome of one order or the other: 解除 then 停止 (both change the account, which ends
    // stopped) or 停止 first (nothing to stop yet) then 解除 (the account ends in use).
    const isStopped =
      (await db.staffUser.findUniqueOrThrow({ where: { id: member.id } })).disabledAt !== null;
    expect(enabled).toEqual({ ok: true, changed: true });
    expect(disabled).toEqual({ ok: true, changed: isStopped });
    expect(await auditRows("staff.enabled", member.id)).toHaveLength(1);
    expect(await auditRows("staff.disabled", member.id)).toHaveLength(isStopped ? 1 : 0);
  });
});
