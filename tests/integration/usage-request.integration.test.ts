// 利用申し込み against the real database: a new address gets an ID and the ID email, a registered
// address (in any case) gets a reminder and no second ID, the answer is the same either way, and
// the per-address and per-IP throttles (lib/applicants/request-usage.ts).
import { randomInt, randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { hashPassword } from "@/lib/auth/password-hash";
import { hitRateLimit } from "@/lib/auth/rate-limit";
import { issueApplicant } from "@/lib/applicants/issue-applicant";
import {
  requestUsage,
  USAGE_REQUEST_THROTTLED_MESSAGE,
  usageRequestEmailThrottleKey,
} from "@/lib/applicants/request-usage";
import { requestUsageAction } from "@/lib/actions/request-usage";
import { getRequestContext } from "@/lib/dal/request-context";
import { initialFormState } from "@/lib/actions/form-state";
import { usageRequestSchema } from "@/lib/schemas/usage-request";
import type * as PasswordHash from "@/lib/auth/password-hash";
import { getLocale } from "next-intl/server";
import { textIn } from "@/lib/i18n/translate";
import type { FormState } from "@/lib/actions/form-state";

// Counts bcrypt hashes, the cost that would tell a new address from a registered one.
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
// The page's language (issue 15), which the action keeps for a new applicant and their email.
vi.mock("next-intl/server", () => ({ getLocale: vi.fn() }));

/** The form state's field errors in Japanese (the action answers with message references). */
async function fieldErrorsInJapanese(state: FormState | undefined) {
  const entries = await Promise.all(
    Object.entries(state?.fieldErrors ?? {}).map(
      async ([field, messages]) =>
        [field, await Promise.all((messages ?? []).map((message) => textIn("ja", message)))] as const,
    ),
  );
  return Object.fromEntries(entries);
}

/** A fresh IP per test, so the shared per-IP throttle never couples tests or files. */
const uniqueIp = () => `2001:db8:${hex4()}:${hex4()}:${hex4()}::7`;
const hex4 = () => randomInt(0, 0x10000).toString(16);
const uniqueEmail = (tag: string) => `usage-${tag}-${randomUUID().slice(0, 8)}@example.test`;

const request = (email: string, overrides: Record<string, string> = {}) =>
  usageRequestSchema.parse({
    name: "申込 太郎",
    address: "東京都千代田区霞が関１－２－３",
    phone: "090-1234-5678",
    email,
    ...overrides,
  });

const applicantsWith = (email: string) =>
  db.$queryRaw<{ id: string; loginId: string }[]>`
    SELECT id::text AS id, login_id AS "loginId" FROM applicant WHERE lower(email) = lower(${email})`;
const emailsTo = (email: string) =>
  db.emailOutbox.findMany({
    where: { toAddress: { equals: email, mode: "insensitive" } },
    orderBy: { createdAt: "asc" },
  });
const usageRowsFor = (email: string) =>
  db.usageRequest.findMany({
    where: { email: { equals: email, mode: "insensitive" } },
    orderBy: { createdAt: "asc" },
  });
const usageAudits = (ip: string) =>
  db.auditLog.findMany({ where: { action: "applicant.usage-requested", ip }, orderBy: { id: "asc" } });

function formDataOf(values: Record<string, string>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.set(key, value);
  return formData;
}

/** The action's answer: the redirect it made, or the form state it returned. */
async function submit(values: Record<string, string>) {
  try {
    return { state: await requestUsageAction(initialFormState, formDataOf(values)) };
  } catch (error) {
    if (error instanceof RedirectSignal) return { redirectedTo: error.url };
    throw error;
  }
}

const hashCalls = () => vi.mocked(hashPassword).mock.calls.length;

describe("requestUsage", () => {
  let ip: string;

  beforeEach(() => {
    ip = uniqueIp();
    vi.mocked(hashPassword).mockClear();
  });

  it("issues an ID to a new address: one applicant, the ID email, and the request row", async () => {
    const email = uniqueEmail("new");
    const result = await requestUsage(request(email), { ip });

    expect(result).toEqual({ accepted: true });
    const applicants = await applicantsWith(email);
    expect(applicants).toHaveLength(1);
    const [applicant] = applicants;
    const stored = await db.applicant.findUniqueOrThrow({ where: { id: applicant?.id } });
    expect(stored).toMatchObject({
      name: "申込 太郎",
      email,
      mustChangePassword: true,
      issuedByStaffId: null,
    });

    const emails = await emailsTo(email);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: "applicant-id-issued", toAddress: email });
    expect(emails[0]?.payload).toMatchObject({ name: "申込 太郎", loginId: applicant?.loginId });

    const rows = await usageRowsFor(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: "申込 太郎",
      address: "東京都千代田区霞が関1-2-3",
      phone: "09012345678",
      email,
      outcome: "issued",
      applicantId: applicant?.id,
      ip,
    });

    const audits = await usageAudits(ip);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorType: "anonymous",
      actorId: null,
      targetType: "usage_request",
      targetId: rows[0]?.id,
      details: { outcome: "issued", applicantId: applicant?.id, emailId: emails[0]?.id },
    });
    expect(hashCalls()).toBe(1);
  });

  it("never issues a second ID to a registered address in any case: the owner gets a reminder instead", async () => {
    const registeredAddress = `Usage.Owner-${randomUUID().slice(0, 8)}@Example.test`;
    const owner = await issueApplicant({
      name: "登録 花子",
      email: registeredAddress,
      staffId: null,
      ip: null,
    });
    const before = await emailsTo(registeredAddress);
    vi.mocked(hashPassword).mockClear();

    const result = await requestUsage(request(registeredAddress.toUpperCase(), { name: "別人 次郎" }), {
      ip,
    });

    expect(result).toEqual({ accepted: true });
    expect(await applicantsWith(registeredAddress)).toEqual([{ id: owner.id, loginId: owner.loginId }]);

    const emails = (await emailsTo(registeredAddress)).slice(before.length);
    expect(emails).toHaveLength(1);
    const reminder = emails[0];
    expect(reminder).toMatchObject({
      template: "usage-request-already-registered",
      // The registered address, as registered: the mail goes to the ID's owner.
      toAddress: registeredAddress,
      secretPayload: null,
    });
    expect(reminder?.payload).toEqual({
      // The registered name, not what the requester typed.
      name: "登録 花子",
      loginIds: [owner.loginId],
      requestedAt: expect.any(String),
      loginUrl: `${getEnv().APP_URL}/login`,
      forgotPasswordUrl: `${getEnv().APP_URL}/password/forgot`,
    });

    const rows = await usageRowsFor(registeredAddress);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      name: "別人 次郎",
      email: registeredAddress.toUpperCase().replace("@EXAMPLE.TEST", "@example.test"),
      outcome: "already-registered",
      applicantId: owner.id,
      ip,
    });
    const audits = await usageAudits(ip);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.details).toEqual({
      outcome: "already-registered",
      applicantId: owner.id,
      emailId: reminder?.id,
    });
    // The same bcrypt cost as issuing, so the time taken does not tell either.
    expect(hashCalls()).toBe(1);
  });

  it("answers a new and a registered address with the same result", async () => {
    const email = uniqueEmail("same-answer");
    const forNewAddress = await requestUsage(request(email), { ip });
    const forRegisteredAddress = await requestUsage(request(email.toUpperCase()), { ip: uniqueIp() });
    expect(forRegisteredAddress).toEqual(forNewAddress);
    expect(JSON.stringify(forRegisteredAddress)).toBe(JSON.stringify(forNewAddress));
    expect((await usageRowsFor(email)).map((row) => row.outcome)).toEqual(["issued", "already-registered"]);
  });

  it("names every ID of an address that has several, the one in use first", async () => {
    const email = uniqueEmail("several");
    const older = await issueApplicant({ name: "複数 一郎", email, staffId: null, ip: null });
    const newer = await issueApplicant({ name: "複数 二郎", email, staffId: null, ip: null });
    await db.applicant.update({ where: { id: newer.id }, data: { disabledAt: new Date() } });

    await requestUsage(request(email), { ip });
    const reminder = (await emailsTo(email)).at(-1);
    expect(reminder?.template).toBe("usage-request-already-registered");
    expect(reminder?.payload).toMatchObject({ name: "複数 一郎", loginIds: [older.loginId, newer.loginId] });
    expect((await usageRowsFor(email))[0]?.applicantId).toBe(older.id);
  });

  it("issues one ID when the same new address is sent twice at once (a double click)", async () => {
    const email = uniqueEmail("double");
    const results = await Promise.all([
      requestUsage(request(email), { ip }),
      requestUsage(request(email.toUpperCase()), { ip }),
    ]);
    expect(results).toEqual([{ accepted: true }, { accepted: true }]);
    expect(await applicantsWith(email)).toHaveLength(1);
    const templates = (await emailsTo(email)).map((row) => row.template).sort();
    expect(templates).toEqual(["applicant-id-issued", "usage-request-already-registered"]);
    expect((await usageRowsFor(email)).map((row) => row.outcome).sort()).toEqual([
      "already-registered",
      "issued",
    ]);
    // The lease is gone once both are done.
    const leases = await db.rateLimitBucket.count({ where: { key: { startsWith: "usage-request-lease:" } } });
    expect(leases).toBe(0);
  });

  describe("per-address throttle (USAGE_REQUEST_EMAIL_LIMIT a day)", () => {
    it("answers the request over the limit like any other, but sends and records nothing", async () => {
      const limit = getEnv().USAGE_REQUEST_EMAIL_LIMIT;
      expect(limit).toBe(3);
      const email = uniqueEmail("email-limit");
      // Different addresses and cases: the count is per address, whoever asks, in any case.
      for (let i = 0; i < limit; i += 1) {
        const variant = i % 2 === 0 ? email : email.toUpperCase();
        expect(await requestUsage(request(variant), { ip: uniqueIp() })).toEqual({ accepted: true });
      }
      const emailsBefore = await emailsTo(email);
      const rowsBefore = await usageRowsFor(email);
      expect(rowsBefore.map((row) => row.outcome)).toEqual([
        "issued",
        "already-registered",
        "already-registered",
      ]);
      vi.mocked(hashPassword).mockClear();

      const result = await requestUsage(request(email), { ip });

      expect(result).toEqual({ accepted: true });
      expect(await emailsTo(email)).toHaveLength(emailsBefore.length);
      expect(await usageRowsFor(email)).toHaveLength(rowsBefore.length);
      expect(await applicantsWith(email)).toHaveLength(1);
      expect(hashCalls()).toBe(1);
      const audits = await usageAudits(ip);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({
        targetType: null,
        targetId: null,
        details: { outcome: "throttled-email" },
      });
    });

    it("applies to an address that has no ID as well: none is issued over the limit", async () => {
      const email = uniqueEmail("email-limit-unregistered");
      const limit = getEnv().USAGE_REQUEST_EMAIL_LIMIT;
      for (let i = 0; i < limit; i += 1) {
        await hitRateLimit(db, usageRequestEmailThrottleKey(email), limit, 86_400_000, now());
      }

      expect(await requestUsage(request(email.toUpperCase()), { ip })).toEqual({ accepted: true });
      expect(await applicantsWith(email)).toHaveLength(0);
      expect(await emailsTo(email)).toHaveLength(0);
      expect(await usageRowsFor(email)).toHaveLength(0);
      expect(hashCalls()).toBe(1);
    });
  });

  describe("per-IP throttle (USAGE_REQUEST_IP_LIMIT an hour)", () => {
    it("refuses the request over the limit and changes nothing for it", async () => {
      const limit = getEnv().USAGE_REQUEST_IP_LIMIT;
      expect(limit).toBe(5);
      for (let i = 0; i < limit; i += 1) {
        expect(await requestUsage(request(uniqueEmail(`ip-${i}`)), { ip })).toEqual({ accepted: true });
      }
      const email = uniqueEmail("ip-over");
      expect(await requestUsage(request(email), { ip })).toEqual({ accepted: false, reason: "throttled" });
      expect(await applicantsWith(email)).toHaveLength(0);
      expect(await emailsTo(email)).toHaveLength(0);
      expect(await usageRowsFor(email)).toHaveLength(0);
      // Refused before the address was counted: its own limit is untouched.
      const bucket = await db.rateLimitBucket.findUnique({
        where: { key: usageRequestEmailThrottleKey(email) },
      });
      expect(bucket).toBeNull();
      expect((await usageAudits(ip)).at(-1)?.details).toEqual({ outcome: "throttled-ip" });

      // Another address is not held back by this one.
      expect(await requestUsage(request(email), { ip: uniqueIp() })).toEqual({ accepted: true });
    });
  });
});

