// Load benchmark (issue 13, item 1) — prints numbers, it is not a test. N virtual applicants at
// once (default 100), each on its own connection, go through the whole first application: sign in
// with the 申請用パスワード, change it, sign in again, 注意事項, both consents, 簡略型登録, every
// 簡略型 page with four JPEG images, 申請する — against one and against two instances of the
// production build behind nginx (scripts/cluster/cluster.ts; with one instance nginx is in front
// too, so both runs have the same path). The HTTP parts are autocannon (one connection = one
// applicant doing the request sequence once), the forms are posted the way a browser without
// JavaScript posts server action forms (scripts/bench/support/applicant-journey.ts). The
// applicants are made beforehand with the test kit's `issued` scenario (test mode on).
//   npm run bench:load -- [--users 100] [--instances 1,2] [--timeout 120]
//   npx tsx scripts/bench/load.ts --url http://127.0.0.1:3000 --token <TEST_API_TOKEN>
//     [--database-url postgresql://…]   (against a portal already running in test mode)
// Prints: completed journeys, errors (must be 0), p50/p95/p99 per request of the journey and of
// the whole journey, requests/s, the largest RSS of each instance during the run (goal ≤ 300 MB),
// the largest number of PostgreSQL client connections during the run, and a database check that
// every applicant has exactly one application, 申請中, with exactly one submission and one receipt
// email queued. Exits 1 when a journey failed or the check did not hold.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import sharp from "sharp";
import { startCluster, type Cluster } from "../cluster/cluster";
import {
  JOURNEY,
  JourneyRecorder,
  journeyRequests,
  type JourneyFailure,
  type JourneyImages,
  type VirtualApplicant,
} from "./support/applicant-journey";
import { postgresConnectionProbe, sampleMax } from "./support/samplers";
import { displayWidth } from "./support/display-width";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "100" },
    instances: { type: "string", default: "1,2" },
    timeout: { type: "string", default: "120" },
    url: { type: "string" },
    token: { type: "string" },
    "database-url": { type: "string" },
    /** Extra environment for every instance, KEY=VALUE, repeatable (e.g. MALLOC_ARENA_MAX=2). */
    env: { type: "string", multiple: true, default: [] },
    /** Internal: measure the one instance count given and write the figures to this file. */
    "child-json": { type: "string" },
  },
});
const userCount = Number(args.users);
const instanceCounts = args.instances.split(",").map(Number);
const requestTimeoutSeconds = Number(args.timeout);
if (!Number.isInteger(userCount) || userCount < 1) throw new Error("--users must be a positive integer");
if (instanceCounts.some((count) => !Number.isInteger(count) || count < 1)) {
  throw new Error("--instances must be a comma-separated list of positive integers, e.g. 1,2");
}
if (args.url && !args.token) throw new Error("--url needs --token (the portal's TEST_API_TOKEN)");

