// The payment worker (issue 12): every PAYMENT_WORKER_INTERVAL_MS the server reconciles open
// payments with the provider (a lost webhook), expires unpaid fees past their deadline and sends
// the reminders. One round at a time; errors are logged by kind and message only (no request
// bodies, headers or keys) and the next round tries again. Every instance runs one: each step
// locks the fee or payment row and re-checks it, so a reminder or an expiry happens once
// (tests/integration/multi-instance.integration.test.ts).
import "server-only";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { log } from "@/lib/log";
import { runPaymentUpkeep } from "@/lib/payments/service";

export function startPaymentWorker(intervalMs: number = getEnv().PAYMENT_WORKER_INTERVAL_MS): {
  stop(): Promise<void>;
} {
  let current: Promise<void> | undefined;
  const round = async () => {
    try {
      await runPaymentUpkeep(now());
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      log.error("payment worker: round failed", { worker: "payments", error: text.slice(0, 300) });
    }
  };
  const timer = setInterval(() => {
    current ??= round().finally(() => {
      current = undefined;
    });
  }, intervalMs);
  timer.unref();
  return {
    /** Stops the timer; resolves when the round under way has finished. */
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
