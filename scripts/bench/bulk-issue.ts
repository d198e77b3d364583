// Benchmark of bulk issuance. By default as in production: on a throw-away PostgreSQL, the production
// build (`scripts/run.ts start`, needs `npm run build`) runs the job with its own worker and hash
// pool, while this script asks for a page (GET /login) at a steady rate, first with nothing else
// running, then during the job. It prints rows/s, the bcrypt floor (N × one hash at BCRYPT_COST ÷
// cores) and how far above it the run was, the page's p50 / p99 idle and during the job and their
// ratio, the hashing processes' niceness and CPU time, and whether SIGTERM left any of them running.
// Numbers, not a pass/fail test.
//   npx tsx scripts/bench/bulk-issue.ts [rows=10000] [--rate 5] [--idle 30] [--page /login] [--batch N]
// --in-process: no server; this process runs the job as the worker does (its own hash pool, or with
// --concurrency N bcrypt in this process N at a time, as before the pool) and measures its event
// loop and a tiny query instead of a page.
// BCRYPT_COST as configured (default 11). BENCH_DATABASE_URL / BENCH_PG_PORT as for staff-lists.ts.
// The ID emails stay queued in the outbox (the server runs with MAIL_WORKER=off).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { findFreePort } from "../database";
import { startBenchDatabase } from "./staff-list-rows";
import { startServer, stopServer, waitUntilAnswering, type Server } from "./support/server-process";

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
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "in-process": { type: "boolean", default: false },
    concurrency: { type: "string" },
    batch: { type: "string" },
    rate: { type: "string", default: "5" },
    idle: { type: "string", default: "30" },
    page: { type: "string", default: "/login" },
  },
});
const rowCount = Number(positionals[0] ?? 10_000);
if (!Number.isInteger(rowCount) || rowCount < 1)
  throw new Error(`rows must be a positive integer: ${positionals[0]}`);

/** Imports lib/ after DATABASE_URL is set (lib/db reads its configuration on first use). */
async function libModules(databaseUrl: string) {
  process.env.DATABASE_URL = databaseUrl;
  process.env.AUTH_SECRET ??= "benchmark-only-secret-benchmark-only-secret";
  const { db } = await import("../../lib/db");
  const { getEnv } = await import("../../lib/env");
  const { hashPassword } = await import("../../lib/auth/password-hash");
  const { readBulkIssueCsv } = await import("../../lib/bulk-issue/read-csv");
  const { createBulkIssueJob } = await import("../../lib/bulk-issue/create-job");
  return { db, getEnv, hashPassword, readBulkIssueCsv, createBulkIssueJob };
}
type Lib = Awaited<ReturnType<typeof libModules>>;

/** One hash at the configured cost, alone: the unit of the floor (wall time, and CPU time). */
async function measureOneHash(lib: Lib) {
  const cost = lib.getEnv().BCRYPT_COST;
  await lib.hashPassword("warm-up-password", cost);
  const times: number[] = [];
  // process.cpuUsage counts the threadpool threads too: on a shared machine wall time includes
  // waiting for a core, CPU time does not.
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < 20; i += 1) {
    const start = performance.now();
    await lib.hashPassword(`Bench-Pass-${i}!`, cost);
    times.push(performance.now() - start);
  }
  return { cost, hashMs: median(times), hashCpuMs: cpuMs(process.cpuUsage(cpuStart)) / 20 };
}

/** A staff member and a CSV of rowCount distinct new addresses, read as the upload reads it. */
async function prepareUpload(lib: Lib) {
  const staff = await lib.db.staffUser.create({
    data: { email: "bench-staff@example.test", name: "計測 職員", passwordHash: "not-a-login" },
  });
  const lines = ["氏名,メールアドレス"];
  for (let i = 0; i < rowCount; i += 1) lines.push(`技能 太郎,bench-${i}@example.jp`);
  const bytes = new TextEncoder().encode(`${lines.join("\r\n")}\r\n`);
  const readStart = performance.now();
  const read = lib.readBulkIssueCsv(bytes);
  const readMs = performance.now() - readStart;
  if (!read.ok) throw new Error(read.error);
  const store = () =>
    lib.createBulkIssueJob({
      staffId: staff.id,
      fileName: "bench.csv",
      bytes,
      encoding: read.encoding,
      rows: read.rows,
      ip: null,
    });
  return { readMs, store };
}

