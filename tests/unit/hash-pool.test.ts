// The bulk issuance worker's hash pool (lib/auth/hash-pool): its hashes verify with bcrypt, every
// thread of its children runs at nice 19, it runs no more children than its size, a child that dies
// under a hash is replaced and the hash done again, stop() ends every child, an idle pool lets its
// children go, and a child whose parent dies (SIGKILL) exits by itself.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import bcrypt from "bcrypt";
import { afterEach, describe, expect, it } from "vitest";
import { HASH_CHILD_SOURCE } from "@/lib/auth/hash-pool/hash-child";
import { createHashPool, HashPoolStoppedError, type HashPool } from "@/lib/auth/hash-pool/hash-pool";

const pools: HashPool[] = [];
const poolOf = (...args: Parameters<typeof createHashPool>) => {
  const pool = createHashPool(...args);
  pools.push(pool);
  return pool;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.stop()));
});

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The nice value of each thread of a process (field 19 of /proc/<pid>/task/<tid>/stat). */
function threadNiceness(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).map((tid) => {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    // The fields after the command name, which is in parentheses: state is field 3, nice field 19.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[16]);
  });
}

const waitUntil = async (condition: () => boolean, timeoutMs = 5_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("createHashPool", () => {
  it("hashes with bcrypt at the given cost: the hash verifies, a wrong password does not", async () => {
    const pool = poolOf({ size: 2 });
    const [first, second] = await Promise.all([pool.hash("Aa3!first-pw", 4), pool.hash("Bb4?second-pw", 5)]);
    expect(first).toMatch(/^\$2b\$04\$/);
    expect(second).toMatch(/^\$2b\$05\$/);
    expect(await bcrypt.compare("Aa3!first-pw", first!)).toBe(true);
    expect(await bcrypt.compare("Aa3!first-pw", second!)).toBe(false);
    expect(await bcrypt.compare("Bb4?second-pw", second!)).toBe(true);
  });

  it("runs at most `size` children, every thread of each at nice 19", async () => {
    const pool = poolOf({ size: 2 });
    const hashes = Array.from({ length: 6 }, (_, i) => pool.hash(`Password-${i}!`, 8));
    const pids = pool.pids();
    expect(pids).toHaveLength(2);
    await Promise.all(hashes);
    for (const pid of pids) {
      expect(os.getPriority(pid)).toBe(19);
      const niceness = threadNiceness(pid);
      expect(niceness.length).toBeGreaterThan(1);
      expect(new Set(niceness)).toEqual(new Set([19]));
    }
    expect(pool.pids().sort()).toEqual([...pids].sort());
  });

  it("defaults to one child per core", () => {
    expect(createHashPool().size).toBe(os.availableParallelism());
  });

  it("replaces a child that dies under a hash and does the hash again", async () => {
    const lost: (number | undefined)[] = [];
    const pool = poolOf({ size: 1, onChildLost: ({ pid }) => lost.push(pid) });
    const hashing = pool.hash("Survives-a-crash-1", 13);
    const [first] = pool.pids();
    expect(first).toBeDefined();
    // Killed in the middle of the hash (the child starts in well under 300 ms; cost 13 takes longer).
    await new Promise((resolve) => setTimeout(resolve, 300));
    process.kill(first!, "SIGKILL");
    const hash = await hashing;
    expect(await bcrypt.compare("Survives-a-crash-1", hash)).toBe(true);
    expect(lost).toEqual([first]);
    expect(isAlive(first!)).toBe(false);
    expect(pool.pids()).toHaveLength(1);
    expect(pool.pids()[0]).not.toBe(first);
  });

  it("gives up on a hash whose child died maxAttempts times", async () => {
    const pool = poolOf({ size: 1, maxAttempts: 1 });
    const hashing = pool.hash("Never-finished-1", 10);
    process.kill(pool.pids()[0]!, "SIGKILL");
    await expect(hashing).rejects.toThrow(/exited \(SIGKILL\) 1 times/);
    // The pool itself goes on.
    expect(await bcrypt.compare("Next-one-works-1", await pool.hash("Next-one-works-1", 4))).toBe(true);
  });

  it("stop() ends every child, rejects the hashes not done and refuses new ones", async () => {
    const pool = poolOf({ size: 2 });
    const hashes = Array.from({ length: 4 }, (_, i) => pool.hash(`Stopped-${i}!aA`, 12));
    const settled = Promise.allSettled(hashes);
    const pids = pool.pids();
    expect(pids).toHaveLength(2);
    await pool.stop();
    for (const pid of pids) expect(isAlive(pid)).toBe(false);
    expect(pool.pids()).toEqual([]);
    for (const result of await settled) {
      expect(result.status).toBe("rejected");
      if (result.status === "rejected") expect(result.reason).toBeInstanceOf(HashPoolStoppedError);
    }
    await expect(pool.hash("After-stop-1!", 4)).rejects.toBeInstanceOf(HashPoolStoppedError);
  });

  it("lets its children go after idleMs without work, and starts them again for the next hash", async () => {
    const pool = poolOf({ size: 2, idleMs: 100 });
    await Promise.all([pool.hash("Idle-one-1!", 4), pool.hash("Idle-two-2!", 4)]);
    const pids = pool.pids();
    expect(pids).toHaveLength(2);
    await waitUntil(() => pool.pids().length === 0 && pids.every((pid) => !isAlive(pid)));
    expect(await bcrypt.compare("Back-again-3!", await pool.hash("Back-again-3!", 4))).toBe(true);
  });
});

describe("a hash pool child", () => {
  it("exits when its parent is killed (its IPC channel closes)", async () => {
    // A parent that starts one child as the pool does, prints its pid, then waits to be killed.
    const parentSource = `
      const { spawn } = require("node:child_process");
      const child = spawn(process.execPath, ["-e", process.env.CHILD_SOURCE, "19"], {
        stdio: ["ignore", "inherit", "inherit", "ipc"],
      });
      child.on("message", () => console.log(child.pid));
      child.send({ id: 1, password: "Orphan-check-1", cost: 4 });
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ["-e", parentSource], {
      cwd: process.cwd(),
      env: { ...process.env, CHILD_SOURCE: HASH_CHILD_SOURCE },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const childPid = await new Promise<number>((resolve) =>
      parent.stdout.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    expect(isAlive(childPid)).toBe(true);
    parent.kill("SIGKILL");
    await waitUntil(() => !isAlive(childPid));
  });
});
