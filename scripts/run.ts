// The project's launcher: finds or starts the database (embedded PostgreSQL unless DATABASE_URL
// is set), applies migrations, makes sure AUTH_SECRET exists, then runs the requested command.
//   dev | start | build | migrate | seed | worker | payments-reconcile | staff-create -- --email E --password P --name N
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { applyMigrations } from "../lib/db/migrations";
import { admissionOptionsFromEnv } from "../lib/lifecycle/admission";
import { checkTestModeAtStartup, chooseMailTransport } from "../lib/env";
import {
  checkBuildSettings,
  checkStartSettings,
  keyFingerprint,
  readBuildIdentity,
  type Check,
} from "../lib/deploy/build-identity";
import { DatabaseStartError, dataDir, startDatabase, type DatabaseHandle } from "./database";

const command = process.argv[2] ?? "";
const args = process.argv.slice(3);
if (existsSync(".env")) process.loadEnvFile(".env");

async function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const secretPath = path.join(dataDir, "auth-secret");
  let secret = await readFile(secretPath, "utf8").catch(() => "");
  if (!secret.trim()) {
    secret = randomBytes(48).toString("base64url");
    await mkdir(dataDir, { recursive: true });
    await writeFile(secretPath, secret, { mode: 0o600 });
    console.warn(`AUTH_SECRET is not set: generated one and kept it in ${secretPath}.`);
  }
  process.env.AUTH_SECRET = secret.trim();
}

/**
 * `start` (with the worker inside) and `worker` send real mail: without SMTP_URL they refuse to
 * start, before the database, unless MAIL_TRANSPORT=file chose the file mailbox on purpose.
 * `dev` keeps the file mailbox by default but still refuses a mistyped setting.
 */
function checkMailTransport() {
  const sendsMail =
    command === "worker" || ((command === "start" || command === "dev") && process.env.MAIL_WORKER !== "off");
  if (!sendsMail) return;
  const chosen = chooseMailTransport(process.env, { requireExplicit: command !== "dev" });
  if (chosen.ok) return;
  console.error(chosen.message);
  process.exit(1);
}

/**
 * Test mode (issue 10, docs/testing.md): `dev` and `start` refuse TEST_MODE=on without a
 * TEST_API_TOKEN of 32+ characters, or with a DATABASE_URL whose host is not loopback unless
 * TEST_MODE_ALLOW_REMOTE_DB=yes (checked before the database, and again on the URL in use), and
 * print a loud warning while it is on.
 */
async function checkTestMode(database?: DatabaseHandle) {
  if (command !== "dev" && command !== "start") return;
  const checked = checkTestModeAtStartup(process.env);
  if (!checked.ok) {
    console.error(checked.message);
    await database?.stop().catch(() => {});
    process.exit(1);
  }
  if (database && checked.warning) console.warn(checked.warning);
}

async function prepareDatabase(): Promise<DatabaseHandle> {
  const database = await startDatabase();
  process.env.DATABASE_URL = database.url;
  const applied = await applyMigrations(database.url);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  return database;
}

/**
 * How long the server keeps an idle kept-alive connection (KEEP_ALIVE_TIMEOUT_MS, default 65 s).
 * Node's own 5 s is shorter than what proxies and clients keep (nginx upstream keepalive, a load
 * balancer's 60 s idle timeout): a request sent on a connection the server is just closing is
 * reset, and the proxy answers 502. The server must hold a connection longer than its clients do.
 */
function keepAliveTimeoutMs(): string {
  return integerSetting("KEEP_ALIVE_TIMEOUT_MS", "65000", 1000, "ミリ秒");
}

/** A whole-number setting of the launcher, at least `min`; anything else stops the start. */
function integerSetting(name: string, fallback: string, min: number, unit: string): string {
  const value = process.env[name] ?? fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    console.error(
      `${name}=${value} は${unit}の整数（${min} 以上）ではないので、${fallback} のような値にするか、設定を外してください。`,
    );
    process.exit(1);
  }
  return value;
}

