// Installs the peer-address hook (lib/net/peer-address-hook.ts), and starts the background
// workers inside the web server: the outbox worker (MAIL_WORKER=off when it runs on its own) and
// the bulk issuance worker. The work lives in lib/instrumentation-node.ts, imported only inside
// this NEXT_RUNTIME check, so the Edge build of this file leaves it out (and its process.exit).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNodeServer } = await import("@/lib/instrumentation-node");
    await registerNodeServer();
  }
}

/**
 * Every error Next.js catches while answering a request (render, route handler, server action,
 * proxy), as one log line with the request id (docs/deploy.md, Logs). Next.js prints its own
 * report too; this one is the line to search by request id. Message only, redacted: no stack.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath?: string; routeType?: string },
) {
  const { log, describeError, REQUEST_ID_HEADER } = await import("@/lib/log");
  const requestId = request.headers[REQUEST_ID_HEADER];
  const kitPath = request.path.toLowerCase().includes("__test__") ? "/__test__/…" : undefined;
  log.error("request failed", {
    event: "request.error",
    requestId: Array.isArray(requestId) ? requestId[0] : requestId,
    method: request.method,
    // The test kit's sign-in addresses carry a one-time ticket: never written.
    path: kitPath ?? request.path.split("?")[0],
    route: context.routePath,
    routeType: context.routeType,
    digest: (error as { digest?: unknown } | null)?.digest,
    error: describeError(error),
  });
}
