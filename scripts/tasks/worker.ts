// `npm run mail:worker`: the outbox worker as its own process. It never falls back to the file
// mailbox by itself: SMTP_URL, or MAIL_TRANSPORT=file said out loud.
import { startConfiguredWorker } from "@/lib/mail/start-worker";

const worker = startConfiguredWorker({ requireExplicitTransport: true });
console.log("Outbox worker running. Ctrl+C stops it.");
await new Promise<void>((resolve) => {
  process.once("SIGINT", resolve).once("SIGTERM", resolve);
});
// The round under way finishes first: no email is left half-sent (docs/deploy.md, graceful shutdown).
await worker.stop();
process.exit(0);
