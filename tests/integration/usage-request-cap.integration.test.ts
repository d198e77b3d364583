// 利用申し込み's system-wide hourly cap on the mails it sends (USAGE_REQUEST_MAIL_HOURLY_CAP):
// over the cap nothing is issued, sent or stored, the answer is the accepted one, and one audit
// entry says so per window (issue 9, item 2). The cap's counter is one row for the whole system,
// so this file counts on a key of its own (the mock below) and never holds back other files.
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { hashPassword } from "@/lib/auth/password-hash";
import type * as RateLimit from "@/lib/auth/rate-limit";
import type * as PasswordHash from "@/lib/auth/password-hash";
import {
  requestUsage,
  USAGE_REQUEST_MAIL_CAP_AUDIT_ACTION,
  USAGE_REQUEST_MAIL_CAP_KEY,
} from "@/lib/applicants/request-usage";
import { requestUsageAction } from "@/lib/actions/request-usage";
import { getRequestContext } from "@/lib/dal/request-context";
import { initialFormState } from "@/lib/actions/form-state";
import { usageRequestSchema } from "@/lib/schemas/usage-request";

const { capKey } = vi.hoisted(() => ({ capKey: `test-mail-cap:${Math.random().toString(36).slice(2)}` }));

vi.mock("@/lib/auth/rate-limit", async (importOriginal) => {
  const actual = await importOriginal<typeof RateLimit>();
  return {
    ...actual,
    hitRateLimit: vi.fn((client, key: string, ...rest: [number, number, Date]) =>
      actual.hitRateLimit(client, key === USAGE_REQUEST_MAIL_CAP_KEY_FOR_MOCK ? capKey : key, ...rest),
    ),
  };
});
// The constant, repeated: vi.mock runs before the module under test can be imported.
const USAGE_REQUEST_MAIL_CAP_KEY_FOR_MOCK = "usage-request-mail-hourly";

vi.mock("@/lib/auth/password-hash", async (importOriginal) => {
  const actual = await importOriginal<typeof PasswordHash>();
  return { ...actual, hashPassword: vi.fn(actual.hashPassword) };
});
const { RedirectSignal } = vi.hoisted(() => ({
  RedirectSignal: class RedirectSignal extends Error {
    constructor(readonly url: string) {
      super(`redirect to ${url}`);
    }
  },
}));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw new RedirectSignal(url);
  }),
}));
vi.mock("@/lib/dal/request-context", () => ({ getRequestContext: vi.fn() }));

const HOUR_MS = 3_600_000;
const hex4 = () => randomInt(0, 0x10000).toString(16);
const uniqueIp = () => `2001:db8:${hex4()}:${hex4()}:${hex4()}::9`;
const uniqueEmail = (tag: string) => `cap-${tag}-${randomUUID().slice(0, 8)}@example.test`;
const request = (email: string) =>
  usageRequestSchema.parse({
    name: "上限 太郎",
    address: "東京都千代田区霞が関1-2-3",
    phone: "090-1234-5678",
    email,
  });

/** The cap's audit rows written since `since` (only this file ever reaches a cap). */
const capAuditsSince = (since: Date) =>
  db.auditLog.findMany({ where: { action: USAGE_REQUEST_MAIL_CAP_AUDIT_ACTION, at: { gte: since } } });
const sentTo = (email: string) =>
  db.emailOutbox.count({ where: { toAddress: { equals: email, mode: "insensitive" } } });
const applicantsWith = (email: string) =>
  db.applicant.count({ where: { email: { equals: email, mode: "insensitive" } } });

/** Puts the cap's counter at `count` in a window that began `ageMs` ago. */
async function setCapCounter(count: number, ageMs = 0) {
  const windowStart = new Date(now().getTime() - ageMs);
  await db.rateLimitBucket.upsert({
    where: { key: capKey },
    create: { key: capKey, windowStart, count },
    update: { windowStart, count },
  });
}

