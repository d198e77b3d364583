// Several instances on one database (issue 13): what two servers do at the same moment must end as
// if one had done it. Two "instances" here are two concurrent calls in one process against the real
// PostgreSQL: migrations applied by two starts at once on an empty database, consent texts
// published by both, the payment worker's reminder and expiry run by both, and a bulk issuance job
// handed back by a stopping instance and taken over by another at once (not after its lease expires).
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import iconv from "iconv-lite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/lib/db";
import { migrationsDir } from "@/lib/db/migrations";
import { createBulkIssueJob } from "@/lib/bulk-issue/create-job";
import { claimBulkIssueJob } from "@/lib/bulk-issue/job-lease";
import { processBulkIssueJob } from "@/lib/bulk-issue/process-job";
import { readBulkIssueCsv } from "@/lib/bulk-issue/read-csv";
import { expireFees, sendReminders } from "@/lib/payments/service";
import { createFeeOwingApplication } from "./support/payment-rows";

const tag = () => randomUUID().slice(0, 8);

/** A new empty database on the test server; dropped by afterAll. */
async function createEmptyDatabase(): Promise<string> {
  const base = new URL(inject("databaseUrl"));
  const name = `multi_${tag()}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  base.pathname = `/${name}`;
  return base.toString();
}
const created: string[] = [];

afterAll(async () => {
  const admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

async function queryOn<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** `npm run db:migrate`'s launcher (scripts/run.ts migrate) on a database, as a start does it. */
function migrateInChild(databaseUrl: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: databaseUrl };
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/run.ts", "migrate"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** The migration names a launcher said it applied ("Applied migrations: a, b"). */
const appliedIn = (output: string) =>
  /Applied migrations: (.*)/.exec(output)?.[1]?.split(", ").filter(Boolean) ?? [];

describe("two instances starting at once on an empty database", () => {
  // The schema engine (WebAssembly) runs in the launcher processes: two processes, as two instances.
  it("apply each migration once: one applies them all, the other finds none left", async () => {
    const url = await createEmptyDatabase();
    const migrations = (await readdir(migrationsDir, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const results = await Promise.all([migrateInChild(url), migrateInChild(url)]);
    expect(
      results.map((result) => result.code),
      results.map((r) => r.output).join("\n"),
    ).toEqual([0, 0]);
    const applied = results.map((result) => appliedIn(result.output));
    expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, migrations.length]);
    const rows = await queryOn<{ migration_name: string; finished: boolean }>(
      url,
      "SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations WHERE rolled_back_at IS NULL ORDER BY migration_name",
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations);
    expect(rows.every((row) => row.finished)).toBe(true);
  }, 180_000);

  it("publish each consent text once", async () => {
    const url = await createEmptyDatabase();
    const migrated = await migrateInChild(url);
    expect(migrated.code, migrated.output).toBe(0);
    // A fresh module graph whose lib/db points at the new database.
    const previousUrl = process.env.DATABASE_URL;
    vi.resetModules();
    process.env.DATABASE_URL = url;
    try {
      const consents = await import("@/lib/consents/consent-documents");
      const { db: freshDb } = await import("@/lib/db");
      const directory = await mkdtemp(path.join(os.tmpdir(), "consents-"));
      try {
        for (const [file, title] of [
          ["terms.v1.md", "利用規約"],
          ["terms.v2.md", "利用規約（改定）"],
          ["personal-info.v1.md", "個人情報の取扱い"],
        ] as const) {
          await writeFile(path.join(directory, file), `# ${title}\n\n本文 ${file}\n`);
        }
        await Promise.all([consents.publishConsentFiles(directory), consents.publishConsentFiles(directory)]);
        const stored = await freshDb.consentDocument.findMany({
          select: { kind: true, version: true },
          orderBy: [{ kind: "asc" }, { version: "asc" }],
        });
        expect(stored).toEqual([
          { kind: "PERSONAL_INFO", version: 1 },
          { kind: "TERMS", version: 1 },
          { kind: "TERMS", version: 2 },
        ]);
      } finally {
        await freshDb.$disconnect();
        await rm(directory, { recursive: true, force: true });
      }
    } finally {
      process.env.DATABASE_URL = previousUrl;
      vi.resetModules();
    }
  }, 180_000);
});

