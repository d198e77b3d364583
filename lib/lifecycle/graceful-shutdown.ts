// Graceful shutdown of `next start` on SIGTERM (or SIGINT): readiness answers 503 at once, the
// background workers stop taking work (the bulk issuance job goes back to the queue, so another
// instance takes it over at once, and its hashing processes end), the balancer is given SHUTDOWN_DRAIN_DELAY_MS to notice, then
// the HTTP server stops accepting connections, the requests in flight finish, and the process
// exits — within SHUTDOWN_TIMEOUT_MS, or it exits anyway with code 1.
//
// Next.js's own handler (server.close, then exit) would exit before the workers have let go, so it
// is replaced: scripts/run.ts sets NEXT_MANUAL_SIG_HANDLE, and a handler registered before this one
// (Next's, when started without the launcher) is removed. The HTTP servers are found through
// Node's diagnostics channel, like the peer-address hook.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { isDraining, startDraining } from "@/lib/lifecycle/draining";
import { log, describeError } from "@/lib/log";

export interface StoppableWorker {
  name: string;
  /** Resolves when the worker has finished its current round and released what it held. */
  stop(): void | Promise<void>;
}

export interface ShutdownOptions {
  timeoutMs: number;
  drainDelayMs: number;
  /** Replaced in tests. */
  exit?: (code: number) => void;
}

interface ShutdownState {
  servers: Set<Server>;
  inFlight: Set<ServerResponse>;
  workers: StoppableWorker[];
  started?: Promise<void>;
  options?: ShutdownOptions;
}

const stateKey = Symbol.for("ccus.gracefulShutdown");
type ShutdownGlobal = { [stateKey]?: ShutdownState };

function state(): ShutdownState {
  const global = globalThis as ShutdownGlobal;
  global[stateKey] ??= { servers: new Set(), inFlight: new Set(), workers: [] };
  return global[stateKey];
}

function trackRequest(message: unknown) {
  const { response, server } = message as {
    request?: IncomingMessage;
    response?: ServerResponse;
    server?: Server;
  };
  const current = state();
  if (server) current.servers.add(server);
  if (!response) return;
  // A request that still reaches a draining server (a kept-alive connection) is its last there.
  if (isDraining()) response.setHeader("Connection", "close");
  current.inFlight.add(response);
  const done = () => current.inFlight.delete(response);
  response.once("finish", done);
  response.once("close", done);
}

/** Requests being answered right now (the shutdown waits for them). */
export function requestsInFlight(): number {
  return state().inFlight.size;
}

/** A worker that the shutdown stops (registered by lib/instrumentation-node.ts). */
export function registerWorker(worker: StoppableWorker): void {
  state().workers.push(worker);
}

function readMs(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value.trim() === "") return fallback;
  if (!/^\d+$/.test(value.trim())) {
    throw new Error(
      `${name}=${value} はミリ秒の整数ではないので、${fallback} のような値にするか、設定を外してください。`,
    );
  }
  return Number(value.trim());
}

/** SHUTDOWN_TIMEOUT_MS (default 25 s, below the 30 s most supervisors wait before SIGKILL) and SHUTDOWN_DRAIN_DELAY_MS (default 0). */
export function shutdownOptionsFromEnv(): ShutdownOptions {
  return {
    timeoutMs: readMs("SHUTDOWN_TIMEOUT_MS", 25_000),
    drainDelayMs: readMs("SHUTDOWN_DRAIN_DELAY_MS", 0),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the requests in flight, closing each kept-alive connection as soon as it is idle. */
async function waitForRequests(current: ShutdownState, deadline: number) {
  for (;;) {
    for (const server of current.servers) server.closeIdleConnections();
    if (current.inFlight.size === 0 || Date.now() >= deadline) return;
    await sleep(50);
  }
}

/** Runs the shutdown once; later calls (a second signal) wait for the same one. */
export function shutdown(reason: string): Promise<void> {
  const current = state();
  current.started ??= (async () => {
    const options = current.options ?? shutdownOptionsFromEnv();
    const exitProcess = options.exit ?? ((code: number) => process.exit(code));
    let exited = false;
    const exit = (code: number) => {
      if (exited) return;
      exited = true;
      exitProcess(code);
    };
    const startedAt = Date.now();
    const deadline = startedAt + options.timeoutMs;
    const hardStop = setTimeout(() => {
      log.error("shutdown: timed out, exiting with requests or workers unfinished", {
        event: "shutdown.timeout",
        inFlight: current.inFlight.size,
        timeoutMs: options.timeoutMs,
      });
      exit(1);
    }, options.timeoutMs);
    hardStop.unref();

    startDraining();
    log.info("shutdown: draining (readiness answers 503)", {
      event: "shutdown.start",
      reason,
      inFlight: current.inFlight.size,
    });
    // Workers first: a bulk issuance job is handed back to the queue while the others still run.
    await Promise.all(
      current.workers.map(async (worker) => {
        try {
          await worker.stop();
          log.info(`shutdown: ${worker.name} stopped`, {
            event: "shutdown.worker-stopped",
            worker: worker.name,
          });
        } catch (error) {
          log.error(`shutdown: ${worker.name} did not stop cleanly`, {
            worker: worker.name,
            error: describeError(error),
          });
        }
      }),
    );
    if (options.drainDelayMs > 0)
      await sleep(Math.min(options.drainDelayMs, Math.max(0, deadline - Date.now())));
    // No new connections; kept-alive ones are closed as soon as they have no request in flight.
    for (const server of current.servers) server.close();
    await waitForRequests(current, deadline);
    clearTimeout(hardStop);
    const unfinished = current.inFlight.size;
    log.info("shutdown: done", {
      event: "shutdown.done",
      ms: Date.now() - startedAt,
      unfinishedRequests: unfinished,
    });
    exit(unfinished === 0 ? 0 : 1);
  })();
  return current.started;
}

/**
 * Installs the request tracking and the SIGTERM/SIGINT handler (once per process). Handlers that
 * were registered before (Next's own when NEXT_MANUAL_SIG_HANDLE is not set) are removed.
 */
export function installGracefulShutdown(options: ShutdownOptions = shutdownOptionsFromEnv()): void {
  const current = state();
  if (current.options) return;
  current.options = options;
  subscribe("http.server.request.start", trackRequest);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (!process.env.NEXT_MANUAL_SIG_HANDLE) process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

/** For tests only: forgets servers, requests, workers and a finished shutdown. */
export function resetGracefulShutdownForTests(options?: ShutdownOptions): void {
  const current = state();
  current.servers.clear();
  current.inFlight.clear();
  current.workers = [];
  current.started = undefined;
  current.options = options;
}

/** For tests only: tracks requests of a server without the signal handlers. */
export function trackRequestsForTests(): void {
  subscribe("http.server.request.start", trackRequest);
}
