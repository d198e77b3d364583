// 利用申し込み (public): issues a 申請ログインID to a new address, or reminds the owner of an
// address that already has one. The requester learns nothing about which: every outcome but the
// per-IP throttle returns the same object after about the same time (one bcrypt hash each).
// Three limits keep the page from being a mail cannon: per client address, per e-mail address,
// and a system-wide hourly cap on the mails it sends (USAGE_REQUEST_MAIL_HOURLY_CAP).
import { createHash } from "node:crypto";
import type { EmailTemplateInput } from "@/emails/registry";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { hashPassword } from "@/lib/auth/password-hash";
import { generateTemporaryPassword } from "@/lib/auth/temp-password";
import { issueApplicant, loginUrl } from "@/lib/applicants/issue-applicant";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { recordAudit } from "@/lib/audit/record-audit";
import type { UsageRequestData } from "@/lib/schemas/usage-request";
import { emailKey } from "@/lib/schemas/normalize";
import { messageRef } from "@/lib/i18n/message-ref";
import type { Locale } from "@/lib/i18n/locales";

/** A reference (issue 15): the page shows it in its language. */
export const USAGE_REQUEST_THROTTLED_MESSAGE = messageRef("auth.errors.usageRequestThrottled");

export type UsageRequestResult = { accepted: true } | { accepted: false; reason: "throttled" };

/** usage_request.outcome, and details.outcome of the audit entry (which also has the throttled ones). */
export type UsageRequestOutcome = "issued" | "already-registered";
type AuditedOutcome = UsageRequestOutcome | "throttled-email" | "throttled-ip";

/** The one counter of every mail 利用申し込み sends, whoever asks (rate_limit_bucket key). */
export const USAGE_REQUEST_MAIL_CAP_KEY = "usage-request-mail-hourly";
/** Written once per window, by the first request over the cap (not by every refused one). */
export const USAGE_REQUEST_MAIL_CAP_AUDIT_ACTION = "applicant.usage-request-mail-cap-reached";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A lease older than this is taken over (its holder crashed). */
const LEASE_STALE_MS = 30_000;
/** How long a request waits for another one on the same address before going ahead anyway. */
const LEASE_WAIT_MS = 10_000;
const LEASE_POLL_MS = 50;

/** Keys in rate_limit_bucket name an address by its digest, so that table holds no addresses. */
const addressDigest = (email: string) => createHash("sha256").update(emailKey(email)).digest("hex");

/** The per-address counter's key (any case of one address counts together). */
export function usageRequestEmailThrottleKey(email: string): string {
  return `usage-request-email:${addressDigest(email)}`;
}

/**
 * `context.locale`: the language of the page the request came from (issue 15). A new applicant
 * keeps it as theirs, and the email goes out in it (with the Japanese below).
 */
export async function requestUsage(
  input: UsageRequestData,
  context: { ip: string | null; locale?: Locale },
): Promise<UsageRequestResult> {
  const env = getEnv();
  const at = now();
  const { ip, locale } = context;

  const byIp = await hitRateLimit(
    db,
    `usage-request-ip:${ip ?? "unknown"}`,
    env.USAGE_REQUEST_IP_LIMIT,
    HOUR_MS,
    at,
  );
  if (!byIp.allowed) {
    await recordUsageAudit({ outcome: "throttled-ip", ip, at });
    return { accepted: false, reason: "throttled" };
  }

  // Counted before the address is looked up, so the limit applies alike to registered and
  // unregistered addresses.
  const byEmail = await hitRateLimit(
    db,
    usageRequestEmailThrottleKey(input.email),
    env.USAGE_REQUEST_EMAIL_LIMIT,
    DAY_MS,
    at,
  );
  if (!byEmail.allowed) {
    // Answered exactly like an accepted request, and nothing is sent. A throttle message here
    // would tell anyone that this address had been used (and so probably has an ID), and sending
    // would let anyone fill a stranger's mailbox from many IP addresses.
    await spendIssuingTime();
    await recordUsageAudit({ outcome: "throttled-email", ip, at });
    return { accepted: true };
  }

  // Counted only for requests that would send a mail (the throttled ones above send nothing).
  // Over the cap the answer is the same accepted one after the same time, and nothing is sent or
  // stored: whoever floods the page learns nothing, and the mailbox owners get nothing.
  const cap = env.USAGE_REQUEST_MAIL_HOURLY_CAP;
  const bySystem = await hitRateLimit(db, USAGE_REQUEST_MAIL_CAP_KEY, cap, HOUR_MS, at);
  if (!bySystem.allowed) {
    await spendIssuingTime();
    // The counter goes up one at a time under a row lock, so exactly one request sees cap + 1.
    if (bySystem.count === cap + 1) {
      await recordAudit(db, {
        actorType: "system",
        action: USAGE_REQUEST_MAIL_CAP_AUDIT_ACTION,
        ip,
        at,
        details: { cap, windowSeconds: HOUR_MS / 1000, retryAfterSeconds: bySystem.retryAfterSeconds },
      });
    }
    return { accepted: true };
  }

  await withAddressLease(input.email, async () => {
    const registered = await findApplicantsByEmail(input.email);
    if (registered.length === 0) await issueToNewAddress(input, ip, locale);
    else await remindRegisteredAddress(input, registered, ip, locale);
  });
  return { accepted: true };
}

interface RegisteredApplicant {
  id: string;
  loginId: string;
  name: string;
  email: string;
}

