// Where the postgres user can reach things when we are root. PostgreSQL refuses to run as root, so
// it runs as the `postgres` system user, who must be able to enter every folder above its binaries
// and its data folder. A checkout in root's home folder (or any 0700 folder) is closed to that
// user: there the binaries are mirrored (hard links, else copies) and the data folder is made
// under RUNTIME_BASE, a root-owned folder that user can enter. Nobody's folder permissions change.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import {
  chmod,
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
  writeFile,
} from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { binariesIn, DatabaseStartError, errorText, type Binaries, type RunAs } from "./embedded-postgres";

const run = promisify(execFile);

/** Root-owned, not writable by others: nobody but root can plant files where postgres runs from. */
export const RUNTIME_BASE = "/var/lib/ccus-portal";

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
