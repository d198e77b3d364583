// The answers of /api/ready and /api/health: ready when the database answers and the server is not
// draining. /api/live (liveness) never asks the database.
import { db } from "@/lib/db";
import { isDraining } from "@/lib/lifecycle/draining";

export type Readiness = "ready" | "draining" | "database-unavailable";

/** The database check is bounded: a hung connection answers "database-unavailable", not a hang. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

export async function checkReadiness(): Promise<Readiness> {
  if (isDraining()) return "draining";
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database check timed out")), DATABASE_CHECK_TIMEOUT_MS);
      }),
    ]);
  } catch {
    return "database-unavailable";
  } finally {
    clearTimeout(timer);
  }
  // A SIGTERM that came while the database answered.
  return isDraining() ? "draining" : "ready";
}

export const noStore = { "Cache-Control": "no-store" } as const;
