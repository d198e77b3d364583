// The holder of full-disk-store.ts's own user+mount namespace, for a user who is not root: run as
//   unshare --user --map-root-user --mount --propagation private node --import tsx full-disk-namespace.ts DIR SIZE_KB
// it mounts a SIZE_KB KiB tmpfs on DIR (seen only inside this namespace), prints {"ready":true}, and then
// does what the store asks on stdin, one JSON line each ({"id":1,"op":"fill","path":"…"}; ops: mkdir,
// fill, free, count), answering {"id":1,"result":…} or {"id":1,"error":"…"}. The s3rver process joins the
// namespace with nsenter. When stdin closes (the store closed, or its process ended) it unmounts and
// exits; the namespace and its mount end with the last process in it.
import { execFile } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { countObjects, fillDisk } from "./full-disk-store";

const run = promisify(execFile);
const [directory, sizeKb] = process.argv.slice(2);
if (!directory || !sizeKb) {
  console.error("full-disk-namespace: DIR and SIZE_KB are required");
  process.exit(2);
}

try {
  await run("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=0700`, "tmpfs", directory]);
} catch (error) {
  console.error((error as Error).message.trim());
  process.exit(1);
}

const answer = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);
answer({ ready: true });

async function perform(op: string, target: string): Promise<unknown> {
  switch (op) {
    case "mkdir":
      return void (await mkdir(target));
    case "fill":
      return void (await fillDisk(target));
    case "free":
      return void (await rm(target, { force: true }));
    case "count":
      return countObjects(target);
    default:
      throw new Error(`unknown op ${op}`);
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  const { id, op, path } = JSON.parse(line) as { id: number; op: string; path: string };
  try {
    answer({ id, result: (await perform(op, path)) ?? null });
  } catch (error) {
    answer({ id, error: (error as Error).message });
  }
}
await run("umount", [directory]).catch(() => undefined);
process.exit(0);
