// メール送信状況 against the real database: 再送する puts a FAILED email back in the queue (once,
// audited) and refuses one whose password was erased; the list filters by 状態, searches 宛先
// by prefix regardless of case, and pages by keyset both ways.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { checkEmailRetry } from "@/lib/mail/check-email-retry";
import { retryFailedEmail } from "@/lib/mail/retry-failed-email";
import { listEmails } from "@/lib/staff/list-emails";
import { parseEmailListParams } from "@/lib/staff/email-list-params";

// The outbox worker tests claim every row due in their own past eras (before 1990): rows here are
// created in 1985 for a stable order but are never due before 2999, so no worker takes them.
const BASE = Date.parse("1985-06-01T00:00:00.000Z");
const MINUTE = 60_000;
const NEVER_DUE = new Date("2999-01-01T00:00:00.000Z");

const passwordChangedPayload = {
  name: "再送 試験",
  loginId: "12345678901221",
  changedAt: new Date(BASE).toISOString(),
  loginUrl: "http://localhost:3000/login",
};

async function createStaff() {
  const staff = await db.staffUser.create({
    data: { email: `outbox-staff-${randomUUID()}@example.test`, name: "試験 職員", passwordHash: "unused" },
    select: { id: true },
  });
  return { staffId: staff.id, ip: "192.0.2.8" };
}

function createEmail(data: {
  template?: string;
  to?: string;
  status?: EmailStatus;
  payload?: object;
  secretPayload?: string | null;
  attempts?: number;
  createdAt?: Date;
}) {
  const createdAt = data.createdAt ?? new Date(BASE);
  return db.emailOutbox.create({
    data: {
      template: data.template ?? "password-changed",
      toAddress: data.to ?? `outbox-${randomUUID()}@example.test`,
      payload: data.payload ?? passwordChangedPayload,
      secretPayload: data.secretPayload ?? null,
      status: data.status ?? "FAILED",
      attempts: data.attempts ?? 8,
      lastError: data.status === "SENT" ? null : "connect ECONNREFUSED 127.0.0.1:25",
      createdAt,
      nextAttemptAt: NEVER_DUE,
    },
  });
}

describe("retryFailedEmail", () => {
  it("queues a failed email again, due now, with a fresh attempt count; once, and audited", async () => {
    const staff = await createStaff();
    const email = await createEmail({ attempts: 8 });
    const before = Date.now();

    expect(await retryFailedEmail(email.id, staff)).toEqual({ ok: true });
    const after = await db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } });
    expect(after).toMatchObject({ status: "QUEUED", attempts: 0, lockedAt: null, sentAt: null });
    expect(after.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // The error it failed with stays visible until the next attempt replaces it.
    expect(after.lastError).toBe(email.lastError);

    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "email.retried", targetId: email.id },
    });
    expect(entry).toMatchObject({ actorType: "staff", actorId: staff.staffId, targetType: "email" });
    expect(entry.details).toEqual({ template: "password-changed", previousAttempts: 8 });

    expect(await retryFailedEmail(email.id, staff)).toEqual({ ok: false, reason: "not-failed" });
    expect(await db.auditLog.count({ where: { action: "email.retried", targetId: email.id } })).toBe(1);
  });

  it("refuses an email whose temporary password was erased, and one that cannot be built", async () => {
    const staff = await createStaff();
    const withoutPassword = await createEmail({
      template: "password-reissued",
      payload: {
        name: "再送 試験",
        loginId: "12345678901221",
        loginUrl: "http://localhost:3000/login",
        issuedAt: new Date(BASE).toISOString(),
        expiresAt: new Date(BASE).toISOString(),
      },
    });
    const unknownTemplate = await createEmail({ template: "no-such-template" });
    const sent = await createEmail({ status: "SENT", attempts: 1 });

    expect(await retryFailedEmail(withoutPassword.id, staff)).toEqual({
      ok: false,
      reason: "password-erased",
    });
    expect(await retryFailedEmail(unknownTemplate.id, staff)).toEqual({ ok: false, reason: "unrenderable" });
    expect(await retryFailedEmail(sent.id, staff)).toEqual({ ok: false, reason: "not-failed" });
    expect(await retryFailedEmail(randomUUID(), staff)).toEqual({ ok: false, reason: "not-found" });
    for (const email of [withoutPassword, unknownTemplate, sent]) {
      expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({
        status: email.status,
        attempts: email.attempts,
      });
    }
    expect(
      await db.auditLog.count({
        where: {
          action: "email.retried",
          targetId: { in: [withoutPassword.id, unknownTemplate.id, sent.id] },
        },
      }),
    ).toBe(0);
  });
});

