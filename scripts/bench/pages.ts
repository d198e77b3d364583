// Page benchmark (issue 13 item 4, issue 14): the portal's pages against a bare Next.js page, side
// by side on this machine. Not a test: it prints numbers.
//   npm run bench:pages -- [--rounds 3] [--duration 5] [--connections 32] [--only login,メニュー]
//                          [--profile] [--json out.json]
// It builds a bare Next.js app of its own in .data/bench-bare (one dynamic page with one small
// client form posting to a server action; the next/react of our node_modules; rebuilt only when its
// sources or Next's version change), starts it and the portal's production build (.next, `npm run
// build` first) on free ports, both with `next start` and the same keepAliveTimeout, NODE_ENV=production.
// The portal runs in test mode (docs/testing.md) on its own embedded PostgreSQL, only to make the
// signed-in applicants with the kit's scenarios; the benchmark then sends their session cookie
// alone (no test-namespace cookie, so no kit code runs per request).
// Per page: autocannon (32 connections, `--duration` s) in three rounds, each round every page in
// turn starting with the bare one; printed: the medians of req/s, p50 and p99, the ratio of the
// page's median req/s to the bare page's, the serving process's CPU ms per request (from /proc: less
// moved by other work on the machine than req/s), the JavaScript a modern browser loads for the page
// (every non-nomodule <script src>, each gzipped) and its ratio, and the HTML bytes.
// --profile: instead of the load, each page is requested one at a time through a relay that counts
// the database round trips (scripts/bench/support/pg-round-trips.ts) and prints the statements.
// --write-budgets tests/budget/js-budget.json: also writes each portal page's JavaScript budget (its
// gzipped bytes now + 2 %, rounded up to the next 1,000 bytes) for the budget check.
// --cpu-prof /login: instead of the table, that page alone under the same load for --duration s with
// V8's CPU profiler in the portal's and the bare app's server processes; prints where their CPU
// time went (self time by file, and by kind: React rendering, Next's server, our code, …).
// --lighthouse [--runs 3]: instead of the load, Lighthouse mobile performance (default mobile config,
// performance only) of every page, each run right after one of the bare page, signed in through
// the session cookie; prints the medians and whether each page is at least the bare score − 0.03
// (scripts/bench/support/lighthouse.ts). Chromium: CHROME_PATH or /usr/bin/chromium.
// --front: also the bare app served by scripts/server.ts, as `npm start` serves the portal (its
// admission bound in front of Next's handler): what the server itself costs or saves.
// --sustain 60: instead of the table, each chosen portal page alone under the same load for 60 s
// without a stop at the first non-2xx; prints every 10 s the requests/s, the answers by status and
// the portal's memory (RSS and V8 heap, from its MEMORY_LOG_INTERVAL_MS lines), then the largest
// (docs/performance.md, overload).
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { findFreePort, startDatabase } from "../database";
import { RUNTIME_BASE } from "../postgres-placement";
import { readForms } from "./support/html-form";
import {
  documentTitle,
  isPage,
  firstNoticePath,
  portalPages,
  type PagePersona,
  type PortalPage,
} from "./support/page-list";
import { pageWeight, type PageWeight } from "./support/page-scripts";
import { startRoundTripRelay, type RoundTripRelay } from "./support/pg-round-trips";
import { monotonicMicros, summariseCpuProfiles, type ProfileWindow } from "./support/cpu-profile";
import { startServer, stopServer, waitUntilAnswering, type Server } from "./support/server-process";
import { formatTable, lighthouseReport, runLighthouse } from "./support/lighthouse";

const { values: args } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "32" },
    only: { type: "string" },
    profile: { type: "boolean", default: false },
    "cpu-prof": { type: "string" },
    "write-budgets": { type: "string" },
    lighthouse: { type: "boolean", default: false },
    runs: { type: "string", default: "3" },
    json: { type: "string" },
    sustain: { type: "string" },
    front: { type: "boolean", default: false },
  },
});
const rounds = Number(args.rounds);
const duration = Number(args.duration);
const connections = Number(args.connections);
const keepAliveTimeoutMs = "65000";

