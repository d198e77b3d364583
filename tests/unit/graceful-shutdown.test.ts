// Graceful shutdown (lib/lifecycle/graceful-shutdown.ts) on a real HTTP server: on SIGTERM the
// server says it is draining at once, the workers stop before the server closes, the request in
// flight still gets its whole answer, new connections are refused, and the process exits 0 — or 1
// when a request outlives SHUTDOWN_TIMEOUT_MS.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { isDraining, resetDrainingForTests } from "@/lib/lifecycle/draining";
import {
  registerWorker,
  requestsInFlight,
  resetGracefulShutdownForTests,
  shutdown,
  shutdownOptionsFromEnv,
  trackRequestsForTests,
} from "@/lib/lifecycle/graceful-shutdown";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function startServer(answerAfterMs: number): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    setTimeout(() => response.end(`answered ${request.url}`), answerAfterMs);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function waitForInFlight(count: number) {
  for (let i = 0; i < 200 && requestsInFlight() < count; i += 1) await sleep(10);
  expect(requestsInFlight()).toBe(count);
}

trackRequestsForTests();
let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
  resetDrainingForTests();
  resetGracefulShutdownForTests();
});

describe("shutdown", () => {
  it("drains at once, stops the workers, lets the request in flight finish, then exits 0", async () => {
    const events: string[] = [];
    const exits: number[] = [];
    resetGracefulShutdownForTests({ timeoutMs: 5_000, drainDelayMs: 0, exit: (code) => exits.push(code) });
    const started = await startServer(600);
    server = started.server;
    registerWorker({
      name: "bulk issuance worker",
      stop: async () => {
        await sleep(100);
        events.push("worker stopped");
      },
    });
    const inFlight = fetch(`${started.url}/slow`).then(async (response) => {
      events.push("answered");
      return { status: response.status, body: await response.text() };
    });
    await waitForInFlight(1);

    const done = shutdown("SIGTERM");
    expect(isDraining()).toBe(true);
    await done;

    expect(await inFlight).toEqual({ status: 200, body: "answered /slow" });
    expect(events).toEqual(["worker stopped", "answered"]);
    expect(exits).toEqual([0]);
    expect(server.listening).toBe(false);
    await expect(fetch(`${started.url}/after`)).rejects.toThrow();
  });

  it("a second signal waits for the same shutdown", async () => {
    const exits: number[] = [];
    resetGracefulShutdownForTests({ timeoutMs: 5_000, drainDelayMs: 0, exit: (code) => exits.push(code) });
    let stops = 0;
    registerWorker({ name: "outbox worker", stop: () => void (stops += 1) });
    await Promise.all([shutdown("SIGTERM"), shutdown("SIGINT")]);
    expect(stops).toBe(1);
    expect(exits).toEqual([0]);
  });

  it("exits 1 when a request outlives the timeout", async () => {
    const exits: number[] = [];
    resetGracefulShutdownForTests({ timeoutMs: 300, drainDelayMs: 0, exit: (code) => exits.push(code) });
    const started = await startServer(2_000);
    server = started.server;
    const inFlight = fetch(`${started.url}/too-slow`).catch(() => null);
    await waitForInFlight(1);
    await shutdown("SIGTERM");
    expect(exits[0]).toBe(1);
    server.closeAllConnections();
    await inFlight;
  });
});

describe("shutdownOptionsFromEnv", () => {
  it("defaults to 25 s and no drain delay, and refuses a value that is not milliseconds", () => {
    const saved = { ...process.env };
    try {
      delete process.env.SHUTDOWN_TIMEOUT_MS;
      delete process.env.SHUTDOWN_DRAIN_DELAY_MS;
      expect(shutdownOptionsFromEnv()).toEqual({ timeoutMs: 25_000, drainDelayMs: 0 });
      process.env.SHUTDOWN_DRAIN_DELAY_MS = "5000";
      expect(shutdownOptionsFromEnv().drainDelayMs).toBe(5_000);
      process.env.SHUTDOWN_TIMEOUT_MS = "25s";
      expect(() => shutdownOptionsFromEnv()).toThrow("SHUTDOWN_TIMEOUT_MS=25s");
    } finally {
      process.env = saved;
    }
  });
});
