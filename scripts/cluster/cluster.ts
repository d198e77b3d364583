// A local cluster of the portal, as docs/deploy.md describes it: one PostgreSQL, N app instances of
// the one production build in .next (each `npm start` — scripts/run.ts start — on its own port),
// nginx (Debian's /usr/sbin/nginx) as a round-robin balancer configured from
// deploy/nginx.conf.template, and the e2e SMTP sink. Every port is a free one, everything lives in
// a fresh work folder under .data/, and each child runs in its own process group, so stop() ends
// each one with everything it started. Used by `npm run cluster`, the two-instance test
// (tests/cluster) and the benchmarks (scripts/bench).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readdirSync, readFileSync, type WriteStream } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { findFreePort, isPortOpen, startDatabase, type DatabaseHandle } from "../database";
import { isRoot, packageBinaries } from "../embedded-postgres";
import { postgresUser, reachableBinaries, RUNTIME_BASE } from "../postgres-placement";

export interface ClusterOptions {
  /** App instances (`npm start` equivalents of the production build in .next). */
  instances: number;
  /** Default true: nginx in front, round robin (alternating); false: no nginx. */
  balancer?: boolean;
  /** Extra env for every instance (TEST_MODE, TEST_API_TOKEN, FILE_STORAGE=s3 …). */
  env?: Record<string, string>;
  /** Extra env for one instance (index from 0), over `env`: e.g. MAIL_WORKER=off on one. */
  instanceEnv?: (index: number) => Record<string, string>;
  /** Default: a fresh folder under .data/cluster-<pid>-<n>; removed by stop(). */
  workDir?: string;
  /** Default: its own embedded PostgreSQL on a free port (scripts/database.ts). */
  databaseUrl?: string;
  /** Default "sink": tests/e2e/support/smtp-sink.ts on free ports. */
  smtp?: "sink" | { url: string };
  /** Instance/nginx/sink output lines, prefixed with the name; default quiet (kept in workDir/logs). */
  log?: (line: string) => void;
  /** How long an instance may take to answer /api/ready (default 120 s). */
  readyTimeoutMs?: number;
}

export interface ClusterInstance {
  name: string;
  url: string;
  port: number;
  /** The serving process (next-server), or undefined while the instance is down. */
  pid(): number | undefined;
  /** Resident memory of the serving process and its descendants (0 while down). */
  rssBytes(): Promise<number>;
  /** Default SIGKILL, to the whole process group; resolves when every process of it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** (Re)starts on the same port; resolves when /api/ready answers 200. */
  start(): Promise<void>;
  /** Whether the instance's process is running. */
  running(): boolean;
}

export interface AccessLogEntry {
  time: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  /** Every upstream tried, in order ("127.0.0.1:port"), as nginx logged it. */
  upstreams: string[];
}

