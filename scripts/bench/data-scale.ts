// Data-scale benchmark (issue 13, "The numbers" 3): n technicians (default 2,000,000) with their
// applications, sent versions, decisions, consents, sessions, notices, emails and audit rows in an
// embedded PostgreSQL of its own, then measured: login p95 over HTTP (the real sign-in: bcrypt
// check, lockout bookkeeping, session row, audit row), the staff lists and searches (query
// functions and pages), the review page, the consent export rate, table and index sizes, the
// slowest statements with their plans, and which tables would need partitioning beyond this.
//   npm run bench:data-scale -- [--technicians 2000000] [--runs 100] [--regenerate]
//                               [--generate-only] [--skip-export] [--slow-ms 50]
// The database lives in .data/bench-data-scale-<n>/ (under /var/lib/ccus-portal when run as root,
// see docs/operations.md) and is reused by the next run with the same n: generation happens once.
// --generate-only stops after generating (for running it outside the benchmark lock); the
// measurement needs the production build (`npm run build`).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import bcrypt from "bcrypt";
import pg from "pg";
import type { Prisma } from "../../lib/generated/prisma/client";
import { applyMigrations } from "../../lib/db/migrations";
import { findFreePort, startDatabase, type DatabaseHandle } from "../database";
import { generateDataScaleRows, type GenerationStep } from "./data-scale-data";
import { buildStaffListCases, measure, percentile, type BenchCase } from "./staff-lists";
import { displayWidth } from "./support/display-width";

const thisFile = fileURLToPath(import.meta.url);

const { values: args } = parseArgs({
  options: {
    technicians: { type: "string", default: "2000000" },
    runs: { type: "string", default: "100" },
    "query-runs": { type: "string", default: "50" },
    "slow-ms": { type: "string", default: "50" },
    regenerate: { type: "boolean", default: false },
    "generate-only": { type: "boolean", default: false },
    "skip-export": { type: "boolean", default: false },
    "skip-http": { type: "boolean", default: false },
    "skip-queries": { type: "boolean", default: false },
    "with-index": { type: "string", multiple: true, default: [] },
  },
});
const technicians = Number(args.technicians);
const runs = Number(args.runs);
const queryRuns = Number(args["query-runs"]);
const slowMs = Number(args["slow-ms"]);

const PASSWORD = "Bench-Login-7qX!";
const staff = { email: "bench-admin@example.com", password: "Bench-Admin-8wR!", name: "計測 管理者" };

/**
 * Server settings of the benchmark's PostgreSQL (ALTER SYSTEM, applied by a restart when they
 * differ): what a dedicated database server of a few GB would have, plus pg_stat_statements for
 * the statement table, and a large WAL allowance so that generation does not checkpoint every minute.
 */
const SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: "1GB",
  effective_cache_size: "4GB",
  maintenance_work_mem: "512MB",
  max_wal_size: "8GB",
  checkpoint_timeout: "30min",
  shared_preload_libraries: "pg_stat_statements",
  "pg_stat_statements.max": "2000",
};

const log = (line = "") => console.log(line);
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "-");
const int = (value: number) => Math.round(value).toLocaleString("en-US");
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function printTable(headers: string[], rows: (string | number)[][]) {
  const cells = rows.map((row) => row.map(String));
  const widths = headers.map((header, i) =>
    Math.max(displayWidth(header), ...cells.map((row) => displayWidth(row[i] ?? ""))),
  );
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? padEnd(cell, widths[i] ?? 0) : padStart(cell, widths[i] ?? 0)))
      .join("  ");
  log(line(headers));
  log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells) log(line(row));
}
const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(text))) + text;

