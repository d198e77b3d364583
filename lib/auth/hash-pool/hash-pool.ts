// bcrypt hashing in child processes at a low OS priority (nice 19 by default), one per core: the
// bulk issuance worker's hashes use every core when nothing else wants it, and a request that
// needs the CPU gets it at once (the kernel gives a nice 0 thread about 68 times the share of a
// nice 19 one). Login verification stays in the server process (lib/auth/password-hash.ts).
//
// Children start when work arrives and stop after idleMs without any, so a server that issues
// nothing in bulk keeps its memory. A child that dies with a hash under way is replaced and the
// hash is tried again (maxAttempts in all). A child exits when its IPC channel closes, so none
// outlives the server even after a SIGKILL; stop() ends them all.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { HASH_CHILD_SOURCE, type HashReply, type HashRequest } from "@/lib/auth/hash-pool/hash-child";

export interface HashPoolOptions {
  /** Child processes (default: the cores, os.availableParallelism()). */
  size?: number;
  /** Their niceness (default 19, the lowest priority). */
  nice?: number;
  /** Times one hash is tried when its child dies under it (default 3). */
  maxAttempts?: number;
  /** Children exit after this long without work (default 30 s); the next hash starts them again. */
  idleMs?: number;
  /** A child that exited while it had a hash to do (it is replaced). */
  onChildLost?: (info: { pid: number | undefined; code: number | null; signal: string | null }) => void;
}

export interface HashPool {
  readonly size: number;
  hash(password: string, cost: number): Promise<string>;
  /** The running children's process ids. */
  pids(): number[];
  /** Ends every child and refuses further work; hashes not finished are rejected. */
  stop(): Promise<void>;
}

export class HashPoolStoppedError extends Error {
  constructor() {
    super("the hash pool has been stopped");
    this.name = "HashPoolStoppedError";
  }
}

interface Task extends HashRequest {
  attempts: number;
  resolve(hash: string): void;
  reject(error: Error): void;
}

interface Child {
  process: ChildProcess;
  task?: Task;
  /** Told to exit: given no more work. */
  retiring?: boolean;
  exited: Promise<void>;
}

/** What a child needs of the environment: nothing of the server's secrets. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV };
  for (const key of ["PATH", "LD_LIBRARY_PATH"]) {
    const value = process.env[key];
    if (value) env[key] = value;
  }
  return env;
}

export function createHashPool(options: HashPoolOptions = {}): HashPool {
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const nice = options.nice ?? 19;
  const maxAttempts = options.maxAttempts ?? 3;
  const idleMs = options.idleMs ?? 30_000;
  const queue: Task[] = [];
  const children = new Set<Child>();
  let nextId = 1;
  let stopped = false;
  let idleTimer: NodeJS.Timeout | undefined;

  const startChild = (): Child => {
    // `node -e`: the child's program is a string, so no bundler rewrites its require of bcrypt
    // (resolved from the working directory's node_modules, as the server's own is).
    const child = spawn(process.execPath, ["-e", HASH_CHILD_SOURCE, String(nice)], {
      cwd: process.cwd(),
      env: childEnv(),
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let markExited = () => {};
    const entry: Child = { process: child, exited: new Promise((resolve) => (markExited = resolve)) };
    children.add(entry);
    let gone = false;
    const onGone = (code: number | null, signal: string | null) => {
      if (gone) return;
      gone = true;
      children.delete(entry);
      markExited();
      const task = entry.task;
      entry.task = undefined;
      if (task) {
        if (!stopped) options.onChildLost?.({ pid: child.pid, code, signal });
        if (stopped) task.reject(new HashPoolStoppedError());
        else if (task.attempts >= maxAttempts)
          task.reject(new Error(`bcrypt child process exited (${signal ?? code}) ${task.attempts} times`));
        else queue.unshift(task);
      }
      pump();
    };
    child.once("exit", onGone);
    // Spawning failed (no 'exit' follows).
    child.once("error", () => onGone(null, null));
    child.on("message", (message) => {
      const reply = message as HashReply;
      const task = entry.task;
      if (!task || reply.id !== task.id) return;
      entry.task = undefined;
      if (reply.hash !== undefined) task.resolve(reply.hash);
      else task.reject(new Error(`bcrypt: ${reply.error ?? "no hash"}`));
      pump();
    });
    return entry;
  };

  /** An idle child does not keep the parent's event loop alive; a busy one does. */
  const holdLoop = (entry: Child, hold: boolean) => {
    if (hold) {
      entry.process.ref();
      entry.process.channel?.ref();
    } else {
      entry.process.unref();
      entry.process.channel?.unref();
    }
  };

  const assign = (entry: Child, task: Task) => {
    entry.task = task;
    task.attempts += 1;
    holdLoop(entry, true);
    const request: HashRequest = { id: task.id, password: task.password, cost: task.cost };
    // A send that fails means the child is gone: its exit puts the task back.
    entry.process.send(request, (error) => {
      if (error) entry.process.kill("SIGKILL");
    });
  };

  const stopChild = (entry: Child, signal: NodeJS.Signals = "SIGTERM") => {
    entry.retiring = true;
    if (entry.process.exitCode === null && entry.process.signalCode === null) entry.process.kill(signal);
    return entry.exited;
  };

  function pump() {
    if (stopped) return;
    for (const entry of children) {
      if (entry.task || entry.retiring) continue;
      const task = queue.shift();
      if (task) assign(entry, task);
      else holdLoop(entry, false);
    }
    while (queue.length > 0 && children.size < size) {
      const task = queue.shift();
      if (task) assign(startChild(), task);
    }
    clearTimeout(idleTimer);
    const busy = [...children].some((entry) => entry.task);
    if (!busy && children.size > 0) {
      idleTimer = setTimeout(() => {
        for (const entry of children) if (!entry.task) void stopChild(entry);
      }, idleMs);
      idleTimer.unref();
    }
  }

  return {
    size,
    hash(password, cost) {
      if (stopped) return Promise.reject(new HashPoolStoppedError());
      return new Promise<string>((resolve, reject) => {
        queue.push({ id: nextId++, password, cost, attempts: 0, resolve, reject });
        pump();
      });
    },
    pids: () => [...children].flatMap((entry) => (entry.process.pid ? [entry.process.pid] : [])),
    async stop() {
      stopped = true;
      clearTimeout(idleTimer);
      for (const task of queue.splice(0)) task.reject(new HashPoolStoppedError());
      // SIGTERM ends a child at once (it has no handler), even in the middle of a hash.
      await Promise.all(
        [...children].map(async (entry) => {
          const killLater = setTimeout(() => void stopChild(entry, "SIGKILL"), 5_000);
          await stopChild(entry);
          clearTimeout(killLater);
        }),
      );
    },
  };
}