describe("requestUsageAction", () => {
  let ip: string;

  beforeEach(() => {
    ip = uniqueIp();
    vi.mocked(getRequestContext).mockResolvedValue({ ip, userAgent: "vitest" });
    vi.mocked(getLocale).mockResolvedValue("ja");
  });

  const valid = (email: string) => ({
    name: "山田 太郎",
    address: "大阪府大阪市北区梅田1-1-1",
    phone: "06-1234-5678",
    email,
  });

  it("shows the same confirmation for a new and a registered address", async () => {
    const email = uniqueEmail("action");
    const forNew = await submit(valid(email));
    const forRegistered = await submit(valid(email.toUpperCase()));
    expect(forNew).toEqual({ redirectedTo: "/usage-request?sent=1" });
    expect(forRegistered).toEqual(forNew);
    expect((await usageRowsFor(email)).map((row) => row.outcome)).toEqual(["issued", "already-registered"]);
  });

  it("keeps the page's language as the new applicant's, and writes the emails in it (issue 15)", async () => {
    vi.mocked(getLocale).mockResolvedValue("vi");
    const email = uniqueEmail("locale");
    expect(await submit(valid(email))).toEqual({ redirectedTo: "/usage-request?sent=1" });
    const [issued] = await applicantsWith(email);
    const applicant = await db.applicant.findUnique({
      where: { id: issued?.id },
      select: { preferredLocale: true },
    });
    expect(applicant?.preferredLocale).toBe("vi");
    // Again from an English page: the reminder is in English; the applicant's own choice stays.
    vi.mocked(getLocale).mockResolvedValue("en");
    expect(await submit(valid(email))).toEqual({ redirectedTo: "/usage-request?sent=1" });
    const emails = await emailsTo(email);
    expect(emails.map((row) => [row.template, (row.payload as { locale?: string }).locale])).toEqual([
      ["applicant-id-issued", "vi"],
      ["usage-request-already-registered", "en"],
    ]);
    expect(
      (await db.applicant.findUnique({ where: { id: issued?.id }, select: { preferredLocale: true } }))
        ?.preferredLocale,
    ).toBe("vi");
  });

  it("answers invalid input with an error per field, keeps what was typed, and changes nothing", async () => {
    const typed = { name: "", address: "", phone: "12-34", email: `no-at-sign-${randomUUID()}` };
    const answers = [];
    // More than the per-IP limit: invalid input is not counted either.
    for (let i = 0; i <= getEnv().USAGE_REQUEST_IP_LIMIT; i += 1) answers.push(await submit(typed));

    for (const answer of answers) {
      expect(answer.state).toMatchObject({ status: "error", values: typed });
      expect(await fieldErrorsInJapanese(answer.state)).toMatchObject({
        name: ["氏名を入力してください。"],
        address: ["住所を入力してください。"],
        phone: [expect.stringContaining("10桁または11桁")],
        email: [expect.stringContaining("「@」がありません")],
      });
    }
    expect(await db.usageRequest.count({ where: { ip } })).toBe(0);
    expect(await db.auditLog.count({ where: { ip } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { toAddress: typed.email } })).toBe(0);
    expect(await db.rateLimitBucket.count({ where: { key: `usage-request-ip:${ip}` } })).toBe(0);
  });

  it("refuses a 氏名 that is not a name (a URL, digits, 「@」), keeps what was typed, and sends nothing", async () => {
    for (const name of [
      "山田 太郎 https://evil.example/login",
      "山田 太郎 0120-000-000",
      "taro@evil.example",
    ]) {
      const typed = { ...valid(uniqueEmail("phishing")), name };
      const answer = await submit(typed);
      expect(answer.state).toMatchObject({ status: "error", values: typed });
      expect(await fieldErrorsInJapanese(answer.state)).toMatchObject({
        name: [expect.stringMatching(/^氏名に.+は使えません。/)],
      });
      expect(answer.state?.fieldErrors).not.toHaveProperty("email");
      expect(await applicantsWith(typed.email)).toHaveLength(0);
      expect(await emailsTo(typed.email)).toHaveLength(0);
    }
    expect(await db.usageRequest.count({ where: { ip } })).toBe(0);
    expect(await db.rateLimitBucket.count({ where: { key: `usage-request-ip:${ip}` } })).toBe(0);
  });

  it("tells a throttled address to wait, keeping what was typed", async () => {
    const limit = getEnv().USAGE_REQUEST_IP_LIMIT;
    for (let i = 0; i < limit; i += 1) {
      expect(await submit(valid(uniqueEmail(`action-ip-${i}`)))).toEqual({
        redirectedTo: "/usage-request?sent=1",
      });
    }
    const values = valid(uniqueEmail("action-ip-over"));
    const answer = await submit(values);
    expect(answer.state).toMatchObject({
      status: "error",
      formError: USAGE_REQUEST_THROTTLED_MESSAGE,
      values,
    });
    expect(await textIn("ja", USAGE_REQUEST_THROTTLED_MESSAGE)).toBe(
      "短時間に多くのお申し込みがありました。しばらくしてからもう一度お試しください。",
    );
    expect(await textIn("en", USAGE_REQUEST_THROTTLED_MESSAGE)).toBe(
      "There have been many requests in a short time. Please wait a while and try again.",
    );
    expect(await applicantsWith(values.email)).toHaveLength(0);
  });
});