/**
 * The V8 heap limit of the `start` server, in MB (NODE_MAX_OLD_SPACE_MB, default 512), passed as
 * --max-old-space-size in NODE_OPTIONS; a NODE_OPTIONS that already sets it wins. Without a limit
 * V8 sizes the heap for the machine (4 GB here) and lets the garbage of many concurrent renders
 * pile up before collecting it: bench:load, 100 applicants at once on one instance, peaked at
 * 904 MB RSS with a 523 MB heap of which about 150 MB was live. With 256 the heap stayed under
 * 225 MB and RSS peaked at 553 MB, same requests/s (36.5), 0 errors; 160 still had 0 errors but
 * 20 % fewer requests/s (the collector runs all the time). 512 since the languages (issue 15): at
 * 256 the e2e suite's server ran out of heap while the attack fuzz posted to every action at once
 * (fresh-clone CI run 22). docs/deploy.md, Sizing.
 */
function serverNodeOptions(): string {
  const current = process.env.NODE_OPTIONS ?? "";
  if (current.includes("--max-old-space-size")) return current;
  const value = integerSetting("NODE_MAX_OLD_SPACE_MB", "512", 128, "メガバイト");
  return `${current} --max-old-space-size=${value}`.trim();
}

/** MAX_CONCURRENT_REQUESTS, MAX_QUEUED_REQUESTS, QUEUE_TIMEOUT_MS (scripts/server.ts): checked before the database. */
function checkAdmissionSettings() {
  try {
    admissionOptionsFromEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/**
 * Extra Node options for the `dev`/`start` server process (NEXT_NODE_ARGS, words separated by
 * spaces, each starting with "-"), placed before Next's bin on its command line. For the options
 * Node refuses in NODE_OPTIONS, such as `--cpu-prof --cpu-prof-dir=DIR` (scripts/bench/pages.ts
 * --cpu-prof). Anything else stops the start.
 */
function nextNodeArgs(): string[] {
  const words = (process.env.NEXT_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const stray = words.find((word) => !word.startsWith("-"));
  if (stray !== undefined) {
    console.error(
      `NEXT_NODE_ARGS の「${stray}」は Node のオプション（- で始まる語）ではないので、--cpu-prof のような値にするか、設定を外してください。`,
    );
    process.exit(1);
  }
  return words;
}

function run(bin: string, binArgs: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(bin, binArgs, { stdio: "inherit", env });
}

const nextBin = path.resolve("node_modules/next/dist/bin/next");
const tsxBin = path.resolve("node_modules/tsx/dist/cli.mjs");
const tsxEsmHooks = pathToFileURL(path.resolve("node_modules/tsx/dist/esm/index.mjs")).href;
const serverScript = path.resolve("scripts", "server.ts");

/**
 * Runs a long-lived child, and stops the embedded database when either ends. On a signal the
 * child shuts down gracefully first (lib/lifecycle/graceful-shutdown.ts: requests in flight
 * finish, workers let go): the database is stopped only once the child has exited, or after
 * SHUTDOWN_TIMEOUT_MS and a margin.
 */
async function supervise(child: ChildProcess, database: DatabaseHandle) {
  let stopping = false;
  // A child ended by a signal (an out-of-memory abort, a kill) is a failure: exit as a shell
  // would, 128 + the signal's number, so a supervisor restarts the instance and a script sees it.
  const childExited = new Promise<number>((resolve) =>
    child.on("exit", (code, signal) =>
      resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)),
    ),
  );
  const shutdown = async (code: number | null) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? "25000") + 5_000;
    const exitCode = await Promise.race([
      childExited,
      new Promise<number>((resolve) => setTimeout(() => resolve(1), timeoutMs).unref()),
    ]);
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await database.stop().catch(() => {});
    process.exit(code ?? exitCode);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => void shutdown(null));
  }
  void childExited.then((code) => shutdown(code));
}