// ── Database ────────────────────────────────────────────────────────────────────────────────

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function openDatabase(): Promise<DatabaseHandle> {
  const dataDir = path.resolve(".data", `bench-data-scale-${technicians}`);
  const start = async () => startDatabase({ dataDir, port: await findFreePort(), portGivesWay: true });
  let database = await start();
  const stale = await withClient(database.url, async (client) => {
    const differing: string[] = [];
    for (const [name, value] of Object.entries(SERVER_SETTINGS)) {
      const current = await client.query<{ setting: string }>(
        "SELECT setting FROM pg_file_settings WHERE name = $1 AND applied ORDER BY seqno DESC LIMIT 1",
        [name],
      );
      if (current.rows[0]?.setting !== value) {
        await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
        differing.push(name);
      }
    }
    return differing;
  });
  if (stale.length > 0) {
    log(`PostgreSQL settings changed (${stale.join(", ")}): restarting it`);
    await database.stop();
    database = await start();
  }
  return database;
}

interface Meta {
  technicians: number;
  generation_ms: number;
  generated_at: Date;
  steps: GenerationStep[];
}

/** This folder's generation record, if there is one (plain SQL: before any migration). */
async function readMeta(url: string): Promise<Meta | null> {
  return withClient(url, async (client) => {
    const { rows: found } = await client.query<{ meta: string | null }>(
      "SELECT to_regclass('bench_data_scale_meta')::text AS meta",
    );
    if (!found[0]?.meta) return null;
    const { rows } = await client.query<Meta>("SELECT * FROM bench_data_scale_meta LIMIT 1");
    return rows[0] ? { ...rows[0], generation_ms: Number(rows[0].generation_ms) } : null;
  });
}

/** Whether the database holds anything besides an empty schema. */
async function hasApplicants(url: string): Promise<boolean> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ t: string | null }>("SELECT to_regclass('applicant')::text AS t");
    if (!rows[0]?.t) return false;
    const { rows: any } = await client.query<{ any: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM applicant) AS any",
    );
    return any[0]?.any ?? false;
  });
}

async function generate(url: string): Promise<Meta> {
  log(`Generating ${int(technicians)} technicians…`);
  const started = performance.now();
  const { publishConsentFiles } = await import("../../lib/consents/consent-documents");
  await publishConsentFiles();
  const steps = await generateDataScaleRows(url, technicians, (line) => log(line));
  const generationMs = performance.now() - started;
  await withClient(url, async (client) => {
    await readMetaTable(client);
    await client.query("DELETE FROM bench_data_scale_meta");
    await client.query(
      "INSERT INTO bench_data_scale_meta (technicians, generation_ms, steps) VALUES ($1, $2, $3)",
      [technicians, Math.round(generationMs), JSON.stringify(steps)],
    );
  });
  log(`Generated in ${(generationMs / 1000).toFixed(1)} s`);
  return { technicians, generation_ms: generationMs, generated_at: new Date(), steps };
}

async function readMetaTable(client: pg.Client) {
  await client.query(`CREATE TABLE IF NOT EXISTS bench_data_scale_meta (
    technicians integer NOT NULL, generation_ms bigint NOT NULL,
    generated_at timestamptz NOT NULL DEFAULT now(), steps jsonb NOT NULL)`);
}

// ── Sizes and partitioning ──────────────────────────────────────────────────────────────────

interface TableSize {
  table: string;
  rows: number;
  heap: number;
  toast: number;
  indexes: number;
  total: number;
}

async function tableSizes(client: pg.Client): Promise<TableSize[]> {
  const { rows } = await client.query<{
    table: string;
    rows: string;
    heap: string;
    toast: string;
    indexes: string;
    total: string;
  }>(`SELECT c.relname AS table, c.reltuples::bigint AS rows,
             pg_relation_size(c.oid) AS heap,
             coalesce(pg_total_relation_size(c.reltoastrelid), 0) AS toast,
             pg_indexes_size(c.oid) AS indexes, pg_total_relation_size(c.oid) AS total
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'bench_data_scale_meta'
      ORDER BY pg_total_relation_size(c.oid) DESC`);
  return rows.map((row) => ({
    table: row.table,
    rows: Math.max(0, Number(row.rows)),
    heap: Number(row.heap),
    toast: Number(row.toast),
    indexes: Number(row.indexes),
    total: Number(row.total),
  }));
}

