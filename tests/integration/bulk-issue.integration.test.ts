// Bulk issuance against the real database: a job's rows end issued, invalid or duplicate exactly as
// the single form would decide; uploading the same file again issues nothing; a job stopped midway
// (its worker gone, its lock stale) resumes without issuing any row twice, while a slow batch keeps
// its lease (heartbeat); two jobs racing on one address issue it once; and the result CSV is what
// Excel expects; a job hashed by the worker's pool of low-priority processes issues the same.
import { randomUUID } from "node:crypto";
import bcrypt from "bcrypt";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { issueApplicant, lockApplicantEmail } from "@/lib/applicants/issue-applicant";
import { createHashPool } from "@/lib/auth/hash-pool/hash-pool";
import { createBulkIssueJob } from "@/lib/bulk-issue/create-job";
import { findBulkIssueProgress, readResultRows } from "@/lib/bulk-issue/find-jobs";
import { claimBulkIssueJob, describeError } from "@/lib/bulk-issue/job-lease";
import { processBulkIssueJob, type ProcessOptions } from "@/lib/bulk-issue/process-job";
import { readBulkIssueCsv } from "@/lib/bulk-issue/read-csv";
import {
  RESULT_CSV_HEADER,
  formatResultCsvRows,
  resultCsvContentDisposition,
  streamResultCsv,
} from "@/lib/bulk-issue/result-csv";
import { DUPLICATE_REASONS } from "@/lib/bulk-issue/upload-rules";
import { openSecret } from "@/lib/mail/secret-box";
import { applicantIssueSchema } from "@/lib/schemas/applicant-issue";

const tag = () => randomUUID().slice(0, 8);
/** Names are letters only (no digits), so rows are told apart by a kana each. */
const KANA = Array.from("あいうえおかきくけこさしすせそ");
const options: ProcessOptions = { batchSize: 3, concurrency: 2, staleAfterMs: 60_000 };
let staffId: string;

beforeAll(async () => {
  const staff = await db.staffUser.create({
    data: {
      email: `bulk-staff-${randomUUID()}@example.test`,
      name: "一括 職員",
      passwordHash: await bcrypt.hash("Staff-Pass-123", 4),
    },
  });
  staffId = staff.id;
});

/** Reads the CSV as the upload action does and stores the job; returns its id. */
async function uploadCsv(bytes: Uint8Array, fileName = "技能者一覧.csv") {
  const read = readBulkIssueCsv(bytes);
  if (!read.ok) throw new Error(read.error);
  const job = await createBulkIssueJob({
    staffId,
    fileName,
    bytes,
    encoding: read.encoding,
    rows: read.rows,
    ip: "192.0.2.40",
  });
  return job.id;
}

async function runJob(jobId: string, processOptions: ProcessOptions = options) {
  const claimed = await claimBulkIssueJob(processOptions.staleAfterMs, jobId);
  if (!claimed) throw new Error("job not claimable");
  return processBulkIssueJob(claimed, processOptions);
}

const jobOf = (id: string) => db.bulkIssueJob.findUniqueOrThrow({ where: { id } });
const rowsOf = (jobId: string) =>
  db.bulkIssueRow.findMany({ where: { jobId }, orderBy: { lineNumber: "asc" } });
const emailsTo = (addresses: string[]) =>
  db.emailOutbox.count({
    where: { toAddress: { in: addresses, mode: "insensitive" }, template: "applicant-id-issued" },
  });

/** What the single form says for these values: the reason a bulk row must carry. */
function formMessages(values: { name: string; email: string }) {
  const parsed = applicantIssueSchema.safeParse(values);
  if (parsed.success) throw new Error("expected invalid values");
  return parsed.error.issues.map((issue) => issue.message).join("");
}

