// Login against the real database: lockout under concurrency, lock expiry, the generic answer
// (also for a locked account, unless the password is right), open sessions surviving a lock,
// the one-time temporary password and the per-IP throttle.
import { randomInt, randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { setClockOffset } from "@/lib/clock";
import { authenticateApplicant, type RequestContext } from "@/lib/auth/authenticate";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { generateLoginId } from "@/lib/auth/login-id";
import { consumeSessionTicket, findValidSession } from "@/lib/auth/sessions";
import type * as PasswordHash from "@/lib/auth/password-hash";

// Counts the real bcrypt checks made against account hashes (the unknown-ID dummy check is a
// separate function and is not counted).
vi.mock("@/lib/auth/password-hash", async (importOriginal) => {
  const actual = await importOriginal<typeof PasswordHash>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});

const PASSWORD = "Ky7!mPq2zR";
const WRONG = "Wrong-Pass-99";

/** A fresh IP per test, so the shared per-IP throttle never couples tests or files. */
const uniqueIp = () => `2001:db8:${hex4()}:${hex4()}:${hex4()}::1`;
const hex4 = () => randomInt(0, 0x10000).toString(16);

async function createApplicant(
  overrides: {
    password?: string;
    mustChangePassword?: boolean;
    tempPasswordExpiresAt?: Date | null;
  } = {},
) {
  const passwordHash = await hashPassword(overrides.password ?? PASSWORD, getEnv().BCRYPT_COST);
  return db.applicant.create({
    data: {
      loginId: generateLoginId(),
      name: "試験 太郎",
      email: `lockout-${randomUUID()}@example.test`,
      passwordHash,
      mustChangePassword: overrides.mustChangePassword ?? false,
      tempPasswordExpiresAt: overrides.tempPasswordExpiresAt ?? null,
    },
    omit: { passwordHash: false },
  });
}

const lockState = (id: string) =>
  db.applicant.findUniqueOrThrow({
    where: { id },
    select: { failedLoginCount: true, lockedUntil: true, sessionVersion: true, tempPasswordUsedAt: true },
  });

const sessionPolicy = () => ({
  idleMs: getEnv().SESSION_IDLE_MINUTES * 60_000,
  maxMs: getEnv().SESSION_MAX_HOURS * 3_600_000,
});

const checksAgainst = (hash: string) =>
  vi.mocked(verifyPassword).mock.calls.filter(([, checkedHash]) => checkedHash === hash).length;

describe("authenticateApplicant", () => {
  let context: RequestContext;

  beforeEach(() => {
    context = { ip: uniqueIp(), userAgent: "vitest" };
  });

  afterEach(() => {
    setClockOffset(0);
  });

  it("lets the right password in and resets the failure count", async () => {
    const applicant = await createApplicant();
    expect(await authenticateApplicant(applicant.loginId, WRONG, context)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await lockState(applicant.id)).failedLoginCount).toBe(1);

    const result = await authenticateApplicant(applicant.loginId, PASSWORD, context);
    expect(result).toMatchObject({ ok: true, mustChangePassword: false });
    expect(await lockState(applicant.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  it("answers an unknown login ID exactly like a wrong password", async () => {
    const applicant = await createApplicant();
    const wrongPassword = await authenticateApplicant(applicant.loginId, WRONG, context);
    const unknownId = await authenticateApplicant(generateLoginId(), WRONG, context);
    expect(wrongPassword).toEqual({ ok: false, reason: "invalid" });
    expect(unknownId).toEqual(wrongPassword);
  });

  it("locks after LOCKOUT_THRESHOLD of 10 concurrent wrong attempts, answers each like a wrong password, and bounds the checks", async () => {
    const { LOCKOUT_THRESHOLD, LOCKOUT_MINUTES } = getEnv();
    expect(LOCKOUT_THRESHOLD).toBe(5);
    expect(LOCKOUT_MINUTES).toBe(30);
    const applicant = await createApplicant();
    const startedAt = Date.now();

    const results = await Promise.all(
      Array.from({ length: 10 }, () => authenticateApplicant(applicant.loginId, WRONG, context)),
    );
    const finishedAt = Date.now();

    // Every answer is the one an unknown ID gets: the lock is told only to the right password.
    expect(results).toEqual(Array.from({ length: 10 }, () => ({ ok: false, reason: "invalid" })));
    // The attempts during the lock are still checked (so the right one would learn of the lock),
    // but at most LOCKOUT_THRESHOLD of them: 2 × LOCKOUT_THRESHOLD checks per lock in all.
    expect(checksAgainst(applicant.passwordHash)).toBe(2 * LOCKOUT_THRESHOLD);

    const state = await lockState(applicant.id);
    expect(state.failedLoginCount).toBe(10);
    const lockMs = LOCKOUT_MINUTES * 60_000;
    expect(state.lockedUntil).not.toBeNull();
    expect(state.lockedUntil?.getTime()).toBeGreaterThanOrEqual(startedAt + lockMs);
    expect(state.lockedUntil?.getTime()).toBeLessThanOrEqual(finishedAt + lockMs);

    // Past that bound even the right password is no longer checked, and gets the generic answer.
    const afterLock = await authenticateApplicant(applicant.loginId, PASSWORD, context);
    expect(afterLock).toEqual({ ok: false, reason: "invalid" });
    expect(checksAgainst(applicant.passwordHash)).toBe(2 * LOCKOUT_THRESHOLD);
    expect((await lockState(applicant.id)).lockedUntil).toEqual(state.lockedUntil);
    expect(await db.authSession.count({ where: { applicantId: applicant.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "account.locked", actorId: applicant.id } })).toBe(1);
  });

  it("tells the lock only to the right password; a wrong one gets the unknown-ID answer", async () => {
    const applicant = await createApplicant();
    for (let i = 0; i < getEnv().LOCKOUT_THRESHOLD; i += 1) {
      expect(await authenticateApplicant(applicant.loginId, WRONG, context)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const { lockedUntil } = await lockState(applicant.id);
    expect(lockedUntil).not.toBeNull();
    expect(await authenticateApplicant(applicant.loginId, WRONG, context)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context)).toEqual({
      ok: false,
      reason: "locked",
      lockedUntil,
    });
    // The right password does not lift the lock, nor move its end.
    expect((await lockState(applicant.id)).lockedUntil).toEqual(lockedUntil);
    expect(await db.authSession.count({ where: { applicantId: applicant.id } })).toBe(0);
  });

  it("answers an unknown ID hammered six times exactly as a real ID hammered six times", async () => {
    const applicant = await createApplicant();
    const real = [];
    const unknown = [];
    const unknownId = generateLoginId();
    for (let i = 0; i < 6; i += 1) {
      real.push(await authenticateApplicant(applicant.loginId, WRONG, context));
      unknown.push(await authenticateApplicant(unknownId, WRONG, context));
    }
    expect(unknown).toEqual(real);
    expect(real.every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect((await lockState(applicant.id)).lockedUntil).not.toBeNull();
  });

  it("leaves an open session alone when the account locks", async () => {
    const applicant = await createApplicant();
    const signedIn = await authenticateApplicant(applicant.loginId, PASSWORD, context);
    if (!signedIn.ok) throw new Error("sign-in failed");
    expect(await consumeSessionTicket(db, signedIn.sessionId, signedIn.ticket)).toBe(true);
    const versionBefore = (await lockState(applicant.id)).sessionVersion;

    for (let i = 0; i < getEnv().LOCKOUT_THRESHOLD; i += 1) {
      await authenticateApplicant(applicant.loginId, WRONG, { ip: uniqueIp(), userAgent: "attacker" });
    }
    const state = await lockState(applicant.id);
    expect(state.lockedUntil).not.toBeNull();
    expect(state.sessionVersion).toBe(versionBefore);
    expect(await findValidSession(db, signedIn.sessionId, sessionPolicy(), new Date())).not.toBeNull();
  });

  it("lets the right password in once the lock has expired, and starts counting again", async () => {
    const applicant = await createApplicant();
    for (let i = 0; i < getEnv().LOCKOUT_THRESHOLD; i += 1) {
      await authenticateApplicant(applicant.loginId, WRONG, context);
    }
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context)).toMatchObject({
      ok: false,
      reason: "locked",
    });

    setClockOffset(29 * 60_000);
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context)).toMatchObject({
      ok: false,
      reason: "locked",
    });

    setClockOffset(31 * 60_000);
    const result = await authenticateApplicant(applicant.loginId, PASSWORD, context);
    expect(result).toMatchObject({ ok: true });
    expect(await lockState(applicant.id)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });

    // A fresh count: one wrong password after the lock is just "invalid", not a new lock.
    expect(await authenticateApplicant(applicant.loginId, WRONG, context)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await lockState(applicant.id)).toMatchObject({ failedLoginCount: 1, lockedUntil: null });
  });

  it("gives a wrong password after the lock expired a fresh count of one", async () => {
    const applicant = await createApplicant();
    for (let i = 0; i < getEnv().LOCKOUT_THRESHOLD; i += 1) {
      await authenticateApplicant(applicant.loginId, WRONG, context);
    }
    setClockOffset(31 * 60_000);
    expect(await authenticateApplicant(applicant.loginId, WRONG, context)).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await lockState(applicant.id)).toMatchObject({ failedLoginCount: 1, lockedUntil: null });
  });

  it("accepts a temporary password once; the second login with it is refused as temp-used", async () => {
    const applicant = await createApplicant({
      mustChangePassword: true,
      tempPasswordExpiresAt: new Date(Date.now() + 14 * 86_400_000),
    });
    const first = await authenticateApplicant(applicant.loginId, PASSWORD, context);
    expect(first).toMatchObject({ ok: true, mustChangePassword: true });
    expect((await lockState(applicant.id)).tempPasswordUsedAt).not.toBeNull();

    const second = await authenticateApplicant(applicant.loginId, PASSWORD, context);
    expect(second).toEqual({ ok: false, reason: "temp-used" });
    expect(await db.authSession.count({ where: { applicantId: applicant.id } })).toBe(1);
  });

  it("refuses an expired temporary password as temp-expired", async () => {
    const applicant = await createApplicant({
      mustChangePassword: true,
      tempPasswordExpiresAt: new Date(Date.now() - 60_000),
    });
    const result = await authenticateApplicant(applicant.loginId, PASSWORD, context);
    expect(result).toEqual({ ok: false, reason: "temp-expired" });
    expect(await db.authSession.count({ where: { applicantId: applicant.id } })).toBe(0);
    // Refusing it does not burn the one use.
    expect((await lockState(applicant.id)).tempPasswordUsedAt).toBeNull();
  });

  it("refuses a temporary password whose expiry the clock has passed", async () => {
    const applicant = await createApplicant({
      mustChangePassword: true,
      tempPasswordExpiresAt: new Date(Date.now() + 14 * 86_400_000),
    });
    setClockOffset(14 * 86_400_000 + 60_000);
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context)).toEqual({
      ok: false,
      reason: "temp-expired",
    });
  });

  it("accepts a temporary password only once even when two logins race", async () => {
    const applicant = await createApplicant({
      mustChangePassword: true,
      tempPasswordExpiresAt: new Date(Date.now() + 14 * 86_400_000),
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => authenticateApplicant(applicant.loginId, PASSWORD, context)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "temp-used")).toHaveLength(4);
    expect(await db.authSession.count({ where: { applicantId: applicant.id } })).toBe(1);
  });

  it("throttles an address after LOGIN_IP_LIMIT failures across many IDs, even for a right password", async () => {
    const limit = getEnv().LOGIN_IP_LIMIT;
    for (let i = 0; i < limit; i += 1) {
      expect(await authenticateApplicant(generateLoginId(), WRONG, context)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const applicant = await createApplicant();
    const checksBefore = checksAgainst(applicant.passwordHash);
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context)).toEqual({
      ok: false,
      reason: "throttled",
    });
    expect(checksAgainst(applicant.passwordHash)).toBe(checksBefore);
    expect(await lockState(applicant.id)).toMatchObject({ failedLoginCount: 0 });

    // Another address is not affected.
    const elsewhere = await authenticateApplicant(applicant.loginId, PASSWORD, {
      ip: uniqueIp(),
      userAgent: null,
    });
    expect(elsewhere).toMatchObject({ ok: true });
  });
});