const repoRoot = process.cwd();
const nextBin = path.resolve("node_modules/next/dist/bin/next");
const tsxBin = path.resolve("node_modules/tsx/dist/cli.mjs");
// Outside the checkout: Turbopack takes proxy.ts and instrumentation.ts from the folder that holds
// the lockfile (the portal's) for an app inside it, whatever its own folder. Its node_modules is a
// link to ours, so it runs the same next/react; one folder per checkout.
const bareDir = path.join(
  os.tmpdir(),
  `ccus-bench-bare-${createHash("sha256").update(repoRoot).digest("hex").slice(0, 10)}`,
);
/** The deepest folder holding both the bare app and our node_modules (Turbopack's root). */
function commonRoot(a: string, b: string): string {
  const first = a.split(path.sep);
  const second = b.split(path.sep);
  let shared = 0;
  while (shared < first.length && first[shared] === second[shared]) shared += 1;
  return first.slice(0, shared).join(path.sep) || path.sep;
}

// ---------------------------------------------------------------------------------------------
// The bare comparison app: what Next.js 16 does by itself for one dynamic page with a small form.
const bareFiles: Record<string, string> = {
  "next.config.mjs": `// Generated by scripts/bench/pages.ts: the bare comparison app.
export default { poweredByHeader: false, turbopack: { root: ${JSON.stringify(commonRoot(bareDir, repoRoot))} } };
`,
  "app/layout.jsx": `export const metadata = { title: "bare" };

export default function RootLayout({ children }) {
  return (
    <html lang="ja">
      <body>{children}</body>
    </html>
  );
}
`,
  "app/page.jsx": `import { connection } from "next/server";
import { NameForm } from "./name-form";

// Dynamic: rendered on every request, as every page of the portal is (its CSP nonce).
export default async function Page() {
  await connection();
  return (
    <main>
      <h1>ログイン</h1>
      <p>お名前を入力して「送信」ボタンを押してください。</p>
      <NameForm />
    </main>
  );
}
`,
  "app/actions.js": `"use server";

export async function greet(_state, formData) {
  const name = String(formData.get("name") ?? "").trim();
  if (!name) return { error: "お名前を入力してください。", name };
  return { message: "こんにちは、" + name + "さん。", name };
}
`,
  "app/name-form.jsx": `"use client";
import { useActionState } from "react";
import { greet } from "./actions";

export function NameForm() {
  const [state, formAction, pending] = useActionState(greet, {});
  return (
    <form action={formAction} noValidate>
      <label htmlFor="name">お名前</label>
      <input id="name" name="name" defaultValue={state.name ?? ""} aria-invalid={state.error ? true : undefined} />
      {state.error ? <p role="alert">{state.error}</p> : null}
      {state.message ? <p role="status">{state.message}</p> : null}
      <button type="submit" disabled={pending}>送信</button>
    </form>
  );
}
`,
};

