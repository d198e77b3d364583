// Server-side sessions against the real database: the one-time ticket, the ways a session ends
// (password change, reissue, idle time, absolute lifetime), the emails those changes queue, and
// パスワードを忘れた場合's pending password, which changes nothing until it is used.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password-hash";
import { generateLoginId } from "@/lib/auth/login-id";
import {
  consumeSessionTicket,
  createSession,
  findValidSession,
  revokeAllSessions,
  sessionExpiry,
  type SessionPolicy,
} from "@/lib/auth/sessions";
import { changePassword } from "@/lib/auth/change-password";
import { reissueTemporaryPassword } from "@/lib/applicants/reissue-password";
import { openSecret } from "@/lib/mail/secret-box";
import { authenticateApplicant } from "@/lib/auth/authenticate";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CURRENT = "Ky7!mPq2zR";
const NEXT = "Nw4$tRb8xLq";

const policy = (): SessionPolicy => ({
  idleMs: getEnv().SESSION_IDLE_MINUTES * MINUTE,
  maxMs: getEnv().SESSION_MAX_HOURS * HOUR,
});

async function createApplicant(options: { mustChangePassword?: boolean } = {}) {
  return db.applicant.create({
    data: {
      loginId: generateLoginId(),
      name: "試験 花子",
      email: `sessions-${randomUUID()}@example.test`,
      passwordHash: await hashPassword(CURRENT, getEnv().BCRYPT_COST),
      mustChangePassword: options.mustChangePassword ?? true,
      tempPasswordExpiresAt:
        options.mustChangePassword === false ? null : new Date(Date.now() + 14 * 86_400_000),
      tempPasswordUsedAt: options.mustChangePassword === false ? null : new Date(),
    },
  });
}

type Applicant = Awaited<ReturnType<typeof createApplicant>>;

/** A signed-in applicant session: created, and its ticket handed to next-auth. */
async function signIn(applicant: Pick<Applicant, "id" | "sessionVersion">, at = new Date()) {
  const { sessionId, ticket } = await createSession(db, {
    role: "APPLICANT",
    userId: applicant.id,
    sessionVersion: applicant.sessionVersion,
    ip: "192.0.2.20",
    userAgent: "vitest",
    at,
  });
  expect(await consumeSessionTicket(db, sessionId, ticket)).toBe(true);
  return sessionId;
}