/** The figures both modes print, from the finished job. */
async function jobFigures(
  lib: Lib,
  jobId: string,
  elapsedMs: number,
  hash: { cost: number; hashMs: number },
) {
  const done = await lib.db.bulkIssueJob.findUniqueOrThrow({ where: { id: jobId } });
  const queuedEmails = await lib.db.emailOutbox.count({ where: { template: "applicant-id-issued" } });
  const cores = os.availableParallelism();
  const floorMs = (rowCount * hash.hashMs) / cores;
  return {
    status: done.status,
    table: {
      rows: rowCount,
      "issued / invalid / duplicate": `${done.issuedCount} / ${done.invalidCount} / ${done.duplicateCount}`,
      "ID emails queued": queuedEmails,
      "process (s)": (elapsedMs / 1000).toFixed(1),
      "rows/s": (rowCount / (elapsedMs / 1000)).toFixed(1),
      BCRYPT_COST: hash.cost,
      "one hash, median of 20 (ms)": hash.hashMs.toFixed(1),
      cores,
      "bcrypt floor = rows × hash ÷ cores (s)": (floorMs / 1000).toFixed(1),
      "ratio elapsed ÷ floor": (elapsedMs / floorMs).toFixed(2),
    },
    ratio: elapsedMs / floorMs,
  };
}

/** The CPU figures of both modes. */
function cpuTable(
  cpu: ReturnType<ReturnType<typeof trackMachine>["stop"]>,
  ratio: number,
  hashCpuMs: number,
) {
  return {
    "CPU per row (the benchmark's processes) ÷ CPU per hash": (cpu.oursMs / rowCount / hashCpuMs).toFixed(2),
    ...cpu.table,
    // The hash processes give way to other work: the floor on the cores it left is this much longer.
    "ratio to the floor on the CPU other work left": (ratio * (1 - cpu.othersShare)).toFixed(2),
  };
}

const loadAverage = () => (os.loadavg()[0] ?? NaN).toFixed(2);

// ---------------------------------------------------------------------------------------------
// In this process

async function runInProcess(lib: Lib) {
  const { claimBulkIssueJob } = await import("../../lib/bulk-issue/job-lease");
  const { defaultProcessOptions, processBulkIssueJob } = await import("../../lib/bulk-issue/process-job");
  const { createHashPool } = await import("../../lib/auth/hash-pool/hash-pool");
  const hash = await measureOneHash(lib);
  const pool = values.concurrency ? undefined : createHashPool();
  const options = {
    ...defaultProcessOptions(),
    ...(pool ? { hashPassword: pool.hash, concurrency: pool.size } : {}),
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
    ...(values.batch ? { batchSize: Number(values.batch) } : {}),
  };
  const upload = await prepareUpload(lib);
  const storeDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  storeDelay.enable();
  const storeStart = performance.now();
  const job = await upload.store();
  const storeMs = performance.now() - storeStart;
  storeDelay.disable();

  // Responsiveness: the event loop's delay, and a tiny query every 100 ms standing in for another
  // user's request; first 5 s with nothing else running, then during the run.
  const probeTimes = { idle: [] as number[], run: [] as number[] };
  const probing: { phase: keyof typeof probeTimes | "stopped" } = { phase: "idle" };
  const probe = (async () => {
    while (probing.phase !== "stopped") {
      const current = probing.phase;
      const start = performance.now();
      await lib.db.$queryRaw`SELECT 1`;
      probeTimes[current].push(performance.now() - start);
      await sleep(100);
    }
  })();
  const idleDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  idleDelay.enable();
  await sleep(5_000);
  idleDelay.disable();
  probing.phase = "run";
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const report = setInterval(() => {
    void lib.db.bulkIssueJob
      .findUnique({ where: { id: job.id }, select: { processedRows: true } })
      .then((row) => console.log(`  … ${row?.processedRows ?? 0} / ${rowCount} rows`));
  }, 60_000);

  const loadBefore = loadAverage();
  loopDelay.enable();
  const runCpuStart = process.cpuUsage();
  const machine = trackMachine(processTree, () => pool?.pids() ?? []);
  const runStart = performance.now();
  const claimed = await claimBulkIssueJob(options.staleAfterMs, job.id);
  if (!claimed) throw new Error("the job could not be claimed");
  const result = await processBulkIssueJob(claimed, options);
  const elapsedMs = performance.now() - runStart;
  const runCpuMs = cpuMs(process.cpuUsage(runCpuStart));
  const cpu = machine.stop(pool?.size ?? 0);
  loopDelay.disable();
  clearInterval(report);
  probing.phase = "stopped";
  await probe;
  await pool?.stop();

  const figures = await jobFigures(lib, job.id, elapsedMs, hash);
  console.log(`\nBulk issuance of ${rowCount} rows in this process (${result}; job ${figures.status})`);
  console.table({
    ...figures.table,
    "read CSV (ms)": upload.readMs.toFixed(0),
    "store job + rows (ms)": storeMs.toFixed(0),
    "event loop delay while storing, p50 / p99 / max (ms)": loopSummary(storeDelay),
    "hashing in": pool ? `a pool of ${pool.size} processes at nice 19` : "this process",
    "hashes at a time (concurrency)": options.concurrency,
    "batch size": options.batchSize,
    "one hash, CPU time (ms)": hash.hashCpuMs.toFixed(1),
    "run CPU time of this process (s)": (runCpuMs / 1000).toFixed(1),
    ...cpuTable(cpu, figures.ratio, hash.hashCpuMs),
    "event loop delay idle 5 s, p50 / p99 / max (ms)": loopSummary(idleDelay),
    "event loop delay during run, p50 / p99 / max (ms)": loopSummary(loopDelay),
    "probe query idle, p50 / p99 / max (ms)": probeSummary(probeTimes.idle),
    "probe query during run, p50 / p99 / max (ms)": probeSummary(probeTimes.run),
    // Other processes on the machine slow both the hashes and the database: say how busy it was.
    "load average (1 min) before / after": `${loadBefore} / ${loadAverage()}`,
  });
}

