// The `npm start` server (started by scripts/run.ts): Next.js's request handler behind Node's own
// HTTP server, so that one instance takes on only what it can finish (lib/lifecycle/admission.ts,
// docs/deploy.md, Overload). Under a load it cannot keep up with, `next start` kept every request
// it was sent and every render of a client that had given up, until the heap ran out and the
// process aborted (docs/performance.md). Here at most MAX_CONCURRENT_REQUESTS are answered at once,
// MAX_QUEUED_REQUESTS wait, a waiting request whose client has gone is dropped unrendered, and the
// rest get a 503 with Retry-After at once: the plain page that proxy.ts answers while the
// database is unavailable (in the applicant's language, with the Japanese below it). The health probes are never held back, so the balancer still sees the
// instance alive, and when it is full, busy rather than dead.
//   PORT and KEEP_ALIVE_TIMEOUT_MS as `next start -p --keepAliveTimeout`; it listens on every address,
//   as `next start` does (not on HOSTNAME, which containers set to their own name).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import {
  admissionOptionsFromEnv,
  createAdmissionGate,
  type AdmissionStats,
} from "../lib/lifecycle/admission";
import {
  localeOfIncomingRequest,
  renderDatabaseUnavailablePage,
  unavailableHeaders,
} from "../lib/maintenance-page";
import { buildContentSecurityPolicy, staticSecurityHeaders } from "../lib/security-headers";
import { strictTransportSecurityFor } from "../lib/net/app-url";
import { isTrustedPeer, parseTrustedProxies } from "../lib/net/client-address";
import { chooseRequestId } from "../lib/net/request-id";
import { log, REQUEST_ID_HEADER } from "../lib/log";

/** What an overloaded instance asks a client to wait before it tries again. */
const OVERLOAD_RETRY_AFTER_SECONDS = 5;

/**
 * Answered whatever the load: the probes (docs/deploy.md, Health), the build's static files, and
 * requests with a body (server actions, uploads, route-handler posts). The bound is for page
 * renders (GET/HEAD), what the out-of-memory abort was made of; a post's place would be held while
 * its body trickles in from a phone, or by a client that gave up on a half-sent body (the e2e
 * fuzz's malformed posts held all four places for 30 s and a waiting request was refused).
 */
function bypassesAdmission(request: IncomingMessage): boolean {
  const url = request.url ?? "";
  return (
    (request.method !== "GET" && request.method !== "HEAD") ||
    url.startsWith("/_next/static/") ||
    ["/api/live", "/api/ready", "/api/health"].includes(url.split("?")[0] ?? "")
  );
}

function refuseOverloaded(request: IncomingMessage, response: ServerResponse) {
  if (response.headersSent || response.destroyed) return;
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
  const sentId = request.headers[REQUEST_ID_HEADER];
  const requestId = chooseRequestId(
    typeof sentId === "string" ? sentId : null,
    isTrustedPeer(request.socket.remoteAddress, trustedProxies),
  );
  const headers: Record<string, string> = {
    ...unavailableHeaders({
      csp: buildContentSecurityPolicy(nonce, false),
      hsts: strictTransportSecurityFor(process.env.APP_URL ?? ""),
      retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS,
    }),
    ...Object.fromEntries(staticSecurityHeaders.map(({ key, value }) => [key, value])),
    [REQUEST_ID_HEADER]: requestId,
    ...(process.env.INSTANCE_ID ? { "X-Instance": process.env.INSTANCE_ID } : {}),
  };
  response.writeHead(503, headers);
  const locale = localeOfIncomingRequest(request.url ?? "/", request.headers);
  response.end(request.method === "HEAD" ? undefined : renderDatabaseUnavailablePage({ nonce, locale }));
}

/** One log line per 10 s of overload at most, with the counts since the last one. */
function reportOverload(stats: () => AdmissionStats) {
  let last: AdmissionStats | undefined;
  let lastAt = 0;
  return () => {
    if (Date.now() - lastAt < 10_000) return;
    lastAt = Date.now();
    const now = stats();
    log.warn("overloaded: requests refused with 503 (docs/deploy.md, Overload)", {
      event: "overload.refused",
      refused: now.refused - (last?.refused ?? 0),
      timedOut: now.timedOut - (last?.timedOut ?? 0),
      dropped: now.dropped - (last?.dropped ?? 0),
      active: now.active,
      queued: now.queued,
    });
    last = now;
  };
}

/** MEMORY_LOG_INTERVAL_MS (default 0: off): a log line with the process's memory and the gate's counts. */
function logMemoryEvery(intervalMs: number, stats: () => AdmissionStats) {
  if (!Number.isInteger(intervalMs) || intervalMs <= 0) return;
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  setInterval(() => {
    const memory = process.memoryUsage();
    log.info("memory", {
      event: "server.memory",
      rssMb: mb(memory.rss),
      heapUsedMb: mb(memory.heapUsed),
      heapTotalMb: mb(memory.heapTotal),
      ...stats(),
    });
  }, intervalMs).unref();
}

async function main() {
  // As `next start` names its process (ps, and scripts/cluster/cluster.ts finds the server by it).
  process.title = "next-server (ccus)";
  const port = Number(process.env.PORT ?? "3000");
  const admission = admissionOptionsFromEnv();
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const report = reportOverload(() => gate.stats());
  const gate = createAdmissionGate(admission, {
    handle: (request, response) => handle(request, response),
    refuse: (request, response) => {
      refuseOverloaded(request, response);
      report();
    },
    bypass: bypassesAdmission,
  });
  const server = createServer(gate.admit);
  server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? "65000");
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, resolve);
  });
  logMemoryEvery(Number(process.env.MEMORY_LOG_INTERVAL_MS ?? "0"), () => gate.stats());
  console.log(
    `ready on port ${port}: at most ${admission.maxActive} requests at once, ${admission.maxQueued} waiting (${admission.queueTimeoutMs} ms at most)`,
  );
}

await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
