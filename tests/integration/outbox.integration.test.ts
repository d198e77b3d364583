// The email outbox against the real database and a real SMTP server: each email leaves once,
// SMTP being down loses nothing, a worker dying mid-batch loses nothing (its rows are claimed
// again once their lease is over), and bad rows fail instead of retrying forever.
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import bcrypt from "bcrypt";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { setClockOffset } from "@/lib/clock";
import { formatJstDate } from "@/lib/format/date";
import { issueApplicant } from "@/lib/applicants/issue-applicant";
import { enqueueEmail } from "@/lib/mail/enqueue-email";
import {
  DEFAULT_OUTBOX_LEASE_MS,
  deliverDueEmails,
  outboxMessageId,
  type WorkerOptions,
} from "@/lib/mail/outbox-worker";
import { openSecret, sealSecret } from "@/lib/mail/secret-box";
import { createSmtpTransport, type MailTransport, type OutgoingEmail } from "@/lib/mail/transport";
import { checkOptions } from "@/lib/applications/check-options";
import { submitApplication } from "@/lib/applications/submit-application";
import { decideApplication } from "@/lib/review/decide-application";
import { REGISTRATION_COMPLETED_SUBJECT } from "@/emails/registration-completed";
import { PASSWORD_REISSUED_SUBJECT } from "@/emails/password-reissued";
import { JAPANESE_PART_RULE } from "@/emails/render";
import { reissueTemporaryPassword } from "@/lib/applicants/reissue-password";
import { completeSimpleApplication } from "./support/complete-application";

const MAIL_FROM = "建設キャリアアップシステム <no-reply@ccus.localhost>";
const ID_EMAIL_SUBJECT = "【建設キャリアアップシステム】技能者新規登録申請用ログインID・パスワードのお知らせ";

interface CapturedEmail {
  /** Envelope recipients, lower-cased. */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
class CapturingSmtpServer {
  readonly messages: CapturedEmail[] = [];
  port = 0;
  private server: SMTPServer | undefined;

  async start(port = this.port): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            this.messages.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              from: parsed.from?.text ?? "",
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
              html: parsed.html || "",
              messageId: parsed.messageId ?? "",
            });
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): CapturedEmail[] {
    return this.messages.filter((message) => message.to.includes(address.toLowerCase()));
  }
}

const uniqueAddress = (tag: string) => `outbox-${tag}-${randomUUID()}@example.test`.toLowerCase();

// claimDueEmails takes every due row in the database, and other test files queue emails at the
// real current time. Each test here therefore lives in its own "era" decades in the past: its rows
// are queued at era times and its worker's clock reads era times, so its worker never claims rows
// of other files (due now, i.e. later than the worker's clock) nor rows of this file's earlier tests
// (each era lies 10 days before the previous one).
let eraCount = 0;
const freshEra = () => new Date(Date.UTC(1990, 0, 1) - (eraCount += 1) * 10 * 86_400_000);

