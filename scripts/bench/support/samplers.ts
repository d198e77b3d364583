// Sampling during a benchmark run: the largest value a probe returned, polled on an interval.
import pg from "pg";

export interface MaxSampler {
  /** Stops polling; resolves to the largest value seen (and the number of samples). */
  stop(): Promise<{ max: number; samples: number }>;
}

export function sampleMax(probe: () => Promise<number>, intervalMs = 250): MaxSampler {
  let max = 0;
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        max = Math.max(max, await probe());
        samples += 1;
      } catch {
        // A missed sample (process restarting, database busy) is not a measurement.
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { max, samples };
    },
  };
}

/**
 * Client connections to the PostgreSQL server (every database, every application), without the
 * sampler's own. One dedicated connection, opened before the run.
 */
export async function postgresConnectionProbe(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    probe: async () => {
      const result = await client.query<{ count: string }>(
        "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      return Number(result.rows[0]?.count ?? 0);
    },
    close: () => client.end(),
  };
}
