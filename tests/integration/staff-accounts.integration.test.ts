// 職員アカウント against the real database: an administrator creates an account (temporary
// password only hashed and sealed, email and audit in the same transaction), the forced change,
// the expiry, 利用停止 (sign-in refused, sessions ended), the last-administrator and self rules,
// the lockout shared with applicants, and every administrators' function refusing a non-admin.
import { randomInt, randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { setClockOffset } from "@/lib/clock";
import { renderTemplate } from "@/emails/registry";
import { authenticateStaff, type RequestContext } from "@/lib/auth/authenticate";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { consumeSessionTicket, findValidSession, type SessionPolicy } from "@/lib/auth/sessions";
import { openSecret } from "@/lib/mail/secret-box";
import { checkPasswordPolicy } from "@/lib/schemas/password";
import type { StaffRole } from "@/lib/generated/prisma/client";
import { createStaffAccount } from "@/lib/staff/create-staff-account";
import {
  disableStaffAccount,
  enableStaffAccount,
  unlockStaffAccount,
} from "@/lib/staff/change-staff-account-status";
import { changePassword } from "@/lib/auth/change-password";
import { upsertStaffUser } from "@/lib/staff/upsert-staff-user";

const PASSWORD = "Ky7!mPq2zR";
const NEXT_PASSWORD = "Nw4$tRb8xLq";
const WRONG = "Wrong-Pass-99";

const hex4 = () => randomInt(0, 0x10000).toString(16);
/** A fresh address per call, so the shared per-IP login throttle never couples tests or files. */
const context = (): RequestContext => ({ ip: `2001:db8:${hex4()}:${hex4()}::7`, userAgent: "vitest" });
const uniqueEmail = (tag: string) => `staff-accounts-${tag}-${randomUUID()}@example.test`;

const policy = (): SessionPolicy => ({
  idleMs: getEnv().SESSION_IDLE_MINUTES * 60_000,
  maxMs: getEnv().SESSION_MAX_HOURS * 3_600_000,
});

async function createStaff(role: StaffRole, overrides: { password?: string } = {}) {
  return db.staffUser.create({
    data: {
      email: uniqueEmail(role.toLowerCase()),
      name: role === "ADMIN" ? "試験 管理者" : "試験 職員",
      passwordHash: await hashPassword(overrides.password ?? PASSWORD, getEnv().BCRYPT_COST),
      role,
    },
  });
}

/** Signs in and hands the ticket to "next-auth", as the login action does; returns the session id. */
async function signIn(email: string, password: string) {
  const result = await authenticateStaff(email, password, context());
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  expect(await consumeSessionTicket(db, result.sessionId, result.ticket)).toBe(true);
  return result;
}

const isSessionValid = async (sessionId: string) =>
  (await findValidSession(db, sessionId, policy(), new Date(), { touch: false })) !== null;

const auditRows = (action: string, targetId: string) =>
  db.auditLog.findMany({ where: { action, targetId }, orderBy: { at: "asc" } });

/** Creates an account through the administrators' function and reads the password back from the outbox. */
async function createThroughAdmin(admin: { id: string }, role: StaffRole = "STAFF") {
  const email = uniqueEmail("created");
  const result = await createStaffAccount({
    actorId: admin.id,
    name: "新規 職員",
    email,
    role,
    ip: "192.0.2.30",
  });
  if (!result.ok) throw new Error(`create refused: ${result.reason}`);
  const outbox = await db.emailOutbox.findUniqueOrThrow({ where: { id: result.emailId } });
  if (!outbox.secretPayload) throw new Error("secretPayload missing");
  const secret = openSecret(outbox.secretPayload, getEnv().AUTH_SECRET) as { temporaryPassword: string };
  return { ...result, email, outbox, temporaryPassword: secret.temporaryPassword };
}

afterEach(() => {
  setClockOffset(0);
});

describe("createStaffAccount", () => {
  it("creates the account with a hashed temporary password, and queues the email with it sealed", async () => {
    const admin = await createStaff("ADMIN");
    const created = await createThroughAdmin(admin);

    const staff = await db.staffUser.findUniqueOrThrow({
      where: { id: created.id },
      omit: { passwordHash: false },
    });
    expect(staff).toMatchObject({
      email: created.email,
      name: "新規 職員",
      role: "STAFF",
      mustChangePassword: true,
      createdByStaffId: admin.id,
      passwordChangedAt: null,
      disabledAt: null,
    });
    expect(staff.tempPasswordExpiresAt?.getTime()).toBe(
      staff.createdAt.getTime() + getEnv().TEMP_PASSWORD_DAYS * 86_400_000,
    );

    // The password: policy-conform, stored only as a bcrypt hash, in the outbox only sealed.
    expect(checkPasswordPolicy(created.temporaryPassword)).toEqual([]);
    expect(await verifyPassword(created.temporaryPassword, staff.passwordHash)).toBe(true);
    expect(staff.passwordHash).not.toContain(created.temporaryPassword);
    expect(created.outbox).toMatchObject({
      template: "staff-account-created",
      toAddress: created.email,
      status: "QUEUED",
    });
    expect(created.outbox.createdAt.getTime()).toBe(staff.createdAt.getTime());
    expect(created.outbox.payload).toEqual({
      name: "新規 職員",
      email: created.email,
      loginUrl: `${getEnv().APP_URL}/staff/login`,
      issuedAt: staff.createdAt.toISOString(),
      expiresAt: staff.tempPasswordExpiresAt?.toISOString(),
    });
    expect(JSON.stringify(created.outbox.payload)).not.toContain(created.temporaryPassword);
    expect(created.outbox.secretPayload).not.toContain(created.temporaryPassword);

    // What the worker renders from the row: the password and the staff login URL.
    const mail = renderTemplate("staff-account-created", {
      ...(created.outbox.payload as object),
      temporaryPassword: created.temporaryPassword,
    });
    expect(mail.text).toContain(`【仮パスワード】\n${created.temporaryPassword}`);
    expect(mail.text).toContain(`【職員用ログインURL】\n${getEnv().APP_URL}/staff/login`);

    const [audit, ...more] = await auditRows("staff.created", created.id);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actorType: "staff",
      actorId: admin.id,
      targetType: "staff",
      ip: "192.0.2.30",
    });
    expect(audit?.details).toEqual({ role: "STAFF", emailId: created.emailId });
  });

  it("refuses an address that already has an account, and writes nothing", async () => {
    const admin = await createStaff("ADMIN");
    const existing = await createStaff("STAFF");
    const outboxBefore = await db.emailOutbox.count({ where: { toAddress: existing.email } });

    const result = await createStaffAccount({
      actorId: admin.id,
      name: "重複 職員",
      email: existing.email,
      role: "ADMIN",
      ip: null,
    });

    expect(result).toEqual({ ok: false, reason: "email-taken" });
    expect(await db.staffUser.count({ where: { email: existing.email } })).toBe(1);
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      name: existing.name,
      role: "STAFF",
    });
    expect(await db.emailOutbox.count({ where: { toAddress: existing.email } })).toBe(outboxBefore);
  });
});

