// An S3-compatible upload store whose disk can be filled and freed on demand: s3rver (dev
// dependency) in its own process, its folder on a tiny tmpfs. For the faults benchmark's "disk
// full on the upload store" (scripts/bench/faults.ts) and the storage tests
// (tests/integration/s3-storage.integration.test.ts). Needs root (or CAP_SYS_ADMIN) to mount the
// tmpfs; CI runs as root.
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
  /** The tmpfs mount point (s3rver's folder). */
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
const FILLER = ".filler";

async function mountTmpfs(directory: string, sizeKb: number) {
  try {
    await run("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=0700`, "tmpfs", directory]);
  } catch (error) {
    throw new Error(
      `full-disk-store: could not mount a ${sizeKb} KiB tmpfs on ${directory} (needs root or CAP_SYS_ADMIN): ${(error as Error).message}`,
    );
  }
}

/**
 * Writes until the disk refuses, in smaller and smaller pieces, so not one page is left. (With a
 * few pages left, s3rver 3.7.1 could answer 200 for an object whose bytes did not fit: it answers
 * once the metadata is written, without waiting for the bytes' own file. A full disk makes both
 * writes fail, and the put is answered 500 InternalError, as a real store would.)
 */
async function fillDisk(file: string) {
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
async function countObjects(directory: string): Promise<number> {
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
  await mountTmpfs(directory, sizeKb);
  const serverDirectory = path.join(directory, "s3");
  await mkdir(serverDirectory);
  const filler = path.join(directory, FILLER);

  let child: ChildProcess | null = null;
  let port = 0;

  async function start() {
    if (child) return;
    const started = spawn(process.execPath, [SERVER_SCRIPT], {
      cwd: path.resolve(import.meta.dirname, "../../.."),
      env: {
        ...process.env,
        S3RVER_DIRECTORY: serverDirectory,
        S3RVER_PORT: String(port),
        S3RVER_BUCKET: bucket,
      },
      stdio: ["ignore", "pipe", "inherit"],
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
    await start();
    if (options.full) await fillDisk(filler);
  } catch (error) {
    await stop().catch(() => undefined);
    await run("umount", [directory]).catch(() => undefined);
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
    fill: () => fillDisk(filler),
    free: () => rm(filler, { force: true }),
    stop,
    start,
    isRunning: () => child !== null,
    objectCount: () => countObjects(serverDirectory),
    async close() {
      await stop();
      await run("umount", [directory]).catch(() => undefined);
      await rmdir(directory).catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
}