export interface Cluster {
  /** The balancer (or instance 0 when balancer=false). */
  url: string;
  instances: ClusterInstance[];
  databaseUrl: string;
  /** Restart PostgreSQL in place (fault tests); refuses when databaseUrl was given. */
  database: { stop(): Promise<void>; start(): Promise<void> };
  smtp: { url: string; httpUrl: string; stop(): Promise<void>; start(): Promise<void> } | null;
  /** The work folder (logs/, nginx/, the database unless databaseUrl was given). */
  workDir: string;
  /** The shared AUTH_SECRET and the rest of the env every instance got. */
  env: Record<string, string>;
  /** nginx's access log so far (empty without the balancer). */
  accessLog(): Promise<AccessLogEntry[]>;
  /** Stops everything it started, by process group, and removes the work folder it made. */
  stop(): Promise<void>;
}

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
const nginxBin = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const templatePath = path.join(projectRoot, "deploy", "nginx.conf.template");
let clusterCount = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A child in its own process group, its output kept in a log file (and passed to `log`). */
class GroupProcess {
  child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private logFile: WriteStream;

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: () => string[],
    private readonly env: () => NodeJS.ProcessEnv,
    logPath: string,
    private readonly log?: (line: string) => void,
  ) {
    this.logFile = createWriteStream(logPath, { flags: "a" });
  }

  running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  spawn(): ChildProcess {
    const child = spawn(this.command, this.args(), {
      cwd: projectRoot,
      env: this.env(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const pass = (stream: NodeJS.ReadableStream | null) => {
      if (!stream) return;
      createInterface({ input: stream }).on("line", (line) => {
        this.logFile.write(`${line}\n`);
        this.log?.(`[${this.name}] ${line}`);
      });
    };
    pass(child.stdout);
    pass(child.stderr);
    child.once("error", (error) => this.logFile.write(`spawn failed: ${error.message}\n`));
    return child;
  }

  /** Every process of the group (the leader's pid is the group id). */
  groupMembers(): number[] {
    const group = this.child?.pid;
    if (!group) return [];
    return listProcesses()
      .filter((entry) => entry.pgrp === group)
      .map((entry) => entry.pid);
  }

  async kill(signal: NodeJS.Signals = "SIGKILL", timeoutMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const group = child.pid;
    const send = (sig: NodeJS.Signals) => {
      try {
        process.kill(-group, sig);
      } catch {
        // The group is gone already.
      }
    };
    send(signal);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const leaderDone = !this.running();
      if (leaderDone && this.groupMembers().length === 0) break;
      if (Date.now() > deadline) {
        send("SIGKILL");
        await this.exited;
        await sleep(50);
        break;
      }
      await sleep(50);
    }
    await this.exited;
  }

  close() {
    this.logFile.end();
  }
}

interface ProcEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  comm: string;
}

/** Who listens on a loopback port, from `ss` (for an error message; "" when ss is missing). */
function whoListensOn(port: number): string {
  const result = spawnSync("ss", ["-Htlnp", `sport = :${port}`], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() || "(ss: no listener now)" : "";
}

function listProcesses(): ProcEntry[] {
  const found: ProcEntry[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const comm = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      // A zombie has exited (a container's init may never reap it).
      if (fields[0] === "Z" || fields[0] === "X") continue;
      found.push({ pid: Number(name), ppid: Number(fields[1]), pgrp: Number(fields[2]), comm });
    } catch {
      // Ended while we looked.
    }
  }
  return found;
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function descendantsOf(root: number, all: ProcEntry[]): number[] {
  const result = [root];
  for (let index = 0; index < result.length; index++) {
    for (const entry of all) if (entry.ppid === result[index]) result.push(entry.pid);
  }
  return result;
}

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  abort?: () => string | null,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    const reason = abort?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (Date.now() > deadline) throw new Error(`${what}: no answer within ${timeoutMs} ms`);
    await sleep(100);
  }
}

async function answers(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

/** /api/ready, or /api/health where a build has no /api/ready yet. */
async function isReady(baseUrl: string): Promise<boolean> {
  const ready = await answers(`${baseUrl}/api/ready`);
  if (ready === 200) return true;
  if (ready === 404) return (await answers(`${baseUrl}/api/health`)) === 200;
  return false;
}

async function lastLines(file: string, count = 15): Promise<string> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text.trimEnd().split("\n").slice(-count).join("\n");
}

/** `scripts/run.ts migrate` against `databaseUrl`; throws with its output when it fails. */
async function migrate(databaseUrl: string, logPath: string): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/run.ts", "migrate"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  await writeFile(logPath, output);
  if (code !== 0)
    throw new Error(
      `migrations failed (exit ${code}):\n${output.trimEnd().split("\n").slice(-15).join("\n")}`,
    );
}