describe("the first sign-in of a created account", () => {
  it("holds the account to the change; afterwards the temporary password fails and the new one works", async () => {
    const admin = await createStaff("ADMIN");
    const created = await createThroughAdmin(admin);

    const first = await signIn(created.email, created.temporaryPassword);
    expect(first.mustChangePassword).toBe(true);
    expect(await isSessionValid(first.sessionId)).toBe(true);

    // A wrong current password changes nothing.
    expect(await changePassword("staff", created.id, WRONG, NEXT_PASSWORD, null)).toEqual({
      ok: false,
      reason: "wrong-current",
    });
    const changed = await changePassword("staff", created.id, created.temporaryPassword, NEXT_PASSWORD, null);
    expect(changed).toEqual({ ok: true });

    const staff = await db.staffUser.findUniqueOrThrow({ where: { id: created.id } });
    expect(staff).toMatchObject({
      mustChangePassword: false,
      tempPasswordExpiresAt: null,
      failedLoginCount: 0,
    });
    expect(staff.passwordChangedAt).toBeInstanceOf(Date);
    // Every session ended, the one used for the change included.
    expect(await isSessionValid(first.sessionId)).toBe(false);
    expect(await auditRows("password.changed", created.id)).toHaveLength(1);

    expect(await authenticateStaff(created.email, created.temporaryPassword, context())).toEqual({
      ok: false,
      reason: "invalid",
    });
    const second = await signIn(created.email, NEXT_PASSWORD);
    expect(second.mustChangePassword).toBe(false);
  });

  it("refuses an expired temporary password even when it is right", async () => {
    const admin = await createStaff("ADMIN");
    const created = await createThroughAdmin(admin);
    setClockOffset(getEnv().TEMP_PASSWORD_DAYS * 86_400_000 + 60_000);

    expect(await authenticateStaff(created.email, created.temporaryPassword, context())).toEqual({
      ok: false,
      reason: "temp-expired",
    });
    expect(await db.authSession.count({ where: { staffId: created.id } })).toBe(0);
  });

  it("does not hold an account the command line created with a chosen password", async () => {
    const email = uniqueEmail("cli");
    await upsertStaffUser({ email, password: PASSWORD, name: "コマンド 職員", role: "STAFF" });
    expect((await signIn(email, PASSWORD)).mustChangePassword).toBe(false);

    // Re-running the command over a pending account also clears the forced change.
    const admin = await createStaff("ADMIN");
    const created = await createThroughAdmin(admin);
    await upsertStaffUser({
      email: created.email,
      password: NEXT_PASSWORD,
      name: "再設定 職員",
      role: "STAFF",
    });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      mustChangePassword: false,
      tempPasswordExpiresAt: null,
    });
    expect((await signIn(created.email, NEXT_PASSWORD)).mustChangePassword).toBe(false);
  });
});

