// Starts everything the Playwright suite talks to, side by side: the SMTP sink and the app
// instances (each its own port, DATA_DIR and embedded PostgreSQL), then creates the suite's staff
// accounts. playwright.config.ts runs it as its one webServer; Playwright would start the entries
// of a webServer list one after another, each instance initialising and migrating its database
// while the others wait. "e2e servers ready" on stdout tells Playwright that every server answers.
// Playwright ends the whole process group (this launcher, the servers, their databases) at the end.
//   E2E_SERVERS  JSON ServerSpec[] (built by playwright.config.ts)
// Run with --conditions=react-server: the staff accounts are made with the app's own function.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { isPortOpen } from "../../../scripts/database";
import { isRoot, packageBinaries } from "../../../scripts/embedded-postgres";
import { postgresUser, reachableBinaries, RUNTIME_BASE } from "../../../scripts/postgres-placement";

export interface StaffAccount {
  email: string;
  password: string;
  name: string;
  role: "ADMIN" | "STAFF";
}

export interface ServerSpec {
  /** Shown before each line of its output. */
  name: string;
  /** A TypeScript script and its arguments, run with tsx. */
  args: string[];
  env: Record<string, string>;
  /** Answers 2xx once the server is ready. */
  readyUrl: string;
  /** Ports it listens on: they must be free before the start. */
  ports: number[];
  /** Removed before the start, so every run begins with an empty database. */
  dataDir?: string;
  /** Created (or reset) in its database once it is ready, as `npm run staff:create` does. */
  staffAccounts?: StaffAccount[];
}

const readyLine = "e2e servers ready";
const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");
const children: ChildProcess[] = [];

function fail(message: string): never {
  console.error(`[e2e] ${message}`);
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(1);
}

function prefixLines(stream: NodeJS.ReadableStream | null, prefix: string, out: NodeJS.WriteStream) {
  if (!stream) return;
  createInterface({ input: stream }).on("line", (line) => out.write(`[${prefix}] ${line}\n`));
}

/** Starts `spec` and resolves once its readyUrl answers; exits the launcher if it ends first. */
async function start(spec: ServerSpec): Promise<void> {
  if (spec.dataDir) await rm(spec.dataDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ...spec.env };
  delete env.E2E_SERVERS;
  const child = spawn(process.execPath, [tsxCli, ...spec.args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  prefixLines(child.stdout, spec.name, process.stdout);
  prefixLines(child.stderr, spec.name, process.stderr);
  let ready = false;
  child.on("exit", (code, signal) => {
    if (!ready)
      fail(`${spec.name} ended (${signal ?? `exit code ${code}`}) before it answered ${spec.readyUrl}.`);
    console.error(
      `[e2e] ${spec.name} ended (${signal ?? `exit code ${code}`}): the tests that use it will fail.`,
    );
  });
  for (;;) {
    const answered = await fetch(spec.readyUrl, { signal: AbortSignal.timeout(5_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (answered) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  ready = true;
  if (spec.staffAccounts) await createStaffAccounts(spec);
}

/** The suite's own staff accounts, made in this process (no second tsx, no second migration run). */
async function createStaffAccounts(spec: ServerSpec) {
  Object.assign(process.env, spec.env, {
    DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${spec.env.EMBEDDED_PG_PORT}/ccus`,
  });
  const { upsertStaffUser } = await import("../../../lib/staff/upsert-staff-user");
  const { db } = await import("../../../lib/db");
  for (const account of spec.staffAccounts ?? []) {
    const result = await upsertStaffUser(account);
    console.log(
      `${result.created ? "Created" : "Updated"} staff account ${account.email} (${account.role}).`,
    );
  }
  await db.$disconnect();
}

async function main() {
  const specs = JSON.parse(process.env.E2E_SERVERS ?? "[]") as ServerSpec[];
  if (specs.length === 0) fail("E2E_SERVERS names no server.");
  for (const spec of specs) {
    for (const port of spec.ports) {
      if (await isPortOpen(port)) {
        fail(`port ${port} (${spec.name}) is already in use: stop the server on it (an earlier run?) first.`);
      }
    }
  }
  // As root the PostgreSQL binaries are mirrored once where the postgres user can run them; done
  // here, before the instances start together, so they do not race to make the same mirror.
  if (isRoot()) await reachableBinaries(await packageBinaries(), await postgresUser(), RUNTIME_BASE);

  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
      process.exit(0);
    });
  }
  await Promise.all(specs.map(start));
  console.log(readyLine);
}

await main().catch((error: unknown) =>
  fail(error instanceof Error ? (error.stack ?? error.message) : String(error)),
);