/** nginx.conf from deploy/nginx.conf.template for these ports. */
export async function renderNginxConfig(options: {
  listen: string;
  prefix: string;
  upstreams: string[];
  user?: string;
  workerProcesses?: number;
}): Promise<string> {
  const template = await readFile(templatePath, "utf8");
  const values: Record<string, string> = {
    user: options.user ? `user ${options.user};` : "",
    worker_processes: String(options.workerProcesses ?? 1),
    prefix: options.prefix,
    listen: options.listen,
    upstream_servers: options.upstreams
      .map((address) => `        server ${address} max_fails=1 fail_timeout=5s;`)
      .join("\n"),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`nginx.conf.template: unknown field ${whole}`);
    return value;
  });
}

function parseAccessLog(text: string): AccessLogEntry[] {
  const entries: AccessLogEntry[] = [];
  const pattern = /^(\S+) (\S+) \S+ "(\S+) ([^"]*)" (\d+) \d+ upstream=(.*?) upstream_status=/;
  for (const line of text.split("\n")) {
    const match = pattern.exec(line);
    if (!match) continue;
    entries.push({
      time: match[1]!,
      requestId: match[2]!,
      method: match[3]!,
      path: match[4]!,
      status: Number(match[5]),
      upstreams: [...match[6]!.matchAll(/\d+\.\d+\.\d+\.\d+:\d+/g)].map((found) => found[0]),
    });
  }
  return entries;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  if (!Number.isInteger(options.instances) || options.instances < 1) {
    throw new Error(`instances must be a positive integer (got ${options.instances})`);
  }
  if (!existsSync(path.join(projectRoot, ".next", "BUILD_ID"))) {
    throw new Error("No production build in .next: run `npm run build` first (all instances share it).");
  }
  const balancer = options.balancer ?? true;
  const madeWorkDir = !options.workDir;
  const workDir = path.resolve(
    options.workDir ?? path.join(projectRoot, ".data", `cluster-${process.pid}-${++clusterCount}`),
  );
  if (madeWorkDir) await rm(workDir, { recursive: true, force: true });
  const logDir = path.join(workDir, "logs");
  await mkdir(logDir, { recursive: true });
  const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;

  const processes: GroupProcess[] = [];
  let database: DatabaseHandle | null = null;
  const stopAll = async () => {
    await Promise.all(processes.map((child) => child.kill("SIGTERM", 30_000)));
    for (const child of processes) child.close();
    await database?.stop().catch(() => {});
  };
  const onExit = () => {
    for (const child of processes) {
      if (child.child?.pid) {
        try {
          process.kill(-child.child.pid, "SIGKILL");
        } catch {
          // Gone.
        }
      }
    }
  };
  process.on("exit", onExit);

  try {
    // Ports first: APP_URL (the balancer's address) goes into every instance's env.
    const ports = {
      balancer: balancer ? await findFreePort() : 0,
      instances: [] as number[],
      database: 0,
      smtp: 0,
      smtpHttp: 0,
    };
    const taken = new Set<number>();
    const freePort = async () => {
      for (;;) {
        const port = await findFreePort();
        if (!taken.has(port)) {
          taken.add(port);
          return port;
        }
      }
    };
    if (balancer) taken.add(ports.balancer);
    for (let index = 0; index < options.instances; index++) ports.instances.push(await freePort());

    // The database.
    let databaseUrl = options.databaseUrl;
    const databaseDataDir = path.join(workDir, "database");
    if (!databaseUrl) {
      ports.database = await freePort();
      if (isRoot()) await reachableBinaries(await packageBinaries(), await postgresUser(), RUNTIME_BASE);
      database = await startDatabase({ dataDir: databaseDataDir, port: ports.database, portGivesWay: false });
      databaseUrl = database.url;
    }
    // Once here, so the instances do not race to apply the same migrations. In a child process
    // (`npm run db:migrate`): the schema engine (WASM) fails when used twice in one process.
    await migrate(databaseUrl, path.join(logDir, "migrate.log"));

    // The SMTP sink.
    let smtpUrl = options.smtp && options.smtp !== "sink" ? options.smtp.url : "";
    let smtp: Cluster["smtp"] = null;
    if (!smtpUrl) {
      ports.smtp = await freePort();
      ports.smtpHttp = await freePort();
      smtpUrl = `smtp://127.0.0.1:${ports.smtp}`;
      const httpUrl = `http://127.0.0.1:${ports.smtpHttp}`;
      const sink = new GroupProcess(
        "smtp",
        process.execPath,
        () => ["--import", "tsx", "tests/e2e/support/smtp-sink.ts"],
        () => ({
          ...process.env,
          SMTP_SINK_PORT: String(ports.smtp),
          SMTP_SINK_HTTP_PORT: String(ports.smtpHttp),
        }),
        path.join(logDir, "smtp.log"),
        options.log,
      );
      processes.push(sink);
      const startSink = async () => {
        if (sink.running()) return;
        const child = sink.spawn();
        await waitFor(
          "SMTP sink",
          async () => (await answers(`${httpUrl}/health`)) === 200,
          30_000,
          () => (child.exitCode !== null ? "it ended" : null),
        ).catch(async (error: unknown) => {
          throw new Error(`${String(error)}\n${await lastLines(path.join(logDir, "smtp.log"))}`);
        });
      };
      await startSink();
      smtp = { url: smtpUrl, httpUrl, stop: () => sink.kill("SIGTERM", 10_000), start: startSink };
    }

    // The instances: the same build, the same secrets and addresses.
    const url = balancer ? `http://127.0.0.1:${ports.balancer}` : `http://127.0.0.1:${ports.instances[0]}`;
    const sharedEnv: Record<string, string> = {
      NODE_ENV: "production",
      APP_URL: url,
      AUTH_SECRET: randomBytes(36).toString("base64url"),
      SMTP_URL: smtpUrl,
      MAIL_FROM: "建設キャリアアップシステム <no-reply@ccus.example>",
      TRUSTED_PROXIES: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      PAYMENT_PROVIDER: "sandbox",
      PAYMENT_WEBHOOK_SECRET: randomBytes(24).toString("base64url"),
      ...options.env,
      DATABASE_URL: databaseUrl,
    };
    // Nothing of the caller's own instance settings leaks in (its PORT, DATA_DIR, database).
    const baseEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ["PORT", "DATA_DIR", "EMBEDDED_PG_PORT", "INSTANCE_ID", "APP_URL", "DATABASE_URL"]) {
      delete baseEnv[key];
    }

    const instances: ClusterInstance[] = ports.instances.map((port, index) => {
      const name = `app${index + 1}`;
      const instanceUrl = `http://127.0.0.1:${port}`;
      const logPath = path.join(logDir, `${name}.log`);
      const group = new GroupProcess(
        name,
        process.execPath,
        () => ["--import", "tsx", "scripts/run.ts", "start"],
        () => ({
          ...baseEnv,
          ...sharedEnv,
          ...options.instanceEnv?.(index),
          DATABASE_URL: sharedEnv.DATABASE_URL,
          PORT: String(port),
          INSTANCE_ID: name,
          DATA_DIR: path.join(workDir, name),
        }),
        logPath,
        options.log,
      );
      processes.push(group);
      const servingPid = (): number | undefined => {
        const members = group.groupMembers();
        if (members.length === 0) return undefined;
        const all = listProcesses().filter((entry) => members.includes(entry.pid));
        const server = all.find((entry) => entry.comm.startsWith("next-server"));
        if (server) return server.pid;
        // Not yet renamed: the deepest process of the group.
        const leaves = all.filter((entry) => !all.some((other) => other.ppid === entry.pid));
        return leaves[0]?.pid ?? group.child?.pid;
      };
      return {
        name,
        url: instanceUrl,
        port,
        pid: servingPid,
        running: () => group.running(),
        async rssBytes() {
          const pid = servingPid();
          if (!pid) return 0;
          return descendantsOf(pid, listProcesses()).reduce((sum, member) => sum + rssOf(member), 0);
        },
        kill: (signal: NodeJS.Signals = "SIGKILL") => group.kill(signal),
        async start() {
          if (group.running()) return;
          // A port just given up can still answer for a moment (seen once in CI right after a
          // SIGKILL): wait a little before calling it taken, and then say who holds it.
          const portDeadline = Date.now() + 15_000;
          while (await isPortOpen(port)) {
            if (Date.now() > portDeadline)
              throw new Error(`${name}: port ${port} is taken by another process\n${whoListensOn(port)}`);
            await sleep(250);
          }
          const child = group.spawn();
          await waitFor(
            `${name} (${instanceUrl})`,
            () => isReady(instanceUrl),
            readyTimeoutMs,
            () =>
              child.exitCode !== null || child.signalCode !== null ? "it ended before it was ready" : null,
          ).catch(async (error: unknown) => {
            throw new Error(`${String(error)}\n${await lastLines(logPath)}`);
          });
        },
      };
    });
    await Promise.all(instances.map((instance) => instance.start()));

    // The balancer.
    const nginxPrefix = path.join(workDir, "nginx");
    if (balancer) {
      for (const folder of ["logs", "temp"]) await mkdir(path.join(nginxPrefix, folder), { recursive: true });
      const config = await renderNginxConfig({
        listen: `127.0.0.1:${ports.balancer}`,
        prefix: nginxPrefix,
        upstreams: ports.instances.map((port) => `127.0.0.1:${port}`),
        // As root nginx's workers would become nobody, who cannot enter a 0700 checkout.
        user: isRoot() ? "root" : undefined,
      });
      const configPath = path.join(nginxPrefix, "nginx.conf");
      await writeFile(configPath, config);
      const nginx = new GroupProcess(
        "nginx",
        nginxBin,
        () => [
          "-p",
          nginxPrefix,
          "-c",
          configPath,
          "-e",
          path.join(nginxPrefix, "logs", "error.log"),
          "-g",
          "daemon off;",
        ],
        () => process.env,
        path.join(logDir, "nginx.log"),
        options.log,
      );
      processes.push(nginx);
      const child = nginx.spawn();
      await waitFor(
        "nginx",
        () => isPortOpen(ports.balancer),
        15_000,
        () => (child.exitCode !== null ? "it ended (see nginx/logs/error.log)" : null),
      ).catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${await lastLines(path.join(nginxPrefix, "logs", "error.log"))}`);
      });
    }

    const restartable = () => {
      if (!database) throw new Error("the cluster was given databaseUrl: it does not own that database");
      return database;
    };
    let stopped = false;
    return {
      url,
      instances,
      databaseUrl,
      workDir,
      env: sharedEnv,
      smtp,
      database: {
        async stop() {
          await restartable().stop();
        },
        async start() {
          restartable();
          database = await startDatabase({
            dataDir: databaseDataDir,
            port: ports.database,
            portGivesWay: false,
          });
        },
      },
      async accessLog() {
        if (!balancer) return [];
        return parseAccessLog(
          await readFile(path.join(nginxPrefix, "logs", "access.log"), "utf8").catch(() => ""),
        );
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        const databaseDir = database?.databaseDir;
        await stopAll();
        process.off("exit", onExit);
        if (madeWorkDir) {
          await rm(workDir, { recursive: true, force: true });
          // As root the data folder may live under RUNTIME_BASE (scripts/postgres-placement.ts).
          if (databaseDir && databaseDir.startsWith(`${RUNTIME_BASE}/`)) {
            await rm(path.dirname(databaseDir), { recursive: true, force: true });
          }
        }
      },
    };
  } catch (error) {
    await stopAll();
    process.off("exit", onExit);
    throw error;
  }
}