describe("disableStaffAccount / enableStaffAccount", () => {
  it("ends the account's sessions and refuses its sign-in like a wrong password, until re-enabled", async () => {
    const admin = await createStaff("ADMIN");
    const member = await createStaff("STAFF");
    const bystander = await createStaff("STAFF");
    const session = await signIn(member.email, PASSWORD);
    const otherSession = await signIn(bystander.email, PASSWORD);

    expect(await disableStaffAccount({ actorId: admin.id, staffId: member.id, ip: null })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await isSessionValid(session.sessionId)).toBe(false);
    expect(await isSessionValid(otherSession.sessionId)).toBe(true);
    expect(await authenticateStaff(member.email, PASSWORD, context())).toEqual({
      ok: false,
      reason: "invalid",
    });
    // Not counted towards a lockout: nothing about the account changes while it is disabled.
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: member.id } })).failedLoginCount).toBe(0);
    expect(await auditRows("staff.disabled", member.id)).toMatchObject([{ actorId: admin.id }]);

    // A second click changes nothing and writes no second audit row.
    expect(await disableStaffAccount({ actorId: admin.id, staffId: member.id, ip: null })).toEqual({
      ok: true,
      changed: false,
    });
    expect(await auditRows("staff.disabled", member.id)).toHaveLength(1);

    expect(await enableStaffAccount({ actorId: admin.id, staffId: member.id, ip: null })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await auditRows("staff.enabled", member.id)).toMatchObject([{ actorId: admin.id }]);
    // The old session stays ended; a new sign-in works.
    expect(await isSessionValid(session.sessionId)).toBe(false);
    await signIn(member.email, PASSWORD);
  });

  it("refuses an administrator disabling their own account", async () => {
    const admin = await createStaff("ADMIN");
    await createStaff("ADMIN"); // so that the refusal is about "self", not the last administrator
    expect(await disableStaffAccount({ actorId: admin.id, staffId: admin.id, ip: null })).toEqual({
      ok: false,
      reason: "self",
    });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
  });

  it("refuses to disable the last active administrator", async () => {
    const admin = await createStaff("ADMIN");
    // Take every other administrator out of service for this test (and back afterwards), so
    // that `admin` is the last one whatever other tests have created.
    const others = await db.staffUser.findMany({
      where: { role: "ADMIN", disabledAt: null, id: { not: admin.id } },
      select: { id: true },
    });
    const otherIds = others.map((other) => other.id);
    await db.staffUser.updateMany({ where: { id: { in: otherIds } }, data: { disabledAt: new Date() } });
    try {
      expect(await disableStaffAccount({ actorId: admin.id, staffId: admin.id, ip: null })).toEqual({
        ok: false,
        reason: "last-admin",
      });
      expect((await db.staffUser.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
      expect(await auditRows("staff.disabled", admin.id)).toEqual([]);
    } finally {
      await db.staffUser.updateMany({ where: { id: { in: otherIds } }, data: { disabledAt: null } });
    }
  });

  it("refuses an administrator whom another is disabling at the same moment (no mutual disabling)", async () => {
    const first = await createStaff("ADMIN");
    const second = await createStaff("ADMIN");
    // `first` disables `second` in a transaction held open ...
    let lockTaken!: () => void;
    let release!: () => void;
    const taken = new Promise<void>((resolve) => (lockTaken = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const firstDisablesSecond = db.$transaction(
      async (tx) => {
        await tx.staffUser.update({ where: { id: second.id }, data: { disabledAt: new Date() } });
        lockTaken();
        await released;
      },
      { timeout: 10_000 },
    );
    await taken;
    // ... while `second` tries to disable `first`: it must wait, then find itself disabled.
    const secondDisablesFirst = disableStaffAccount({ actorId: second.id, staffId: first.id, ip: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await firstDisablesSecond;

    expect(await secondDisablesFirst).toEqual({ ok: false, reason: "forbidden" });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: first.id } })).disabledAt).toBeNull();
  });
});

