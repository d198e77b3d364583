// lib/db.ts's client against the real database: its ordinary queries, transactions and a query's
// own failure leave the "database unavailable" flag alone; a pooled connection that PostgreSQL
// ends (57P01, as on a shutdown) sets it, and the probe clears it once `SELECT 1` answers again.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isDatabaseUnavailable, resetDatabaseAvailabilityForTests } from "@/lib/db-availability";

/** Ends this process's pooled connections (only those: other test files share the database). */
async function terminate(pids: number[]): Promise<number> {
  const client = new pg.Client({ connectionString: getEnv().DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query<{ terminated: boolean }>(
      "SELECT pg_terminate_backend(pid) AS terminated FROM unnest($1::int[]) AS pid",
      [pids],
    );
    return result.rows.filter((row) => row.terminated).length;
  } finally {
    await client.end();
  }
}

describe("the database availability flag on lib/db.ts", () => {
  afterEach(() => resetDatabaseAvailabilityForTests());

  it("stays clear through queries, transactions and a query's own failure", async () => {
    await db.$queryRaw`SELECT 1`;
    await db.$transaction(async (tx) => tx.$queryRaw`SELECT 2`);
    await expect(
      db.$queryRawUnsafe(`SELECT * FROM "no_such_table_${randomUUID().slice(0, 8)}"`),
    ).rejects.toThrow();
    expect(isDatabaseUnavailable()).toBe(false);
  });

  it("is set when PostgreSQL ends the pool's connections, and cleared by the probe", async () => {
    // Two idle connections in the pool, and their server processes.
    const pids = await Promise.all(
      [1, 2].map(async () => {
        const [row] = await db.$queryRaw<
          { pid: number }[]
        >`SELECT pg_backend_pid() AS pid FROM pg_sleep(0.05)`;
        return row!.pid;
      }),
    );
    expect(await terminate(pids)).toBeGreaterThan(0);
    await expect.poll(() => isDatabaseUnavailable(), { timeout: 5_000 }).toBe(true);
    // PostgreSQL is up: the probe (once a second) reaches it and clears the flag.
    await expect.poll(() => isDatabaseUnavailable(), { timeout: 5_000 }).toBe(false);
    await db.$queryRaw`SELECT 1`;
  });
});