async function buildBareApp(): Promise<void> {
  const nextVersion = JSON.parse(await readFile("node_modules/next/package.json", "utf8")).version as string;
  const stamp = createHash("sha256").update(nextVersion).update(JSON.stringify(bareFiles)).digest("hex");
  const stampPath = path.join(bareDir, ".bench-stamp");
  const built =
    existsSync(path.join(bareDir, ".next", "BUILD_ID")) &&
    (await readFile(stampPath, "utf8").catch(() => "")) === stamp;
  if (built) return;
  console.log(`Building the bare Next.js ${nextVersion} app in ${path.relative(repoRoot, bareDir)} …`);
  await rm(bareDir, { recursive: true, force: true });
  for (const [file, text] of Object.entries(bareFiles)) {
    await mkdir(path.dirname(path.join(bareDir, file)), { recursive: true });
    await writeFile(path.join(bareDir, file), text);
  }
  await writeFile(path.join(bareDir, "package.json"), `{ "private": true, "type": "module" }\n`);
  await symlink(path.join(repoRoot, "node_modules"), path.join(bareDir, "node_modules"), "dir");
  await runToEnd(process.execPath, [nextBin, "build"], {
    cwd: bareDir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (const file of ["instrumentation.js", "middleware.js", "proxy.js"]) {
    if (existsSync(path.join(bareDir, ".next", "server", file))) {
      throw new Error(`the bare app's build has ${file}: it is not bare (Turbopack's root?)`);
    }
  }
  await writeFile(stampPath, stamp);
}

// ---------------------------------------------------------------------------------------------
// Processes

function runToEnd(command: string, argv: string[], options: { cwd?: string; env: NodeJS.ProcessEnv }) {
  return new Promise<void>((resolve, reject) => {
    let output = "";
    const child = spawn(command, argv, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${argv.join(" ")} exited ${code}:\n${output.slice(-4000)}`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// The pages (issue 14's list), who must be signed in, and the h1 that proves the right page answered.

interface PageCase extends PortalPage {
  /** The portal (false: the bare app). */
  portal: boolean;
  /** The bare app served by scripts/server.ts (as `npm start` serves the portal), --front. */
  front?: boolean;
}

const pageCases: PageCase[] = [
  { name: "bare Next.js page", path: "/", persona: null, title: "bare", portal: false },
  ...(args.front
    ? [
        {
          name: "bare page, our server",
          path: "/",
          persona: null,
          title: "bare",
          portal: false,
          front: true,
        },
      ]
    : []),
  ...portalPages.map((portalPage) => ({ ...portalPage, portal: true })),
];

// ---------------------------------------------------------------------------------------------
// Signing in with the test kit

async function createScenario(portalUrl: string, token: string, persona: PagePersona) {
  const response = await fetch(new URL("/__test__/scenarios", portalUrl), {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ persona, ns: "bench-pages" }),
  });
  if (response.status !== 201)
    throw new Error(`scenario ${persona}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { signInUrl: string; loginId: string; password: string };
}

/** The session cookie of a fresh applicant in `persona`'s state (the test namespace cookie dropped). */
async function signIn(portalUrl: string, token: string, persona: PagePersona): Promise<string> {
  const { signInUrl } = await createScenario(portalUrl, token, persona);
  const response = await fetch(signInUrl, { redirect: "manual" });
  await response.arrayBuffer();
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .filter((pair) => pair.includes("authjs.session-token"));
  if (response.status !== 303 || session.length === 0) {
    throw new Error(`sign-in of ${persona} answered ${response.status} without a session cookie`);
  }
  return session.join("; ");
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Target {
  case: PageCase;
  /** The server that answers it (its CPU per request is measured). */
  server?: Server;
  url: string;
  cookie: string | null;
  weight: PageWeight;
}

async function fetchPage(url: string, cookie: string | null, title: string): Promise<string> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200 || !isPage(html, title)) {
    throw new Error(
      `${url} answered ${response.status} ${response.headers.get("location") ?? ""} titled ${JSON.stringify(documentTitle(html))}, not ${JSON.stringify(title)}`,
    );
  }
  return html;
}

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time of the serving process per answered request (user + system), or NaN. */
  cpuMs: number;
}

/** CPU ticks (user + system) of the server's serving process (next-server), or NaN. */
async function servingCpuTicks(server: Server | undefined): Promise<number> {
  const group = server?.child.pid;
  if (!group) return Number.NaN;
  const ps = await new Promise<string>((resolve) => {
    let out = "";
    const child = spawn("ps", ["-o", "pid=,comm=", "-g", String(group)], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", () => resolve(out));
  });
  const pid = ps
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .find((words) => words[1]?.startsWith("next-server"))?.[0];
  if (!pid) return Number.NaN;
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
}
const TICK_MS = 10; // USER_HZ is 100 on Linux

async function load(target: Target, seconds: number): Promise<Sample> {
  const ticksBefore = await servingCpuTicks(target.server);
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    headers: target.cookie ? { cookie: target.cookie } : {},
  });
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) {
    throw new Error(
      `${target.case.name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts of ${result.requests.total}`,
    );
  }
  const ticks = (await servingCpuTicks(target.server)) - ticksBefore;
  return {
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs: (ticks * TICK_MS) / result.requests.total,
  };
}

/** The portal's latest `server.memory` log line (scripts/server.ts), or null. */
function latestMemory(
  server: Server,
): { rssMb: number; heapUsedMb: number; active: number; queued: number } | null {
  const lines = server
    .output()
    .split("\n")
    .filter((line) => line.includes('"server.memory"'));
  for (const line of lines.reverse()) {
    try {
      return JSON.parse(line) as { rssMb: number; heapUsedMb: number; active: number; queued: number };
    } catch {
      // a line cut by the output's limit
    }
  }
  return null;
}

/** One page under the load for `seconds`, reported every 10 s: req/s, answers by status, memory. */
async function sustain(target: Target, portal: Server | undefined, seconds: number) {
  console.log(`\n${target.case.name}: ${connections} connections for ${seconds} s`);
  const windows: {
    second: number;
    rps: number;
    statuses: Record<string, number>;
    rssMb: number;
    heapUsedMb: number;
  }[] = [];
  let window = { requests: 0, statuses: {} as Record<string, number>, rssMb: 0, heapUsedMb: 0 };
  const totals: Record<string, number> = {};
  let maxRss = 0;
  let maxHeap = 0;
  const sampler = setInterval(() => {
    const memory = portal ? latestMemory(portal) : null;
    if (!memory) return;
    window.rssMb = Math.max(window.rssMb, memory.rssMb);
    window.heapUsedMb = Math.max(window.heapUsedMb, memory.heapUsedMb);
  }, 500);
  let elapsed = 0;
  const flush = setInterval(() => {
    elapsed += 10;
    maxRss = Math.max(maxRss, window.rssMb);
    maxHeap = Math.max(maxHeap, window.heapUsedMb);
    const row = {
      second: elapsed,
      rps: window.requests / 10,
      statuses: window.statuses,
      rssMb: window.rssMb,
      heapUsedMb: window.heapUsedMb,
    };
    windows.push(row);
    console.log(
      `  ${String(elapsed).padStart(4)} s: ${row.rps.toFixed(0).padStart(4)} req/s, ${JSON.stringify(row.statuses)}, RSS ≤ ${row.rssMb} MB, heap used ≤ ${row.heapUsedMb} MB`,
    );
    window = { requests: 0, statuses: {}, rssMb: 0, heapUsedMb: 0 };
  }, 10_000);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.url,
        connections,
        duration: seconds,
        headers: target.cookie ? { cookie: target.cookie } : {},
      },
      (error, finished) => (error ? reject(error as Error) : resolve(finished)),
    );
    instance.on("response", (_client, statusCode) => {
      window.requests += 1;
      window.statuses[statusCode] = (window.statuses[statusCode] ?? 0) + 1;
      totals[statusCode] = (totals[statusCode] ?? 0) + 1;
    });
  });
  clearInterval(sampler);
  clearInterval(flush);
  const alive = portal?.child.exitCode === null && portal.child.signalCode === null;
  const summary = {
    page: target.case.name,
    seconds,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: totals,
    errors: result.errors,
    timeouts: result.timeouts,
    maxRssMb: maxRss,
    maxHeapUsedMb: maxHeap,
    portalAlive: alive,
    windows,
  };
  console.log(
    `  total: ${summary.rps.toFixed(0)} req/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, answers ${JSON.stringify(totals)}, ${result.errors} errors, ${result.timeouts} timeouts; RSS ≤ ${maxRss} MB, heap used ≤ ${maxHeap} MB; portal ${alive ? "alive" : "DEAD"}`,
  );
  if (!alive && portal) console.log(`--- the portal's last output ---\n${portal.output().slice(-3000)}`);
  return summary;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