describe("lockout of staff accounts", () => {
  it("locks after the same number of wrong passwords as applicants, leaves open sessions alone, and is lifted by an admin", async () => {
    const { LOCKOUT_THRESHOLD, LOCKOUT_MINUTES } = getEnv();
    const admin = await createStaff("ADMIN");
    const member = await createStaff("STAFF");
    const session = await signIn(member.email, PASSWORD);

    // The attempt that locks gets the generic answer too: only the right password learns of a lock.
    for (let attempt = 1; attempt <= LOCKOUT_THRESHOLD; attempt += 1) {
      expect(await authenticateStaff(member.email, WRONG, context())).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: member.id } });
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan((LOCKOUT_MINUTES - 1) * 60_000);
    // A stranger guessing the address cannot throw its owner out: the open session goes on.
    expect(await isSessionValid(session.sessionId)).toBe(true);
    // The right password does not get in while locked, and is the only one told about the lock.
    expect(await authenticateStaff(member.email, PASSWORD, context())).toMatchObject({
      ok: false,
      reason: "locked",
    });

    expect(await unlockStaffAccount({ actorId: admin.id, staffId: member.id, ip: null })).toEqual({
      ok: true,
      changed: true,
    });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      failedLoginCount: 0,
      lockedUntil: null,
    });
    expect(await auditRows("staff.unlocked", member.id)).toMatchObject([{ actorId: admin.id }]);
    await signIn(member.email, PASSWORD);

    // Nothing to unlock: no change, no audit row.
    expect(await unlockStaffAccount({ actorId: admin.id, staffId: member.id, ip: null })).toEqual({
      ok: true,
      changed: false,
    });
    expect(await auditRows("staff.unlocked", member.id)).toHaveLength(1);
  });

  it("counts wrong current passwords on the change page towards the same lock", async () => {
    const member = await createStaff("STAFF");
    const { LOCKOUT_THRESHOLD } = getEnv();
    for (let attempt = 1; attempt < LOCKOUT_THRESHOLD; attempt += 1) {
      expect(await changePassword("staff", member.id, WRONG, NEXT_PASSWORD, null)).toEqual({
        ok: false,
        reason: "wrong-current",
      });
    }
    expect(await changePassword("staff", member.id, WRONG, NEXT_PASSWORD, null)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await changePassword("staff", member.id, PASSWORD, NEXT_PASSWORD, null)).toMatchObject({
      ok: false,
      reason: "locked",
    });
    expect(await authenticateStaff(member.email, PASSWORD, context())).toMatchObject({ reason: "locked" });
  });
});