afterAll(async () => {
  await db.rateLimitBucket.deleteMany({ where: { key: capKey } });
});

describe("USAGE_REQUEST_MAIL_HOURLY_CAP", () => {
  beforeEach(() => {
    vi.mocked(hashPassword).mockClear();
  });

  it("defaults to 300 mails an hour, counted under one key", () => {
    expect(getEnv().USAGE_REQUEST_MAIL_HOURLY_CAP).toBe(300);
    expect(USAGE_REQUEST_MAIL_CAP_KEY).toBe(USAGE_REQUEST_MAIL_CAP_KEY_FOR_MOCK);
  });

  it("sends while under the cap, then answers the same and sends nothing, with one audit entry per window", async () => {
    const cap = getEnv().USAGE_REQUEST_MAIL_HOURLY_CAP;
    const startedAt = new Date(now().getTime() - 1000);
    await setCapCounter(cap - 1);

    // The last mail the window allows goes out.
    const last = uniqueEmail("last");
    expect(await requestUsage(request(last), { ip: uniqueIp() })).toEqual({ accepted: true });
    expect(await sentTo(last)).toBe(1);
    expect(await applicantsWith(last)).toBe(1);

    // Over the cap, from many addresses: the same answer, one hash each, nothing written.
    const refused = [uniqueEmail("over-a"), uniqueEmail("over-b"), uniqueEmail("over-c")];
    vi.mocked(hashPassword).mockClear();
    for (const email of refused) {
      expect(await requestUsage(request(email), { ip: uniqueIp() })).toEqual({ accepted: true });
    }
    expect(vi.mocked(hashPassword).mock.calls).toHaveLength(refused.length);
    for (const email of refused) {
      expect(await sentTo(email)).toBe(0);
      expect(await applicantsWith(email)).toBe(0);
      expect(await db.usageRequest.count({ where: { email } })).toBe(0);
    }
    // A registered address gets no reminder either.
    expect(await requestUsage(request(last.toUpperCase()), { ip: uniqueIp() })).toEqual({ accepted: true });
    expect(await sentTo(last)).toBe(1);

    const audits = await capAuditsSince(startedAt);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorType: "system",
      details: { cap, windowSeconds: 3600 },
    });

    // The next window sends again, and a new flood is audited once more.
    await setCapCounter(cap, HOUR_MS + 1000);
    const nextWindow = uniqueEmail("next-window");
    expect(await requestUsage(request(nextWindow), { ip: uniqueIp() })).toEqual({ accepted: true });
    expect(await sentTo(nextWindow)).toBe(1);
    await setCapCounter(cap);
    for (const email of [uniqueEmail("over-d"), uniqueEmail("over-e")]) {
      expect(await requestUsage(request(email), { ip: uniqueIp() })).toEqual({ accepted: true });
      expect(await sentTo(email)).toBe(0);
    }
    expect(await capAuditsSince(startedAt)).toHaveLength(2);
  });

  it("shows the screen the same confirmation over the cap", async () => {
    const ip = uniqueIp();
    vi.mocked(getRequestContext).mockResolvedValue({ ip, userAgent: "vitest" });
    await setCapCounter(getEnv().USAGE_REQUEST_MAIL_HOURLY_CAP + 5);
    const form = new FormData();
    const email = uniqueEmail("action");
    for (const [key, value] of Object.entries({
      name: "上限 花子",
      address: "大阪府大阪市北区梅田1-1-1",
      phone: "06-1234-5678",
      email,
    })) {
      form.set(key, value);
    }
    await expect(requestUsageAction(initialFormState, form)).rejects.toMatchObject({
      url: "/usage-request?sent=1",
    });
    expect(await sentTo(email)).toBe(0);
    expect(vi.mocked(getRequestContext)).toHaveBeenCalled();
    // The per-address limit counted this request under the address getRequestContext gave.
    const bucket = await db.rateLimitBucket.findUnique({ where: { key: `usage-request-ip:${ip}` } });
    expect(bucket?.count).toBe(1);
  });
});
