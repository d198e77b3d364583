// Checks a login (applicant: login ID, staff: e-mail) and opens a server-side session.
// Throttling, lockout, timing and the generic answer live here, once for both roles.
import type { SessionRole } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password-hash";
import { hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";
import {
  claimLoginAttempt,
  settleFailedAttempt,
  settleSuccessfulAttempt,
  type AccountTable,
} from "@/lib/auth/lockout";
import { createSession } from "@/lib/auth/sessions";

export type LoginResult =
  | { ok: true; sessionId: string; ticket: string; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "throttled" }
  | { ok: false; reason: "locked"; lockedUntil: Date | null }
  | { ok: false; reason: "temp-expired" | "temp-used" };

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

interface Account {
  id: string;
  passwordHash: string;
  sessionVersion: number;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  tempPasswordExpiresAt: Date | null;
  tempPasswordUsedAt: Date | null;
}

interface AccountSource {
  role: SessionRole;
  table: AccountTable;
  find(identifier: string): Promise<Account | null>;
  /** Marks the temporary password as used (applicants only); false when it already was. */
  markTemporaryPasswordUsed(id: string, at: Date): Promise<boolean>;
}

const applicantSource: AccountSource = {
  role: "APPLICANT",
  table: "applicant",
  find: (loginId) =>
    db.applicant.findUnique({
      where: { loginId },
      select: {
        id: true,
        passwordHash: true,
        sessionVersion: true,
        disabledAt: true,
        mustChangePassword: true,
        tempPasswordExpiresAt: true,
        tempPasswordUsedAt: true,
      },
    }),
  markTemporaryPasswordUsed: async (id, at) => {
    // Conditional, so that two logins racing with one temporary password cannot both win.
    const result = await db.applicant.updateMany({
      where: { id, tempPasswordUsedAt: null },
      data: { tempPasswordUsedAt: at },
    });
    return result.count === 1;
  },
};

const staffSource: AccountSource = {
  role: "STAFF",
  table: "staff_user",
  find: async (email) => {
    const staff = await db.staffUser.findUnique({
      where: { email: email.toLowerCase() },
      select: {
        id: true,
        passwordHash: true,
        sessionVersion: true,
        disabledAt: true,
        mustChangePassword: true,
        tempPasswordExpiresAt: true,
      },
    });
    return staff ? { ...staff, tempPasswordUsedAt: null } : null;
  },
  // A staff temporary password has no "used" mark (no such column): it works until it is
  // replaced or expires, and every session it opens is held on the change page.
  markTemporaryPasswordUsed: async () => true,
};

async function authenticate(
  source: AccountSource,
  identifier: string,
  password: string,
  context: RequestContext,
): Promise<LoginResult> {
  const env = getEnv();
  const at = now();
  const ipKey = `login-ip:${context.ip ?? "unknown"}`;
  const ipWindowMs = env.LOGIN_IP_WINDOW_MINUTES * 60_000;
  const actorType = source.role === "APPLICANT" ? "applicant" : "staff";
  const audit = (action: string, actorId: string | null, details?: Record<string, string>) =>
    recordAudit(db, { actorType, actorId, action, ip: context.ip, at, details });

  if (!(await peekRateLimit(db, ipKey, env.LOGIN_IP_LIMIT, ipWindowMs, at))) {
    await audit("login.throttled", null);
    return { ok: false, reason: "throttled" };
  }
  const countFailureFromIp = () => hitRateLimit(db, ipKey, env.LOGIN_IP_LIMIT, ipWindowMs, at);

  const account = await source.find(identifier);
  if (!account || account.disabledAt) {
    await verifyAgainstDummy(password, env.BCRYPT_COST);
    await countFailureFromIp();
    await audit("login.failed", account?.id ?? null, { why: account ? "disabled" : "unknown-id" });
    return { ok: false, reason: "invalid" };
  }

  const policy = { threshold: env.LOCKOUT_THRESHOLD, lockMs: env.LOCKOUT_MINUTES * 60_000 };
  const claim = await claimLoginAttempt(db, source.table, account.id, policy, at);
  if (claim.status === "locked") {
    await countFailureFromIp();
    await audit("login.refused-locked", account.id);
    return { ok: false, reason: "locked", lockedUntil: claim.lockedUntil };
  }

  if (!(await verifyPassword(password, account.passwordHash))) {
    await countFailureFromIp();
    const lockedUntil = await settleFailedAttempt(db, source.table, account.id, claim.attempt, policy);
    await audit("login.failed", account.id, { why: "wrong-password" });
    if (lockedUntil) {
      await audit("account.locked", account.id, { until: lockedUntil.toISOString() });
      return { ok: false, reason: "locked", lockedUntil };
    }
    return { ok: false, reason: "invalid" };
  }

  await settleSuccessfulAttempt(db, source.table, account.id);
  if (account.mustChangePassword) {
    if (account.tempPasswordUsedAt) {
      await audit("login.refused-temp-used", account.id);
      return { ok: false, reason: "temp-used" };
    }
    if (account.tempPasswordExpiresAt && account.tempPasswordExpiresAt <= at) {
      await audit("login.refused-temp-expired", account.id);
      return { ok: false, reason: "temp-expired" };
    }
    if (!(await source.markTemporaryPasswordUsed(account.id, at))) {
      await audit("login.refused-temp-used", account.id);
      return { ok: false, reason: "temp-used" };
    }
  }
  const { sessionId, ticket } = await createSession(db, {
    role: source.role,
    userId: account.id,
    sessionVersion: account.sessionVersion,
    ip: context.ip,
    userAgent: context.userAgent,
    at,
  });
  await audit("login.succeeded", account.id);
  return { ok: true, sessionId, ticket, mustChangePassword: account.mustChangePassword };
}

export const authenticateApplicant = (loginId: string, password: string, context: RequestContext) =>
  authenticate(applicantSource, loginId, password, context);

export const authenticateStaff = (email: string, password: string, context: RequestContext) =>
  authenticate(staffSource, email, password, context);
