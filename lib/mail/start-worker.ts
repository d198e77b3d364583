// Starts the outbox worker with the configured transport (used by the server and by
// `npm run mail:worker`).
import { db } from "@/lib/db";
import { getEnv, isProduction } from "@/lib/env";
import { now } from "@/lib/clock";
import { startOutboxWorker } from "@/lib/mail/outbox-worker";
import { createFileMailboxTransport, createSmtpTransport, mailboxDir } from "@/lib/mail/transport";

export function startConfiguredWorker() {
  const env = getEnv();
  if (!env.SMTP_URL) {
    const where = mailboxDir(env.DATA_DIR);
    const note = isProduction() ? " SMTP_URL is not set: nothing reaches real inboxes." : "";
    console.warn(`Mail goes to the local mailbox ${where} (page /dev/mailbox in development).${note}`);
  }
  const transport = env.SMTP_URL
    ? createSmtpTransport(env.SMTP_URL)
    : createFileMailboxTransport(env.DATA_DIR);
  return startOutboxWorker(db, {
    transport,
    mailFrom: env.MAIL_FROM,
    authSecret: env.AUTH_SECRET,
    now,
    intervalMs: env.MAIL_WORKER_INTERVAL_MS,
    onError: (error) =>
      console.error(`outbox worker: ${error instanceof Error ? error.message : String(error)}`),
  });
}