/** Every applicant with this address, case-insensitively; those in use first, newest first. */
async function findApplicantsByEmail(email: string): Promise<RegisteredApplicant[]> {
  return db.$queryRaw<RegisteredApplicant[]>`
    SELECT id::text AS id, login_id AS "loginId", name, email FROM applicant
    WHERE lower(email) = lower(${email})
    ORDER BY disabled_at IS NOT NULL, issued_at DESC
    LIMIT 10`;
}

async function issueToNewAddress(input: UsageRequestData, ip: string | null, locale: Locale | undefined) {
  // issueApplicant writes the applicant and the ID email in its own transaction; the request
  // row follows it. Should that second write fail, the ID and its email stand (the requester got
  // what they asked for) and only the record of the request is missing.
  const issued = await issueApplicant({
    name: input.name,
    email: input.email,
    staffId: null,
    ip,
    preferredLocale: locale,
  });
  const at = now();
  await db.$transaction(async (tx) => {
    const row = await tx.usageRequest.create({
      data: { ...contactOf(input), outcome: "issued", applicantId: issued.id, ip, createdAt: at },
      select: { id: true },
    });
    await recordUsageAudit(
      { outcome: "issued", ip, at, usageRequestId: row.id, applicantId: issued.id, emailId: issued.emailId },
      tx,
    );
  });
}

async function remindRegisteredAddress(
  input: UsageRequestData,
  registered: RegisteredApplicant[],
  ip: string | null,
  locale: Locale | undefined,
) {
  const [owner] = registered;
  if (!owner) throw new Error("remindRegisteredAddress needs an applicant");
  const env = getEnv();
  await spendIssuingTime();
  const at = now();
  // The registered name and address, not the typed ones: nothing a stranger types reaches the
  // mailbox of an address that is not theirs.
  const data = {
    name: owner.name,
    loginIds: registered.map((applicant) => applicant.loginId),
    requestedAt: at.toISOString(),
    loginUrl: loginUrl(),
    forgotPasswordUrl: `${env.APP_URL}/password/forgot`,
  } satisfies EmailTemplateInput<"usage-request-already-registered">;
  await db.$transaction(async (tx) => {
    const emailId = await enqueueEmail(tx, {
      template: "usage-request-already-registered",
      to: owner.email,
      data,
      authSecret: env.AUTH_SECRET,
      at,
      // The page's language; without one, the owner's own.
      locale,
      applicantId: owner.id,
    });
    const row = await tx.usageRequest.create({
      data: { ...contactOf(input), outcome: "already-registered", applicantId: owner.id, ip, createdAt: at },
      select: { id: true },
    });
    await recordUsageAudit(
      { outcome: "already-registered", ip, at, usageRequestId: row.id, applicantId: owner.id, emailId },
      tx,
    );
  });
}

/** 住所 and 電話番号 are kept here only (the applicant row has neither). */
const contactOf = (input: UsageRequestData) => ({
  name: input.name,
  address: input.address,
  phone: input.phone,
  email: input.email,
});

/** The one bcrypt hash issuing costs, spent by the answers that issue nothing. */
async function spendIssuingTime(): Promise<void> {
  await hashPassword(generateTemporaryPassword(), getEnv().BCRYPT_COST);
}

async function recordUsageAudit(
  entry: {
    outcome: AuditedOutcome;
    ip: string | null;
    at: Date;
    usageRequestId?: string;
    applicantId?: string;
    emailId?: string;
  },
  client: Parameters<typeof recordAudit>[0] = db,
) {
  const { outcome, ip, at, usageRequestId, applicantId, emailId } = entry;
  await recordAudit(client, {
    actorType: "anonymous",
    action: "applicant.usage-requested",
    targetType: usageRequestId ? "usage_request" : undefined,
    targetId: usageRequestId ?? null,
    ip,
    at,
    details: { outcome, ...(applicantId ? { applicantId } : {}), ...(emailId ? { emailId } : {}) },
  });
}

/**
 * Runs `work` while holding a short lease on the address (a row in rate_limit_bucket), so that
 * two requests for one new address at once (a double click, two tabs, two server processes)
 * issue one ID: the second waits, then finds the first one's applicant. No connection is held
 * while waiting or working; a lease whose holder died is taken over after LEASE_STALE_MS, and a
 * request that waited LEASE_WAIT_MS goes ahead without one rather than fail the page.
 */
async function withAddressLease(email: string, work: () => Promise<void>): Promise<void> {
  const key = `usage-request-lease:${addressDigest(email)}`;
  const giveUpAt = Date.now() + LEASE_WAIT_MS;
  let leasedAt: Date | null = null;
  for (;;) {
    const at = now();
    const staleBefore = new Date(at.getTime() - LEASE_STALE_MS);
    const taken = await db.$queryRaw<{ key: string }[]>`
      INSERT INTO rate_limit_bucket (key, window_start, count) VALUES (${key}, ${at}, 1)
      ON CONFLICT (key) DO UPDATE SET window_start = EXCLUDED.window_start, count = 1
        WHERE rate_limit_bucket.window_start <= ${staleBefore}
      RETURNING key`;
    if (taken.length > 0) {
      leasedAt = at;
      break;
    }
    if (Date.now() >= giveUpAt) break;
    await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
  }
  try {
    await work();
  } finally {
    if (leasedAt) {
      await db.$executeRaw`DELETE FROM rate_limit_bucket WHERE key = ${key} AND window_start = ${leasedAt}`;
    }
  }
}
