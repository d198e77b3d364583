// The answers of /api/ready and /api/health: ready when the database answers and the server is not
// draining. /api/live (liveness) never asks the database.
import { db } from "@/lib/db";
import { isDraining } from "@/lib/lifecycle/draining";
import { withTimeout } from "@/lib/with-timeout";

export type Readiness = "ready" | "draining" | "database-unavailable";

/** The database check is bounded: a hung connection answers "database-unavailable", not a hang. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

export async function checkReadiness(): Promise<Readiness> {
  if (isDraining()) return "draining";
  try {
    await withTimeout(db.$queryRaw`SELECT 1`, DATABASE_CHECK_TIMEOUT_MS, "database check timed out");
  } catch {
    return "database-unavailable";
  }
  // A SIGTERM that came while the database answered.
  return isDraining() ? "draining" : "ready";
}

export const noStore = { "Cache-Control": "no-store" } as const;