// ---------------------------------------------------------------------------------------------
// Processes, read from /proc (Linux)

const CLOCK_TICKS_PER_S = 100;

/** Fields of /proc/<pid>/stat after the command name; undefined when the process is gone. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** CPU time (ms) of a process so far, user + system. */
function processCpuMs(pid: number): number | undefined {
  const fields = statFields(pid);
  if (!fields) return undefined;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
}

/** Time (ms) a process has waited for a core while runnable (/proc/<pid>/schedstat, field 2). */
function runQueueWaitMs(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
  } catch {
    return undefined;
  }
}

/** CPU time (ms) all cores have spent on any process (/proc/stat: everything but idle and iowait). */
function machineBusyMs(): number {
  const [, ...ticks] = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (
    (((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) * 1000) /
    CLOCK_TICKS_PER_S
  );
}

/** This process and every process below it (the server, its hash processes, PostgreSQL). */
function processTree(root = process.pid): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const parent = Number(statFields(Number(name))?.[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i += 1) tree.push(...(children.get(tree[i] ?? 0) ?? []));
  return tree;
}

/**
 * Samples a per-process counter (CPU time, run-queue wait) of the processes `pids()` names every
 * second; stop() answers the sum of what each added since the start (a process that started later
 * counts from its start; one that ended, up to its last sample).
 */
function trackCounter(pids: () => number[], read: (pid: number) => number | undefined) {
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  let started = false;
  const sample = () => {
    for (const pid of pids()) {
      const value = read(pid);
      if (value === undefined) continue;
      if (!first.has(pid)) first.set(pid, started ? 0 : value);
      last.set(pid, value);
    }
    started = true;
  };
  sample();
  const timer = setInterval(sample, 1_000);
  return {
    stop: () => {
      sample();
      clearInterval(timer);
      return [...last].reduce((sum, [pid, value]) => sum + value - (first.get(pid) ?? value), 0);
    },
  };
}

/** `list`, called again only when its last answer is 2 s old. */
function everyTwoSeconds(list: () => number[]): () => number[] {
  let answer: number[] = [];
  let at = -Infinity;
  return () => {
    if (performance.now() - at >= 2_000) {
      answer = list();
      at = performance.now();
    }
    return answer;
  };
}

/**
 * Where the CPU went during a run: this benchmark's processes (`ours`), the hash processes (their
 * CPU and their time waiting for a core), and everything else on the machine (other work on a
 * shared machine, which the nice 19 hash processes give way to).
 */
function trackMachine(listOurs: () => number[], listHashProcesses: () => number[]) {
  // Listing processes reads all of /proc: done every 2 s, not at every sample.
  const ours = everyTwoSeconds(listOurs);
  const hashProcesses = everyTwoSeconds(listHashProcesses);
  const busyStart = machineBusyMs();
  const ourCpu = trackCounter(ours, processCpuMs);
  const hashCpu = trackCounter(hashProcesses, processCpuMs);
  const hashWait = trackCounter(hashProcesses, runQueueWaitMs);
  const startedAt = performance.now();
  return {
    stop: (hashProcessCount: number) => {
      const elapsedMs = performance.now() - startedAt;
      const oursMs = ourCpu.stop();
      const othersMs = Math.max(0, machineBusyMs() - busyStart - oursMs);
      const hashMs = hashCpu.stop();
      const waitMs = hashWait.stop();
      const capacityMs = elapsedMs * os.availableParallelism();
      const hashTimeMs = elapsedMs * Math.max(1, hashProcessCount);
      const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
      return {
        oursMs,
        othersShare: othersMs / capacityMs,
        table: {
          "CPU of the benchmark's processes: server or worker, hash processes, PostgreSQL (s)": (
            oursMs / 1000
          ).toFixed(1),
          "CPU of other work on the machine (s; share of all cores)": `${(othersMs / 1000).toFixed(1)} (${percent(othersMs, capacityMs)})`,
          ...(hashProcessCount > 0
            ? {
                "hash processes: hashing / waiting for a core / waiting for work": `${percent(hashMs, hashTimeMs)} / ${percent(waitMs, hashTimeMs)} / ${percent(Math.max(0, hashTimeMs - hashMs - waitMs), hashTimeMs)}`,
              }
            : {}),
        },
      };
    },
  };
}

/** The processes of a process group: the server started detached, with all it started. */
function groupMembers(group: number): { pid: number; hashChild: boolean; nice: number }[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      const pid = Number(name);
      const fields = statFields(pid);
      if (!fields || Number(fields[2]) !== group) return [];
      let argv: string[] = [];
      try {
        argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      } catch {
        return [];
      }
      // A hash pool child is `node -e <program> <nice>` (lib/auth/hash-pool).
      return [
        { pid, hashChild: argv[1] === "-e" && (argv[2] ?? "").includes("bcrypt"), nice: Number(fields[16]) },
      ];
    });
}