describe("the payment worker on two instances", () => {
  const emailsOf = (applicantId: string, template: string) =>
    db.applicant
      .findUniqueOrThrow({ where: { id: applicantId }, select: { email: true } })
      .then(({ email }) => db.emailOutbox.count({ where: { toAddress: email, template } }));
  /** A sent application owing its 登録料, and the fee's deadline. */
  const owingFee = async (name: string, numberPrefix: string) => {
    const rows = await createFeeOwingApplication({
      name,
      applicationNumber: `${numberPrefix}${Date.now()}`.slice(0, 14),
      fee: { amount: 2700, status: "UNPAID" },
    });
    const { dueAt } = await db.applicationFee.findUniqueOrThrow({ where: { id: rows.feeId } });
    return { ...rows, dueAt };
  };

  it("sends a reminder once when both rounds run at the same moment", async () => {
    const { applicantId, feeId, dueAt } = await owingFee("二重 防止", "R");
    const twoDaysBefore = new Date(dueAt.getTime() - 2 * 86_400_000);
    await Promise.all([
      sendReminders(twoDaysBefore),
      sendReminders(twoDaysBefore),
      sendReminders(twoDaysBefore),
    ]);
    expect(await emailsOf(applicantId, "payment-reminder")).toBe(1);
    const stored = await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } });
    expect(stored.reminderSentAt).toEqual(twoDaysBefore);
  });

  it("expires a fee once when both rounds run at the same moment", async () => {
    const { applicantId, feeId, dueAt } = await owingFee("期限 切れ", "E");
    const afterDue = new Date(dueAt.getTime() + 1000);
    await Promise.all([expireFees(afterDue), expireFees(afterDue)]);
    expect((await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } })).status).toBe("EXPIRED");
    expect(await emailsOf(applicantId, "payment-expired")).toBe(1);
  });
});

describe("a bulk issuance job when its instance shuts down", () => {
  // The staff member who uploaded the file (never signs in here).
  let staffId: string;
  beforeAll(async () => {
    ({ id: staffId } = await db.staffUser.create({
      data: {
        email: `multi-staff-${tag()}@example.test`,
        name: "複数 職員",
        passwordHash: "not-a-usable-hash",
      },
    }));
  });

  it("is handed back at once and finished by the other instance, each row issued once", async () => {
    const t = tag();
    const kana = Array.from("あいうえおかきく");
    const emails = kana.map((_, index) => `multi-${t}-${index}@example.jp`);
    const csv = ["氏名,メールアドレス", ...kana.map((k, index) => `複数 ${k},${emails[index]}`)].join("\r\n");
    const bytes = new Uint8Array(iconv.encode(csv, "cp932"));
    const read = readBulkIssueCsv(bytes);
    if (!read.ok) throw new Error(read.error);
    const { id: jobId } = await createBulkIssueJob({
      staffId,
      fileName: "複数.csv",
      bytes,
      encoding: read.encoding,
      rows: read.rows,
      ip: null,
    });
    // A lease that would go stale only after an hour: a takeover must not wait for it.
    const staleAfterMs = 60 * 60_000;
    const first = await claimBulkIssueJob(staleAfterMs, jobId);
    if (!first) throw new Error("job not claimable");
    // Instance A is told to stop (SIGTERM) after its first batch.
    let batches = 0;
    const stopped = await processBulkIssueJob(first, {
      batchSize: 3,
      concurrency: 1,
      staleAfterMs,
      shouldStop: () => batches++ >= 1,
    });
    expect(stopped).toBe("stopped");
    const handedBack = await db.bulkIssueJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(handedBack).toMatchObject({ status: "QUEUED", lockedAt: null, issuedCount: 3 });

    // Instance B takes it over at once and finishes it.
    const second = await claimBulkIssueJob(staleAfterMs, jobId);
    expect(second).not.toBeNull();
    expect(await processBulkIssueJob(second!, { batchSize: 3, concurrency: 1, staleAfterMs })).toBe("done");
    const job = await db.bulkIssueJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "DONE", issuedCount: emails.length, processedRows: emails.length });
    expect(await db.applicant.count({ where: { email: { in: emails } } })).toBe(emails.length);
    expect(
      await db.emailOutbox.count({ where: { toAddress: { in: emails }, template: "applicant-id-issued" } }),
    ).toBe(emails.length);
  });
});