describe("the administrators' functions refuse anyone but an active administrator", () => {
  it.each([
    ["an ordinary staff member", async () => createStaff("STAFF")],
    [
      "a disabled administrator",
      async () => {
        const admin = await createStaff("ADMIN");
        return db.staffUser.update({ where: { id: admin.id }, data: { disabledAt: new Date() } });
      },
    ],
  ])("%s", async (_label, makeActor) => {
    const actor = await makeActor();
    const admin = await createStaff("ADMIN");
    const target = await createStaff("STAFF");
    await db.staffUser.update({
      where: { id: target.id },
      data: { failedLoginCount: 5, lockedUntil: new Date(Date.now() + 3_600_000) },
    });
    const disabledTarget = await createStaff("STAFF");
    await disableStaffAccount({ actorId: admin.id, staffId: disabledTarget.id, ip: null });

    const email = uniqueEmail("forbidden");
    expect(
      await createStaffAccount({ actorId: actor.id, name: "偽造", email, role: "ADMIN", ip: null }),
    ).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(await db.staffUser.count({ where: { email } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { toAddress: email } })).toBe(0);

    const forbidden = { ok: false, reason: "forbidden" };
    expect(await disableStaffAccount({ actorId: actor.id, staffId: target.id, ip: null })).toEqual(forbidden);
    expect(await unlockStaffAccount({ actorId: actor.id, staffId: target.id, ip: null })).toEqual(forbidden);
    expect(await enableStaffAccount({ actorId: actor.id, staffId: disabledTarget.id, ip: null })).toEqual(
      forbidden,
    );

    expect(await db.staffUser.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      disabledAt: null,
      failedLoginCount: 5,
    });
    expect(
      (await db.staffUser.findUniqueOrThrow({ where: { id: disabledTarget.id } })).disabledAt,
    ).not.toBeNull();
    const audits = await db.auditLog.count({
      where: { actorId: actor.id, action: { startsWith: "staff." } },
    });
    expect(audits).toBe(0);
  });

  it("answers not-found for an id that is no account", async () => {
    const admin = await createStaff("ADMIN");
    for (const staffId of [randomUUID(), "not-a-uuid"]) {
      expect(await disableStaffAccount({ actorId: admin.id, staffId, ip: null })).toEqual({
        ok: false,
        reason: "not-found",
      });
    }
  });
});

describe("staff login answers and temporary passwords", () => {
  it("answers an unknown address hammered six times exactly as a real address hammered six times", async () => {
    const member = await createStaff("STAFF");
    const unknownEmail = uniqueEmail("nobody");
    const real = [];
    const unknown = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      real.push(await authenticateStaff(member.email, WRONG, context()));
      unknown.push(await authenticateStaff(unknownEmail, WRONG, context()));
    }
    expect(unknown).toEqual(real);
    expect(real.every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: member.id } })).lockedUntil).not.toBeNull();
  });

  it("accepts an emailed temporary password once, like an applicant's", async () => {
    const admin = await createStaff("ADMIN");
    const created = await createThroughAdmin(admin);
    const first = await signIn(created.email, created.temporaryPassword);
    expect(first.mustChangePassword).toBe(true);
    expect(
      (await db.staffUser.findUniqueOrThrow({ where: { id: created.id } })).tempPasswordUsedAt,
    ).toBeInstanceOf(Date);

    expect(await authenticateStaff(created.email, created.temporaryPassword, context())).toEqual({
      ok: false,
      reason: "temp-used",
    });
    expect(await db.authSession.count({ where: { staffId: created.id } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "login.refused-temp-used", actorId: created.id } }),
    ).toBe(1);

    // After the change the chosen password works as often as needed.
    const changed = await changePassword("staff", created.id, created.temporaryPassword, NEXT_PASSWORD, null);
    expect(changed).toEqual({ ok: true });
    await signIn(created.email, NEXT_PASSWORD);
    await signIn(created.email, NEXT_PASSWORD);
  });

  it("accepts a temporary password only once even when five logins race", async () => {
    const admin = await createStaff("ADMIN");
    const created = await createThroughAdmin(admin);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => authenticateStaff(created.email, created.temporaryPassword, context())),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "temp-used")).toHaveLength(4);
    expect(await db.authSession.count({ where: { staffId: created.id } })).toBe(1);
  });
});