describe("a bulk issuance job", () => {
  const t = tag();
  const good = `good-${t}@example.jp`;
  const fullWidth = `ｗｉｄｅ-${t}@example.jp`;
  const wide = `wide-${t}@example.jp`;
  const kanji = `kanji-${t}@example.jp`;
  const registered = `registered-${t}@example.jp`;
  const csv = [
    "氏名,メールアドレス",
    `建設 太郎,${good}`,
    "不正 一郎,not-an-email",
    `,blank-name-${t}@example.jp`,
    `同じ 太郎,${good.toUpperCase()}`,
    `既存 花子,${registered.toUpperCase()}`,
    `全角 次郎,${fullWidth}`,
    `髙橋 﨑子,${kanji}`,
  ].join("\r\n");
  const bytes = new Uint8Array(iconv.encode(csv, "cp932"));
  let jobId: string;

  beforeAll(async () => {
    await issueApplicant({ name: "既存 花子", email: registered, staffId, ip: null });
    jobId = await uploadCsv(bytes);
  });

  it("is stored QUEUED with every row and an audit entry", async () => {
    const job = await jobOf(jobId);
    expect(job).toMatchObject({
      status: "QUEUED",
      totalRows: 7,
      processedRows: 0,
      encoding: "shift_jis",
      staffId,
    });
    expect(job.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await rowsOf(jobId)).map((row) => [row.lineNumber, row.outcome])).toEqual(
      [2, 3, 4, 5, 6, 7, 8].map((line) => [line, null]),
    );
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "applicant.bulk-upload", targetId: jobId },
    });
    expect(audit).toMatchObject({ actorType: "staff", actorId: staffId, ip: "192.0.2.40" });
  });

  it("ends with each row issued, invalid or duplicate, and the counts", async () => {
    expect(await runJob(jobId)).toBe("done");
    const job = await jobOf(jobId);
    expect(job).toMatchObject({
      status: "DONE",
      processedRows: 7,
      issuedCount: 3,
      invalidCount: 2,
      duplicateCount: 2,
      lockedAt: null,
      lastError: null,
    });
    expect(job.finishedAt).not.toBeNull();
    const rows = await rowsOf(jobId);
    expect(rows.map((row) => [row.lineNumber, row.outcome, row.reason])).toEqual([
      [2, "ISSUED", null],
      [3, "INVALID", formMessages({ name: "不正 一郎", email: "not-an-email" })],
      [4, "INVALID", "氏名を入力してください。"],
      [5, "DUPLICATE", "同じファイルの2行目と同じメールアドレスです"],
      [6, "DUPLICATE", DUPLICATE_REASONS.registered],
      [7, "ISSUED", null],
      [8, "ISSUED", null],
    ]);
  });

  it("issues through the single form's code: applicant, one ID email each, audit with the staff member", async () => {
    const issuedRows = (await rowsOf(jobId)).filter((row) => row.outcome === "ISSUED");
    for (const row of issuedRows) {
      const applicant = await db.applicant.findUniqueOrThrow({ where: { id: row.applicantId ?? "" } });
      expect(applicant).toMatchObject({
        loginId: row.loginId,
        issuedByStaffId: staffId,
        mustChangePassword: true,
      });
      const audit = await db.auditLog.findFirstOrThrow({
        where: { action: "applicant.issued", targetId: applicant.id },
      });
      expect(audit).toMatchObject({
        actorType: "staff",
        actorId: staffId,
        details: { bulkIssueJobId: jobId, lineNumber: row.lineNumber, loginId: row.loginId },
      });
    }
    // The name and address are stored as the form normalises them (NFKC e-mail), cp932 kanji intact.
    const applicants = await db.applicant.findMany({
      where: { id: { in: issuedRows.map((row) => row.applicantId ?? "") } },
      orderBy: { name: "asc" },
    });
    expect(applicants.map((a) => [a.name, a.email]).sort()).toEqual(
      [
        ["建設 太郎", good],
        ["全角 次郎", wide],
        ["髙橋 﨑子", kanji],
      ].sort(),
    );
    for (const address of [good, wide, kanji]) expect(await emailsTo([address])).toBe(1);
    expect(await emailsTo([registered])).toBe(1); // the one issued before the upload
  });

  it("issues nothing when the same file is uploaded again: valid rows become duplicates", async () => {
    const applicantsBefore = await db.applicant.count();
    const again = await uploadCsv(bytes);
    expect(await runJob(again)).toBe("done");
    expect(await jobOf(again)).toMatchObject({
      status: "DONE",
      processedRows: 7,
      issuedCount: 0,
      invalidCount: 2,
      duplicateCount: 5,
    });
    const rows = await rowsOf(again);
    expect(
      rows.filter((row) => row.outcome !== "INVALID").map((row) => [row.lineNumber, row.outcome, row.reason]),
    ).toEqual([
      [2, "DUPLICATE", DUPLICATE_REASONS.registered],
      [5, "DUPLICATE", DUPLICATE_REASONS.sameFile(2)],
      [6, "DUPLICATE", DUPLICATE_REASONS.registered],
      [7, "DUPLICATE", DUPLICATE_REASONS.registered],
      [8, "DUPLICATE", DUPLICATE_REASONS.registered],
    ]);
    expect(await db.applicant.count()).toBe(applicantsBefore);
    for (const address of [good, wide, kanji, registered]) expect(await emailsTo([address])).toBe(1);
  });

  it("writes a result CSV with a BOM, Japanese text, labels and login IDs, and no password", async () => {
    const stream = streamResultCsv((afterLine) => readResultRows(jobId, afterLine, 2));
    const bytesOut = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytesOut.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytesOut.subarray(3));
    expect(text.startsWith("行,氏名,メールアドレス,結果,理由,申請ログインID\r\n")).toBe(true);
    const records: string[][] = parse(text);
    expect(records[0]).toEqual([...RESULT_CSV_HEADER]);
    const issued = (await rowsOf(jobId)).filter((row) => row.outcome === "ISSUED");
    expect(records.slice(1).map((record) => [record[0], record[3], record[5]])).toEqual([
      ["2", "発行", issued[0]?.loginId],
      ["3", "不正", ""],
      ["4", "不正", ""],
      ["5", "重複", ""],
      ["6", "重複", ""],
      ["7", "発行", issued[1]?.loginId],
      ["8", "発行", issued[2]?.loginId],
    ]);
    expect(records[7]?.[1]).toBe("髙橋 﨑子");
    expect(records[4]?.[4]).toBe("同じファイルの2行目と同じメールアドレスです");

    const outbox = await db.emailOutbox.findFirstOrThrow({ where: { toAddress: good } });
    const sealed = outbox.secretPayload ?? "";
    const { temporaryPassword } = openSecret(sealed, getEnv().AUTH_SECRET) as { temporaryPassword: string };
    expect(text).not.toContain(temporaryPassword);
    expect(text).not.toMatch(/\$2[aby]\$/);
  });

  it("answers the progress of a job, and nothing for an unknown or malformed id", async () => {
    expect(await findBulkIssueProgress(jobId)).toEqual({
      status: "DONE",
      statusLabel: "完了",
      isRunning: false,
      totalRows: 7,
      processedRows: 7,
      issuedCount: 3,
      invalidCount: 2,
      duplicateCount: 2,
    });
    expect(await findBulkIssueProgress(randomUUID())).toBeNull();
    expect(await findBulkIssueProgress("../../etc/passwd")).toBeNull();
  });
});

