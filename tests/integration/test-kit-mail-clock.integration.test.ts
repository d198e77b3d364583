// The test kit's mail capture, per-namespace clock and faults (issue 10) against the real database
// and a real SMTP server: capture only in test mode, SMTP faults through the outbox's ordinary
// retry path, two namespaces' clocks side by side, action/upload/postal faults.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Before any module reads the configuration (getEnv caches it).
  process.env.TEST_MODE = "on";
  process.env.TEST_API_TOKEN = "integration-test-token-0123456789abcdef";
});

import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import { deliverDueEmails, type WorkerOptions } from "@/lib/mail/outbox-worker";
import { createSmtpTransport, type MailTransport } from "@/lib/mail/transport";
import { submitApplication } from "@/lib/applications/submit-application";
import { checkOptions } from "@/lib/applications/check-options";
import { runInTestNamespace } from "@/lib/test-kit/request-namespace";
import {
  CACHE_TTL_MS,
  forgetNamespaceSettings,
  getNamespaceClock,
  installNamespaceClock,
  nowForRequest,
  setNamespaceClock,
} from "@/lib/test-kit/clock";
import {
  applyActionFault,
  clearNamespaceFaults,
  getNamespaceFaults,
  postalLookupFails,
  setNamespaceFaults,
  uploadFaultFails,
} from "@/lib/test-kit/faults";
import { listMessages, readMessage, waitForMessage } from "@/lib/test-kit/mailpit";
import { parseMailFields } from "@/lib/test-kit/mail-fields";
import { findMaintenanceWindow, parseMaintenanceWindows } from "@/lib/maintenance";
import { completeSimpleApplication } from "./support/complete-application";

const MAIL_FROM = "建設キャリアアップシステム <no-reply@ccus.localhost>";

interface Received {
  to: string[];
  subject: string;
  text: string;
}

class SmtpSink {
  readonly messages: Received[] = [];
  port = 0;
  private server: SMTPServer | undefined;
  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
            });
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }
  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  to(address: string) {
    return this.messages.filter((message) => message.to.includes(address.toLowerCase()));
  }
}

// As in outbox.integration.test.ts: every test's rows live in their own era decades ago, so this
// file's worker never claims rows that other files queue at the real time (and vice versa).
let eraCount = 0;
const freshEra = () => new Date(Date.UTC(1985, 0, 1) - (eraCount += 1) * 10 * 86_400_000);

const ns = (tag: string) => `it-${tag}-${randomUUID().slice(0, 8)}`;

/** An applicant row in namespace `space` with a fresh address. */
async function applicantIn(space: string | null, tag: string) {
  const email = `${space ?? "none"}.${tag}.${randomUUID().slice(0, 6)}@example.jp`;
  const loginId = String(10_000_000_000_000 + Math.floor(Math.random() * 89_999_999_999_999));
  await db.applicant.create({
    data: { loginId, name: "試験 太郎", email, passwordHash: "x", testNamespace: space },
  });
  return email;
}