async function indexSizes(client: pg.Client, tables: string[]) {
  const { rows } = await client.query<{ table: string; index: string; size: string }>(
    `SELECT t.relname AS table, i.relname AS index, pg_relation_size(i.oid) AS size
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relname = ANY($1) ORDER BY pg_relation_size(i.oid) DESC`,
    [tables],
  );
  return rows;
}

/**
 * How each table grows: rows per technician here, what it grows with, and what to do beyond
 * 2 million (the growth and advice are the benchmark's reading of the code that writes them).
 */
const GROWTH: Record<string, { grows: string; beyond: string }> = {
  audit_log: {
    grows: "every login, consent, send, decision (forever)",
    beyond: "partition by month on at (RANGE); detach/archive months past retention",
  },
  email_outbox: {
    grows: "every email (forever)",
    beyond: "partition by month on created_at, or delete SENT rows after N months",
  },
  auth_session: {
    grows: "every sign-in (forever)",
    beyond: "delete revoked/expired rows daily (no partition needed)",
  },
  notice: { grows: "2–3 per application", beyond: "per technician, bounded: no partition" },
  consent_record: { grows: "2 per technician per document version", beyond: "bounded: no partition" },
  application_submission: {
    grows: "1–2 versions per application (~2 KB JSON, TOAST)",
    beyond: "bounded per application: no partition; TOAST holds the bulk",
  },
  applicant: { grows: "1 per technician", beyond: "no partition: 2.3 M rows is small for one table" },
  application: { grows: "1 per technician", beyond: "no partition" },
  application_fee: { grows: "1–2 per application", beyond: "no partition" },
  application_review: { grows: "1 per decision", beyond: "no partition" },
  application_review_item: { grows: "1–3 per 不備", beyond: "no partition" },
  rate_limit_bucket: { grows: "per IP/ID window", beyond: "delete expired windows (a sweep)" },
};

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────

interface App {
  baseUrl: string;
  stop(): Promise<void>;
}

