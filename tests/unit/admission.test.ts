// The bound on one instance's work (lib/lifecycle/admission.ts) on a real HTTP server: at most
// maxActive handlers at once, maxQueued waiting, the rest refused at once; a waiting request whose
// client has gone never reaches the handler; a waiting request past its time is refused; a place
// is given back only when the handler has settled, even if its client left earlier; the bypassed
// paths are answered whatever the load.
import { createServer, request as httpRequest, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  admissionOptionsFromEnv,
  createAdmissionGate,
  type AdmissionOptions,
} from "@/lib/lifecycle/admission";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Harness {
  url: string;
  server: Server;
  /** Paths that reached the handler, in order. */
  handled: string[];
  /** Finishes the handler of `path` (its answer: 200). */
  finish(path: string): void;
  gate: ReturnType<typeof createAdmissionGate>;
}

let current: Harness | undefined;
afterEach(async () => {
  const server = current?.server;
  current = undefined;
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A server whose handler holds each request until finish(path); /live bypasses the gate. */
async function start(options: AdmissionOptions): Promise<Harness> {
  const handled: string[] = [];
  const pending = new Map<string, () => void>();
  const gate = createAdmissionGate(options, {
    handle: async (request, response) => {
      const path = request.url ?? "";
      handled.push(path);
      if (path === "/live") return void response.end("live");
      await new Promise<void>((resolve) => pending.set(path, resolve));
      if (!response.destroyed) response.end(`answered ${path}`);
    },
    refuse: (_request, response: ServerResponse) => {
      response.writeHead(503, { "Retry-After": "5" });
      response.end("busy");
    },
    bypass: (request) => request.url === "/live",
  });
  const server = createServer(gate.admit);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  current = {
    url,
    server,
    handled,
    gate,
    finish: (path) => {
      const resolve = pending.get(path);
      if (!resolve) throw new Error(`${path} is not being handled`);
      pending.delete(path);
      resolve();
    },
  };
  return current;
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i += 1) await sleep(10);
  expect(condition()).toBe(true);
}

/** GET on a connection of its own (no keep-alive pool), with a way to hang up before the answer. */
function get(url: string, path: string) {
  const controller = new AbortController();
  const answer = fetch(`${url}${path}`, { signal: controller.signal, headers: { connection: "close" } }).then(
    async (response) => ({
      status: response.status,
      retryAfter: response.headers.get("retry-after"),
      body: await response.text(),
    }),
  );
  return { answer, hangUp: () => controller.abort() };
}

describe("admission gate", () => {
  it("answers maxActive at once, queues maxQueued, refuses the rest with 503 at once", async () => {
    const harness = await start({ maxActive: 2, maxQueued: 2, queueTimeoutMs: 10_000 });
    const requests = ["/a", "/b", "/c", "/d", "/e", "/f", "/g"].map((path) => ({
      path,
      ...get(harness.url, path),
    }));
    // The three beyond 2 + 2 are refused without waiting for anything.
    const refused = await Promise.all(requests.slice(4).map((request) => request.answer));
    expect(refused.map((answer) => [answer.status, answer.retryAfter, answer.body])).toEqual([
      [503, "5", "busy"],
      [503, "5", "busy"],
      [503, "5", "busy"],
    ]);
    expect(harness.handled).toEqual(["/a", "/b"]);
    expect(harness.gate.stats()).toMatchObject({ active: 2, queued: 2, refused: 3 });
    // Full, and the probe still answers.
    expect(await (await fetch(`${harness.url}/live`)).text()).toBe("live");
    // One place frees, the first in line starts.
    harness.finish("/a");
    await until(() => harness.handled.includes("/c"));
    expect(harness.handled).toEqual(["/a", "/b", "/live", "/c"]);
    for (const path of ["/b", "/c"]) harness.finish(path);
    await until(() => harness.handled.includes("/d"));
    harness.finish("/d");
    const answered = await Promise.all(requests.slice(0, 4).map((request) => request.answer));
    expect(answered.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(harness.gate.stats()).toMatchObject({ active: 0, queued: 0, refused: 3, dropped: 0 });
  });

  it("drops a waiting request whose client hung up: its handler never runs", async () => {
    const harness = await start({ maxActive: 1, maxQueued: 2, queueTimeoutMs: 10_000 });
    const first = get(harness.url, "/first");
    await until(() => harness.handled.includes("/first"));
    const gone = get(harness.url, "/gone");
    const kept = get(harness.url, "/kept");
    await until(() => harness.gate.stats().queued === 2);
    gone.hangUp();
    await expect(gone.answer).rejects.toThrow();
    await until(() => harness.gate.stats().queued === 1);
    harness.finish("/first");
    await until(() => harness.handled.includes("/kept"));
    harness.finish("/kept");
    expect((await kept.answer).status).toBe(200);
    expect((await first.answer).status).toBe(200);
    expect(harness.handled).toEqual(["/first", "/kept"]);
    expect(harness.gate.stats()).toMatchObject({ dropped: 1, active: 0, queued: 0 });
  });

  it("drops a waiting request whose connection closed even if no close event reached the queue", async () => {
    // The check made when a place frees: a socket already destroyed is not handed to the handler.
    const harness = await start({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 10_000 });
    const first = get(harness.url, "/first");
    await until(() => harness.handled.includes("/first"));
    const raw = httpRequest(`${harness.url}/raw`, { headers: { connection: "close" } });
    raw.on("error", () => {});
    raw.end();
    await until(() => harness.gate.stats().queued === 1);
    raw.destroy();
    await until(() => harness.gate.stats().dropped === 1);
    harness.finish("/first");
    expect((await first.answer).status).toBe(200);
    await sleep(50);
    expect(harness.handled).toEqual(["/first"]);
  });

  it("refuses a request that waited longer than queueTimeoutMs", async () => {
    const harness = await start({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 150 });
    const first = get(harness.url, "/first");
    await until(() => harness.handled.includes("/first"));
    const started = Date.now();
    const waiting = await get(harness.url, "/waiting").answer;
    expect(waiting.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(harness.gate.stats()).toMatchObject({ timedOut: 1, queued: 0 });
    harness.finish("/first");
    expect((await first.answer).status).toBe(200);
    expect(harness.handled).toEqual(["/first"]);
  });

  it("keeps a place taken while the handler of a client that left still runs", async () => {
    const harness = await start({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 10_000 });
    const left = get(harness.url, "/left");
    await until(() => harness.handled.includes("/left"));
    left.hangUp();
    await expect(left.answer).rejects.toThrow();
    await sleep(50);
    // The render of /left goes on: the next request waits instead of starting beside it.
    const next = get(harness.url, "/next");
    await until(() => harness.gate.stats().queued === 1);
    expect(harness.handled).toEqual(["/left"]);
    harness.finish("/left");
    await until(() => harness.handled.includes("/next"));
    harness.finish("/next");
    expect((await next.answer).status).toBe(200);
  });

  it("gives the place back when a left client's handler outlives abandonAfterMs", async () => {
    const harness = await start({ maxActive: 1, maxQueued: 1, queueTimeoutMs: 10_000, abandonAfterMs: 100 });
    const left = get(harness.url, "/stuck");
    await until(() => harness.handled.includes("/stuck"));
    left.hangUp();
    await expect(left.answer).rejects.toThrow();
    const next = get(harness.url, "/next");
    await until(() => harness.handled.includes("/next"));
    harness.finish("/next");
    expect((await next.answer).status).toBe(200);
    harness.finish("/stuck");
  });
});

describe("admissionOptionsFromEnv", () => {
  it("has defaults and refuses what is not a whole number in range", () => {
    expect(admissionOptionsFromEnv({})).toEqual({ maxActive: 4, maxQueued: 128, queueTimeoutMs: 30_000 });
    expect(
      admissionOptionsFromEnv({
        MAX_CONCURRENT_REQUESTS: "2",
        MAX_QUEUED_REQUESTS: "0",
        QUEUE_TIMEOUT_MS: "500",
      }),
    ).toEqual({ maxActive: 2, maxQueued: 0, queueTimeoutMs: 500 });
    expect(() => admissionOptionsFromEnv({ MAX_CONCURRENT_REQUESTS: "0" })).toThrow(
      /MAX_CONCURRENT_REQUESTS=0/,
    );
    expect(() => admissionOptionsFromEnv({ MAX_QUEUED_REQUESTS: "-1" })).toThrow(/MAX_QUEUED_REQUESTS/);
    expect(() => admissionOptionsFromEnv({ QUEUE_TIMEOUT_MS: "1s" })).toThrow(/QUEUE_TIMEOUT_MS/);
  });
});