describe("mail capture and SMTP faults through the outbox", () => {
  const smtp = new SmtpSink();
  const transports: MailTransport[] = [];
  let clock: Date;
  const options = (): WorkerOptions => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    transports.push(transport);
    return { transport, mailFrom: MAIL_FROM, authSecret: getEnv().AUTH_SECRET, now: () => clock };
  };
  const queue = (to: string, era: Date) =>
    enqueueEmail(db, {
      template: "password-changed",
      to,
      data: {
        name: "試験 太郎",
        loginId: "12345678901221",
        changedAt: era.toISOString(),
        loginUrl: `${getEnv().APP_URL}/login`,
      },
      authSecret: getEnv().AUTH_SECRET,
      at: era,
    });
  const fresh = () => {
    const era = freshEra();
    clock = new Date(era.getTime() + 60_000);
    return era;
  };

  beforeAll(() => smtp.start());
  afterAll(async () => {
    for (const transport of transports) transport.close();
    await smtp.stop();
  });
  afterEach(() => {
    process.env.TEST_MODE = "on";
  });

  it("keeps a copy of what was sent, with its namespace, template and outbox id, in test mode", async () => {
    const era = fresh();
    const space = ns("cap");
    const to = await applicantIn(space, "capture");
    const outboxId = await queue(to, era);
    await deliverDueEmails(db, options());

    expect(smtp.to(to)).toHaveLength(1);
    const captured = await db.testCapturedEmail.findMany({ where: { outboxId } });
    expect(captured).toHaveLength(1);
    const [row] = captured;
    const sent = await db.emailOutbox.findUniqueOrThrow({ where: { id: outboxId } });
    expect(row).toMatchObject({
      ns: space,
      template: "password-changed",
      toAddress: to,
      fromAddress: MAIL_FROM,
      subject: smtp.to(to)[0]!.subject,
      messageId: sent.messageId,
    });
    expect(row!.text.trim()).toBe(smtp.to(to)[0]!.text.trim());
    expect(row!.html).toContain("<!DOCTYPE html>");

    // The Mailpit shapes and the server-side wait find it.
    const list = await listMessages({ start: 0, limit: 5, where: { ns: space } });
    expect(list).toMatchObject({ count: 1, messages_count: 1, start: 0, tags: [] });
    expect(list.messages[0]).toMatchObject({
      ID: row!.id,
      Read: false,
      From: { Name: "建設キャリアアップシステム", Address: "no-reply@ccus.localhost" },
      To: [{ Name: "", Address: to }],
      Attachments: 0,
    });
    const waited = await waitForMessage(
      { to: to.toUpperCase(), subject: "パスワード", ns: space },
      { timeoutMs: 0 },
    );
    expect(waited?.id).toBe(row!.id);
    expect(parseMailFields(waited!).loginId).toBe("12345678901221");
    expect((await readMessage(row!.id))?.Text).toBe(row!.text);
    expect((await listMessages({ start: 0, limit: 5, where: { ns: space } })).messages[0]!.Read).toBe(true);
  });

  it("captures nothing with test mode off (the email still goes out)", async () => {
    const era = fresh();
    const to = await applicantIn(ns("off"), "off");
    process.env.TEST_MODE = "off";
    const outboxId = await queue(to, era);
    await deliverDueEmails(db, options());
    expect(smtp.to(to)).toHaveLength(1);
    expect(await db.testCapturedEmail.count({ where: { OR: [{ outboxId }, { toAddress: to }] } })).toBe(0);
  });

  it("captures an address of no namespace with ns null", async () => {
    const era = fresh();
    const to = `nobody.${randomUUID().slice(0, 8)}@example.jp`;
    const outboxId = await queue(to, era);
    await deliverDueEmails(db, options());
    expect((await db.testCapturedEmail.findFirstOrThrow({ where: { outboxId } })).ns).toBeNull();
  });

  it("an SMTP 4xx fault leaves the namespace's email RETRYING, others are sent; 5xx on the last attempt FAILED", async () => {
    const era = fresh();
    const faulty = ns("smtp");
    const faultyTo = await applicantIn(faulty, "faulty");
    const otherTo = await applicantIn(ns("fine"), "fine");
    await setNamespaceFaults({ ns: faulty, smtp: { mode: "4xx" } });
    const faultyId = await queue(faultyTo, era);
    const otherId = await queue(otherTo, era);
    await deliverDueEmails(db, options());

    const retrying = await db.emailOutbox.findUniqueOrThrow({ where: { id: faultyId } });
    expect(retrying.status).toBe("RETRYING");
    expect(retrying.lastError).toMatch(/451/);
    expect(retrying.nextAttemptAt.getTime()).toBeGreaterThan(clock.getTime());
    expect(smtp.to(faultyTo)).toHaveLength(0);
    expect(await db.testCapturedEmail.count({ where: { outboxId: faultyId } })).toBe(0);
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: otherId } })).status).toBe("SENT");

    // 5xx on the eighth attempt: given up, as with a real SMTP server.
    await setNamespaceFaults({ ns: faulty, smtp: { mode: "5xx" } });
    await db.emailOutbox.update({ where: { id: faultyId }, data: { attempts: 7 } });
    clock = new Date(retrying.nextAttemptAt.getTime() + 1000);
    await deliverDueEmails(db, options());
    const failed = await db.emailOutbox.findUniqueOrThrow({ where: { id: faultyId } });
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toMatch(/550/);

    // Cleared: the next email of the namespace goes out.
    await clearNamespaceFaults(faulty);
    expect((await getNamespaceFaults(faulty)).faults).toEqual({});
    const era2 = fresh();
    const nextId = await queue(faultyTo, era2);
    await deliverDueEmails(db, options());
    expect((await db.emailOutbox.findUniqueOrThrow({ where: { id: nextId } })).status).toBe("SENT");
  });

  it("an SMTP hang fault times out after its wait and is retried", async () => {
    const era = fresh();
    const faulty = ns("hang");
    const to = await applicantIn(faulty, "hang");
    await setNamespaceFaults({ ns: faulty, smtp: { mode: "hang", hangMs: 300 } });
    const id = await queue(to, era);
    const started = Date.now();
    await deliverDueEmails(db, options());
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("RETRYING");
    expect(row.lastError).toMatch(/Greeting never received|timeout/i);
  });
});

