// How much work one instance takes on at once (issue 14's overload finding, docs/deploy.md,
// Overload): at most `maxActive` requests are answered at a time, at most `maxQueued` more wait in
// line (first come, first served, each at most `queueTimeoutMs`), and anything beyond that is
// refused at once by `refuse` (scripts/server.ts: 503 + Retry-After, the plain Japanese page).
// A waiting request whose client has gone is dropped without ever reaching the handler. A
// request's place is given back only when its handler has settled AND its response has closed, so
// the renders of clients that gave up count too (they held the heap in the out-of-memory abort),
// unless a handler outlives its closed response by `abandonAfterMs`.
// `bypass` requests (the health probes, the build's static files) are never counted nor refused.
import type { IncomingMessage, ServerResponse } from "node:http";

export interface AdmissionOptions {
  maxActive: number;
  maxQueued: number;
  queueTimeoutMs: number;
  /** A handler still running this long after its response closed no longer holds a place. */
  abandonAfterMs?: number;
}

export type Handler = (request: IncomingMessage, response: ServerResponse) => unknown;

export interface AdmissionStats {
  active: number;
  queued: number;
  /** Totals since start. */
  refused: number;
  dropped: number;
  timedOut: number;
}

interface Waiting {
  request: IncomingMessage;
  response: ServerResponse;
  timer: NodeJS.Timeout;
  forget: () => void;
}

/** The client has gone, or something already answered: nothing to render for. */
const isGone = (request: IncomingMessage, response: ServerResponse) =>
  response.writableEnded || response.destroyed || request.socket?.destroyed !== false;

export function createAdmissionGate(
  options: AdmissionOptions,
  handlers: { handle: Handler; refuse: Handler; bypass?: (request: IncomingMessage) => boolean },
) {
  const abandonAfterMs = options.abandonAfterMs ?? 30_000;
  const queue: Waiting[] = [];
  const stats: AdmissionStats = { active: 0, queued: 0, refused: 0, dropped: 0, timedOut: 0 };

  const run = (request: IncomingMessage, response: ServerResponse) => {
    stats.active += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      stats.active -= 1;
      next();
    };
    const closed = new Promise<void>((resolve) => {
      if (response.closed) resolve();
      else response.once("close", () => resolve());
    });
    const settled = Promise.resolve()
      .then(() => handlers.handle(request, response))
      .catch(() => {}); // the handler reports its own errors (Next.js answers 500)
    void Promise.all([settled, closed]).then(release);
    void closed.then(() => {
      const abandon = setTimeout(release, abandonAfterMs);
      abandon.unref();
      void settled.then(() => clearTimeout(abandon));
    });
  };

  const next = () => {
    while (stats.active < options.maxActive && queue.length > 0) {
      const waiting = queue.shift()!;
      stats.queued = queue.length;
      waiting.forget();
      if (isGone(waiting.request, waiting.response)) {
        stats.dropped += 1;
        continue;
      }
      run(waiting.request, waiting.response);
    }
  };

  const enqueue = (request: IncomingMessage, response: ServerResponse) => {
    /** Takes the request out of the line; false when it had already left it. */
    const leave = () => {
      const index = queue.indexOf(waiting);
      if (index === -1) return false;
      queue.splice(index, 1);
      stats.queued = queue.length;
      waiting.forget();
      return true;
    };
    const onClose = () => {
      if (leave()) stats.dropped += 1;
    };
    const timer = setTimeout(() => {
      if (!leave()) return;
      stats.timedOut += 1;
      void handlers.refuse(request, response);
    }, options.queueTimeoutMs);
    const waiting: Waiting = {
      request,
      response,
      timer,
      forget: () => {
        clearTimeout(timer);
        response.off("close", onClose);
      },
    };
    response.once("close", onClose);
    queue.push(waiting);
    stats.queued = queue.length;
  };

  const admit = (request: IncomingMessage, response: ServerResponse) => {
    if (handlers.bypass?.(request)) return void handlers.handle(request, response);
    if (stats.active < options.maxActive) return run(request, response);
    if (queue.length < options.maxQueued) return enqueue(request, response);
    stats.refused += 1;
    return void handlers.refuse(request, response);
  };

  return { admit, stats: (): AdmissionStats => ({ ...stats }) };
}

/** A whole-number setting (at least `min`); a wrong value stops the start with its message. */
function readCount(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
): number {
  const value = env[name]?.trim();
  if (value === undefined || value === "") return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new Error(
      `${name}=${value} は ${min} 以上の整数ではないので、${fallback} のような値にするか、設定を外してください。`,
    );
  }
  return Number(value);
}

/**
 * MAX_CONCURRENT_REQUESTS (default 4), MAX_QUEUED_REQUESTS (default 128; 0: refuse whatever
 * cannot start at once) and QUEUE_TIMEOUT_MS (default 30,000), docs/deploy.md, Overload.
 */
export function admissionOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
): AdmissionOptions {
  return {
    maxActive: readCount(env, "MAX_CONCURRENT_REQUESTS", 4, 1),
    maxQueued: readCount(env, "MAX_QUEUED_REQUESTS", 128, 0),
    queueTimeoutMs: readCount(env, "QUEUE_TIMEOUT_MS", 30_000, 1),
  };
}
