// The program of a hash pool child (lib/auth/hash-pool/hash-pool.ts), run as `node -e SOURCE nice`.
// It is kept as text so that no bundler rewrites its require("bcrypt").
//
// First it lowers the priority of each of its threads (on Linux niceness belongs to a thread, and
// threads started later inherit the value of the thread that starts them), then it answers one
// request at a time with bcrypt.hashSync: the hash runs on this main thread, whose priority was
// lowered, not on libuv's threadpool. When the IPC channel closes (the server stopped or died)
// it exits.

export interface HashRequest {
  id: number;
  password: string;
  cost: number;
}

export interface HashReply {
  id: number;
  hash?: string;
  error?: string;
}

export const HASH_CHILD_SOURCE = String.raw`
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const nice = Number(process.argv[1]);
let threads = [0];
try {
  threads = fs.readdirSync("/proc/self/task").map(Number);
} catch {
  // Not Linux: the process's priority is one value.
}
for (const thread of threads) {
  try {
    os.setPriority(thread, nice);
  } catch {
    // A thread that has ended since it was listed.
  }
}
const bcrypt = require("bcrypt");
process.on("disconnect", () => process.exit(0));
process.on("message", (request) => {
  let reply;
  try {
    reply = { id: request.id, hash: bcrypt.hashSync(request.password, request.cost) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  if (process.connected) process.send(reply);
  else process.exit(0);
});
`;
