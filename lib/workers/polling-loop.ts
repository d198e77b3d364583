// The polling loop of the background workers (email outbox, payment sandbox webhooks): one round
// at a time, never overlapping; a round repeats at once while it filled a whole batch (more may be
// waiting), then waits intervalMs. Errors go to onError and the loop carries on. stop() resolves
// once the round under way has finished (a graceful shutdown never leaves a row half-sent).

export interface PollingLoopOptions {
  intervalMs: number;
  /** Rows of a full batch: a round that claimed this many runs again at once. */
  batchSize: number;
  /** Work done once per round before the batches (e.g. expiring due rows). */
  beforeBatches?: () => Promise<void>;
  /** One batch; answers how many rows it claimed. */
  runBatch: () => Promise<{ claimed: number }>;
  onError?: (error: unknown) => void;
  /** Called once by stop() (e.g. closing a transport). */
  onStop?: () => void;
}

export function startPollingLoop(options: PollingLoopOptions): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;
  const round = async () => {
    try {
      await options.beforeBatches?.();
      let result;
      do {
        result = await options.runBatch();
      } while (!stopped && result.claimed === options.batchSize);
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) schedule(options.intervalMs);
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      current = round().finally(() => {
        current = undefined;
      });
    }, delayMs);
  };
  schedule(0);
  let stopping: Promise<void> | undefined;
  return {
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        clearTimeout(timer);
        await current;
        options.onStop?.();
      })();
      return stopping;
    },
  };
}
