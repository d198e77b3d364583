// Staff account actions on 申請者の詳細 against the real database, checked through the real login
// (authenticateApplicant) and session check (findValidSession): unlock, reissue (the old password
// dies, the emailed one works, sessions end), disable (no login, no forgot-password email,
// sessions end) and enable; each audited once, even when posted twice.
import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authenticateApplicant, type RequestContext } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password-hash";
import { generateLoginId } from "@/lib/auth/login-id";
import { consumeSessionTicket, findValidSession } from "@/lib/auth/sessions";
import { openSecret } from "@/lib/mail/secret-box";
import { reissueTemporaryPassword } from "@/lib/applicants/reissue-password";
import {
  disableApplicant,
  enableApplicant,
  reissuePasswordByStaff,
  unlockApplicant,
  type StaffActor,
} from "@/lib/applicants/account-actions";

const PASSWORD = "Ky7!mPq2zR";
const WRONG = "Wrong-Pass-99";
const policy = () => ({
  idleMs: getEnv().SESSION_IDLE_MINUTES * 60_000,
  maxMs: getEnv().SESSION_MAX_HOURS * 3_600_000,
});

/** A fresh IP per call, so the shared per-IP throttle never couples tests or files. */
const hex4 = () => randomInt(0, 0x10000).toString(16);
const context = (): RequestContext => ({ ip: `2001:db8:a11:${hex4()}:${hex4()}::1`, userAgent: "vitest" });

async function createStaff(): Promise<StaffActor> {
  const staff = await db.staffUser.create({
    data: { email: `account-staff-${randomUUID()}@example.test`, name: "試験 職員", passwordHash: "unused" },
    select: { id: true },
  });
  return { staffId: staff.id, ip: "192.0.2.7" };
}

async function createApplicant(options: { mustChangePassword?: boolean } = {}) {
  const mustChangePassword = options.mustChangePassword ?? false;
  return db.applicant.create({
    data: {
      loginId: generateLoginId(),
      name: "口座 試験",
      email: `account-${randomUUID()}@example.test`,
      passwordHash: await hashPassword(PASSWORD, getEnv().BCRYPT_COST),
      mustChangePassword,
      tempPasswordExpiresAt: mustChangePassword ? new Date(Date.now() + 86_400_000) : null,
    },
  });
}

/** Logs in through the real login and hands the ticket over, as next-auth would. */
async function signIn(loginId: string, password: string): Promise<string> {
  const result = await authenticateApplicant(loginId, password, context());
  if (!result.ok) throw new Error(`login failed: ${result.reason}`);
  expect(await consumeSessionTicket(db, result.sessionId, result.ticket)).toBe(true);
  return result.sessionId;
}

const auditCount = (action: string, applicantId: string) =>
  db.auditLog.count({ where: { action, targetType: "applicant", targetId: applicantId } });

describe("unlockApplicant", () => {
  it("lifts a lock made by wrong passwords, so the right password works again; audited once", async () => {
    const staff = await createStaff();
    const applicant = await createApplicant();
    for (let attempt = 0; attempt < getEnv().LOCKOUT_THRESHOLD; attempt += 1) {
      await authenticateApplicant(applicant.loginId, WRONG, context());
    }
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context())).toMatchObject({
      ok: false,
      reason: "locked",
    });

    expect(await unlockApplicant(applicant.id, staff)).toEqual({ ok: true });
    const after = await db.applicant.findUniqueOrThrow({ where: { id: applicant.id } });
    expect(after).toMatchObject({ lockedUntil: null, failedLoginCount: 0 });
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context())).toMatchObject({ ok: true });

    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "applicant.unlocked", targetId: applicant.id },
    });
    expect(entry).toMatchObject({ actorType: "staff", actorId: staff.staffId, ip: "192.0.2.7" });
    // Attempts during the lock are counted too: the five that locked it and the right one after.
    expect(entry.details).toMatchObject({ failedLoginCount: getEnv().LOCKOUT_THRESHOLD + 1 });

    // A second post (double click, another staff member) changes nothing and audits nothing.
    expect(await unlockApplicant(applicant.id, staff)).toEqual({ ok: false, reason: "not-locked" });
    expect(await auditCount("applicant.unlocked", applicant.id)).toBe(1);
  });

  it("answers not-found for an unknown applicant", async () => {
    expect(await unlockApplicant(randomUUID(), await createStaff())).toEqual({
      ok: false,
      reason: "not-found",
    });
  });
});

