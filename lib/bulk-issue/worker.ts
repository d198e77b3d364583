// The bulk issuance worker: runs inside the server process (started from instrumentation.ts, like
// the outbox worker), takes one job at a time and processes it to the end. Several servers may
// each run one: a job is claimed with SKIP LOCKED and held by a lease that is renewed after every
// batch, and a job whose server died is taken over once its lease is stale. The 申請用パスワード
// are hashed by a pool of child processes at the lowest OS priority, one per core, so a job uses
// the cores that requests leave idle (lib/auth/hash-pool); the pool stops with the worker.
import { createHashPool, type HashPool } from "@/lib/auth/hash-pool/hash-pool";
import { claimBulkIssueJob, describeError } from "@/lib/bulk-issue/job-lease";
import {
  defaultProcessOptions,
  processBulkIssueJob,
  type ProcessOptions,
} from "@/lib/bulk-issue/process-job";
import { log } from "@/lib/log";
import { startPollingLoop } from "@/lib/workers/polling-loop";

export interface BulkIssueWorkerOptions extends Omit<ProcessOptions, "shouldStop"> {
  /** How often to look for a new job when there is none. */
  intervalMs: number;
  /** Hashes in these processes, as many at a time as it has; stopped after the worker. */
  hashPool?: HashPool;
  onError?: (error: unknown) => void;
}

export function startBulkIssueWorker(options: BulkIssueWorkerOptions): { stop(): Promise<void> } {
  // The shared polling loop, one job per batch: a round takes jobs until none is waiting, then
  // waits intervalMs; stop() waits for the job under way, which stops after its current batch.
  let stopping = false;
  const { hashPool, ...rest } = options;
  const processOptions: Omit<ProcessOptions, "shouldStop"> = hashPool
    ? { ...rest, hashPassword: hashPool.hash, concurrency: hashPool.size }
    : rest;
  const loop = startPollingLoop({
    intervalMs: options.intervalMs,
    batchSize: 1,
    runBatch: async () => {
      const job = await claimBulkIssueJob(options.staleAfterMs);
      if (!job) return { claimed: 0 };
      await processBulkIssueJob(job, { ...processOptions, shouldStop: () => stopping });
      return { claimed: 1 };
    },
    onError: options.onError,
  });
  return {
    /**
     * Stops after the current batch; the job is handed back to the queue for the next start. Then
     * the hash pool's children end (hashes made ahead for rows not reached are dropped).
     */
    stop: async () => {
      stopping = true;
      await loop.stop();
      await hashPool?.stop();
    },
  };
}

const logError = (what: string) => (error: unknown) =>
  log.error(`bulk issue worker: ${what}`, { worker: "bulk-issue", error: describeError(error) });

export function startConfiguredBulkIssueWorker() {
  return startBulkIssueWorker({
    ...defaultProcessOptions(),
    hashPool: createHashPool({
      onChildLost: ({ pid, code, signal }) =>
        log.error(
          "bulk issue worker: a hashing process exited during a hash; it is replaced and the hash retried",
          {
            worker: "bulk-issue",
            pid,
            code,
            signal,
          },
        ),
    }),
    intervalMs: 1_000,
    onError: logError("job failed"),
    onRowError: logError("row recorded as invalid"),
  });
}