describe("cells longer than their column", () => {
  it("are stored cut and decided invalid at upload with the form's messages for the whole values", async () => {
    const t = tag();
    const longName = "長".repeat(250);
    const longEmail = `${"a".repeat(400)}@example.jp`;
    // Long only because of spaces: the form would accept it, and so does the job.
    const spacedName = `空白 ${" ".repeat(300)}多め`;
    const jobId = await uploadCsv(
      new TextEncoder().encode(
        `氏名,メールアドレス\n${longName},${longEmail}\n"${spacedName}",spaced-${t}@example.jp\n`,
      ),
    );
    expect(await jobOf(jobId)).toMatchObject({ totalRows: 2, processedRows: 1, invalidCount: 1 });
    expect(await runJob(jobId)).toBe("done");
    const [cut, spaced] = await rowsOf(jobId);
    expect(cut?.name).toHaveLength(200);
    expect(cut?.email).toHaveLength(320);
    // The cut address has no "@" left; the reason is still the form's answer for the whole one.
    expect(cut).toMatchObject({
      outcome: "INVALID",
      reason: formMessages({ name: longName, email: longEmail }),
    });
    expect(spaced).toMatchObject({ outcome: "ISSUED", name: "空白 多め" });
    expect(await jobOf(jobId)).toMatchObject({ processedRows: 2, invalidCount: 1, issuedCount: 1 });
  });
});

describe("result CSV formatting", () => {
  it("quotes commas and line breaks, and turns formula-like cells into text", () => {
    const text = formatResultCsvRows([
      {
        lineNumber: 2,
        name: '=HYPERLINK("http://x")',
        email: "+a@example.jp",
        outcome: "INVALID",
        reason: "理由, その1",
        loginId: null,
      },
      {
        lineNumber: 3,
        name: "二行\n氏名",
        email: "b@example.jp",
        outcome: null,
        reason: null,
        loginId: null,
      },
    ]);
    expect(text).toBe(
      '2,"\'=HYPERLINK(""http://x"")",\'+a@example.jp,不正,"理由, その1",\r\n' +
        '3,"二行\n氏名",b@example.jp,未処理,,\r\n',
    );
  });

  it("names the download after the uploaded file, safely", () => {
    const header = resultCsvContentDisposition('技能者"一覧\r\n.csv');
    expect(header).toMatch(/^attachment; filename="bulk-issue-result\.csv"; filename\*=UTF-8''[\w%.-]+$/);
    const encoded = header.split("UTF-8''")[1] ?? "";
    expect(decodeURIComponent(encoded)).toBe("技能者_一覧___結果.csv");
  });
});