describe("reissuePasswordByStaff", () => {
  it("kills the current password, ends every session, and the emailed password is the one that works", async () => {
    const staff = await createStaff();
    const applicant = await createApplicant();
    const sessions = [await signIn(applicant.loginId, PASSWORD), await signIn(applicant.loginId, PASSWORD)];

    expect(await reissuePasswordByStaff(applicant.id, staff)).toEqual({ ok: true });

    for (const sessionId of sessions) {
      expect(await findValidSession(db, sessionId, policy(), new Date())).toBeNull();
    }
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context())).toEqual({
      ok: false,
      reason: "invalid",
    });

    const email = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: applicant.email } });
    expect(email).toMatchObject({ template: "password-reissued", status: "QUEUED" });
    const { temporaryPassword } = openSecret(email.secretPayload ?? "", getEnv().AUTH_SECRET) as {
      temporaryPassword: string;
    };
    expect(JSON.stringify(email.payload)).not.toContain(temporaryPassword);
    expect(await authenticateApplicant(applicant.loginId, temporaryPassword, context())).toMatchObject({
      ok: true,
      mustChangePassword: true,
    });

    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "applicant.password-reissued-by-staff", targetId: applicant.id },
    });
    expect(entry).toMatchObject({ actorType: "staff", actorId: staff.staffId });
    expect(JSON.stringify(entry.details)).not.toContain(temporaryPassword);
  });

  it("also kills an emailed temporary password that was never used", async () => {
    const applicant = await createApplicant({ mustChangePassword: true });
    expect(await reissuePasswordByStaff(applicant.id, await createStaff())).toEqual({ ok: true });
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context())).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("disableApplicant and enableApplicant", () => {
  it("refuses login with the generic answer, ends sessions, stops reissue emails, and enable undoes it", async () => {
    const staff = await createStaff();
    const applicant = await createApplicant();
    const sessionId = await signIn(applicant.loginId, PASSWORD);

    expect(await disableApplicant(applicant.id, staff)).toEqual({ ok: true });
    expect(await findValidSession(db, sessionId, policy(), new Date())).toBeNull();
    // The same answer as a wrong password: nothing tells that the account exists but is stopped.
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context())).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticateApplicant(applicant.loginId, WRONG, context())).toEqual({
      ok: false,
      reason: "invalid",
    });

    // パスワードを忘れた場合 and staff reissue both leave a disabled applicant alone.
    const publicReissue = await reissueTemporaryPassword(applicant.id, {
      type: "anonymous",
      id: null,
      ip: null,
      reason: "forgot-password",
    });
    expect(publicReissue.ok).toBe(false);
    expect(await reissuePasswordByStaff(applicant.id, staff)).toEqual({ ok: false, reason: "disabled" });
    expect(await db.emailOutbox.count({ where: { toAddress: applicant.email } })).toBe(0);

    expect(await disableApplicant(applicant.id, staff)).toEqual({ ok: false, reason: "already-disabled" });
    expect(await auditCount("applicant.disabled", applicant.id)).toBe(1);

    expect(await enableApplicant(applicant.id, staff)).toEqual({ ok: true });
    expect(await authenticateApplicant(applicant.loginId, PASSWORD, context())).toMatchObject({ ok: true });
    expect(await enableApplicant(applicant.id, staff)).toEqual({ ok: false, reason: "not-disabled" });
    expect(await auditCount("applicant.enabled", applicant.id)).toBe(1);
    const enabled = await db.auditLog.findFirstOrThrow({
      where: { action: "applicant.enabled", targetId: applicant.id },
    });
    expect(enabled.actorId).toBe(staff.staffId);
  });
});
