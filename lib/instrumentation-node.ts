// What instrumentation.ts runs in the Node.js server (never in the Edge runtime): the peer-address
// hook, start-up checks that stop the server, and the background workers.
export async function registerNodeServer() {
  // First, before any request is served: the socket's peer address for lib/dal/request-context.ts.
  const { installPeerAddressHook } = await import("@/lib/net/peer-address-hook");
  installPeerAddressHook();
  // SIGTERM under `next start`: readiness 503, workers stop and let go, requests in flight finish
  // (docs/deploy.md). `next dev` keeps Next's own handler.
  const { installGracefulShutdown, registerWorker } = await import("@/lib/lifecycle/graceful-shutdown");
  const { log } = await import("@/lib/log");
  try {
    if (process.env.NODE_ENV === "production") installGracefulShutdown();
  } catch (error) {
    log.error((error as Error).message, { event: "startup.refused" });
    process.exit(1);
  }
  // Test mode only (issue 10): now() follows the clock of the request's test namespace.
  if (process.env.TEST_MODE === "on") {
    const { installNamespaceClock } = await import("@/lib/test-kit/clock");
    installNamespaceClock();
  }
  // A TRUSTED_PROXIES typo stops the start here, rather than failing every request.
  const { parseTrustedProxies } = await import("@/lib/net/client-address");
  try {
    parseTrustedProxies(process.env.TRUSTED_PROXIES);
  } catch (error) {
    log.error((error as Error).message, { event: "startup.refused" });
    process.exit(1);
  }
  // Test mode (issue 10): refuse bad settings (the server stops) and say loudly that it is on.
  const { checkTestModeAtStartup } = await import("@/lib/env");
  const testMode = checkTestModeAtStartup(process.env);
  if (!testMode.ok) {
    log.error(testMode.message, { event: "startup.refused" });
    process.exit(1);
  }
  if (testMode.warning) log.warn(testMode.warning);
  // FILE_STORAGE and the S3_* settings (lib/files/storage-settings.ts): a mistake stops the start.
  const { chooseFileStorage } = await import("@/lib/files/storage-settings");
  const storage = chooseFileStorage(process.env);
  if (!storage.ok) {
    log.error(storage.message, { event: "startup.refused" });
    process.exit(1);
  }
  // The consent texts of data/consents are published before the first request, so a fresh
  // database has every current version at once, whichever instance or page comes first. A
  // database that is not reachable yet is not fatal: the first consent page publishes them.
  const { ensurePublished } = await import("@/lib/consents/consent-documents");
  await ensurePublished().catch((error: unknown) =>
    log.error("consent documents not published at start-up", { error: (error as Error).message }),
  );
  const marker = globalThis as unknown as { outboxWorkerStarted?: boolean; bulkIssueWorkerStarted?: boolean };
  if (!marker.bulkIssueWorkerStarted) {
    marker.bulkIssueWorkerStarted = true;
    const { startConfiguredBulkIssueWorker } = await import("@/lib/bulk-issue/worker");
    registerWorker({ name: "bulk issuance worker", ...startConfiguredBulkIssueWorker() });
  }
  // Payment (issue 12): the sandbox provider delivers its webhooks, when it is the provider.
  const sandbox = globalThis as unknown as { paymentSandboxWorkerStarted?: boolean };
  const { isSandboxProvider } = await import("@/lib/payments/sandbox/config");
  if (isSandboxProvider() && !sandbox.paymentSandboxWorkerStarted) {
    sandbox.paymentSandboxWorkerStarted = true;
    const { startConfiguredSandboxWebhookWorker } = await import("@/lib/payments/sandbox/webhook-worker");
    // No signing secret (PAYMENT_WEBHOOK_SECRET in production) stops the start here.
    try {
      registerWorker({ name: "payment sandbox webhook worker", ...startConfiguredSandboxWebhookWorker() });
    } catch (error) {
      log.error((error as Error).message, { event: "startup.refused" });
      process.exit(1);
    }
  }
  // Payment (issue 12): reconciliation with the provider, fee expiry and reminders.
  const payments = globalThis as unknown as { paymentWorkerStarted?: boolean };
  if (!payments.paymentWorkerStarted) {
    payments.paymentWorkerStarted = true;
    const { startPaymentWorker } = await import("@/lib/payments/worker");
    registerWorker({ name: "payment worker", ...startPaymentWorker() });
  }
  if (process.env.MAIL_WORKER === "off" || marker.outboxWorkerStarted) return;
  marker.outboxWorkerStarted = true;
  const { startConfiguredWorker } = await import("@/lib/mail/start-worker");
  registerWorker({ name: "outbox worker", ...startConfiguredWorker() });
}
