// A wait with a bound: the database checks (lib/lifecycle/readiness.ts, the probe of
// lib/db-availability.ts) count a `SELECT 1` that hangs as a failure, not a hang. No imports:
// proxy.ts loads lib/db-availability.ts.

/** What `work` gives, or an Error(`message`) after `ms`; the timer is cleared either way. */
export async function withTimeout<T>(work: PromiseLike<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