describe("a job stopped midway", () => {
  it("resumes from where it was and issues no row twice", async () => {
    const t = tag();
    const addresses = Array.from({ length: 7 }, (_, i) => `resume-${i}-${t}@example.jp`);
    const csv = [
      "氏名,メールアドレス",
      ...addresses.map((address, i) => `再開 ${KANA[i]}号,${address}`),
      `再開 重複,${addresses[0]}`,
    ];
    const jobId = await uploadCsv(new TextEncoder().encode(csv.join("\n")));

    // The first worker does one batch, then "dies": its lock stays, the counts were not written.
    const first = await claimBulkIssueJob(options.staleAfterMs, jobId);
    if (!first) throw new Error("not claimed");
    const firstLease = { ...first };
    let batches = 0;
    expect(await processBulkIssueJob(first, { ...options, shouldStop: () => batches++ >= 1 })).toBe(
      "stopped",
    );
    expect((await rowsOf(jobId)).filter((row) => row.outcome === "ISSUED")).toHaveLength(3);
    await db.bulkIssueJob.update({
      where: { id: jobId },
      data: {
        status: "RUNNING",
        lockedAt: new Date(Date.now() - 10 * 60_000),
        processedRows: 0,
        issuedCount: 0,
      },
    });

    // A live lock is not taken over; a stale one is.
    expect(await claimBulkIssueJob(60 * 60_000, jobId)).toBeNull();
    expect(await runJob(jobId)).toBe("done");
    expect(await jobOf(jobId)).toMatchObject({
      status: "DONE",
      processedRows: 8,
      issuedCount: 7,
      duplicateCount: 1,
    });
    const rows = await rowsOf(jobId);
    expect(rows.at(-1)).toMatchObject({ outcome: "DUPLICATE", reason: DUPLICATE_REASONS.sameFile(2) });
    for (const address of addresses) {
      expect(await db.applicant.count({ where: { email: address } })).toBe(1);
      expect(await emailsTo([address])).toBe(1);
    }
    // The first worker, back from the dead with its old lease, can no longer touch the job.
    expect(await processBulkIssueJob({ ...firstLease }, options)).toBe("lost");
    expect(await jobOf(jobId)).toMatchObject({ status: "DONE", issuedCount: 7 });
  });
});

