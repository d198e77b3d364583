// A server a benchmark starts (the portal's `npm start`, the bare Next.js app): its own process
// group, so it and everything it starts stop together, and its last output for error messages.
// Shared by scripts/bench/pages.ts and scripts/bench/bulk-issue.ts.
import { spawn, type ChildProcess } from "node:child_process";

export interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
}

/** Starts `node argv…` in its own process group, keeping its last 20,000 characters of output. */
export function startServer(
  name: string,
  url: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
): Server {
  let output = "";
  const child = spawn(process.execPath, argv, {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return { name, url, child, output: () => output };
}

/**
 * SIGTERM to the whole group (or, with `launcherOnly`, to the launcher alone, which passes it on
 * and whose graceful shutdown is being measured), then SIGKILL to the group after `killAfterMs`.
 */
export async function stopServer(
  server: Server | undefined,
  options: { launcherOnly?: boolean; killAfterMs?: number } = {},
) {
  const pid = server?.child.pid;
  if (!server || !pid || server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  try {
    process.kill(options.launcherOnly ? pid : -pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }, options.killAfterMs ?? 10_000);
  await exited;
  clearTimeout(timer);
}

/** Waits until GET `pathname` answers 2xx; fails at once if the server exits, or at the deadline. */
export async function waitUntilAnswering(server: Server, pathname: string, deadlineMs = 180_000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (server.child.exitCode !== null) {
      throw new Error(`${server.name} exited ${server.child.exitCode}:\n${server.output()}`);
    }
    try {
      const response = await fetch(new URL(pathname, server.url));
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${server.name} did not answer:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
