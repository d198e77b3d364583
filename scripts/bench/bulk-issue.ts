// Benchmark of bulk issuance (the worker's code, not HTTP): on a throw-away PostgreSQL, reads a CSV
// of N rows, stores the job and processes it to the end as the server's worker does, then prints
// rows/s, the bcrypt floor (N × one hash at BCRYPT_COST ÷ cores) and how far above it the run was,
// and how responsive the event loop stayed meanwhile. Numbers, not a pass/fail test.
//   npx tsx scripts/bench/bulk-issue.ts [rows=10000] [--concurrency N] [--batch N]
// BCRYPT_COST as configured (default 11). BENCH_DATABASE_URL / BENCH_PG_PORT as for staff-lists.ts.
// The ID emails stay queued in the outbox (no SMTP).
import { spawn } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startBenchDatabase } from "./staff-list-rows";

const thisFile = fileURLToPath(import.meta.url);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
};
const LOOP_RESOLUTION_MS = 10;
/** A histogram value in ms, less the sampling interval it always includes. */
const ms = (nanoseconds: number) => Math.max(0, nanoseconds / 1e6 - LOOP_RESOLUTION_MS);
const loopSummary = (histogram: ReturnType<typeof monitorEventLoopDelay>) =>
  `${ms(histogram.percentile(50)).toFixed(1)} / ${ms(histogram.percentile(99)).toFixed(1)} / ${ms(histogram.max).toFixed(1)}`;
