// Benchmark of the staff list queries (lib/staff/list-*.ts), not of HTTP: on a throw-away
// PostgreSQL with 100,000 applicants and applications, runs each case ~200 times and prints
// p50 / p95 / max in milliseconds.
//   npx tsx scripts/bench/staff-lists.ts [--rows 100000] [--runs 200] [--explain]
// BENCH_DATABASE_URL: use that database (migrated, seeded, never dropped) instead of starting an
// embedded one on BENCH_PG_PORT (54349). --explain prints EXPLAIN ANALYZE of each case once.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Prisma } from "../../lib/generated/prisma/client";
import { seedStaffListRows, startBenchDatabase } from "./staff-list-rows";

export { seedStaffListRows, startBenchDatabase };

const thisFile = fileURLToPath(import.meta.url);

export interface BenchCase {
  name: string;
  run(): Promise<unknown>;
  /** The SQL the case runs, for --explain. */
  explain?(): Promise<string>;
}

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

export async function measure(benchCase: BenchCase, runs: number) {
  for (let i = 0; i < 5; i += 1) await benchCase.run(); // warm-up: plans, pool, buffers
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await benchCase.run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] ?? Number.NaN,
  };
}

/**
 * The list cases: first pages, pages deep down each list through a cursor, searches and filters of
 * 申請者一覧 and 申請一覧, as the query functions run them. DATABASE_URL must be set (lib/db reads
 * it on first use); `inserted` is the number of applicants, for the cursor 90 % of the way down.
 */