describe("checkEmailRetry", () => {
  it("allows a failed email whose data still renders, or that still holds its secret", () => {
    const base = { status: "FAILED" as const, template: "password-changed", hasSecret: false };
    expect(checkEmailRetry({ ...base, payload: passwordChangedPayload })).toEqual({ canRetry: true });
    expect(checkEmailRetry({ ...base, payload: {} })).toEqual({ canRetry: false, reason: "unrenderable" });
    expect(
      checkEmailRetry({ ...base, template: "applicant-id-issued", payload: { name: "x" }, hasSecret: true }),
    ).toEqual({ canRetry: true });
    expect(checkEmailRetry({ ...base, template: "applicant-id-issued", payload: { name: "x" } })).toEqual({
      canRetry: false,
      reason: "password-erased",
    });
    expect(checkEmailRetry({ ...base, status: "RETRYING", payload: passwordChangedPayload })).toEqual({
      canRetry: false,
      reason: "not-failed",
    });
  });
});

describe("listEmails", () => {
  it("searches 宛先 by prefix whatever the case, filters by 状態 and pages without gaps or repeats", async () => {
    const tag = `list${randomUUID().slice(0, 8)}`;
    const statuses: EmailStatus[] = ["SENT", "FAILED", "RETRYING"];
    const created = [];
    for (let i = 0; i < 56; i += 1) {
      created.push(
        await createEmail({
          to: `${tag}-${i}@Example.test`,
          status: statuses[i % 3],
          createdAt: new Date(BASE + i * MINUTE),
        }),
      );
    }
    await createEmail({ to: `other-${tag}@example.test` });

    const all = parseEmailListParams({ q: tag.toUpperCase() });
    const first = await listEmails(all);
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0]?.toAddress).toBe(`${tag}-55@Example.test`);
    expect(first.previousCursor).toBeNull();
    const second = await listEmails({ ...all, cursor: first.nextCursor ?? undefined });
    expect(second.rows.map((row) => row.toAddress)).toEqual(
      [5, 4, 3, 2, 1, 0].map((i) => `${tag}-${i}@Example.test`),
    );
    expect(second.nextCursor).toBeNull();
    const back = await listEmails({ ...all, cursor: second.previousCursor ?? undefined });
    expect(back.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));

    const failed = await listEmails(parseEmailListParams({ q: tag, status: "failed" }));
    expect(failed.rows).toHaveLength(created.filter((row) => row.status === "FAILED").length);
    expect(failed.rows.every((row) => row.status === "FAILED")).toBe(true);
    // A failed row carries its data (to judge 再送), any other row does not.
    expect(failed.rows[0]?.failedPayload).toEqual(passwordChangedPayload);
    const sent = await listEmails(parseEmailListParams({ q: tag, status: "sent" }));
    expect(sent.rows.every((row) => row.status === "SENT" && row.failedPayload === null)).toBe(true);

    // The pattern's own % and _ match only themselves.
    expect((await listEmails(parseEmailListParams({ q: `${tag.slice(0, 4)}%` }))).rows).toHaveLength(0);
    // A broken status falls back to すべて, a broken cursor to the first page.
    const fallback = await listEmails(parseEmailListParams({ q: tag, status: "nope", cursor: "%%%" }));
    expect(fallback.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
  });
});
