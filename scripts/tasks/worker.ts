// `npm run mail:worker`: the outbox worker as its own process.
import { startConfiguredWorker } from "@/lib/mail/start-worker";

const worker = startConfiguredWorker();
console.log("Outbox worker running. Ctrl+C stops it.");
await new Promise<void>((resolve) => {
  process.once("SIGINT", resolve).once("SIGTERM", resolve);
});
worker.stop();
process.exit(0);
