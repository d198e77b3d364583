// Fixed-window throttling counters kept in PostgreSQL, so every server process shares them.
import type { DbClient } from "@/lib/db";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/** Counts one hit on `key`; allowed while the window holds at most `limit` hits. */
export async function hitRateLimit(
  client: Pick<DbClient, "$queryRaw">,
  key: string,
  limit: number,
  windowMs: number,
  at: Date,
): Promise<RateLimitResult> {
  const windowFloor = new Date(at.getTime() - windowMs);
  const rows = await client.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limit_bucket (key, window_start, count) VALUES (${key}, ${at}, 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit_bucket.window_start <= ${windowFloor} THEN 1 ELSE rate_limit_bucket.count + 1 END,
      window_start = CASE WHEN rate_limit_bucket.window_start <= ${windowFloor} THEN ${at} ELSE rate_limit_bucket.window_start END
    RETURNING count, window_start`;
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const resetAt = row.window_start.getTime() + windowMs;
  return {
    allowed: row.count <= limit,
    count: row.count,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - at.getTime()) / 1000)),
  };
}

/** Reads a counter without counting (e.g. to refuse early once a key is over its limit). */
export async function peekRateLimit(
  client: Pick<DbClient, "$queryRaw">,
  key: string,
  limit: number,
  windowMs: number,
  at: Date,
): Promise<boolean> {
  const windowFloor = new Date(at.getTime() - windowMs);
  const rows = await client.$queryRaw<{ count: number }[]>`
    SELECT count FROM rate_limit_bucket WHERE key = ${key} AND window_start > ${windowFloor}`;
  return (rows[0]?.count ?? 0) < limit;
}
