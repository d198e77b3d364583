// An S3-compatible upload store whose disk can be filled and freed on demand: s3rver (dev
// dependency) in its own process, its folder on a tiny tmpfs. For the faults benchmark's "disk
// full on the upload store" (scripts/bench/faults.ts) and the storage tests
// (tests/integration/s3-storage.integration.test.ts). As root (CI) it mounts the tmpfs as usual; as
// any other user it mounts it inside a user+mount namespace of its own (unshare, util-linux: a holder
// process, full-disk-namespace.ts, that also fills, frees and counts there, and s3rver joins it with
// nsenter), so it needs root or unprivileged user namespaces (the Linux default).
//
// Usage:
//   import { startFullDiskStore } from "./support/full-disk-store";
//   const store = await startFullDiskStore();          // empty 8 MiB disk, bucket "ccus-uploads"
//   const cluster = await startCluster({ instances: 2, env: { ...store.env } });
//   await store.fill();      // the disk is full: every upload is refused (500 InternalError, ENOSPC)
//                            // and the page says 「画像の保存先に接続できないため…」 beside the field
//   await store.free();      // space returns: uploads work again
//   await store.stop();      // the store is down (connection refused); store.start() brings it back
//   await store.objectCount(); // objects in the bucket, to compare with ApplicationFile rows
//   await store.close();     // stops s3rver, unmounts the tmpfs, removes the folder
// store.env holds FILE_STORAGE=s3, S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_FORCE_PATH_STYLE and
// throw-away AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (s3rver accepts any).
import { spawn, execFile, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdir, mkdtemp, open, readdir, rm, rmdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface FullDiskStore {
  /** The settings that point the app at this store. */
  env: Record<string, string>;
  endpoint: string;
  bucket: string;
  /** The tmpfs mount point (s3rver's folder; without root it is mounted only in the store's namespace). */
  directory: string;
  /** Takes every free byte of the disk: the next write fails with ENOSPC. */
  fill(): Promise<void>;
  /** Gives the space back. */
  free(): Promise<void>;
  /** Stops the server (the disk and its objects stay). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Whether the server process is running. */
  isRunning(): boolean;
  /** Objects stored in the bucket. */
  objectCount(): Promise<number>;
  close(): Promise<void>;
}

export interface FullDiskStoreOptions {
  /** Size of the tmpfs in KiB; default 8192. */
  sizeKb?: number;
  bucket?: string;
  /** Start with the disk already full. */
  full?: boolean;
}

const SERVER_SCRIPT = path.join(import.meta.dirname, "s3rver-process.mjs");
const NAMESPACE_SCRIPT = path.join(import.meta.dirname, "full-disk-namespace.ts");
const PROJECT_ROOT = path.resolve(import.meta.dirname, "../../..");
const FILLER = ".filler";

function mountError(directory: string, sizeKb: number, reason: string) {
  return new Error(
    `full-disk-store: could not mount a ${sizeKb} KiB tmpfs on ${directory} (needs root, CAP_SYS_ADMIN or unprivileged user namespaces): ${reason}`,
  );
}

async function mountTmpfs(directory: string, sizeKb: number) {
  try {
    await run("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=0700`, "tmpfs", directory]);
  } catch (error) {
    throw mountError(directory, sizeKb, (error as Error).message);
  }
}

/** Where the disk lives and how to reach it: the host's mount (root) or a namespace of our own. */
interface Disk {
  mkdir(target: string): Promise<void>;
  fill(file: string): Promise<void>;
  free(file: string): Promise<void>;
  count(directory: string): Promise<number>;
  /** The command that starts s3rver where it sees the disk. */
  server: { command: string; args: string[] };
  close(): Promise<void>;
}

async function hostDisk(directory: string, sizeKb: number): Promise<Disk> {
  await mountTmpfs(directory, sizeKb);
  return {
    mkdir: async (target) => void (await mkdir(target)),
    fill: fillDisk,
    free: (file) => rm(file, { force: true }),
    count: countObjects,
    server: { command: process.execPath, args: [SERVER_SCRIPT] },
    async close() {
      await run("umount", [directory]).catch(() => undefined);
    },
  };
}

/**
 * The tmpfs inside a user+mount namespace the current user owns: the holder (full-disk-namespace.ts,
 * its own process group) mounts it and does the store's file work there; s3rver enters it with nsenter.
 */
async function namespaceDisk(directory: string, sizeKb: number): Promise<Disk> {
  const holder = spawn(
    "unshare",
    [
      "--user",
      "--map-root-user",
      "--mount",
      "--propagation",
      "private",
      process.execPath,
      "--import",
      "tsx",
      NAMESPACE_SCRIPT,
      directory,
      String(sizeKb),
    ],
    { cwd: PROJECT_ROOT, detached: true, stdio: ["pipe", "pipe", "pipe"] },
  );
  const killGroup = () => {
    try {
      if (holder.pid) process.kill(-holder.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  holder.stdin!.on("error", () => undefined); // the holder ended: requests are refused below
  let stderr = "";
  const collect = (chunk: Buffer) => (stderr += chunk.toString());
  holder.stderr!.on("data", collect);
  const exited = new Promise<{ exitCode: number | null; error?: Error }>((resolve) => {
    holder.once("exit", (code) => resolve({ exitCode: code }));
    holder.once("error", (error) => resolve({ exitCode: null, error }));
  });
  const lines = createInterface({ input: holder.stdout! });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let ready: () => void = () => undefined;
  const readied = new Promise<{ ready: true }>((resolve) => (ready = () => resolve({ ready: true })));
  lines.on("line", (line) => {
    const message = JSON.parse(line) as { ready?: boolean; id?: number; result?: unknown; error?: string };
    if (message.ready) return ready();
    const waiting = pending.get(message.id ?? -1);
    if (!waiting) return;
    pending.delete(message.id!);
    if (message.error !== undefined) waiting.reject(new Error(`full-disk-store: ${message.error}`));
    else waiting.resolve(message.result);
  });
  void exited.then(() => {
    for (const waiting of pending.values())
      waiting.reject(new Error("full-disk-store: the namespace holder ended"));
    pending.clear();
  });

  const first = await Promise.race([readied, exited]);
  if (!("ready" in first)) {
    killGroup();
    const reason = first.error?.message ?? (stderr.trim() || `unshare exited with ${first.exitCode}`);
    throw mountError(directory, sizeKb, reason);
  }
  holder.stderr!.off("data", collect);
  holder.stderr!.pipe(process.stderr);

  let nextId = 1;
  const request = (op: string, target: string) =>
    new Promise<unknown>((resolve, reject) => {
      if (holder.exitCode !== null || holder.signalCode !== null)
        return reject(new Error("full-disk-store: the namespace holder ended"));
      const id = nextId++;
      pending.set(id, { resolve, reject });
      holder.stdin!.write(`${JSON.stringify({ id, op, path: target })}\n`);
    });

  return {
    mkdir: async (target) => void (await request("mkdir", target)),
    fill: async (file) => void (await request("fill", file)),
    free: async (file) => void (await request("free", file)),
    count: async (target) => (await request("count", target)) as number,
    server: {
      command: "nsenter",
      args: [
        "-t",
        String(holder.pid),
        "--user",
        "--mount",
        "--preserve-credentials",
        `--wd=${PROJECT_ROOT}`,
        "--",
        process.execPath,
        SERVER_SCRIPT,
      ],
    },
    async close() {
      // Closing stdin lets the holder unmount and end; its process group goes in any case.
      holder.stdin!.end();
      const timer = setTimeout(killGroup, 5_000);
      await exited;
      clearTimeout(timer);
      killGroup();
      lines.close();
    },
  };
}

/**
 * Writes until the disk refuses, in smaller and smaller pieces, so not one page is left. (With a
 * few pages left, s3rver 3.7.1 could answer 200 for an object whose bytes did not fit: it answers
 * once the metadata is written, without waiting for the bytes' own file. A full disk makes both
 * writes fail, and the put is answered 500 InternalError, as a real store would.)
 */
export async function fillDisk(file: string) {
  const handle = await open(file, "a");
  try {
    for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          await handle.write(chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === "ENOSPC") break;
          throw error;
        }
      }
    }
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Objects s3rver holds as stored: the bytes and their metadata. A put refused for a full disk
 * leaves its partly written bytes behind without metadata (s3rver's own leftover, which it does
 * not serve); those are not counted.
 */
export async function countObjects(directory: string): Promise<number> {
  const names = new Set<string>();
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) names.add(path.join(entry.parentPath, entry.name));
  }
  let count = 0;
  for (const name of names) {
    if (name.endsWith("._S3rver_object") && names.has(name.replace(/_object$/, "_metadata.json"))) count += 1;
  }
  return count;
}

export async function startFullDiskStore(options: FullDiskStoreOptions = {}): Promise<FullDiskStore> {
  const sizeKb = options.sizeKb ?? 8192;
  const bucket = options.bucket ?? "ccus-uploads";
  const root = await mkdtemp(path.join(os.tmpdir(), "ccus-full-disk-"));
  const directory = path.join(root, "disk");
  await mkdir(directory);
  let disk: Disk;
  try {
    disk =
      process.getuid?.() === 0 ? await hostDisk(directory, sizeKb) : await namespaceDisk(directory, sizeKb);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const serverDirectory = path.join(directory, "s3");
  const filler = path.join(directory, FILLER);

  let child: ChildProcess | null = null;
  let port = 0;

  async function start() {
    if (child) return;
    const started = spawn(disk.server.command, disk.server.args, {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        S3RVER_DIRECTORY: serverDirectory,
        S3RVER_PORT: String(port),
        S3RVER_BUCKET: bucket,
        S3RVER_EXIT_WITH_PARENT: "on",
      },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines = createInterface({ input: started.stdout! });
    const exited = once(started, "exit").then(([code]) => ({ exitCode: code as number | null }));
    const listening = (async () => {
      for await (const line of lines) {
        const parsed = JSON.parse(line) as { port?: number };
        if (parsed.port) return { port: parsed.port };
      }
      return { port: 0 };
    })();
    const first = await Promise.race([listening, exited]);
    if (!("port" in first) || first.port === 0) {
      started.kill("SIGKILL");
      throw new Error("full-disk-store: s3rver exited before it listened");
    }
    port = first.port;
    lines.close();
    started.stdout!.resume();
    started.once("exit", () => {
      if (child === started) child = null;
    });
    child = started;
  }

  async function stop() {
    const running = child;
    if (!running) return;
    const exited = once(running, "exit");
    running.kill("SIGTERM");
    const timer = setTimeout(() => running.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
    child = null;
  }

  try {
    await disk.mkdir(serverDirectory);
    await start();
    if (options.full) await disk.fill(filler);
  } catch (error) {
    await stop().catch(() => undefined);
    await disk.close().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const endpoint = `http://127.0.0.1:${port}`;

  return {
    env: {
      FILE_STORAGE: "s3",
      S3_BUCKET: bucket,
      S3_REGION: "ap-northeast-1",
      S3_ENDPOINT: endpoint,
      S3_FORCE_PATH_STYLE: "on",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
    },
    endpoint,
    bucket,
    directory,
    fill: () => disk.fill(filler),
    free: () => disk.free(filler),
    stop,
    start,
    isRunning: () => child !== null,
    objectCount: () => disk.count(serverDirectory),
    async close() {
      await stop();
      await disk.close().catch(() => undefined);
      await rmdir(directory).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
