// The bulk issuance worker: runs inside the server process (started from instrumentation.ts, like
// the outbox worker), takes one job at a time and processes it to the end. Several servers may
// each run one: a job is claimed with SKIP LOCKED and held by a lease that is renewed after every
// batch, and a job whose server died is taken over once its lease is stale.
import { claimBulkIssueJob, describeError } from "@/lib/bulk-issue/job-lease";
import {
  defaultProcessOptions,
  processBulkIssueJob,
  type ProcessOptions,
} from "@/lib/bulk-issue/process-job";
import { log } from "@/lib/log";

export interface BulkIssueWorkerOptions extends Omit<ProcessOptions, "shouldStop"> {
  /** How often to look for a new job when there is none. */
  intervalMs: number;
  onError?: (error: unknown) => void;
}

export function startBulkIssueWorker(options: BulkIssueWorkerOptions): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;

  const round = async () => {
    try {
      while (!stopped) {
        const job = await claimBulkIssueJob(options.staleAfterMs);
        if (!job) break;
        await processBulkIssueJob(job, { ...options, shouldStop: () => stopped });
      }
    } catch (error) {
      options.onError?.(error);
    }
  };

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      current = round().finally(() => {
        current = undefined;
        if (!stopped) schedule(options.intervalMs);
      });
    }, delayMs);
  };
  schedule(0);

  return {
    /** Stops after the current batch; the job is handed back to the queue for the next start. */
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

const logError = (what: string) => (error: unknown) =>
  log.error(`bulk issue worker: ${what}`, { worker: "bulk-issue", error: describeError(error) });

export function startConfiguredBulkIssueWorker() {
  return startBulkIssueWorker({
    ...defaultProcessOptions(),
    intervalMs: 1_000,
    onError: logError("job failed"),
    onRowError: logError("row recorded as invalid"),
  });
}