const MB = 1024 * 1024;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function table(header: string[], rows: (string | number)[][], firstWidth: number) {
  const width = 9;
  const padEnd = (text: string) => text + " ".repeat(Math.max(0, firstWidth - displayWidth(text)));
  const line = (cells: (string | number)[]) =>
    cells.map((cell, index) => (index === 0 ? padEnd(String(cell)) : String(cell).padStart(width))).join(" ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

/** Four JPEGs per applicant: a card image (three slots) and a 顔写真, photo-like noise. */
async function makeImages(): Promise<JourneyImages> {
  const noisy = (width: number, height: number) =>
    sharp({
      create: {
        width,
        height,
        channels: 3,
        background: { r: 200, g: 210, b: 220 },
        noise: { type: "gaussian", mean: 128, sigma: 24 },
      },
    })
      .blur(1.2)
      .jpeg({ quality: 80 })
      .toBuffer();
  const [card, face] = await Promise.all([noisy(1280, 800), noisy(600, 800)]);
  return {
    card: { filename: "card.jpg", type: "image/jpeg", data: card },
    face: { filename: "face.jpg", type: "image/jpeg", data: face },
  };
}

/**
 * `count` applicants in the `issued` state (申請用パスワード, must change it), four at a time —
 * each of the four in its own namespace, as docs/testing.md asks of parallel workers (one
 * namespace's scenarios are made one after another).
 */
async function prepareApplicants(baseUrl: string, token: string, ns: string, count: number) {
  const users: VirtualApplicant[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async (_, worker) => {
      while (next < count) {
        next += 1;
        const response = await fetch(`${baseUrl}/__test__/scenarios`, {
          method: "POST",
          headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
          body: JSON.stringify({ persona: "issued", ns: `${ns}-${worker}` }),
        });
        if (response.status !== 201) {
          throw new Error(
            `the scenario answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
          );
        }
        const scenario = (await response.json()) as { loginId: string; password: string; email: string };
        users.push({
          loginId: scenario.loginId,
          password: scenario.password,
          newPassword: `Ld-${randomBytes(6).toString("base64url")}-7q!`,
          email: scenario.email,
        });
      }
    }),
  );
  return users;
}

/** Runs the journey for `users` at once; resolves when every connection has finished. */
async function runJourneys(baseUrl: string, users: VirtualApplicant[], images: JourneyImages) {
  const recorder = new JourneyRecorder();
  const started = performance.now();
  const result = await autocannon({
    url: baseUrl,
    connections: users.length,
    maxConnectionRequests: JOURNEY.length,
    duration: 3600,
    timeout: requestTimeoutSeconds,
    requests: journeyRequests({ users, images, origin: new URL(baseUrl).origin, recorder }),
  });
  const seconds = (performance.now() - started) / 1000;
  return { recorder, result, seconds };
}

interface Check {
  applicants: number;
  ok: number;
  problems: string[];
}

/** Every applicant: one application, 申請中, one submission, one receipt email queued. */
async function verify(databaseUrl: string, users: VirtualApplicant[]): Promise<Check> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{
      login_id: string;
      applications: string;
      status: string | null;
      submissions: string;
      receipts: string;
    }>(
      `SELECT u.login_id,
              (SELECT count(*) FROM application a WHERE a.applicant_id = u.id) AS applications,
              (SELECT a.status::text FROM application a WHERE a.applicant_id = u.id LIMIT 1) AS status,
              (SELECT count(*) FROM application_submission s JOIN application a ON a.id = s.application_id
                WHERE a.applicant_id = u.id) AS submissions,
              (SELECT count(*) FROM email_outbox e
                WHERE e.template = 'application-received' AND e.to_address = u.email) AS receipts
         FROM applicant u WHERE u.login_id = ANY($1::text[])`,
      [users.map((user) => user.loginId)],
    );
    const problems: string[] = [];
    const found = new Set(result.rows.map((row) => row.login_id));
    for (const user of users) if (!found.has(user.loginId)) problems.push(`${user.loginId}: no applicant`);
    let ok = 0;
    for (const row of result.rows) {
      const counts = [row.applications, row.submissions, row.receipts].map(Number);
      if (counts.every((count) => count === 1) && row.status === "SUBMITTED") ok += 1;
      else {
        problems.push(
          `${row.login_id}: applications ${row.applications}, status ${row.status}, submissions ${row.submissions}, receipt emails ${row.receipts}`,
        );
      }
    }
    return { applicants: users.length, ok, problems };
  } finally {
    await client.end();
  }
}

/** What the journeys recorded, as plain data (it crosses from a child process as JSON). */
interface Recorded {
  durations: Record<string, number[]>;
  journeyMs: number[];
  failures: JourneyFailure[];
  counted: number;
}

interface RunFigures {
  instances: number;
  /** The machine's 1-minute load average just before and just after the measured run. */
  load: [number, number];
  recorder: Recorded;
  requests: number;
  seconds: number;
  rssMb: number[];
  /** Each instance's RSS after the warm-up journeys, just before the measured run. */
  rssBeforeMb: number[];
  pgConnections: number;
  check: Check | null;
  autocannonErrors: number;
  imageBytes: number;
}

const token = args.token ?? randomBytes(24).toString("base64url");
const extraEnv = Object.fromEntries(
  args.env.map((pair) => {
    const equals = pair.indexOf("=");
    if (equals < 1) throw new Error(`--env takes KEY=VALUE (got ${pair})`);
    return [pair.slice(0, equals), pair.slice(equals + 1)];
  }),
);
const testEnv = {
  ...extraEnv,
  TEST_MODE: "on",
  TEST_API_TOKEN: token,
  MAINTENANCE_WINDOWS: "",
};

async function measure(
  instances: number,
  target: { url: string; databaseUrl?: string; cluster?: Cluster },
  images: JourneyImages,
): Promise<RunFigures> {
  const ns = `load-${instances}-${randomBytes(3).toString("hex")}`;
  console.log(
    `\n[${instances} instance(s)] preparing ${userCount} applicants (kit scenario "issued", ns ${ns})…`,
  );
  const warmUsers = await prepareApplicants(target.url, token, `${ns}-warm`, Math.max(2, instances * 2));
  const users = await prepareApplicants(target.url, token, ns, userCount);
  // A few journeys first, alone, so that no instance's first-request costs land in the figures.
  const warm = await runJourneys(target.url, warmUsers, images);
  if (warm.recorder.failures.length > 0) {
    console.log("the warm-up journeys failed:");
    for (const failure of warm.recorder.failures) console.log(" ", failure);
  }

  const rssBeforeMb = await Promise.all(
    (target.cluster?.instances ?? []).map(async (instance) => (await instance.rssBytes()) / MB),
  );
  const rssSamplers = (target.cluster?.instances ?? []).map((instance) =>
    sampleMax(async () => (await instance.rssBytes()) / MB, 250),
  );
  const connections = target.databaseUrl ? await postgresConnectionProbe(target.databaseUrl) : null;
  const pgSampler = connections ? sampleMax(connections.probe, 250) : null;
  console.log(`[${instances} instance(s)] ${userCount} applicants at once…`);
  const loadBefore = os.loadavg()[0]!;
  const run = await runJourneys(target.url, users, images);
  const loadAfter = os.loadavg()[0]!;
  const rss = await Promise.all(rssSamplers.map((sampler) => sampler.stop()));
  const pgMax = pgSampler ? (await pgSampler.stop()).max : Number.NaN;
  await connections?.close();
  const check = target.databaseUrl ? await verify(target.databaseUrl, users) : null;
  return {
    instances,
    load: [loadBefore, loadAfter],
    recorder: {
      durations: Object.fromEntries(run.recorder.durations),
      journeyMs: run.recorder.journeyMs,
      failures: run.recorder.failures,
      counted: run.recorder.counted,
    },
    requests: run.result.requests.total,
    seconds: run.seconds,
    rssMb: rss.map((sample) => sample.max),
    rssBeforeMb,
    pgConnections: pgMax,
    check,
    autocannonErrors: run.result.errors + run.result.timeouts,
    imageBytes: images.card.data.length * 3 + images.face.data.length,
  };
}

function report(all: RunFigures[]) {
  const cpu = os.cpus()[0]?.model ?? "?";
  let commit = "?";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    // Not a git checkout.
  }
  console.log(
    `\nLoad benchmark, ${new Date().toISOString()}, commit ${commit}, ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / MB / 1024)} GB, Node ${process.version}; ` +
      `${userCount} applicants at once, ${JOURNEY.length} requests each, ${(all[0]!.imageBytes / 1024).toFixed(0)} KB of images each` +
      (args.env.length > 0 ? `; instance env ${args.env.join(" ")}` : ""),
  );
  console.log("\nJourneys");
  table(
    ["", ...all.map((run) => `${run.instances} inst`)],
    [
      ["applicants", ...all.map(() => userCount)],
      ["completed journeys", ...all.map((run) => run.recorder.counted)],
      ["errors (must be 0)", ...all.map((run) => run.recorder.failures.length)],
      ["requests", ...all.map((run) => run.requests)],
      ["wall time s", ...all.map((run) => run.seconds.toFixed(1))],
      ["load avg before/after", ...all.map((run) => run.load.map((value) => value.toFixed(1)).join("/"))],
      ["requests/s", ...all.map((run) => (run.requests / run.seconds).toFixed(1))],
      ["journey p50 s", ...all.map((run) => (percentile(run.recorder.journeyMs, 50) / 1000).toFixed(1))],
      ["journey p95 s", ...all.map((run) => (percentile(run.recorder.journeyMs, 95) / 1000).toFixed(1))],
      ["journey p99 s", ...all.map((run) => (percentile(run.recorder.journeyMs, 99) / 1000).toFixed(1))],
      ...Array.from({ length: Math.max(...all.map((run) => run.rssMb.length)) }, (_, index) => [
        `RSS instance ${index + 1} MB`,
        ...all.map((run) =>
          run.rssMb[index] === undefined
            ? "—"
            : `${run.rssBeforeMb[index]!.toFixed(0)}→${run.rssMb[index]!.toFixed(0)}`,
        ),
      ]),
      [
        "max PostgreSQL conns",
        ...all.map((run) => (Number.isNaN(run.pgConnections) ? "—" : run.pgConnections)),
      ],
      [
        "DB: 1 application each",
        ...all.map((run) => (run.check ? `${run.check.ok}/${run.check.applicants}` : "—")),
      ],
    ],
    24,
  );

  console.log("\nPer request of the journey, ms (p50 / p95 / p99)");
  table(
    ["", ...all.flatMap((run) => [`${run.instances}i p50`, "p95", "p99"])],
    JOURNEY.map((step) => [
      step.name,
      ...all.flatMap((run) => {
        const values = run.recorder.durations[step.name] ?? [];
        return [50, 95, 99].map((p) => percentile(values, p).toFixed(0));
      }),
    ]),
    44,
  );

  for (const run of all) {
    if (run.recorder.failures.length > 0) {
      console.log(`\nErrors with ${run.instances} instance(s) (first 20):`);
      for (const failure of run.recorder.failures.slice(0, 20)) {
        console.log(`  ${failure.loginId} at ${failure.step}: ${failure.status} ${failure.detail}`);
      }
    }
    if (run.check && run.check.problems.length > 0) {
      console.log(`\nDatabase check with ${run.instances} instance(s) (first 20):`);
      for (const problem of run.check.problems.slice(0, 20)) console.log(`  ${problem}`);
    }
    if (run.autocannonErrors > 0) {
      console.log(
        `\nautocannon counted ${run.autocannonErrors} connection errors/timeouts with ${run.instances} instance(s)`,
      );
    }
  }
}

/** One instance count in this process: a cluster, the run, the figures. */
async function measureCluster(instances: number, images: JourneyImages): Promise<RunFigures> {
  console.log(`\nStarting ${instances} instance(s) behind nginx…`);
  const cluster = await startCluster({ instances, balancer: true, env: testEnv });
  try {
    return await measure(instances, { url: cluster.url, databaseUrl: cluster.databaseUrl, cluster }, images);
  } finally {
    await cluster.stop();
  }
}

/**
 * Each instance count in a child process of its own: a fresh process per cluster (the wasm
 * schema engine fails on a second fresh database in one process), nothing of one run's memory or
 * connections left for the next.
 */
async function measureInChild(instances: number): Promise<RunFigures> {
  const folder = await mkdtemp(path.join(os.tmpdir(), "ccus-bench-load-"));
  const output = path.join(folder, "figures.json");
  try {
    const tsx = path.resolve(import.meta.dirname, "../../node_modules/tsx/dist/cli.mjs");
    const childArgs = [
      tsx,
      import.meta.filename,
      "--users",
      String(userCount),
      "--instances",
      String(instances),
      "--timeout",
      String(requestTimeoutSeconds),
      "--child-json",
      output,
      ...args.env.flatMap((pair) => ["--env", pair]),
    ];
    const code = await new Promise<number | null>((resolve) => {
      spawn(process.execPath, childArgs, { stdio: "inherit" }).on("exit", resolve);
    });
    const figures = await readFile(output, "utf8").catch(() => "");
    if (!figures) throw new Error(`the run with ${instances} instance(s) ended (${code}) without figures`);
    return JSON.parse(figures) as RunFigures;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

async function main() {
  const childJson = args["child-json"];
  if (childJson) {
    const figures = await measureCluster(instanceCounts[0]!, await makeImages());
    await writeFile(childJson, JSON.stringify(figures));
    process.exit(0);
  }
  const all: RunFigures[] = [];
  if (args.url) {
    const images = await makeImages();
    all.push(await measure(1, { url: args.url, databaseUrl: args["database-url"] }, images));
  } else {
    for (const instances of instanceCounts) all.push(await measureInChild(instances));
  }
  report(all);
  const failed = all.some(
    (run) =>
      run.recorder.failures.length > 0 ||
      run.recorder.counted !== userCount ||
      (run.check !== null && run.check.ok !== run.check.applicants),
  );
  process.exit(failed ? 1 : 0);
}

await main();