/** Whether a process still runs (a zombie, ended but not yet reaped, does not). */
const isRunning = (pid: number) => (statFields(pid)?.[0] ?? "Z") !== "Z";

// ---------------------------------------------------------------------------------------------
// The production server

/**
 * SIGTERM to the launcher only (it passes it on to `next start`, whose graceful shutdown must end
 * the hash processes itself), SIGKILL to the whole group after 30 s.
 */
const LAUNCHER_STOP = { launcherOnly: true, killAfterMs: 30_000 };

/** The production server (`npm start`'s launcher) with the benchmark's settings. */
function startProductionServer(databaseUrl: string, port: number, dataDir: string): Server {
  const url = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: url,
    MAIL_WORKER: "off",
    MAINTENANCE_WINDOWS: "",
    LOGIN_IP_LIMIT: "100000",
  } as NodeJS.ProcessEnv;
  delete env.BULK_ISSUE_BENCH_CHILD;
  return startServer(
    "the server",
    url,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/run.ts", "start"],
    env,
  );
}

/**
 * GET `url` at a steady rate, each request sent on time whether or not the one before has been
 * answered (a slow answer does not thin out the samples); each time goes to the phase it was sent in.
 */
function probePage(url: string, ratePerSecond: number) {
  const times = { idle: [] as number[], run: [] as number[] };
  /** When each answer's request was sent, in ms since its phase began (the slowest are printed). */
  const sentAt = { idle: [] as number[], run: [] as number[] };
  const phaseStart = { idle: performance.now(), run: NaN };
  const state: { phase: keyof typeof times | "stopped" } = { phase: "idle" };
  let errors = 0;
  const inFlight = new Set<Promise<void>>();
  const running = (async () => {
    const interval = 1000 / ratePerSecond;
    let next = performance.now();
    while (state.phase !== "stopped") {
      const phase = state.phase;
      const start = performance.now();
      const request = fetch(url)
        .then(async (response) => {
          await response.arrayBuffer();
          if (!response.ok) return void (errors += 1);
          times[phase].push(performance.now() - start);
          sentAt[phase].push(start - phaseStart[phase]);
        })
        .catch(() => {
          errors += 1;
        });
      inFlight.add(request);
      void request.finally(() => inFlight.delete(request));
      next += interval;
      await sleep(Math.max(0, next - performance.now()));
    }
    await Promise.all(inFlight);
  })();
  return {
    times,
    /** The `count` slowest answers of a phase: "ms @ s into the phase". */
    slowest: (phase: keyof typeof times, count = 5) =>
      times[phase]
        .map((time, index) => ({ time, at: (sentAt[phase][index] ?? NaN) / 1000 }))
        .sort((a, b) => b.time - a.time)
        .slice(0, count)
        .map(({ time, at }) => `${time.toFixed(0)} @ ${at.toFixed(1)}`)
        .join(", "),
    errors: () => errors,
    setPhase: (next: keyof typeof times) => {
      phaseStart[next] = performance.now();
      state.phase = next;
    },
    stop: async () => {
      state.phase = "stopped";
      await running;
    },
  };
}