function printTable(targets: Target[], samples: Map<Target, Sample[]>) {
  const bare = targets.find((target) => !target.case.portal);
  if (!bare) throw new Error("no bare page");
  const bareRps = median((samples.get(bare) ?? []).map((sample) => sample.rps));
  const bareJs = bare.weight.jsGzipBytes;
  const header = [
    "page".padEnd(30),
    "req/s".padStart(7),
    "p50 ms".padStart(7),
    "p99 ms".padStart(7),
    "ratio".padStart(6),
    "CPU ms".padStart(7),
    "JS gz kB".padStart(9),
    "JS ratio".padStart(9),
    "HTML kB".padStart(8),
    "HTML gz kB".padStart(11),
  ];
  console.log(header.join(" "));
  const rows = [];
  for (const target of targets) {
    const list = samples.get(target) ?? [];
    const rps = median(list.map((sample) => sample.rps));
    const row = {
      page: target.case.name,
      path: target.case.path,
      rps,
      p50: median(list.map((sample) => sample.p50)),
      p99: median(list.map((sample) => sample.p99)),
      ratio: rps / bareRps,
      cpuMsPerRequest: median(list.map((sample) => sample.cpuMs)),
      jsGzipBytes: target.weight.jsGzipBytes,
      jsRatio: target.weight.jsGzipBytes / bareJs,
      htmlBytes: target.weight.htmlBytes,
      htmlGzipBytes: target.weight.htmlGzipBytes,
      scripts: target.weight.scripts.length,
    };
    rows.push(row);
    const width = [...row.page].reduce((sum, char) => sum + (char.charCodeAt(0) > 0xff ? 2 : 1), 0);
    console.log(
      [
        row.page + " ".repeat(Math.max(0, 30 - width)),
        row.rps.toFixed(0).padStart(7),
        row.p50.toFixed(0).padStart(7),
        row.p99.toFixed(0).padStart(7),
        row.ratio.toFixed(2).padStart(6),
        row.cpuMsPerRequest.toFixed(2).padStart(7),
        kB(row.jsGzipBytes).padStart(9),
        row.jsRatio.toFixed(2).padStart(9),
        kB(row.htmlBytes).padStart(8),
        kB(row.htmlGzipBytes).padStart(11),
      ].join(" "),
    );
  }
  return rows;
}

