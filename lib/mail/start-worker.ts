// Starts the outbox worker with the configured transport (used by the server and by
// `npm run mail:worker`).
import { db } from "@/lib/db";
import { chooseMailTransport, getEnv, isProduction } from "@/lib/env";
import { now } from "@/lib/clock";
import { startOutboxWorker } from "@/lib/mail/outbox-worker";
import { log } from "@/lib/log";
import { createFileMailboxTransport, createSmtpTransport, mailboxDir } from "@/lib/mail/transport";

/**
 * `requireExplicitTransport`: refuse the file mailbox unless MAIL_TRANSPORT=file chose it. Always
 * so in production (a server started with `next start` directly, past the launcher's check).
 */
export function startConfiguredWorker({ requireExplicitTransport = false } = {}) {
  const env = getEnv();
  const chosen = chooseMailTransport(process.env, {
    requireExplicit: requireExplicitTransport || isProduction(),
  });
  if (!chosen.ok) throw new Error(chosen.message);
  if (chosen.choice.kind === "file") {
    const where = mailboxDir(env.DATA_DIR);
    log.warn(
      `送信メールは SMTP で送らず ${where} にファイルで保存します（申請用パスワードも平文で残ります）。` +
        (isProduction() ? "" : "開発サーバーでは /dev/mailbox で読めます。"),
    );
  }
  const transport =
    chosen.choice.kind === "smtp"
      ? createSmtpTransport(chosen.choice.url)
      : createFileMailboxTransport(env.DATA_DIR);
  return startOutboxWorker(db, {
    transport,
    mailFrom: env.MAIL_FROM,
    authSecret: env.AUTH_SECRET,
    now,
    intervalMs: env.MAIL_WORKER_INTERVAL_MS,
    leaseMs: env.OUTBOX_LEASE_MS,
    onError: (error) =>
      log.error("outbox worker: round failed", {
        worker: "outbox",
        error: error instanceof Error ? error.message : String(error),
      }),
  });
}