const passwordHashOf = async (id: string) =>
  (await db.applicant.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;

describe("session tickets", () => {
  it("makes a session valid only once its ticket was consumed", async () => {
    const applicant = await createApplicant();
    const at = new Date();
    const { sessionId, ticket } = await createSession(db, {
      role: "APPLICANT",
      userId: applicant.id,
      sessionVersion: applicant.sessionVersion,
      ip: null,
      userAgent: null,
      at,
    });
    expect(await findValidSession(db, sessionId, policy(), at)).toBeNull();

    expect(await consumeSessionTicket(db, sessionId, ticket)).toBe(true);
    const session = await findValidSession(db, sessionId, policy(), at);
    expect(session).toMatchObject({ id: sessionId, role: "APPLICANT", userId: applicant.id });
    expect(session?.expiresAt).toEqual(sessionExpiry(at, at, policy()));
  });

  it("accepts a ticket once, and never a wrong one", async () => {
    const applicant = await createApplicant();
    const { sessionId, ticket } = await createSession(db, {
      role: "APPLICANT",
      userId: applicant.id,
      sessionVersion: applicant.sessionVersion,
      ip: null,
      userAgent: null,
      at: new Date(),
    });
    expect(await consumeSessionTicket(db, sessionId, `${ticket}x`)).toBe(false);
    expect(await consumeSessionTicket(db, sessionId, ticket)).toBe(true);
    expect(await consumeSessionTicket(db, sessionId, ticket)).toBe(false);
  });

  it("refuses the ticket of a revoked session", async () => {
    const applicant = await createApplicant();
    const at = new Date();
    const { sessionId, ticket } = await createSession(db, {
      role: "APPLICANT",
      userId: applicant.id,
      sessionVersion: applicant.sessionVersion,
      ip: null,
      userAgent: null,
      at,
    });
    await revokeAllSessions(db, "APPLICANT", applicant.id, at);
    expect(await consumeSessionTicket(db, sessionId, ticket)).toBe(false);
  });
});

describe("session end", () => {
  it("ends every session of the user when the session version is bumped, and only theirs", async () => {
    const applicant = await createApplicant();
    const other = await createApplicant();
    const first = await signIn(applicant);
    const second = await signIn(applicant);
    const bystander = await signIn(other);
    const at = new Date();
    expect(await findValidSession(db, first, policy(), at)).not.toBeNull();
    expect(await findValidSession(db, second, policy(), at)).not.toBeNull();

    await db.applicant.update({ where: { id: applicant.id }, data: { sessionVersion: { increment: 1 } } });

    expect(await findValidSession(db, first, policy(), at)).toBeNull();
    expect(await findValidSession(db, second, policy(), at)).toBeNull();
    expect(await findValidSession(db, bystander, policy(), at)).not.toBeNull();
  });

  it("ends a session after the idle time", async () => {
    const applicant = await createApplicant();
    const { idleMs } = policy();
    const start = new Date(Date.now() - idleMs - MINUTE);
    const idle = await signIn(applicant, start);
    // Looking without touching: a touch would count as activity and move the limit.
    const justBefore = new Date(start.getTime() + idleMs - 1000);
    expect(await findValidSession(db, idle, policy(), justBefore, { touch: false })).not.toBeNull();
    expect(await findValidSession(db, idle, policy(), new Date(start.getTime() + idleMs))).toBeNull();
    expect(await findValidSession(db, idle, policy(), new Date())).toBeNull();
  });

  it("keeps an active session alive, and touching it moves the idle limit", async () => {
    const applicant = await createApplicant();
    const { idleMs } = policy();
    const start = new Date(Date.now() - idleMs + 5 * MINUTE);
    const sessionId = await signIn(applicant, start);
    const later = new Date(start.getTime() + idleMs - MINUTE);
    const touched = await findValidSession(db, sessionId, policy(), later);
    expect(touched?.lastSeenAt).toEqual(later);
    expect(
      await findValidSession(db, sessionId, policy(), new Date(start.getTime() + idleMs + MINUTE)),
    ).not.toBeNull();
  });

  it("ends a session after its absolute lifetime, however active", async () => {
    const applicant = await createApplicant();
    const { maxMs } = policy();
    const now = new Date();
    const old = await signIn(applicant, new Date(now.getTime() - maxMs - MINUTE));
    const young = await signIn(applicant, new Date(now.getTime() - maxMs + 10 * MINUTE));
    // Both were active a minute ago.
    await db.authSession.updateMany({
      where: { id: { in: [old, young] } },
      data: { lastSeenAt: new Date(now.getTime() - MINUTE) },
    });
    expect(await findValidSession(db, old, policy(), now)).toBeNull();
    const survivor = await findValidSession(db, young, policy(), now);
    expect(survivor?.expiresAt).toEqual(new Date(now.getTime() - maxMs + 10 * MINUTE + maxMs));
  });
});

describe("changePassword (applicant)", () => {
  it("stores the new password, ends all sessions, clears the forced change and queues password-changed", async () => {
    const applicant = await createApplicant();
    const sessions = [await signIn(applicant), await signIn(applicant)];

    const result = await changePassword("applicant", applicant.id, CURRENT, NEXT, "192.0.2.21");
    expect(result).toEqual({ ok: true });

    const after = await db.applicant.findUniqueOrThrow({
      where: { id: applicant.id },
      omit: { passwordHash: false },
    });
    expect(after).toMatchObject({
      mustChangePassword: false,
      tempPasswordExpiresAt: null,
      tempPasswordUsedAt: null,
      sessionVersion: applicant.sessionVersion + 1,
      failedLoginCount: 0,
    });
    expect(after.passwordChangedAt).not.toBeNull();
    expect(await verifyPassword(NEXT, after.passwordHash)).toBe(true);
    expect(await verifyPassword(CURRENT, after.passwordHash)).toBe(false);

    const at = new Date();
    for (const sessionId of sessions) {
      expect(await findValidSession(db, sessionId, policy(), at)).toBeNull();
    }
    expect(await db.authSession.count({ where: { applicantId: applicant.id, revokedAt: null } })).toBe(0);

    const emails = await db.emailOutbox.findMany({ where: { toAddress: applicant.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: "password-changed", secretPayload: null });
    expect(JSON.stringify(emails[0]?.payload)).not.toContain(NEXT);
    expect(emails[0]?.payload).toMatchObject({ loginId: applicant.loginId, name: applicant.name });

    expect(await db.auditLog.count({ where: { action: "password.changed", targetId: applicant.id } })).toBe(
      1,
    );
  });

  it("with a wrong current password changes nothing and answers wrong-current", async () => {
    const applicant = await createApplicant();
    const sessionId = await signIn(applicant);
    const hashBefore = await passwordHashOf(applicant.id);

    const result = await changePassword("applicant", applicant.id, "Not-The-Current-1", NEXT, null);
    expect(result).toEqual({ ok: false, reason: "wrong-current" });

    const after = await db.applicant.findUniqueOrThrow({
      where: { id: applicant.id },
      omit: { passwordHash: false },
    });
    expect(after.passwordHash).toBe(hashBefore);
    expect(after).toMatchObject({
      mustChangePassword: true,
      sessionVersion: applicant.sessionVersion,
      passwordChangedAt: null,
      // The guess is counted like a login attempt.
      failedLoginCount: 1,
    });
    expect(await findValidSession(db, sessionId, policy(), new Date())).not.toBeNull();
    expect(await db.emailOutbox.count({ where: { toAddress: applicant.email } })).toBe(0);
  });
});

describe("reissueTemporaryPassword", () => {
  it("kills the old password, forces a change again, ends sessions and queues password-reissued", async () => {
    const applicant = await createApplicant({ mustChangePassword: false });
    const sessionId = await signIn(applicant);
    await db.applicant.update({
      where: { id: applicant.id },
      data: { failedLoginCount: 3, lockedUntil: new Date(Date.now() + 10 * MINUTE) },
    });

    await reissueTemporaryPassword(applicant.id, { type: "system", id: null, ip: null, reason: "test" });

    const after = await db.applicant.findUniqueOrThrow({
      where: { id: applicant.id },
      omit: { passwordHash: false },
    });
    expect(await verifyPassword(CURRENT, after.passwordHash)).toBe(false);
    expect(after).toMatchObject({
      mustChangePassword: true,
      tempPasswordUsedAt: null,
      failedLoginCount: 0,
      lockedUntil: null,
      sessionVersion: applicant.sessionVersion + 1,
    });
    expect(after.tempPasswordExpiresAt?.getTime()).toBeGreaterThan(Date.now());
    expect(await findValidSession(db, sessionId, policy(), new Date())).toBeNull();

    const emails = await db.emailOutbox.findMany({ where: { toAddress: applicant.email } });
    expect(emails).toHaveLength(1);
    const email = emails[0];
    expect(email).toMatchObject({ template: "password-reissued", status: "QUEUED" });
    if (!email?.secretPayload) throw new Error("secretPayload missing");
    const { temporaryPassword } = openSecret(email.secretPayload, getEnv().AUTH_SECRET) as {
      temporaryPassword: string;
    };
    expect(JSON.stringify(email.payload)).not.toContain(temporaryPassword);
    expect(await verifyPassword(temporaryPassword, after.passwordHash)).toBe(true);
    expect(
      await db.auditLog.count({ where: { action: "applicant.password-reissued", targetId: applicant.id } }),
    ).toBe(1);
  });
});

describe("reissueTemporaryPassword in pending mode (パスワードを忘れた場合)", () => {
  const context = () => ({
    ip: `2001:db8:77::${Math.floor(Math.random() * 0xffff).toString(16)}`,
    userAgent: "vitest",
  });

  async function requestForgot(applicantId: string) {
    const result = await reissueTemporaryPassword(applicantId, {
      type: "anonymous",
      id: null,
      ip: null,
      reason: "forgot-password",
      mode: "pending",
    });
    if (!result.ok) throw new Error("reissue refused");
    const email = await db.emailOutbox.findUniqueOrThrow({ where: { id: result.emailId } });
    if (!email.secretPayload) throw new Error("secretPayload missing");
    return (openSecret(email.secretPayload, getEnv().AUTH_SECRET) as { temporaryPassword: string })
      .temporaryPassword;
  }

  const accountOf = (id: string) =>
    db.applicant.findUniqueOrThrow({
      where: { id },
      omit: { passwordHash: false, pendingPasswordHash: false },
    });

  it("changes nothing the owner uses until the emailed password is used", async () => {
    const applicant = await createApplicant({ mustChangePassword: false });
    const sessionId = await signIn(applicant);
    const hashBefore = await passwordHashOf(applicant.id);

    const reissued = await requestForgot(applicant.id);

    const after = await accountOf(applicant.id);
    expect(after.passwordHash).toBe(hashBefore);
    expect(after).toMatchObject({
      mustChangePassword: false,
      sessionVersion: applicant.sessionVersion,
      tempPasswordUsedAt: null,
    });
    expect(after.pendingPasswordHash).not.toBeNull();
    expect(await verifyPassword(reissued, after.pendingPasswordHash!)).toBe(true);
    expect(after.pendingPasswordExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await findValidSession(db, sessionId, policy(), new Date())).not.toBeNull();
    expect(
      await db.emailOutbox.count({ where: { toAddress: applicant.email, template: "password-reissued" } }),
    ).toBe(1);

    // The current password keeps working, and clears nothing.
    const withCurrent = await authenticateApplicant(applicant.loginId, CURRENT, context());
    expect(withCurrent).toMatchObject({ ok: true, mustChangePassword: false });
    expect((await accountOf(applicant.id)).pendingPasswordHash).toBe(after.pendingPasswordHash);
    expect(await findValidSession(db, sessionId, policy(), new Date())).not.toBeNull();
  });

  it("makes the emailed password current at its first use, ending the other sessions, once", async () => {
    const applicant = await createApplicant({ mustChangePassword: false });
    const sessionId = await signIn(applicant);
    const reissued = await requestForgot(applicant.id);

    const result = await authenticateApplicant(applicant.loginId, reissued, context());
    expect(result).toMatchObject({ ok: true, mustChangePassword: true });
    if (!result.ok) throw new Error("unreachable");
    expect(await consumeSessionTicket(db, result.sessionId, result.ticket)).toBe(true);

    const after = await accountOf(applicant.id);
    expect(await verifyPassword(reissued, after.passwordHash)).toBe(true);
    expect(after).toMatchObject({
      mustChangePassword: true,
      pendingPasswordHash: null,
      pendingPasswordExpiresAt: null,
      sessionVersion: applicant.sessionVersion + 1,
    });
    expect(after.tempPasswordUsedAt).not.toBeNull();
    // The other session has ended; the new one is valid (held on the change page by mustChangePassword).
    expect(await findValidSession(db, sessionId, policy(), new Date())).toBeNull();
    expect(await findValidSession(db, result.sessionId, policy(), new Date())).not.toBeNull();
    // The old password is dead, and the emailed one worked once.
    expect(await authenticateApplicant(applicant.loginId, CURRENT, context())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateApplicant(applicant.loginId, reissued, context())).toEqual({
      ok: false,
      reason: "temp-used",
    });
    expect(
      await db.auditLog.count({
        where: {
          action: "login.succeeded",
          actorId: applicant.id,
          details: { path: ["credential"], equals: "reissued" },
        },
      }),
    ).toBe(1);
  });

  it("accepts only the latest emailed password, and only once when five logins race", async () => {
    const applicant = await createApplicant({ mustChangePassword: false });
    const older = await requestForgot(applicant.id);
    const latest = await requestForgot(applicant.id);
    expect(await authenticateApplicant(applicant.loginId, older, context())).toEqual({
      ok: false,
      reason: "invalid",
    });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => authenticateApplicant(applicant.loginId, latest, context())),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "temp-used")).toHaveLength(4);
    expect(await db.authSession.count({ where: { applicantId: applicant.id } })).toBe(1);
  });

  it("refuses an expired emailed password while the current one still works", async () => {
    const applicant = await createApplicant({ mustChangePassword: false });
    const reissued = await requestForgot(applicant.id);
    await db.applicant.update({
      where: { id: applicant.id },
      data: { pendingPasswordExpiresAt: new Date(Date.now() - MINUTE) },
    });
    expect(await authenticateApplicant(applicant.loginId, reissued, context())).toEqual({
      ok: false,
      reason: "temp-expired",
    });
    expect(await authenticateApplicant(applicant.loginId, CURRENT, context())).toMatchObject({ ok: true });
  });

  it("lets the emailed password through a lock (the lock message's way out) and lifts the lock", async () => {
    const applicant = await createApplicant({ mustChangePassword: false });
    for (let i = 0; i < getEnv().LOCKOUT_THRESHOLD; i += 1) {
      await authenticateApplicant(applicant.loginId, "Wrong-Pass-99", context());
    }
    expect((await accountOf(applicant.id)).lockedUntil).not.toBeNull();
    // The request does not lift the lock by itself (that would reset the guess count).
    const reissued = await requestForgot(applicant.id);
    expect((await accountOf(applicant.id)).lockedUntil).not.toBeNull();
    expect(await authenticateApplicant(applicant.loginId, CURRENT, context())).toMatchObject({
      ok: false,
      reason: "locked",
    });

    expect(await authenticateApplicant(applicant.loginId, reissued, context())).toMatchObject({
      ok: true,
      mustChangePassword: true,
    });
    expect(await accountOf(applicant.id)).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
  });

  it("is dropped by a password change, and replaced by a staff reissue", async () => {
    const applicant = await createApplicant({ mustChangePassword: false });
    const reissued = await requestForgot(applicant.id);
    expect(await changePassword("applicant", applicant.id, CURRENT, NEXT, null)).toEqual({ ok: true });
    expect((await accountOf(applicant.id)).pendingPasswordHash).toBeNull();
    expect(await authenticateApplicant(applicant.loginId, reissued, context())).toEqual({
      ok: false,
      reason: "invalid",
    });

    const again = await requestForgot(applicant.id);
    await reissueTemporaryPassword(applicant.id, { type: "staff", id: null, ip: null, reason: "staff" });
    expect((await accountOf(applicant.id)).pendingPasswordHash).toBeNull();
    expect(await authenticateApplicant(applicant.loginId, again, context())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateApplicant(applicant.loginId, NEXT, context())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