export async function buildStaffListCases(inserted: number): Promise<BenchCase[]> {
  const { db } = await import("../../lib/db");
  const { now } = await import("../../lib/clock");
  const { encodeListCursor, decodeListCursor } = await import("../../lib/staff/list-cursor");
  const { listApplicants, buildApplicantListQuery } = await import("../../lib/staff/list-applicants");
  const { listApplications, planApplicationListQuery } = await import("../../lib/staff/list-applications");
  const { parseApplicantListParams, parseApplicationListParams } =
    await import("../../lib/staff/list-params");

  // A cursor 90 % of the way down each list: a page an OFFSET query would pay 90,000 rows for.
  const deep = Math.floor(inserted * 0.9);
  const [deepApplicant] = await db.$queryRaw<{ id: string; at: Date }[]>`
    SELECT id, issued_at AS at FROM applicant ORDER BY issued_at DESC, id DESC OFFSET ${deep} LIMIT 1`;
  const [deepApplication] = await db.$queryRaw<{ id: string; at: Date }[]>`
    SELECT id, last_sent_at AS at FROM application WHERE status <> 'DRAFT' AND last_sent_at IS NOT NULL
    ORDER BY last_sent_at DESC, id OFFSET ${Math.floor(deep * 0.8)} LIMIT 1`;
  if (!deepApplicant || !deepApplication) throw new Error("The seed left the lists empty.");
  const cursorAt = (direction: "after" | "before", row: { id: string; at: Date }) =>
    encodeListCursor({ direction, sortKey: row.at, id: row.id });
  const applicantCursor = cursorAt("after", deepApplicant);
  const applicationCursor = cursorAt("after", deepApplication);

  const explainRows = async (sql: Prisma.Sql) => {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${sql}`;
    return plan.map((line) => line["QUERY PLAN"]).join("\n");
  };
  const applicantCase = (name: string, raw: Record<string, string>): BenchCase => {
    const params = parseApplicantListParams(raw);
    return {
      name: `申請者 ${name}`,
      run: () => listApplicants(params),
      explain: () => explainRows(buildApplicantListQuery(params, decodeListCursor(params.cursor), now())),
    };
  };
  const applicationCase = (name: string, raw: Record<string, string>): BenchCase => {
    const params = parseApplicationListParams(raw);
    return {
      name: `申請 ${name}`,
      run: () => listApplications(params),
      explain: async () =>
        explainRows(await planApplicationListQuery(params, decodeListCursor(params.cursor))),
    };
  };

  return [
    applicantCase("first page", {}),
    applicantCase("deep page (cursor at 90 %)", { cursor: applicantCursor }),
    applicantCase("previous page (from 90 %)", { cursor: cursorAt("before", deepApplicant) }),
    applicantCase("name prefix 山田 (5 %)", { q: "山田" }),
    applicantCase("name prefix 山田 花子 (0.25 %)", { q: "山田 花子" }),
    applicantCase("name not found", { q: "該当なし" }),
    applicantCase("email prefix hanako.", { q: "hanako." }),
    applicantCase("login ID prefix 1234", { q: "1234" }),
    applicantCase("status ロック中", { status: "locked" }),
    applicantCase("status 利用停止", { status: "disabled" }),
    applicantCase("status パスワード変更前, deep", {
      status: "must-change-password",
      cursor: applicantCursor,
    }),
    applicationCase("first page", {}),
    applicationCase("deep page (cursor at 90 %)", { cursor: applicationCursor }),
    applicationCase("previous page (from 90 %)", { cursor: cursorAt("before", deepApplication) }),
    applicationCase("name prefix 山田 (5 %)", { q: "山田" }),
    applicationCase("name prefix 山田 花子 (0.25 %)", { q: "山田 花子" }),
    applicationCase("name prefix 佐 (10 %)", { q: "佐" }),
    applicationCase("name not found", { q: "該当なし" }),
    applicationCase("申請番号 / login ID prefix 2026", { q: "2026" }),
    applicationCase("status 取下げ", { status: "withdrawn" }),
    applicationCase("status 不備, deep", { status: "returned", cursor: applicationCursor }),
    applicationCase("支払状況 すべて", { payment: "all" }),
    applicationCase("支払状況 すべて, deep", { payment: "all", cursor: applicationCursor }),
    applicationCase("支払状況 支払待ち (6 %)", { payment: "unpaid" }),
    applicationCase("支払状況 返金済み (2 %)", { payment: "refunded" }),
    applicationCase("支払状況 取消 (1 %), 状態 取下げ", { payment: "canceled", status: "withdrawn" }),
    applicationCase("支払状況 支払待ち, name prefix 山田 花子", { payment: "unpaid", q: "山田 花子" }),
  ];
}

async function main() {
  const { values } = parseArgs({
    options: {
      rows: { type: "string", default: "100000" },
      runs: { type: "string", default: "200" },
      explain: { type: "boolean", default: false },
    },
  });
  const rowCount = Number(values.rows);
  const runs = Number(values.runs);

  const startedAt = performance.now();
  const database = await startBenchDatabase();
  console.log(`Database ready (migrated) in ${Math.round(performance.now() - startedAt)} ms`);
  process.once("SIGINT", () => void database.stop().finally(() => process.exit(130)));
  try {
    const seedStart = performance.now();
    const inserted = await seedStaffListRows(database.url, rowCount);
    console.log(
      `Seeded ${inserted} applicants and their applications in ${Math.round(performance.now() - seedStart)} ms`,
    );

    // lib/db reads its configuration on first use, so the environment is set before the import.
    process.env.DATABASE_URL = database.url;
    process.env.AUTH_SECRET ??= "benchmark-only-secret-benchmark-only-secret";
    const { db } = await import("../../lib/db");
    const cases = await buildStaffListCases(inserted);

    if (values.explain) {
      for (const benchCase of cases) {
        console.log(`\n=== ${benchCase.name}\n${(await benchCase.explain?.()) ?? ""}`);
      }
    }

    console.log(`\n${runs} runs per case, milliseconds (query function, not HTTP):`);
    const table: Record<string, { p50: string; p95: string; max: string }> = {};
    for (const benchCase of cases) {
      const { p50, p95, max } = await measure(benchCase, runs);
      table[benchCase.name] = { p50: p50.toFixed(2), p95: p95.toFixed(2), max: max.toFixed(2) };
    }
    console.table(table);
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
    { stdio: "inherit", env: { ...process.env, STAFF_LISTS_BENCH_CHILD: "1" } },
  );
  return new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === thisFile) {
  if (process.env.STAFF_LISTS_BENCH_CHILD) {
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