/** Round trips of one request: the fewest of five (a background worker's round may fall into one). */
async function countRoundTrips(relay: RoundTripRelay, request: () => Promise<unknown>) {
  for (let i = 0; i < 3; i += 1) await request();
  let best: { roundTrips: number; statements: string[]; ms: number } | undefined;
  for (let i = 0; i < 5; i += 1) {
    relay.reset();
    const started = performance.now();
    await request();
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 150)); // writes after the answer
    const counted = relay.snapshot();
    if (!best || counted.roundTrips < best.roundTrips) best = { ...counted, ms };
  }
  return best ?? { roundTrips: 0, statements: [], ms: 0 };
}

/** Signs in through the login page's no-JS form post (the server action), as a browser would. */
async function postLogin(portalUrl: string, loginId: string, password: string) {
  const page = await fetch(new URL("/login", portalUrl));
  const form = readForms(await page.text())[0];
  if (!form) throw new Error("the login page has no form");
  const body = new FormData();
  for (const [name, value] of form.hidden) body.append(name, value);
  body.append("loginId", loginId);
  body.append("password", password);
  const response = await fetch(new URL("/login", portalUrl), {
    method: "POST",
    body,
    headers: { Origin: portalUrl },
    redirect: "manual",
  });
  await response.arrayBuffer();
  if (response.status !== 303 || !response.headers.get("location")?.includes("/menu")) {
    throw new Error(`the login post answered ${response.status} ${response.headers.get("location") ?? ""}`);
  }
}

async function profile(targets: Target[], relay: RoundTripRelay, portalUrl: string, token: string) {
  console.log("\nDatabase round trips per request (one request at a time, after warm-up; fewest of 5)");
  const result = [];
  const print = (name: string, counted: { roundTrips: number; statements: string[]; ms: number }) => {
    console.log(`\n${name}: ${counted.roundTrips} round trips, ${counted.ms.toFixed(1)} ms`);
    for (const statement of counted.statements)
      console.log(`  ${statement.replace(/\s+/g, " ").slice(0, 220)}`);
  };
  for (const target of targets.filter((candidate) => candidate.case.portal)) {
    const counted = await countRoundTrips(relay, () =>
      fetchPage(target.url, target.cookie, target.case.title),
    );
    result.push({ page: target.case.name, path: target.case.path, ...counted });
    print(`GET ${target.case.path} (${target.case.name})`, counted);
  }
  const { loginId, password } = await createScenario(portalUrl, token, "active");
  const login = await countRoundTrips(relay, () => postLogin(portalUrl, loginId, password));
  result.push({ page: "ログイン (sign in: the form's post)", path: "POST /login", ...login });
  print("POST /login (sign in with the ID and password, the no-JS form post)", login);
  return result;
}

