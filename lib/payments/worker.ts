// The payment worker (issue 12): every PAYMENT_WORKER_INTERVAL_MS the server reconciles open
// payments with the provider (a lost webhook), expires unpaid fees past their deadline and sends
// the reminders. One round at a time; errors are logged by kind and message only (no request
// bodies, headers or keys) and the next round tries again.
import "server-only";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { runPaymentUpkeep } from "@/lib/payments/service";

export function startPaymentWorker(intervalMs: number = getEnv().PAYMENT_WORKER_INTERVAL_MS): {
  stop(): void;
} {
  let running = false;
  const round = async () => {
    if (running) return;
    running = true;
    try {
      await runPaymentUpkeep(now());
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      console.error(`payment worker: ${text.slice(0, 300)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void round(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