/** Says a settings check's warnings, or stops with its message (docs/deploy.md). */
function enforce(check: Check) {
  if (!check.ok) {
    console.error(check.message);
    process.exit(1);
  }
  for (const warning of check.warnings) console.warn(warning);
}

async function main() {
  const port = process.env.PORT ?? "3000";
  checkMailTransport();
  await checkTestMode();
  switch (command) {
    case "build": {
      enforce(checkBuildSettings(process.env));
      const child = run(process.execPath, [nextBin, "build"]);
      child.on("exit", (code) => process.exit(code ?? 1));
      return;
    }
    case "dev":
    case "start": {
      if (command === "start") {
        // Before the generated AUTH_SECRET: a declared instance (INSTANCE_ID) must have it set.
        const build = await readBuildIdentity(path.resolve(".next"));
        enforce(checkStartSettings(process.env, build));
        const key = process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY?.trim() || build.embeddedKey;
        console.log(
          `build ${build.buildId ?? "(none: run npm run build)"}, server actions key ${key ? keyFingerprint(key) : "(unknown)"}: the same on every instance (docs/deploy.md)`,
        );
      }
      // Checked before the database starts, like the other settings (a refusal after it would leave
      // the embedded PostgreSQL running).
      const serverOptions = command === "start" ? { NODE_OPTIONS: serverNodeOptions() } : {};
      const keepAlive = command === "start" ? keepAliveTimeoutMs() : "";
      if (command === "start") checkAdmissionSettings();
      const nodeArgs = nextNodeArgs();
      await ensureAuthSecret();
      const database = await prepareDatabase();
      await checkTestMode(database);
      if (command === "dev") await runTask("seed", []);
      // `start`: Next's request handler behind our own HTTP server (scripts/server.ts: a bound on
      // the requests in flight), under tsx's module hooks for our TypeScript.
      const serverArgs =
        command === "dev" ? [nextBin, "dev", "-p", port] : ["--import", tsxEsmHooks, serverScript];
      const child = run(process.execPath, [...nodeArgs, ...serverArgs], {
        ...process.env,
        AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true",
        ...(command === "start" ? { PORT: port, KEEP_ALIVE_TIMEOUT_MS: keepAlive } : {}),
        // `start`: SIGTERM is handled by lib/lifecycle/graceful-shutdown.ts, not by Next's own handler.
        ...(command === "start" ? { NEXT_MANUAL_SIG_HANDLE: "true" } : {}),
        ...serverOptions,
      });
      await supervise(child, database);
      return;
    }
    case "migrate": {
      const database = await prepareDatabase();
      await database.stop();
      process.exit(0);
    }
    case "seed":
    case "worker":
    case "payments-reconcile":
    case "staff-create": {
      await ensureAuthSecret();
      const database = await prepareDatabase();
      const code = await runTask(command, args);
      await database.stop();
      process.exit(code);
    }
    default:
      console.error(
        "usage: run.ts dev|start|build|migrate|seed|worker|payments-reconcile|staff-create [args]",
      );
      process.exit(2);
  }
}

/** Runs a TypeScript task under tsx with the prepared environment; resolves to its exit code. */
function runTask(task: string, taskArgs: string[]): Promise<number> {
  const script = path.resolve("scripts", "tasks", `${task}.ts`);
  const child = run(process.execPath, [tsxBin, "--conditions=react-server", script, ...taskArgs]);
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward).on("SIGTERM", forward);
  return new Promise((resolve) => {
    child.on("exit", (code) => {
      process.off("SIGINT", forward).off("SIGTERM", forward);
      resolve(code ?? 1);
    });
  });
}

await main().catch((error: unknown) => {
  // A start-up failure of the embedded database is one sentence: what is wrong, what to do.
  if (error instanceof DatabaseStartError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
});
