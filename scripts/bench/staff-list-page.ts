// Benchmark of the staff list PAGES over HTTP (not a test): the production build served by
// `scripts/run.ts start` against a throw-away PostgreSQL with 100,000 applicants and their
// applications, a staff member signed in through the real login page (Chromium), then each page
// requested ~200 times; prints p50 / p95 / max in milliseconds, one request at a time and with
// four at once.
//   npm run build && npx tsx scripts/bench/staff-list-page.ts [--rows 100000] [--runs 200]
// Uses BENCH_PG_PORT (54349) like scripts/bench/staff-lists.ts, and port BENCH_APP_PORT (3199).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { seedStaffListRows, startBenchDatabase } from "./staff-list-rows";

const { values: args } = parseArgs({
  options: { rows: { type: "string", default: "100000" }, runs: { type: "string", default: "200" } },
});
const rows = Number(args.rows);
const runs = Number(args.runs);
const port = Number(process.env.BENCH_APP_PORT ?? 3199);
const baseUrl = `http://127.0.0.1:${port}`;
const staff = { email: "bench-staff@example.com", password: "Bench-Staff-8wR!", name: "計測 職員" };

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

function run(command: string, argv: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${argv.join(" ")} exited ${code}`)),
    );
  });
}

async function waitForHealth(deadlineMs: number) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the app did not become healthy");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Signs in through /staff/login in Chromium; returns the Cookie header of that session. */
async function signIn(): Promise<string> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${baseUrl}/staff/login`);
    await page.getByLabel("メールアドレス").fill(staff.email);
    await page.getByLabel("パスワード", { exact: true }).fill(staff.password);
    await page.getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL(/\/staff$/);
    const cookies = await page.context().cookies();
    return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  } finally {
    await browser.close();
  }
}

async function timeRequest(url: string, cookie: string, mustContain: string): Promise<number> {
  const start = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  const elapsed = performance.now() - start;
  if (response.status !== 200 || !body.includes(mustContain)) {
    throw new Error(`${url} answered ${response.status} without ${mustContain}`);
  }
  return elapsed;
}

async function measure(url: string, cookie: string, mustContain: string, concurrency: number) {
  for (let i = 0; i < 10; i += 1) await timeRequest(url, cookie, mustContain); // warm-up
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < runs) {
        next += 1;
        times.push(await timeRequest(url, cookie, mustContain));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? 0,
    rps: runs / seconds,
  };
}

async function main() {
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first.");
    process.exit(2);
  }
  console.log(`Seeding ${rows.toLocaleString()} applicants and applications…`);
  const database = await startBenchDatabase();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ccus-bench-app-"));
  let server: ChildProcess | undefined;
  try {
    await seedStaffListRows(database.url, rows);
    const env = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      PORT: String(port),
      APP_URL: baseUrl,
      MAINTENANCE_WINDOWS: "",
      MAIL_WORKER: "off",
      AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
      NEXT_TELEMETRY_DISABLED: "1",
    } as NodeJS.ProcessEnv;
    const staffArgs = ["--email", staff.email, "--password", staff.password, "--name", staff.name];
    await run("npx", ["tsx", "scripts/run.ts", "staff-create", ...staffArgs, "--role", "STAFF"], env);
    // Its own process group, so that it and its children are stopped together.
    server = spawn("npx", ["tsx", "scripts/run.ts", "start"], { env, detached: true, stdio: "ignore" });
    await waitForHealth(120_000);
    const cookie = await signIn();

    const cases: [string, string, string][] = [
      ["申請者一覧 first page", "/staff/applicants", "申請者一覧"],
      ["申請者一覧 name prefix 山田", `/staff/applicants?q=${encodeURIComponent("山田")}`, "申請者一覧"],
      ["申請者一覧 status ロック中", "/staff/applicants?status=locked", "申請者一覧"],
      ["申請一覧 first page", "/staff/applications", "申請一覧"],
      ["申請一覧 status 申請中", "/staff/applications?status=submitted", "申請一覧"],
    ];
    console.log(`\n${runs} requests per case, ${rows.toLocaleString()} rows (ms)`);
    console.log(
      "case".padEnd(34),
      "conc",
      "p50".padStart(7),
      "p95".padStart(7),
      "max".padStart(7),
      "req/s".padStart(7),
    );
    for (const [name, pathname, mustContain] of cases) {
      for (const concurrency of [1, 4]) {
        const r = await measure(`${baseUrl}${pathname}`, cookie, mustContain, concurrency);
        console.log(
          name.padEnd(34),
          String(concurrency).padStart(4),
          r.p50.toFixed(1).padStart(7),
          r.p95.toFixed(1).padStart(7),
          r.max.toFixed(1).padStart(7),
          r.rps.toFixed(1).padStart(7),
        );
      }
    }
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