async function startApp(databaseUrl: string): Promise<App> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ccus-bench-data-scale-"));
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: baseUrl,
    MAINTENANCE_WINDOWS: "",
    MAIL_WORKER: "off",
    // One payment worker round at start, not one every 30 s during the measurement.
    PAYMENT_WORKER_INTERVAL_MS: "3600000",
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-bench",
    NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;
  delete env.TEST_MODE;
  await runCommand(
    "npx",
    ["tsx", "scripts/run.ts", "staff-create", "--email", staff.email, "--password", staff.password],
    ["--name", staff.name, "--role", "ADMIN"],
    env,
  );
  // Its own process group, so that it and its children are stopped together.
  const server: ChildProcess = spawn("npx", ["tsx", "scripts/run.ts", "start"], {
    env,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (server.pid && server.exitCode === null) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        server.once("exit", () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (server.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error("the app did not start (see its output above)");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { baseUrl, stop };
}

function runCommand(command: string, argv: string[], more: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...argv, ...more], { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${argv.join(" ")} exited ${code}`)),
    );
  });
}

const decodeEntities = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/**
 * The hidden fields of the page's form that has a field named `field`: what a browser without
 * JavaScript posts along with the typed values (React's server-action reference and state).
 */
async function formFields(url: string, field: string): Promise<[string, string][]> {
  const html = await (await fetch(url)).text();
  const form = [...html.matchAll(/<form\b[\s\S]*?<\/form>/g)]
    .map((match) => match[0])
    .find((text) => text.includes(`name="${field}"`));
  if (!form) throw new Error(`${url} has no form with a field ${field}`);
  const fields: [string, string][] = [];
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = input[0];
    if (!/type="hidden"/.test(tag)) continue;
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    if (name) fields.push([decodeEntities(name), decodeEntities(/value="([^"]*)"/.exec(tag)?.[1] ?? "")]);
  }
  return fields;
}

/** Posts a login form the way a browser without JavaScript does; the Cookie header of the session. */
async function postLogin(
  baseUrl: string,
  pagePath: string,
  hidden: [string, string][],
  values: Record<string, string>,
  expectLocation: RegExp,
): Promise<string> {
  const body = new FormData();
  for (const [name, value] of hidden) body.append(name, value);
  for (const [name, value] of Object.entries(values)) body.append(name, value);
  const response = await fetch(`${baseUrl}${pagePath}`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: baseUrl },
  });
  await response.arrayBuffer();
  const location = response.headers.get("location") ?? "";
  if (response.status !== 303 || !expectLocation.test(location)) {
    throw new Error(`login at ${pagePath} answered ${response.status} ${location}`);
  }
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  rps: number;
  n: number;
}

/** Runs `task` for each of `inputs`, `concurrency` at a time, after `warmup` untimed runs. */
async function timeAll<T>(
  inputs: T[],
  concurrency: number,
  task: (input: T) => Promise<void>,
): Promise<Timing> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < inputs.length) {
        const input = inputs[next] as T;
        next += 1;
        const start = performance.now();
        await task(input);
        times.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1) ?? Number.NaN,
    rps: times.length / seconds,
    n: times.length,
  };
}

/** A TABLESAMPLE percentage that yields about three times `rows` rows of a per-technician table. */
const samplePercent = (rows: number) => Math.min(100, Math.max(0.5, ((rows * 3) / technicians) * 100));

async function getPage(url: string, cookie: string, mustContain: string) {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(mustContain)) {
    throw new Error(`${url} answered ${response.status} without ${mustContain}`);
  }
}

// ── Statement statistics ─────────────────────────────────────────────────────────────────────

interface Statement {
  query: string;
  calls: number;
  mean: number;
  max: number;
  rows: number;
}

async function resetStatements(client: pg.Client) {
  await client.query("SELECT pg_stat_statements_reset()");
}

async function slowestStatements(client: pg.Client, limit = 5): Promise<Statement[]> {
  const { rows } = await client.query<{
    query: string;
    calls: string;
    mean: number;
    max: number;
    rows: string;
  }>(
    `SELECT query, calls, mean_exec_time AS mean, max_exec_time AS max, rows
     FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND query !~* 'pg_stat_statements|^\\s*(BEGIN|COMMIT|ROLLBACK|SET|SHOW|DEALLOCATE)'
     ORDER BY mean_exec_time DESC LIMIT $1`,
    [limit],
  );
  return rows.map((row) => ({ ...row, calls: Number(row.calls), rows: Number(row.rows) }));
}

const oneLine = (sql: string, max = 150) => {
  const text = sql.replace(/\s+/g, " ").trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

async function genericPlan(client: pg.Client, query: string): Promise<string> {
  if (!/^\s*(SELECT|WITH)\b/i.test(query)) return "(not a SELECT: no plan)";
  try {
    const { rows } = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (GENERIC_PLAN) ${query}`);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  } catch (error) {
    return `(no plan: ${error instanceof Error ? error.message : String(error)})`;
  }
}

async function reportStatements(client: pg.Client, phase: string) {
  const statements = await slowestStatements(client);
  log(`\nSlowest statements during ${phase} (pg_stat_statements, ms):`);
  printTable(
    ["statement", "calls", "mean", "max"],
    statements.map((s) => [oneLine(s.query, 110), s.calls, ms(s.mean), ms(s.max)]),
  );
  for (const statement of statements.filter((s) => s.mean >= slowMs)) {
    log(`\n--- plan of a statement slower than ${slowMs} ms on average:\n${oneLine(statement.query, 400)}`);
    log(await genericPlan(client, statement.query));
  }
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────

async function main() {
  if (!Number.isInteger(technicians) || technicians < 100) {
    console.error("--technicians must be a whole number of at least 100.");
    process.exit(2);
  }
  if (!args["generate-only"] && !args["skip-http"] && !existsSync(path.join(".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first (npm run bench:data-scale does).");
    process.exit(2);
  }
  log(
    `Data-scale benchmark: ${int(technicians)} technicians, ${os.cpus().length} CPUs, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
  );
  let database = await openDatabase();
  let meta = await readMeta(database.url);
  if (meta && meta.technicians === technicians && !args.regenerate) {
    log(
      `Reusing the data generated ${meta.generated_at.toISOString()} (${int(meta.technicians)} technicians); ` +
        "--regenerate writes it again",
    );
  } else {
    meta = null;
    if (await hasApplicants(database.url)) {
      // An unfinished run or --regenerate: a new data folder (initdb) is the quickest way to an
      // empty database.
      log("Emptying the benchmark database (an unfinished run, or --regenerate)");
      await database.stop();
      if (database.databaseDir) await rm(database.databaseDir, { recursive: true, force: true });
      database = await openDatabase();
    }
  }
  // Once per process: the schema engine keeps its connection.
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= "benchmark-only-secret-benchmark-only-secret";
  const stopAll = () => database.stop();
  process.once("SIGINT", () => void stopAll().finally(() => process.exit(130)));
  try {
    meta ??= await generate(database.url);
    log(`\nGeneration: ${(meta.generation_ms / 1000).toFixed(1)} s`);
    printTable(
      ["step", "rows", "s"],
      meta.steps.map((step) => [step.table, int(step.rows), (step.ms / 1000).toFixed(1)]),
    );
    if (args["generate-only"]) return;
    await measureAll(database.url);
  } finally {
    await stopAll();
  }
}

async function measureAll(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    for (const definition of args["with-index"] ?? []) {
      const started = performance.now();
      await client.query(definition);
      // The planner knows an expression index's selectivity only after the table is analyzed.
      const table = /\bON\s+("?[\w.]+"?)/i.exec(definition)?.[1];
      if (table) await client.query(`ANALYZE ${table}`);
      log(`Index for this run: ${definition} (${Math.round(performance.now() - started)} ms, then ANALYZE)`);
    }

    // Sizes.
    const sizes = await tableSizes(client);
    const totalBytes = sizes.reduce((sum, t) => sum + t.total, 0);
    log(`\nTable and index sizes (${mb(totalBytes)} MB in all):`);
    const shown = sizes.filter((t) => t.total > 100 * 1024);
    printTable(
      ["table", "rows", "per tech.", "heap MB", "TOAST MB", "index MB", "total MB", "MB at 2.3 M"],
      shown.map((t) => [
        t.table,
        int(t.rows),
        (t.rows / technicians).toFixed(2),
        mb(t.heap),
        mb(t.toast),
        mb(t.indexes),
        mb(t.total),
        mb((t.total / technicians) * 2_300_000),
      ]),
    );
    log("\nPartitioning beyond 2 M (what each table grows with, and what to do):");
    printTable(
      ["table", "grows with", "beyond 2 M"],
      shown
        .filter((t) => GROWTH[t.table])
        .map((t) => [t.table, GROWTH[t.table]?.grows ?? "", GROWTH[t.table]?.beyond ?? ""]),
    );
    const big = shown.slice(0, 6).map((t) => t.table);
    log(`\nIndexes of the ${big.length} largest tables (MB):`);
    printTable(
      ["table", "index", "MB"],
      (await indexSizes(client, big)).map((row) => [row.table, row.index, mb(Number(row.size))]),
    );

    // Query functions of the lists (no HTTP).
    if (!args["skip-queries"]) await measureQueries(client);

    // HTTP against the production build.
    if (args["skip-http"]) return;
    const app = await startApp(url);
    try {
      await measureHttp(client, app.baseUrl);
    } finally {
      await app.stop();
    }
  } finally {
    await client.end();
  }
}

async function measureQueries(client: pg.Client) {
  const cases: BenchCase[] = [...(await buildStaffListCases(technicians)), ...(await extraListCases(client))];
  log(`\nStaff list queries (query functions, not HTTP): ${queryRuns} runs per case, ms`);
  const results: { benchCase: BenchCase; p50: number; p95: number; max: number }[] = [];
  for (const benchCase of cases) {
    results.push({ benchCase, ...(await measure(benchCase, queryRuns)) });
  }
  printTable(
    ["case", "p50", "p95", "max"],
    results.map((r) => [r.benchCase.name, ms(r.p50), ms(r.p95), ms(r.max)]),
  );
  for (const slow of results.filter((r) => r.p95 >= slowMs && r.benchCase.explain)) {
    log(`\n--- EXPLAIN ANALYZE of「${slow.benchCase.name}」(p95 ${ms(slow.p95)} ms):`);
    log(await slow.benchCase.explain?.());
  }
}

/** 監査ログ and メール送信状況 cases, with the query functions their pages call. */
async function extraListCases(client: pg.Client): Promise<BenchCase[]> {
  const { db } = await import("../../lib/db");
  const { searchAuditLog, buildAuditQuery } = await import("../../lib/audit/search-audit");
  const { parseAuditSearchParams } = await import("../../lib/audit/audit-search-params");
  const { listEmails, buildEmailListQuery } = await import("../../lib/staff/list-emails");
  const { parseEmailListParams } = await import("../../lib/staff/email-list-params");
  const explainRows = async (sql: Prisma.Sql) => {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${sql}`;
    return plan.map((line) => line["QUERY PLAN"]).join("\n");
  };
  const sample = (
    await client.query<{ login_id: string; id: string; email: string }>(
      `SELECT p.login_id, p.id, p.email FROM applicant p JOIN application a ON a.applicant_id = p.id
       WHERE a.status = 'COMPLETED' ORDER BY p.issued_at DESC OFFSET $1 LIMIT 1`,
      [Math.floor(technicians * 0.1)],
    )
  ).rows[0];
  if (!sample) throw new Error("no completed application to search for");
  const auditCase = (name: string, raw: Record<string, string>): BenchCase => {
    const parsed = parseAuditSearchParams(raw);
    return {
      name: `監査ログ ${name}`,
      run: () => searchAuditLog(parsed.params),
      explain: async () => {
        const { resolveAuditActor } = await import("../../lib/audit/search-audit");
        const actorId = (await resolveAuditActor(parsed.params.actor)) ?? undefined;
        return explainRows(
          buildAuditQuery(
            {
              action: parsed.params.action || undefined,
              actorId,
              targetId: parsed.params.target || undefined,
              targetTypes: parsed.params.target
                ? ["applicant", "application", "consent_document"]
                : undefined,
            },
            null,
          ),
        );
      },
    };
  };
  const emailCase = (name: string, raw: Record<string, string>): BenchCase => {
    const params = parseEmailListParams(raw);
    return {
      name: `メール ${name}`,
      run: () => listEmails(params),
      explain: () => explainRows(buildEmailListQuery(params, null)),
    };
  };
  return [
    auditCase("first page", {}),
    auditCase("操作 承認", { action: "application.approved" }),
    auditCase("操作 利用停止 (none)", { action: "applicant.disabled" }),
    auditCase("実行者 = 申請ログインID", { actor: sample.login_id }),
    auditCase("対象ID = 申請者 id", { target: sample.id }),
    emailCase("first page", {}),
    emailCase("状態 送信失敗 (none)", { status: "failed" }),
    emailCase("宛先 prefix of one address", { q: sample.email.slice(0, 14) }),
    emailCase("宛先 not found", { q: "nobody-at-all@" }),
  ];
}

async function measureHttp(client: pg.Client, baseUrl: string) {
  const bcryptCost = Number(process.env.BCRYPT_COST ?? 11);
  // Login: applicants past their password change, each signing in once (a cold row each time).
  const loginCount = runs * 2 + 10;
  const hash = await bcrypt.hash(PASSWORD, bcryptCost);
  const hashStart = performance.now();
  await bcrypt.compare(PASSWORD, hash);
  const oneHashMs = performance.now() - hashStart;
  const { rows: loginRows } = await client.query<{ login_id: string }>(
    `UPDATE applicant SET password_hash = $1, must_change_password = false, pending_password_hash = NULL,
            temp_password_used_at = issued_at, failed_login_count = 0, locked_until = NULL, disabled_at = NULL
     WHERE id IN (SELECT id FROM applicant TABLESAMPLE SYSTEM ($3) WHERE test_namespace IS NULL LIMIT $2)
     RETURNING login_id`,
    [hash, loginCount, samplePercent(loginCount)],
  );
  const loginIds = loginRows.map((row) => row.login_id);
  if (loginIds.length < loginCount) throw new Error(`only ${loginIds.length} applicants to sign in with`);

  const loginHidden = await formFields(`${baseUrl}/login`, "loginId");
  const staffHidden = await formFields(`${baseUrl}/staff/login`, "email");
  const staffCookie = await postLogin(
    baseUrl,
    "/staff/login",
    staffHidden,
    { email: staff.email, password: staff.password },
    /\/staff$/,
  );
  // Warm-up: the page and action code paths.
  for (const loginId of loginIds.slice(0, 10)) {
    await postLogin(baseUrl, "/login", loginHidden, { loginId, password: PASSWORD }, /\/menu$/);
  }

  log(
    `\nHTTP against the production build (${baseUrl}), ms; bcrypt cost ${bcryptCost}: one hash ${ms(oneHashMs)} ms`,
  );
  const httpRows: (string | number)[][] = [];
  const record = (name: string, concurrency: number, t: Timing) =>
    httpRows.push([name, concurrency, t.n, ms(t.p50), ms(t.p95), ms(t.max), t.rps.toFixed(1)]);

  /** One and four at once, each over its own slice of `inputs` (a fresh row for every request). */
  const recordBoth = async <T>(name: string, inputs: T[], task: (input: T) => Promise<void>) => {
    for (const [i, concurrency] of [1, 4].entries()) {
      record(name, concurrency, await timeAll(inputs.slice(i * runs, (i + 1) * runs), concurrency, task));
    }
  };

  await resetStatements(client);
  await recordBoth("ログイン (POST: bcrypt + session + audit)", loginIds.slice(10), (loginId) =>
    postLogin(baseUrl, "/login", loginHidden, { loginId, password: PASSWORD }, /\/menu$/).then(() => {}),
  );
  const loginStatements = await slowestStatements(client);

  // Pages.
  const sample = (
    await client.query<{ login_id: string; id: string; email: string; number: string }>(
      `SELECT p.login_id, p.id, p.email, a.application_number AS number FROM applicant p
       JOIN application a ON a.applicant_id = p.id
       WHERE a.status = 'SUBMITTED' ORDER BY p.issued_at DESC OFFSET $1 LIMIT 1`,
      [Math.floor(technicians * 0.2)],
    )
  ).rows[0];
  if (!sample) throw new Error("no submitted application to search for");
  const q = (text: string) => encodeURIComponent(text);
  const pages: [string, string, string][] = [
    ["申請者一覧 first page", "/staff/applicants", "申請者一覧"],
    ["申請者一覧 氏名 山田 花子", `/staff/applicants?q=${q("山田 花子")}`, "申請者一覧"],
    ["申請者一覧 申請ログインID (one)", `/staff/applicants?q=${sample.login_id}`, sample.login_id],
    ["申請者一覧 メール (one)", `/staff/applicants?q=${q(sample.email)}`, "申請者一覧"],
    ["申請一覧 first page", "/staff/applications", "申請一覧"],
    ["申請一覧 状態 申請中", "/staff/applications?status=submitted", "申請一覧"],
    ["申請一覧 申請番号 (one)", `/staff/applications?q=${sample.number}`, sample.number],
    ["申請一覧 氏名 佐藤", `/staff/applications?q=${q("佐藤")}`, "申請一覧"],
    ["監査ログ first page", "/staff/audit", "監査ログ"],
    ["監査ログ 対象 = 申請ログインID", `/staff/audit?target=${sample.login_id}`, "監査ログ"],
    ["メール送信状況 first page", "/staff/emails", "メール送信状況"],
    ["メール送信状況 宛先 (one)", `/staff/emails?q=${q(sample.email)}`, "メール送信状況"],
  ];
  await resetStatements(client);
  for (const [name, pagePath, mustContain] of pages) {
    const url = `${baseUrl}${pagePath}`;
    for (let i = 0; i < 5; i += 1) await getPage(url, staffCookie, mustContain);
    for (const concurrency of [1, 4]) {
      record(
        name,
        concurrency,
        await timeAll(Array.from({ length: runs }), concurrency, () =>
          getPage(url, staffCookie, mustContain),
        ),
      );
    }
  }
  const pageStatements = await slowestStatements(client);

  // Review page: a different sent application each time.
  const { rows: reviewRows } = await client.query<{ id: string }>(
    `SELECT id FROM application TABLESAMPLE SYSTEM ($2) WHERE status <> 'DRAFT' LIMIT $1`,
    [runs * 2 + 5, samplePercent(runs * 4)],
  );
  await resetStatements(client);
  for (const row of reviewRows.slice(0, 5)) {
    await getPage(`${baseUrl}/staff/applications/${row.id}`, staffCookie, "申請内容の審査");
  }
  await recordBoth("申請内容の審査 (a different application each)", reviewRows.slice(5), (row) =>
    getPage(`${baseUrl}/staff/applications/${row.id}`, staffCookie, "申請内容の審査"),
  );
  const reviewStatements = await slowestStatements(client);

  printTable(["case", "conc", "n", "p50", "p95", "max", "req/s"], httpRows);

  for (const [phase, statements] of [
    ["the logins", loginStatements],
    ["the list pages", pageStatements],
    ["the review pages", reviewStatements],
  ] as const) {
    log(`\nSlowest statements during ${phase} (pg_stat_statements, mean ms):`);
    printTable(
      ["statement", "calls", "mean", "max"],
      statements.map((s) => [oneLine(s.query, 110), s.calls, ms(s.mean), ms(s.max)]),
    );
    for (const statement of statements.filter((s) => s.mean >= slowMs)) {
      log(
        `\n--- plan (generic) of a statement slower than ${slowMs} ms on average:\n${oneLine(statement.query, 400)}`,
      );
      log(await genericPlan(client, statement.query));
    }
  }

  // Consent export.
  if (!args["skip-export"]) {
    await resetStatements(client);
    const started = performance.now();
    const response = await fetch(`${baseUrl}/staff/consents/export`, {
      method: "POST",
      headers: {
        cookie: staffCookie,
        Origin: baseUrl,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: "from=&to=",
      redirect: "manual",
    });
    if (response.status !== 200 || !response.body) {
      throw new Error(`the consent export answered ${response.status}`);
    }
    let firstByteMs = 0;
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (!firstByteMs) firstByteMs = performance.now() - started;
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    const records = Math.max(0, lines - 1);
    const expected = Number(
      (await client.query<{ n: string }>("SELECT count(*) AS n FROM consent_record")).rows[0]?.n ?? 0,
    );
    log(`\n同意記録のCSV (whole export, one administrator):`);
    printTable(
      ["records", "in DB", "MB", "first byte ms", "s", "records/s"],
      [[int(records), int(expected), mb(bytes), ms(firstByteMs), seconds.toFixed(1), int(records / seconds)]],
    );
    await reportStatements(client, "the consent export");
  }
}

/** "server-only" resolves to its no-op only under the react-server condition, as for scripts/tasks. */
function rerunWithServerCondition(): Promise<number> {
  const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");
  const child = spawn(
    process.execPath,
    [tsxCli, "--conditions=react-server", thisFile, ...process.argv.slice(2)],
    { stdio: "inherit", env: { ...process.env, DATA_SCALE_BENCH_CHILD: "1" } },
  );
  process.once("SIGINT", () => child.kill("SIGINT"));
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

if (process.env.DATA_SCALE_BENCH_CHILD) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
} else {
  process.exit(await rerunWithServerCondition());
}