/** The budget file of tests/e2e/js-budget.spec.ts: today's bytes + 2 %, up to the next 1,000. */
async function writeBudgets(file: string, targets: Target[]) {
  const pages = Object.fromEntries(
    targets
      .filter((target) => target.case.portal)
      .map((target) => [target.case.path, Math.ceil((target.weight.jsGzipBytes * 1.02) / 1000) * 1000]),
  );
  const budget = {
    about:
      "JavaScript budget per page in gzipped bytes (tests/e2e/js-budget.spec.ts): the bytes measured by `npx tsx scripts/bench/pages.ts --write-budgets tests/budget/js-budget.json` + 2 %, rounded up to the next 1,000. Raise a budget only for growth that is meant, in the same commit.",
    measured: new Date().toISOString().slice(0, 10),
    pages,
  };
  await writeFile(file, `${JSON.stringify(budget, null, 2)}\n`);
  console.log(`Budgets written to ${file}.`);
}

async function main() {
  if (!existsSync(path.join(".next", "BUILD_ID"))) {
    console.error("ポータルの本番ビルド（.next）がありません。先に `npm run build` を実行してください。");
    process.exit(2);
  }
  await buildBareApp();

  const [portalPort, barePort, databasePort] = await Promise.all([
    findFreePort(),
    findFreePort(),
    findFreePort(),
  ]);
  const workDir = await mkdtemp(path.join(os.tmpdir(), "ccus-bench-pages-"));
  const database = await startDatabase({ dataDir: workDir, port: databasePort, portGivesWay: true });
  let relay: RoundTripRelay | undefined;
  let portal: Server | undefined;
  let bare: Server | undefined;
  let bareFront: Server | undefined;
  const stopAll = async () => {
    await Promise.all([stopServer(portal), stopServer(bare), stopServer(bareFront)]);
    await relay?.stop();
    await database.stop().catch(() => {});
    // As root the data lives under RUNTIME_BASE (scripts/postgres-placement.ts), not in workDir.
    if (database.databaseDir?.startsWith(`${RUNTIME_BASE}/`)) {
      await rm(path.dirname(database.databaseDir), { recursive: true, force: true });
    }
    await rm(workDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    let databaseUrl = database.url;
    if (args.profile) {
      const url = new URL(database.url);
      relay = await startRoundTripRelay({ host: url.hostname, port: Number(url.port) });
      url.port = String(relay.port);
      databaseUrl = url.toString();
    }
    const token = randomBytes(24).toString("hex");
    const portalUrl = `http://127.0.0.1:${portalPort}`;
    const bareUrl = `http://127.0.0.1:${barePort}`;
    const common = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    } as NodeJS.ProcessEnv;
    delete common.NODE_OPTIONS;
    const cpuProfileDir = (name: string) => path.join(workDir, `cpu-${name}`);
    // Node refuses --cpu-prof in NODE_OPTIONS: on the command line, before Next's bin (the portal's
    // through the launcher's NEXT_NODE_ARGS, scripts/run.ts).
    const profiled = (name: string): string[] =>
      args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir(name)}`] : [];
    portal = startServer("portal", portalUrl, [tsxBin, "scripts/run.ts", "start"], {
      ...common,
      PORT: String(portalPort),
      KEEP_ALIVE_TIMEOUT_MS: keepAliveTimeoutMs,
      APP_URL: portalUrl,
      DATA_DIR: workDir,
      DATABASE_URL: databaseUrl,
      MAIL_TRANSPORT: "file",
      MAINTENANCE_WINDOWS: "",
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TEST_MODE: "on",
      TEST_API_TOKEN: token,
      PAYMENT_PROVIDER: "sandbox",
      PAYMENT_WEBHOOK_SECRET: randomBytes(24).toString("hex"),
      LOGIN_IP_LIMIT: "100000",
      // The server's memory and admission counts once a second (scripts/server.ts), for --sustain.
      MEMORY_LOG_INTERVAL_MS: "1000",
      // BENCH_PORTAL_NODE_ARGS: more Node flags for the portal alone (e.g. --heap-prof), docs/operations.md.
      NEXT_NODE_ARGS: [...profiled("portal"), process.env.BENCH_PORTAL_NODE_ARGS ?? ""].join(" ").trim(),
    });
    bare = startServer(
      "bare",
      bareUrl,
      [
        ...profiled("bare"),
        nextBin,
        "start",
        "-p",
        String(barePort),
        "--keepAliveTimeout",
        keepAliveTimeoutMs,
      ],
      { ...common, PORT: String(barePort) },
      bareDir,
    );
    const bareFrontUrl = args.front ? `http://127.0.0.1:${await findFreePort()}` : "";
    if (args.front) {
      bareFront = startServer(
        "bare behind the front",
        bareFrontUrl,
        [
          "--import",
          pathToFileURL(path.resolve("node_modules/tsx/dist/esm/index.mjs")).href,
          path.resolve("scripts/server.ts"),
        ],
        {
          ...common,
          PORT: new URL(bareFrontUrl).port,
          KEEP_ALIVE_TIMEOUT_MS: keepAliveTimeoutMs,
          APP_URL: bareFrontUrl,
          // Our TypeScript's path aliases, from the bare app's folder.
          TSX_TSCONFIG_PATH: path.resolve("tsconfig.json"),
        },
        bareDir,
      );
    }
    await Promise.all([
      waitUntilAnswering(portal, "/api/health"),
      waitUntilAnswering(bare, "/"),
      ...(bareFront ? [waitUntilAnswering(bareFront, "/")] : []),
    ]);

    const only = args.only?.split(",").map((word) => word.trim());
    const cases = pageCases.filter(
      (candidate) =>
        !candidate.portal ||
        !only ||
        only.some((word) => candidate.path.includes(word) || candidate.name.includes(word)),
    );
    const cookies = new Map<PagePersona, string>();
    const targets: Target[] = [];
    const scriptCache = new Map<string, Map<string, { gzipBytes: number; bytes: number }>>();
    const prepareTarget = async (pageCase: PageCase): Promise<Target> => {
      const baseUrl = pageCase.front ? bareFrontUrl : pageCase.portal ? portalUrl : bareUrl;
      let cookie: string | null = null;
      if (pageCase.persona) {
        cookie = cookies.get(pageCase.persona) ?? (await signIn(portalUrl, token, pageCase.persona));
        cookies.set(pageCase.persona, cookie);
      }
      let pathname = pageCase.path;
      if (pathname === "/notices/:id") {
        const list = await fetchPage(new URL("/notices", baseUrl).href, cookie, "通知");
        const first = firstNoticePath(list);
        if (!first) throw new Error("the 通知 list has no notice to open");
        pathname = first;
      }
      const url = new URL(pathname, baseUrl).href;
      const html = await fetchPage(url, cookie, pageCase.title);
      const cache = scriptCache.get(baseUrl) ?? new Map<string, { gzipBytes: number; bytes: number }>();
      scriptCache.set(baseUrl, cache);
      const server = pageCase.front ? bareFront : pageCase.portal ? portal : bare;
      return { case: pageCase, url, cookie, server, weight: await pageWeight(baseUrl, html, cache) };
    };
    const notMeasured: string[] = [];
    for (const pageCase of cases) {
      try {
        targets.push(await prepareTarget(pageCase));
      } catch (error) {
        // One page that cannot be reached does not cost the whole table; it is named below it.
        if (!pageCase.portal) throw error;
        notMeasured.push(`${pageCase.name} (${pageCase.path}): ${(error as Error).message}`);
      }
    }
    const reportNotMeasured = () => {
      for (const line of notMeasured) console.log(`NOT MEASURED: ${line}`);
    };
    if (args["write-budgets"]) await writeBudgets(args["write-budgets"], targets);

    const report: Record<string, unknown> = {
      date: new Date().toISOString(),
      machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`,
    };
    report.notMeasured = notMeasured;
    if (args.profile && relay) {
      report.profile = await profile(targets, relay, portalUrl, token);
      reportNotMeasured();
    } else if (args.lighthouse) {
      const [bareTarget, ...portalTargets] = targets.map((target) => ({
        name: target.case.name,
        url: target.url,
        cookie: target.cookie,
      }));
      const runs = Number(args.runs);
      console.log(
        `\nLighthouse mobile performance, ${portalTargets.length} pages × ${runs} runs (${report.machine as string})`,
      );
      const lighthouse = await lighthouseReport(bareTarget!, portalTargets, {
        runs,
        progress: (line) => process.stderr.write(`${line}\n`),
        run: (target) => runLighthouse(target, workDir),
      });
      console.log(
        `Lighthouse ${lighthouse.lighthouse}, ${lighthouse.browser}, ${lighthouse.formFactor}, ${lighthouse.throttling} throttling; benchmarkIndex ${lighthouse.benchmarkIndex.median.toFixed(0)} (${lighthouse.benchmarkIndex.min.toFixed(0)}–${lighthouse.benchmarkIndex.max.toFixed(0)}); medians\n`,
      );
      for (const line of formatTable(lighthouse)) console.log(line);
      notMeasured.push(...lighthouse.notMeasured);
      reportNotMeasured();
      report.lighthouse = lighthouse;
    } else if (args["cpu-prof"]) {
      const chosen = targets.filter((target) => !target.case.portal || target.case.path === args["cpu-prof"]);
      for (const target of chosen) await load(target, 1);
      // Only the samples taken under the load count (not start-up, not the other app's turn).
      const windows = new Map<string, ProfileWindow>();
      for (const target of chosen) {
        const startMicros = monotonicMicros();
        const sample = await load(target, duration);
        const requests = Math.round(sample.rps * duration);
        windows.set(target.case.portal ? "portal" : "bare", {
          startMicros,
          endMicros: monotonicMicros(),
          requests,
        });
        console.log(
          `${target.case.name}: ${sample.rps.toFixed(0)} req/s, p50 ${sample.p50} ms, p99 ${sample.p99} ms`,
        );
      }
      await Promise.all([stopServer(portal), stopServer(bare)]);
      for (const name of ["bare", "portal"]) {
        console.log(`\n${name}: CPU self time under the load (${duration} s)`);
        report[`cpu-${name}`] = await summariseCpuProfiles(cpuProfileDir(name), (line) => console.log(line), {
          window: windows.get(name),
          root: name === "bare" ? bareDir : repoRoot,
        });
      }
    } else if (args.sustain) {
      report.sustain = [];
      for (const target of targets.filter((candidate) => candidate.case.portal)) {
        (report.sustain as unknown[]).push(await sustain(target, portal, Number(args.sustain)));
      }
    } else {
      console.log(
        `\n${targets.length} pages, ${rounds} rounds × ${duration} s, ${connections} connections (${report.machine as string})`,
      );
      const samples = new Map<Target, Sample[]>();
      for (const target of targets) await load(target, 1); // warm-up: first renders, JIT
      for (let round = 1; round <= rounds; round += 1) {
        for (const target of targets) {
          const sample = await load(target, duration);
          samples.set(target, [...(samples.get(target) ?? []), sample]);
          process.stderr.write(
            `  round ${round} ${target.case.name}: ${sample.rps.toFixed(0)} req/s, p99 ${sample.p99} ms\n`,
          );
        }
      }
      console.log("");
      report.rows = printTable(targets, samples);
      reportNotMeasured();
      report.settings = { rounds, duration, connections };
    }
    report.scripts = Object.fromEntries(
      targets.map((target) => [
        target.case.path,
        target.weight.scripts.map((script) => [script.src, script.gzipBytes]),
      ]),
    );
    if (args.json) await writeFile(args.json, `${JSON.stringify(report, null, 2)}\n`);
  } catch (error) {
    // A page that failed under the load: what the servers said last (a crash, an out-of-memory
    // abort) is the first thing to know.
    for (const server of [portal, bare, bareFront]) {
      if (!server) continue;
      const ended = server.child.exitCode ?? server.child.signalCode;
      const state = ended === null ? "running" : `exited (${ended})`;
      console.error(`\n--- ${server.name} (${state}), its last output ---\n${server.output().slice(-6000)}`);
    }
    throw error;
  } finally {
    await stopAll();
  }
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