async function runOnServer(lib: Lib, databaseUrl: string) {
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `npm run build` first (or use --in-process).");
  }
  const rate = Number(values.rate);
  const idleSeconds = Number(values.idle);
  const page = values.page;
  const hash = await measureOneHash(lib);
  const upload = await prepareUpload(lib);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ccus-bench-bulk-"));
  const server = startProductionServer(databaseUrl, await findFreePort(), dataDir);
  const group = server.child.pid ?? 0;
  try {
    await waitUntilAnswering(server, page);
    // Warm-up: the first answers of a fresh server are slower (code loaded on first use).
    for (let i = 0; i < 30; i += 1) await (await fetch(new URL(page, server.url))).arrayBuffer();

    console.log(`GET ${page} at ${rate}/s: ${idleSeconds} s idle, then during the job of ${rowCount} rows…`);
    const probe = probePage(new URL(page, server.url).toString(), rate);
    await sleep(idleSeconds * 1000);

    const loadBefore = loadAverage();
    const hashPids = () =>
      groupMembers(group)
        .filter((member) => member.hashChild)
        .map((member) => member.pid);
    const machine = trackMachine(processTree, hashPids);
    const hashChildren = new Map<number, number>();
    const watchChildren = setInterval(() => {
      for (const member of groupMembers(group))
        if (member.hashChild) hashChildren.set(member.pid, member.nice);
    }, 1_000);
    probe.setPhase("run");
    const storeStart = performance.now();
    const job = await upload.store();
    const storeMs = performance.now() - storeStart;
    let lastReport = performance.now();
    for (;;) {
      const state = await lib.db.bulkIssueJob.findUniqueOrThrow({
        where: { id: job.id },
        select: { status: true, processedRows: true },
      });
      if (state.status === "DONE" || state.status === "FAILED") break;
      if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
      if (performance.now() - lastReport > 60_000) {
        console.log(`  … ${state.processedRows} / ${rowCount} rows`);
        lastReport = performance.now();
      }
      await sleep(250);
    }
    await probe.stop();
    clearInterval(watchChildren);
    const cpu = machine.stop(hashChildren.size);
    const loadAfter = loadAverage();
    const { startedAt, finishedAt } = await lib.db.bulkIssueJob.findUniqueOrThrow({ where: { id: job.id } });
    // The worker's own time, from its claim to the job's end (both written by the server).
    const elapsedMs = (finishedAt?.getTime() ?? NaN) - (startedAt?.getTime() ?? NaN);

    await stopServer(server, LAUNCHER_STOP);
    const leftRunning = [...hashChildren.keys()].filter(isRunning);

    const figures = await jobFigures(lib, job.id, elapsedMs, hash);
    const idle = probe.times.idle;
    const during = probe.times.run;
    const niceness = [...new Set(hashChildren.values())].join(", ");
    console.log(
      `\nBulk issuance of ${rowCount} rows by the production server's worker (job ${figures.status})`,
    );
    console.table({
      ...figures.table,
      "store job + rows (ms)": storeMs.toFixed(0),
      "batch size": "10 (the worker's)",
      "hash processes seen (nice)": `${hashChildren.size} (${niceness || "–"})`,
      "one hash, CPU time (ms)": hash.hashCpuMs.toFixed(1),
      ...cpuTable(cpu, figures.ratio, hash.hashCpuMs),
      [`GET ${page} idle, p50 / p99 / max (ms) (n)`]: probeSummary(idle),
      [`GET ${page} during the job, p50 / p99 / max (ms) (n)`]: probeSummary(during),
      "p99 during ÷ p99 idle": (percentile(during, 99) / percentile(idle, 99)).toFixed(2),
      "slowest idle (ms @ s into the idle time)": probe.slowest("idle"),
      "slowest during (ms @ s into the job)": probe.slowest("run"),
      "p50 during ÷ p50 idle": (percentile(during, 50) / percentile(idle, 50)).toFixed(2),
      "page requests failed": probe.errors(),
      "hash processes still running after SIGTERM": leftRunning.length,
      "load average (1 min) before / after": `${loadBefore} / ${loadAfter}`,
    });
  } finally {
    await stopServer(server, LAUNCHER_STOP);
    // Nothing of the group stays behind, whatever happened.
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // already gone
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const database = await startBenchDatabase();
  process.once("SIGINT", () => void database.stop().finally(() => process.exit(130)));
  try {
    const lib = await libModules(database.url);
    if (values["in-process"]) await runInProcess(lib);
    else await runOnServer(lib, database.url);
    await lib.db.$disconnect();
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
