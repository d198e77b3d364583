// Checks a login (applicant: login ID, staff: e-mail) and opens a server-side session.
// Throttling, lockout, timing and the generic answer live here, once for both roles: an unknown
// ID, a disabled account, a wrong password and a wrong password for a locked account all get the
// same answer; only the right password for a locked account is told about the lock.
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password-hash";
import { hitRateLimit, peekRateLimit } from "@/lib/auth/rate-limit";
import {
  claimLoginAttempt,
  duringLockCheckLimit,
  settleFailedAttempt,
  settleSuccessfulAttempt,
} from "@/lib/auth/lockout";
import { lockoutPolicy } from "@/lib/auth/policies";
import { createSession } from "@/lib/auth/sessions";
import { accountSource, type AccountSource } from "@/lib/auth/accounts";

export type LoginResult =
  | { ok: true; sessionId: string; ticket: string; mustChangePassword: boolean }
  | { ok: false; reason: "invalid" | "throttled" }
  | { ok: false; reason: "locked"; lockedUntil: Date | null }
  | { ok: false; reason: "temp-expired" | "temp-used" };

export interface RequestContext {
  ip: string | null;
  userAgent: string | null;
}

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
  const audit = (action: string, actorId: string | null, details?: Record<string, string>) =>
    recordAudit(db, { actorType: source.auditType, actorId, action, ip: context.ip, at, details });

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

  const policy = lockoutPolicy();
  const claim = await claimLoginAttempt(db, source.table, account.id, policy, at);
  const isLocked = claim.status === "locked";
  // A locked account still has its password checked, so that only the right password learns of
  // the lock (anyone else gets the answer an unknown ID gets) — but for a bounded number of
  // attempts, or the lock would stop limiting guesses. A pending reissued password is always
  // checked: it is a random secret, and the way out of a lock that the lock message offers.
  const mayCheckCurrent = !isLocked || claim.attempt <= duringLockCheckLimit(policy);
  const pendingHash = account.pendingPasswordHash;
  const [isCurrent, isPending] = await Promise.all([
    mayCheckCurrent
      ? verifyPassword(password, account.passwordHash)
      : verifyAgainstDummy(password, env.BCRYPT_COST),
    pendingHash ? verifyPassword(password, pendingHash) : false,
  ]);

  if (isPending && pendingHash && !isCurrent) {
    if (account.pendingPasswordExpiresAt && account.pendingPasswordExpiresAt <= at) {
      if (!isLocked) await settleSuccessfulAttempt(db, source.table, account.id);
      await audit("login.refused-temp-expired", account.id, { credential: "reissued" });
      return { ok: false, reason: "temp-expired" };
    }
    const sessionVersion = await source.promotePendingPassword(
      account.id,
      { hash: pendingHash, expiresAt: account.pendingPasswordExpiresAt },
      at,
    );
    if (sessionVersion === null) {
      await audit("login.refused-temp-used", account.id, { credential: "reissued" });
      return { ok: false, reason: "temp-used" };
    }
    // The reissued password is now the current one and the other sessions have ended.
    return openSession(source, account.id, sessionVersion, true, context, at, () =>
      audit("login.succeeded", account.id, { credential: "reissued", otherSessions: "ended" }),
    );
  }

  if (!isCurrent) {
    await countFailureFromIp();
    if (isLocked) {
      await audit("login.failed", account.id, { why: "wrong-password-while-locked" });
      return { ok: false, reason: "invalid" };
    }
    const lockedUntil = await settleFailedAttempt(db, source.table, account.id, claim.attempt, policy);
    await audit("login.failed", account.id, { why: "wrong-password" });
    if (lockedUntil) await audit("account.locked", account.id, { until: lockedUntil.toISOString() });
    return { ok: false, reason: "invalid" };
  }

  if (claim.status === "locked") {
    await countFailureFromIp();
    await audit("login.refused-locked", account.id);
    return { ok: false, reason: "locked", lockedUntil: claim.lockedUntil };
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
  return openSession(
    source,
    account.id,
    account.sessionVersion,
    account.mustChangePassword,
    context,
    at,
    () => audit("login.succeeded", account.id),
  );
}

async function openSession(
  source: AccountSource,
  userId: string,
  sessionVersion: number,
  mustChangePassword: boolean,
  context: RequestContext,
  at: Date,
  recordSuccess: () => Promise<void>,
): Promise<LoginResult> {
  const { sessionId, ticket } = await createSession(db, {
    role: source.role,
    userId,
    sessionVersion,
    ip: context.ip,
    userAgent: context.userAgent,
    at,
  });
  await recordSuccess();
  return { ok: true, sessionId, ticket, mustChangePassword };
}

export const authenticateApplicant = (loginId: string, password: string, context: RequestContext) =>
  authenticate(accountSource("applicant"), loginId, password, context);

export const authenticateStaff = (email: string, password: string, context: RequestContext) =>
  authenticate(accountSource("staff"), email, password, context);