describe("the server clock per namespace", () => {
  // As instrumentation.ts does at start-up in test mode.
  beforeAll(() => installNamespaceClock());
  afterEach(() => {
    process.env.TEST_MODE = "on";
  });

  it("two namespaces see their own clocks side by side; real time elsewhere", async () => {
    const a = ns("ca");
    const b = ns("cb");
    await setNamespaceClock(a, 3 * 86_400_000);
    await setNamespaceClock(b, -86_400_000);
    const sample = (space: string | null) =>
      runInTestNamespace(space, async () => {
        const seen: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          seen.push(now().getTime() - Date.now());
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        return seen;
      });
    const [seenA, seenB, seenNone] = await Promise.all([sample(a), sample(b), sample(null)]);
    for (const offset of seenA) expect(Math.abs(offset - 3 * 86_400_000)).toBeLessThan(50);
    for (const offset of seenB) expect(Math.abs(offset + 86_400_000)).toBeLessThan(50);
    for (const offset of seenNone) expect(Math.abs(offset)).toBeLessThan(50);
    expect((await getNamespaceClock(a)).offsetSeconds).toBe(3 * 86_400);
  });

  it("follows a change made by another instance within the cache time", async () => {
    const a = ns("cc");
    await setNamespaceClock(a, 0);
    await db.testNamespace.update({ where: { ns: a }, data: { clockOffsetMs: BigInt(7_200_000) } });
    await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_MS + 20));
    await runInTestNamespace(a, async () => {
      now(); // a stale entry: starts the refresh
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(Math.abs(now().getTime() - Date.now() - 7_200_000)).toBeLessThan(50);
    });
  });

  it("reads the namespace from the headers where there is no request store (proxy.ts)", async () => {
    const a = ns("cp");
    // Thursday 2026-12-03 20:30 in Japan: inside "thu 20:00-fri 07:00".
    const inWindow = new Date("2026-12-03T20:30:00+09:00");
    await setNamespaceClock(a, inWindow.getTime() - Date.now());
    forgetNamespaceSettings();
    const windows = parseMaintenanceWindows("thu 20:00-fri 07:00");
    const seen = await nowForRequest(new Headers({ "x-test-namespace": a }));
    expect(Math.abs(seen.getTime() - inWindow.getTime())).toBeLessThan(1000);
    expect(findMaintenanceWindow(seen, windows)).not.toBeNull();
    const byCookie = await nowForRequest(new Headers({ cookie: `other=1; ccus_test_ns=${a}` }));
    expect(findMaintenanceWindow(byCookie, windows)).not.toBeNull();
    const plain = await nowForRequest(new Headers());
    expect(Math.abs(plain.getTime() - Date.now())).toBeLessThan(1000);
    // Test mode off: the header means nothing.
    process.env.TEST_MODE = "off";
    const off = await nowForRequest(new Headers({ "x-test-namespace": a }));
    expect(Math.abs(off.getTime() - Date.now())).toBeLessThan(1000);
    expect(runInTestNamespace(a, () => Math.abs(now().getTime() - Date.now()))).toBeLessThan(1000);
  });

  it("dates the 申請番号 by the namespace's clock, and its email is due at once for the worker", async () => {
    const a = ns("cn");
    const { applicant } = await completeSimpleApplication(`kit-${a}`);
    await db.applicant.update({ where: { id: applicant.id }, data: { testNamespace: a } });
    await setNamespaceClock(a, new Date("2031-01-02T10:00:00+09:00").getTime() - Date.now());
    const result = await runInTestNamespace(a, () =>
      submitApplication(applicant.id, checkOptions(), { ip: null }),
    );
    expect(result.ok && result.applicationNumber.startsWith("20310102-")).toBe(true);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { toAddress: applicant.email, template: "application-received" },
    });
    expect(email.createdAt.toISOString().slice(0, 10)).toBe("2031-01-02");
    expect(email.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe("action, upload and postal lookup faults", () => {
  beforeAll(() => installNamespaceClock());
  afterEach(() => {
    process.env.TEST_MODE = "on";
  });

  it("slow or failing actions, uploads and the postal lookup only in their namespace", async () => {
    const a = ns("fa");
    const answer = await setNamespaceFaults({
      ns: a,
      actions: { saveEmployerAction: { fail: true }, savePersonalInfoAction: { delayMs: 200 } },
      uploads: { fail: true },
      postalLookup: "fail",
    });
    expect(answer.faults).toEqual({
      actions: { saveEmployerAction: { fail: true }, savePersonalInfoAction: { delayMs: 200 } },
      uploads: { fail: true },
      postalLookup: "fail",
    });

    await runInTestNamespace(a, async () => {
      await expect(applyActionFault("saveEmployerAction")).rejects.toThrow(/test fault/);
      const started = Date.now();
      await applyActionFault("savePersonalInfoAction");
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      await applyActionFault("saveJobTypesAction");
      expect(await uploadFaultFails()).toBe(true);
      expect(await postalLookupFails()).toBe(true);
    });
    await runInTestNamespace(ns("fb"), async () => {
      await applyActionFault("saveEmployerAction");
      expect(await uploadFaultFails()).toBe(false);
      expect(await postalLookupFails()).toBe(false);
    });

    // Merging: null clears one entry, the rest stays.
    const merged = await setNamespaceFaults({
      ns: a,
      actions: { saveEmployerAction: null },
      postalLookup: null,
    });
    expect(merged.faults).toEqual({
      actions: { savePersonalInfoAction: { delayMs: 200 } },
      uploads: { fail: true },
    });

    process.env.TEST_MODE = "off";
    await runInTestNamespace(a, async () => {
      await applyActionFault("saveEmployerAction");
      expect(await uploadFaultFails()).toBe(false);
    });
  });
});
