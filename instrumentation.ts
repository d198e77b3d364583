// Starts the outbox worker inside the web server (MAIL_WORKER=off when it runs on its own).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.MAIL_WORKER === "off") return;
  const marker = globalThis as unknown as { outboxWorkerStarted?: boolean };
  if (marker.outboxWorkerStarted) return;
  marker.outboxWorkerStarted = true;
  const { startConfiguredWorker } = await import("@/lib/mail/start-worker");
  startConfiguredWorker();
}