describe("outbox worker", () => {
  const smtp = new CapturingSmtpServer();
  let era: Date;
  /** What the worker thinks the time is. */
  let clock: Date;
  const transports: MailTransport[] = [];

  const workerOptions = (overrides: Partial<WorkerOptions> = {}): WorkerOptions => {
    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    transports.push(transport);
    return {
      transport,
      mailFrom: MAIL_FROM,
      authSecret: getEnv().AUTH_SECRET,
      now: () => clock,
      ...overrides,
    };
  };

  const queue = (to: string, at = era) =>
    enqueueEmail(db, {
      template: "password-changed",
      to,
      data: {
        name: "試験 次郎",
        loginId: "12345678901221",
        changedAt: at.toISOString(),
        loginUrl: `${getEnv().APP_URL}/login`,
      },
      authSecret: getEnv().AUTH_SECRET,
      at,
    });

  const rowOf = (id: string) => db.emailOutbox.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    await smtp.start(0);
  });

  afterAll(async () => {
    for (const transport of transports) transport.close();
    await smtp.stop();
  });

  beforeEach(() => {
    era = freshEra();
    clock = new Date(era.getTime() + 60_000);
  });

  afterEach(() => {
    setClockOffset(0);
  });

  it("sends a queued ID email once, with the decrypted temporary password, then forgets the secret", async () => {
    const to = uniqueAddress("issued");
    setClockOffset(era.getTime() - Date.now());
    const issued = await issueApplicant({ name: "山田 太郎", email: to, staffId: null, ip: null });
    setClockOffset(0);
    const queued = await rowOf(issued.emailId);
    if (!queued.secretPayload) throw new Error("secretPayload missing");
    const { temporaryPassword } = openSecret(queued.secretPayload, getEnv().AUTH_SECRET) as {
      temporaryPassword: string;
    };

    const options = workerOptions();
    const result = await deliverDueEmails(db, options);
    expect(result.sent).toBeGreaterThanOrEqual(1);

    const received = smtp.to(to);
    expect(received).toHaveLength(1);
    const email = received[0];
    if (!email) throw new Error("unreachable");
    expect(email.subject).toBe(ID_EMAIL_SUBJECT);
    expect(email.from).toContain("no-reply@ccus.localhost");
    expect(email.text.startsWith("山田 太郎 さま\n")).toBe(true);
    expect(email.text).toContain(`【申請ログインID】\n${issued.loginId}\n`);
    expect(email.text).toContain(`【申請用パスワード】\n${temporaryPassword}\n`);
    expect(email.text).toContain(`【申請用ログインURL】\n${getEnv().APP_URL}/login\n`);
    expect(email.text).toContain(`【日付】\n${formatJstDate(issued.issuedAt)}\n`);
    expect(email.html).toContain(issued.loginId);
    expect(email.html).toContain(`href="${getEnv().APP_URL}/login"`);

    // The password in the mail is the one the account accepts.
    const applicant = await db.applicant.findUniqueOrThrow({
      where: { id: issued.id },
      omit: { passwordHash: false },
    });
    expect(await bcrypt.compare(temporaryPassword, applicant.passwordHash)).toBe(true);

    const sent = await rowOf(issued.emailId);
    expect(sent).toMatchObject({
      status: "SENT",
      attempts: 1,
      secretPayload: null,
      lastError: null,
      sentAt: clock,
    });
    // The Message-ID comes from the row id, so a resend would be the same message.
    expect(sent.messageId).toBe(`<${issued.emailId}@ccus.localhost>`);
    expect(email.messageId).toBe(sent.messageId);

    clock = new Date(clock.getTime() + 3_600_000);
    await deliverDueEmails(db, options);
    expect(smtp.to(to)).toHaveLength(1);
    expect(await rowOf(issued.emailId)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("sends each row exactly once when two workers run at the same time", async () => {
    const addresses = Array.from({ length: 8 }, (_, i) => uniqueAddress(`race-${i}`));
    const ids = await Promise.all(addresses.map((to) => queue(to)));
    const drain = async (options: WorkerOptions) => {
      let claimedTotal = 0;
      for (;;) {
        const { claimed } = await deliverDueEmails(db, options);
        if (claimed === 0) return claimedTotal;
        claimedTotal += claimed;
      }
    };

    const claimed = await Promise.all([
      drain(workerOptions({ batchSize: 2 })),
      drain(workerOptions({ batchSize: 2 })),
    ]);

    expect(claimed[0] + claimed[1]).toBeGreaterThanOrEqual(ids.length);
    for (const to of addresses) expect(smtp.to(to)).toHaveLength(1);
    const rows = await db.emailOutbox.findMany({ where: { id: { in: ids } } });
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ["SENT", 1]));
  });

  it("keeps an email while SMTP is down and delivers it once after SMTP is back", async () => {
    const to = uniqueAddress("down");
    const id = await enqueueEmail(db, {
      template: "password-reissued",
      to,
      data: {
        name: "試験 三郎",
        loginId: "98765432109821",
        loginUrl: `${getEnv().APP_URL}/login`,
        issuedAt: era.toISOString(),
        expiresAt: new Date(era.getTime() + 14 * 86_400_000).toISOString(),
      },
      secretData: { temporaryPassword: "Ab3$cd4!Ef5@" },
      authSecret: getEnv().AUTH_SECRET,
      at: era,
    });
    const options = workerOptions();
    const port = smtp.port;
    await smtp.stop();
    try {
      await deliverDueEmails(db, options);
    } finally {
      await smtp.start(port);
    }

    const retrying = await rowOf(id);
    expect(retrying).toMatchObject({ status: "RETRYING", attempts: 1, sentAt: null });
    expect(retrying.lastError).toBeTruthy();
    expect(retrying.nextAttemptAt.getTime()).toBeGreaterThan(clock.getTime());
    // The secret is still there for the retry.
    expect(retrying.secretPayload).not.toBeNull();
    expect(smtp.to(to)).toHaveLength(0);

    // Not yet due: SMTP is back but the backoff has not passed.
    clock = new Date(retrying.nextAttemptAt.getTime() - 1000);
    await deliverDueEmails(db, options);
    expect(await rowOf(id)).toMatchObject({ status: "RETRYING", attempts: 1 });
    expect(smtp.to(to)).toHaveLength(0);

    clock = new Date(retrying.nextAttemptAt.getTime() + 1000);
    await deliverDueEmails(db, options);
    await deliverDueEmails(db, options);
    const received = smtp.to(to);
    expect(received).toHaveLength(1);
    expect(received[0]?.text).toContain("【申請用パスワード】\nAb3$cd4!Ef5@\n");
    expect(await rowOf(id)).toMatchObject({
      status: "SENT",
      attempts: 2,
      lastError: null,
      secretPayload: null,
    });
  });

  it("commits a staff 承認 while SMTP is down and delivers its email once after SMTP is back", async () => {
    const staff = await db.staffUser.create({
      data: { email: uniqueAddress("approver"), name: "審査 職員", passwordHash: "x" },
    });
    const { applicant, applicationId } = await completeSimpleApplication("smtp-down");
    const sent = await submitApplication(applicant.id, checkOptions(), { ip: null });
    if (!sent.ok) throw new Error(`not sent: ${sent.reason}`);
    const { lockVersion } = await db.application.findUniqueOrThrow({ where: { id: applicationId } });

    const options = workerOptions();
    const port = smtp.port;
    await smtp.stop();
    let technicianId = "";
    // The decision happens in this test's era, so that only its worker sees its email.
    setClockOffset(era.getTime() - Date.now());
    try {
      const decided = await decideApplication({
        staffId: staff.id,
        applicationId,
        lockVersion,
        decision: { kind: "approve" },
        ip: null,
      });
      if (!decided.ok || decided.status !== "COMPLETED") throw new Error("not approved");
      technicianId = decided.technicianId;
      // The worker runs while SMTP is down: nothing leaves, nothing is lost.
      await deliverDueEmails(db, options);
    } finally {
      setClockOffset(0);
      await smtp.start(port);
    }
    // The decision committed although the email could not leave.
    expect(await db.application.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      status: "COMPLETED",
      technicianId,
    });
    const row = await db.emailOutbox.findFirstOrThrow({
      where: { toAddress: applicant.email, template: "registration-completed" },
    });
    expect(row).toMatchObject({ status: "RETRYING", attempts: 1, sentAt: null });
    const completedMails = () =>
      smtp.to(applicant.email).filter((mail) => mail.subject === REGISTRATION_COMPLETED_SUBJECT);
    expect(completedMails()).toHaveLength(0);

    clock = new Date(row.nextAttemptAt.getTime() + 1000);
    await deliverDueEmails(db, options);
    await deliverDueEmails(db, options);
    clock = new Date(clock.getTime() + 3_600_000);
    await deliverDueEmails(db, options);
    expect(completedMails()).toHaveLength(1);
    expect(completedMails()[0]?.text).toContain(`【技能者ID】\n${technicianId}\n`);
    expect(await rowOf(row.id)).toMatchObject({ status: "SENT", attempts: 2 });
  });

  it("fails a row it cannot render at once, erases its secret and sends nothing", async () => {
    const unknownTemplate = uniqueAddress("unknown-template");
    const badData = uniqueAddress("bad-data");
    const badSecret = uniqueAddress("bad-secret");
    const rows = await Promise.all([
      db.emailOutbox.create({
        data: {
          template: "no-such-template",
          toAddress: unknownTemplate,
          payload: {},
          createdAt: era,
          nextAttemptAt: era,
        },
      }),
      // The ID email without its temporary password.
      db.emailOutbox.create({
        data: {
          template: "applicant-id-issued",
          toAddress: badData,
          payload: { name: "試験 四郎", loginId: "11112222333321", loginUrl: "http://localhost:3000/login" },
          createdAt: era,
          nextAttemptAt: era,
        },
      }),
      // A secret sealed with another AUTH_SECRET (e.g. rotated since).
      db.emailOutbox.create({
        data: {
          template: "password-reissued",
          toAddress: badSecret,
          payload: {
            name: "試験 五郎",
            loginId: "44445555666621",
            loginUrl: "http://localhost:3000/login",
            issuedAt: era.toISOString(),
            expiresAt: era.toISOString(),
          },
          secretPayload: sealSecret(
            { temporaryPassword: "Ab3$cd4!Ef5@" },
            "an-old-secret-an-old-secret-0123456789",
          ),
          createdAt: era,
          nextAttemptAt: era,
        },
      }),
    ]);

    await deliverDueEmails(db, workerOptions());

    for (const row of rows) {
      const after = await rowOf(row.id);
      expect(after).toMatchObject({ status: "FAILED", attempts: 1, secretPayload: null, sentAt: null });
      expect(after.lastError).toMatch(/^render: /);
    }
    expect((await rowOf(rows[0]?.id ?? "")).lastError).toContain("no-such-template");
    expect((await rowOf(rows[1]?.id ?? "")).lastError).toContain("temporaryPassword");
    for (const to of [unknownTemplate, badData, badSecret]) expect(smtp.to(to)).toHaveLength(0);

    clock = new Date(clock.getTime() + 86_400_000);
    await deliverDueEmails(db, workerOptions());
    for (const row of rows) expect(await rowOf(row.id)).toMatchObject({ status: "FAILED", attempts: 1 });
  });

  it("writes an applicant's email in the language the applicant had when it was queued, with the Japanese below (issue 15)", async () => {
    const to = uniqueAddress("english");
    setClockOffset(era.getTime() - Date.now());
    let reissuedId = "";
    let loginId = "";
    try {
      // Queued while the applicant has no language of their own: Japanese.
      const issued = await issueApplicant({ name: "NGUYEN VAN AN", email: to, staffId: null, ip: null });
      loginId = issued.loginId;
      await db.applicant.update({ where: { id: issued.id }, data: { preferredLocale: "en" } });
      const reissued = await reissueTemporaryPassword(issued.id, {
        type: "staff",
        id: null,
        ip: null,
        reason: "test",
      });
      if (!reissued.ok) throw new Error("not reissued");
      reissuedId = reissued.emailId;
      // A later change of language does not change an email already written.
      await db.applicant.update({ where: { id: issued.id }, data: { preferredLocale: "vi" } });
    } finally {
      setClockOffset(0);
    }
    expect((await rowOf(reissuedId)).payload).toMatchObject({ locale: "en", loginId });

    await deliverDueEmails(db, workerOptions());

    const received = smtp.to(to);
    expect(received.map((mail) => mail.subject).sort()).toEqual(
      [
        ID_EMAIL_SUBJECT,
        `【建設キャリアアップシステム】Your application password has been reissued / ${PASSWORD_REISSUED_SUBJECT.slice("【建設キャリアアップシステム】".length)}`,
      ].sort(),
    );
    const english = received.find((mail) => mail.subject !== ID_EMAIL_SUBJECT);
    if (!english) throw new Error("unreachable");
    expect(english.text.startsWith("Dear NGUYEN VAN AN,\n")).toBe(true);
    expect(english.text).toContain(`【Application login ID (申請ログインID)】\n${loginId}\n`);
    // The Japanese part is the Japanese email, complete: staff and employers read it.
    const [translated, japanese] = english.text.split(`\n${JAPANESE_PART_RULE}\n`);
    expect(translated).toContain("The application password we sent you before can no longer be used.");
    expect(japanese).toContain("NGUYEN VAN AN さま\n");
    expect(japanese).toContain(`【申請ログインID】\n${loginId}\n`);
    expect(japanese).toContain("以前にお送りした申請用パスワードは使用できなくなりました。");
    expect(japanese?.trimEnd().endsWith("建設キャリアアップシステム\nこのメールは送信専用です。")).toBe(true);
    expect(english.html).toContain('<html lang="en">');
    expect(english.html).toContain('lang="ja"');
    // The ID email, queued before the applicant chose English, stayed Japanese.
    const idEmail = received.find((mail) => mail.subject === ID_EMAIL_SUBJECT);
    expect(idEmail?.text.startsWith("NGUYEN VAN AN さま\n")).toBe(true);
    expect(idEmail?.text).not.toContain(JAPANESE_PART_RULE);
  });

  /** A transport that records what it is asked to send and can hold a send (a slow or dead worker). */
  const heldTransport = () => {
    const real = workerOptions().transport;
    const asked: OutgoingEmail[] = [];
    const holds = new Map<string, { reached: () => void; release: Promise<void> }>();
    return {
      asked,
      /** The next send to `to` waits for `release` (never, if it does not resolve); resolves once reached. */
      hold(to: string, release: Promise<void>) {
        return new Promise<void>((reached) => holds.set(to, { reached, release }));
      },
      transport: {
        send: async (email: OutgoingEmail) => {
          asked.push(email);
          const held = holds.get(email.to);
          if (held) {
            holds.delete(email.to);
            held.reached();
            await held.release;
          }
          return real.send(email);
        },
        close: () => {},
      } satisfies MailTransport,
    };
  };

  /** Rows queued a millisecond apart, so a batch takes them in this order. */
  const queueInOrder = async (addresses: string[]) => {
    const ids: string[] = [];
    for (const [i, to] of addresses.entries()) ids.push(await queue(to, new Date(era.getTime() + i)));
    return ids;
  };

  it("sends the rest of a dead worker's batch once its lease is over, each email once", async () => {
    const addresses = Array.from({ length: 6 }, (_, i) => uniqueAddress(`dead-${i}`));
    const ids = await queueInOrder(addresses);
    const dying = heldTransport();
    // The worker dies during its third send: that one never reaches SMTP, nor does anything after.
    const dead = dying.hold(addresses[2] ?? "", new Promise<void>(() => {}));
    void deliverDueEmails(db, workerOptions({ transport: dying.transport, batchSize: 6 }));
    await dead;
    expect(dying.asked.map((email) => email.to)).toEqual(addresses.slice(0, 3));
    for (const to of addresses.slice(0, 2)) expect(smtp.to(to)).toHaveLength(1);
    const claimedAt = clock;
    const states = await db.emailOutbox.findMany({
      where: { id: { in: ids } },
      orderBy: { nextAttemptAt: "asc" },
    });
    expect(states.map((row) => row.status)).toEqual([
      "SENT",
      "SENT",
      "SENDING",
      "SENDING",
      "SENDING",
      "SENDING",
    ]);

    // Within the lease another worker leaves them alone.
    clock = new Date(claimedAt.getTime() + DEFAULT_OUTBOX_LEASE_MS - 1000);
    const other = heldTransport();
    expect(await deliverDueEmails(db, workerOptions({ transport: other.transport }))).toMatchObject({
      claimed: 0,
    });

    // After it, the other worker sends exactly the four that never left, each once.
    clock = new Date(claimedAt.getTime() + DEFAULT_OUTBOX_LEASE_MS + 1000);
    expect(await deliverDueEmails(db, workerOptions({ transport: other.transport }))).toMatchObject({
      claimed: 4,
      sent: 4,
    });
    expect(other.asked.map((email) => email.to)).toEqual(addresses.slice(2));
    for (const to of addresses) expect(smtp.to(to)).toHaveLength(1);
    const rows = await db.emailOutbox.findMany({
      where: { id: { in: ids } },
      orderBy: { nextAttemptAt: "asc" },
    });
    expect(rows.map((row) => [row.status, row.attempts, row.secretPayload])).toEqual([
      ["SENT", 1, null],
      ["SENT", 1, null],
      ["SENT", 2, null], // in flight when the worker died
      ["SENT", 1, null],
      ["SENT", 1, null],
      ["SENT", 1, null],
    ]);
    // The email in flight at the crash was resent as the same message.
    expect(other.asked[0]?.messageId).toBe(dying.asked[2]?.messageId);
    expect(smtp.to(addresses[2] ?? "")[0]?.messageId).toBe(outboxMessageId(ids[2] ?? "", MAIL_FROM));

    clock = new Date(clock.getTime() + 86_400_000);
    expect(await deliverDueEmails(db, workerOptions())).toMatchObject({ claimed: 0 });
  });

  it("never lets another worker take a row that a slow worker renewed, nor sends a retaken row twice", async () => {
    const addresses = Array.from({ length: 3 }, (_, i) => uniqueAddress(`slow-${i}`));
    const ids = await queueInOrder(addresses);
    const claimedAt = clock;
    let slowClock = clock;
    const slow = heldTransport();
    let releaseFirst = () => {};
    let releaseSecond = () => {};
    const firstHeld = slow.hold(addresses[0] ?? "", new Promise<void>((resolve) => (releaseFirst = resolve)));
    const round = deliverDueEmails(db, workerOptions({ transport: slow.transport, now: () => slowClock }));
    await firstHeld;

    // The first send takes most of the lease; the second row is taken (lease renewed) at its end.
    slowClock = new Date(claimedAt.getTime() + DEFAULT_OUTBOX_LEASE_MS - 5000);
    const secondHeld = slow.hold(
      addresses[1] ?? "",
      new Promise<void>((resolve) => (releaseSecond = resolve)),
    );
    releaseFirst();
    await secondHeld;

    // Past the first lease another worker runs: the renewed second row is not its; the third,
    // still on the claim's lease, is taken over.
    clock = new Date(claimedAt.getTime() + DEFAULT_OUTBOX_LEASE_MS + 1000);
    const other = heldTransport();
    expect(await deliverDueEmails(db, workerOptions({ transport: other.transport }))).toMatchObject({
      claimed: 1,
      sent: 1,
    });
    expect(other.asked.map((email) => email.to)).toEqual([addresses[2]]);

    // The slow worker finishes its second send, then finds the third is no longer its own.
    releaseSecond();
    expect(await round).toMatchObject({ claimed: 3, sent: 2, skipped: 1 });
    expect(slow.asked.map((email) => email.to)).toEqual(addresses.slice(0, 2));
    for (const to of addresses) expect(smtp.to(to)).toHaveLength(1);
    const rows = await db.emailOutbox.findMany({
      where: { id: { in: ids } },
      orderBy: { nextAttemptAt: "asc" },
    });
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(ids.map(() => ["SENT", 1]));
  });

  it("sends an email again, as the same message, when recording its send failed", async () => {
    const to = uniqueAddress("mark-fails");
    const id = await queue(to);
    const recorded: string[] = [];
    // The database refuses the SENT update (e.g. the connection dropped right after the send).
    const failingSent = {
      $queryRaw: db.$queryRaw.bind(db),
      emailOutbox: new Proxy(db.emailOutbox, {
        get(target, property, receiver) {
          if (property === "update") return () => Promise.reject(new Error("connection lost"));
          return Reflect.get(target, property, receiver) as unknown;
        },
      }),
    } as typeof db;
    const first = heldTransport();
    await deliverDueEmails(
      failingSent,
      workerOptions({ transport: first.transport, onRecordError: (rowId) => recorded.push(rowId) }),
    );
    expect(recorded).toEqual([id]);
    expect(await rowOf(id)).toMatchObject({ status: "SENDING", attempts: 1 });

    clock = new Date(clock.getTime() + DEFAULT_OUTBOX_LEASE_MS + 1000);
    const second = heldTransport();
    await deliverDueEmails(db, workerOptions({ transport: second.transport }));
    expect(await rowOf(id)).toMatchObject({
      status: "SENT",
      attempts: 2,
      messageId: outboxMessageId(id, MAIL_FROM),
    });
    const received = smtp.to(to);
    expect(received).toHaveLength(2);
    expect(received.map((email) => email.messageId)).toEqual([
      outboxMessageId(id, MAIL_FROM),
      outboxMessageId(id, MAIL_FROM),
    ]);
  });
});