const probeSummary = (times: number[]) =>
  `${percentile(times, 50).toFixed(1)} / ${percentile(times, 99).toFixed(1)} / ${Math.max(...times).toFixed(1)} (${times.length})`;
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { concurrency: { type: "string" }, batch: { type: "string" } },
  });
  const rowCount = Number(positionals[0] ?? 10_000);
  if (!Number.isInteger(rowCount) || rowCount < 1)
    throw new Error(`rows must be a positive integer: ${positionals[0]}`);

  const database = await startBenchDatabase();
  process.once("SIGINT", () => void database.stop().finally(() => process.exit(130)));
  try {
    // lib/db reads its configuration on first use, so the environment is set before the imports.
    process.env.DATABASE_URL = database.url;
    process.env.AUTH_SECRET ??= "benchmark-only-secret-benchmark-only-secret";
    const { db } = await import("../../lib/db");
    const { getEnv } = await import("../../lib/env");
    const { hashPassword } = await import("../../lib/auth/password-hash");
    const { readBulkIssueCsv } = await import("../../lib/bulk-issue/read-csv");
    const { createBulkIssueJob } = await import("../../lib/bulk-issue/create-job");
    const { claimBulkIssueJob } = await import("../../lib/bulk-issue/job-lease");
    const { defaultProcessOptions, processBulkIssueJob } = await import("../../lib/bulk-issue/process-job");

    const cost = getEnv().BCRYPT_COST;
    const cores = os.availableParallelism();
    const options = {
      ...defaultProcessOptions(),
      ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
      ...(values.batch ? { batchSize: Number(values.batch) } : {}),
    };

    // One hash at the configured cost, alone on an idle machine: the unit of the floor.
    // Also its CPU time (process.cpuUsage counts the threadpool threads too): on a shared machine
    // wall time includes waiting for a core, CPU time does not.
    await hashPassword("warm-up-password", cost);
    const hashTimes: number[] = [];
    const hashCpuStart = process.cpuUsage();
    for (let i = 0; i < 20; i += 1) {
      const start = performance.now();
      await hashPassword(`Bench-Pass-${i}!`, cost);
      hashTimes.push(performance.now() - start);
    }
    const hashCpuMs = cpuMs(process.cpuUsage(hashCpuStart)) / 20;
    const hashMs = median(hashTimes);

    const staff = await db.staffUser.create({
      data: { email: "bench-staff@example.test", name: "計測 職員", passwordHash: "not-a-login" },
    });
    const lines = ["氏名,メールアドレス"];
    for (let i = 0; i < rowCount; i += 1) lines.push(`技能 太郎,bench-${i}@example.jp`);
    const bytes = new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);

    const readStart = performance.now();
    const read = readBulkIssueCsv(bytes);
    const readMs = performance.now() - readStart;
    if (!read.ok) throw new Error(read.error);
    const storeDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    storeDelay.enable();
    const storeStart = performance.now();
    const job = await createBulkIssueJob({
      staffId: staff.id,
      fileName: "bench.csv",
      bytes,
      encoding: read.encoding,
      rows: read.rows,
      ip: null,
    });
    const storeMs = performance.now() - storeStart;
    storeDelay.disable();

    // Responsiveness: the event loop's delay, and a tiny query every 100 ms standing in for another
    // user's request; first 5 s with nothing else running (on a shared machine the loop is late
    // now and then whatever this process does), then during the run.
    const probeTimes = { idle: [] as number[], run: [] as number[] };
    const probing: { phase: keyof typeof probeTimes | "stopped" } = { phase: "idle" };
    const probe = (async () => {
      while (probing.phase !== "stopped") {
        const current = probing.phase;
        const start = performance.now();
        await db.$queryRaw`SELECT 1`;
        probeTimes[current].push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const idleDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    idleDelay.enable();
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    idleDelay.disable();
    probing.phase = "run";
    const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
    const report = setInterval(() => {
      void db.bulkIssueJob
        .findUnique({ where: { id: job.id }, select: { processedRows: true } })
        .then((row) => console.log(`  … ${row?.processedRows ?? 0} / ${rowCount} rows`));
    }, 60_000);

    const loadBefore = os.loadavg()[0] ?? NaN;
    loopDelay.enable();
    const runCpuStart = process.cpuUsage();
    const runStart = performance.now();
    const claimed = await claimBulkIssueJob(options.staleAfterMs, job.id);
    if (!claimed) throw new Error("the job could not be claimed");
    const result = await processBulkIssueJob(claimed, options);
    const elapsedMs = performance.now() - runStart;
    const runCpuMs = cpuMs(process.cpuUsage(runCpuStart));
    loopDelay.disable();
    clearInterval(report);
    probing.phase = "stopped";
    await probe;

    const loadAfter = os.loadavg()[0] ?? NaN;
    const done = await db.bulkIssueJob.findUniqueOrThrow({ where: { id: job.id } });
    const queuedEmails = await db.emailOutbox.count({ where: { template: "applicant-id-issued" } });
    const floorMs = (rowCount * hashMs) / cores;
    const concurrencyFloorMs = (rowCount * hashMs) / options.concurrency;
    const seconds = elapsedMs / 1000;

    console.log(`\nBulk issuance of ${rowCount} rows (${result}; job ${done.status})`);
    console.table({
      rows: rowCount,
      "issued / invalid / duplicate": `${done.issuedCount} / ${done.invalidCount} / ${done.duplicateCount}`,
      "ID emails queued": queuedEmails,
      "read CSV (ms)": readMs.toFixed(0),
      "store job + rows (ms)": storeMs.toFixed(0),
      "event loop delay while storing, p50 / p99 / max (ms)": loopSummary(storeDelay),
      "process (s)": seconds.toFixed(1),
      "rows/s": (rowCount / seconds).toFixed(1),
      BCRYPT_COST: cost,
      "one hash, median of 20 (ms)": hashMs.toFixed(1),
      cores,
      "hashes at a time (concurrency)": options.concurrency,
      "batch size": options.batchSize,
      "bcrypt floor = rows × hash ÷ cores (s)": (floorMs / 1000).toFixed(1),
      "ratio elapsed ÷ floor": (elapsedMs / floorMs).toFixed(2),
      "floor at the chosen concurrency (s)": (concurrencyFloorMs / 1000).toFixed(1),
      "ratio elapsed ÷ that floor": (elapsedMs / concurrencyFloorMs).toFixed(2),
      "one hash, CPU time (ms)": hashCpuMs.toFixed(1),
      "run CPU time of this process (s)": (runCpuMs / 1000).toFixed(1),
      "CPU per row ÷ CPU per hash": (runCpuMs / rowCount / hashCpuMs).toFixed(2),
      "event loop delay idle 5 s, p50 / p99 / max (ms)": loopSummary(idleDelay),
      "event loop delay during run, p50 / p99 / max (ms)": loopSummary(loopDelay),
      "probe query idle, p50 / p99 / max (ms)": probeSummary(probeTimes.idle),
      "probe query during run, p50 / p99 / max (ms)": probeSummary(probeTimes.run),
      // Other processes on the machine slow both the hashes and the database: say how busy it was.
      "load average (1 min) before / after": `${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)}`,
    });
    await db.$disconnect();
  } finally {
    await database.stop();
  }
}

/** "server-only" resolves to its no-op only under the react-server condition, as for scripts/tasks. */
function rerunWithServerCondition(): Promise<number> {
  const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");
  const child = spawn(
    process.execPath,
    [tsxCli, "--conditions=react-server", thisFile, ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, BULK_ISSUE_BENCH_CHILD: "1" },
    },
  );
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === thisFile) {
  if (process.env.BULK_ISSUE_BENCH_CHILD) {
    main().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  } else {
    process.exit(await rerunWithServerCondition());
  }
}