describe("two jobs racing on the same addresses", () => {
  it("issue each address once", async () => {
    const t = tag();
    const addresses = Array.from({ length: 6 }, (_, i) => `race-${i}-${t}@example.jp`);
    const csv = new TextEncoder().encode(
      ["氏名,メールアドレス", ...addresses.map((address, i) => `競合 ${KANA[i]},${address}`)].join("\n"),
    );
    const [a, b] = [await uploadCsv(csv), await uploadCsv(csv)];
    const [claimedA, claimedB] = [await claimBulkIssueJob(60_000, a), await claimBulkIssueJob(60_000, b)];
    if (!claimedA || !claimedB) throw new Error("not claimed");
    await Promise.all([processBulkIssueJob(claimedA, options), processBulkIssueJob(claimedB, options)]);
    const [jobA, jobB] = [await jobOf(a), await jobOf(b)];
    expect(jobA.issuedCount + jobB.issuedCount).toBe(6);
    expect(jobA.duplicateCount + jobB.duplicateCount).toBe(6);
    for (const address of addresses) {
      expect(await db.applicant.count({ where: { email: address } })).toBe(1);
      expect(await emailsTo([address])).toBe(1);
    }
  });

  it("and a bulk row racing the single form sees the form's applicant under the address lock", async () => {
    const address = `form-race-${tag()}@example.jp`;
    const jobId = await uploadCsv(new TextEncoder().encode(`氏名,メールアドレス\n一括 側,${address}\n`));
    const claimed = await claimBulkIssueJob(60_000, jobId);
    if (!claimed) throw new Error("not claimed");
    // The form's transaction holds the address lock while the bulk row waits for it.
    let bulk: Promise<unknown> = Promise.resolve();
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(lower(${address}), 0))`;
      bulk = processBulkIssueJob(claimed, options);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await tx.applicant.create({
        data: {
          loginId: `${Date.now()}`.slice(-12) + "21",
          name: "フォーム 側",
          email: address,
          passwordHash: "x",
        },
      });
    });
    expect(await bulk).toBe("done");
    expect(await db.applicant.count({ where: { email: address } })).toBe(1);
    expect((await rowsOf(jobId))[0]).toMatchObject({
      outcome: "DUPLICATE",
      reason: DUPLICATE_REASONS.registered,
    });
  });
});

describe("a job hashed by the worker's pool of low-priority processes", () => {
  it("issues every row once with a password hash that verifies, and costs a file uploaded again no hash", async () => {
    const t = tag();
    const addresses = Array.from({ length: 7 }, (_, i) => `pool-${i}-${t}@example.jp`);
    const csv = new TextEncoder().encode(
      ["氏名,メールアドレス", ...addresses.map((address, i) => `並列 ${KANA[i]}号,${address}`)].join("\n"),
    );
    const pool = createHashPool({ size: 2 });
    let hashes = 0;
    /** Each hash the pool made, with the password it was made from. */
    const passwordOf = new Map<string, string>();
    const poolOptions: ProcessOptions = {
      ...options,
      concurrency: pool.size,
      hashPassword: async (password, cost) => {
        hashes += 1;
        const hash = await pool.hash(password, cost);
        passwordOf.set(hash, password);
        return hash;
      },
    };
    try {
      const jobId = await uploadCsv(csv);
      expect(await runJob(jobId, poolOptions)).toBe("done");
      expect(await jobOf(jobId)).toMatchObject({ status: "DONE", processedRows: 7, issuedCount: 7 });
      // Each row's own hash, plus at most one batch's worth made ahead and dropped at the end.
      expect(hashes).toBeGreaterThanOrEqual(7);
      expect(hashes).toBeLessThanOrEqual(7 + pool.size);
      for (const address of addresses) {
        const { passwordHash } = await db.applicant.findFirstOrThrow({
          where: { email: address },
          select: { passwordHash: true },
        });
        expect(await emailsTo([address])).toBe(1);
        expect(await bcrypt.compare(passwordOf.get(passwordHash) ?? "", passwordHash)).toBe(true);
      }

      hashes = 0;
      const again = await uploadCsv(csv);
      expect(await runJob(again, poolOptions)).toBe("done");
      expect(await jobOf(again)).toMatchObject({ status: "DONE", issuedCount: 0, duplicateCount: 7 });
      expect(hashes).toBe(0);
    } finally {
      await pool.stop();
    }
  });
});

describe("describeError", () => {
  it("never carries a bcrypt hash into last_error or the log", async () => {
    const hash = await bcrypt.hash("secret", 4);
    expect(describeError(new Error(`insert failed for ${hash}`))).toBe("Error: insert failed for [redacted]");
  });
});

describe("a slow batch", () => {
  it("keeps its job: the heartbeat renews the lease while the batch waits, so no one takes it over", async () => {
    const t = tag();
    const addresses = Array.from({ length: 2 }, (_, i) => `slow-${i}-${t}@example.jp`);
    const csv = ["氏名,メールアドレス", ...addresses.map((address, i) => `低速 ${KANA[i]}号,${address}`)];
    const jobId = await uploadCsv(new TextEncoder().encode(csv.join("\n")));
    const staleAfterMs = 600;

    // Another transaction holds the first address's lock: the batch waits far longer than the lease.
    let release = () => {};
    let locked = () => {};
    const lockHeld = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(
      async (tx) => {
        await lockApplicantEmail(tx, addresses[0] ?? "");
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 20_000 },
    );
    await lockHeld;
    const claimed = await claimBulkIssueJob(staleAfterMs, jobId);
    if (!claimed) throw new Error("not claimed");
    const running = processBulkIssueJob(claimed, { batchSize: 10, concurrency: 1, staleAfterMs });

    await new Promise((resolve) => setTimeout(resolve, 4 * staleAfterMs));
    expect(await claimBulkIssueJob(staleAfterMs, jobId)).toBeNull();
    expect((await jobOf(jobId)).lockedAt?.getTime()).toBeGreaterThan(Date.now() - staleAfterMs);

    release();
    await holder;
    expect(await running).toBe("done");
    expect(await jobOf(jobId)).toMatchObject({ status: "DONE", issuedCount: 2 });
    for (const address of addresses) expect(await db.applicant.count({ where: { email: address } })).toBe(1);
  });
});
