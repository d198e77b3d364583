// Whether this process can reach PostgreSQL, as far as its last database calls showed: set when a
// call fails with a connection-level error (the server is down, restarting or refusing
// connections; lib/db.ts reports every failure of its driver adapter and pool here), cleared by a
// probe (`SELECT 1`, at most once a second while set). While set, proxy.ts answers every page and
// action with 503, Retry-After and the page of lib/maintenance-page.ts (docs/deploy.md): the check
// is this in-memory flag, never a database round trip. The request that met the failure itself may
// still end in the error page (app/error.tsx).
// Kept on globalThis: proxy.ts, the route handlers and instrumentation are separate bundles in one
// process (like lib/lifecycle/draining.ts). No database import here: proxy.ts loads this file.
import { describeError, log } from "@/lib/log";
import { withTimeout } from "@/lib/with-timeout";

/** Seconds a client is told to wait (Retry-After) while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
/** How often the probe asks the database while it is unavailable. */
export const DATABASE_PROBE_INTERVAL_MS = 1_000;
/** A probe that hangs counts as a failure after this long. */
const PROBE_TIMEOUT_MS = 2_000;

const stateKey = Symbol.for("ccus.databaseAvailability");
interface AvailabilityState {
  unavailable: boolean;
  probe?: () => Promise<unknown>;
  timer?: NodeJS.Timeout;
}
type AvailabilityGlobal = { [stateKey]?: AvailabilityState };

function state(): AvailabilityState {
  const global = globalThis as AvailabilityGlobal;
  global[stateKey] ??= { unavailable: false };
  return global[stateKey];
}

/** Node's socket errors that mean the server cannot be reached or the connection broke. */
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
]);
/** SQLSTATEs of a server that is shutting down, starting up or dropped the connection. */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "57P05"]);
/** @prisma/adapter-pg's names (its convertDriverError) for socket failures. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout"]);
/** node-postgres's own messages for a connection that ended or never came. */
const MESSAGES = [
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  /Client was closed and is not queryable/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];

const isSqlstateConnectionError = (code: string) => SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);

/**
 * True for an error that says the database itself is unreachable (not a query's own failure such as
 * a unique violation): node-postgres and Node socket errors, @prisma/adapter-pg's DriverAdapterError,
 * and Prisma's errors that wrap them (followed through `cause`).
 */
export function isConnectionLevelError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const fields = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    cause?: unknown;
  };
  if (
    typeof fields.code === "string" &&
    (SOCKET_CODES.has(fields.code) || isSqlstateConnectionError(fields.code))
  )
    return true;
  if (typeof fields.originalCode === "string" && isSqlstateConnectionError(fields.originalCode)) return true;
  if (typeof fields.kind === "string" && ADAPTER_KINDS.has(fields.kind)) return true;
  if (
    typeof fields.message === "string" &&
    MESSAGES.some((pattern) => pattern.test(fields.message as string))
  )
    return true;
  return isConnectionLevelError(fields.cause, depth + 1);
}

export function isDatabaseUnavailable(): boolean {
  return state().unavailable;
}

/** The probe lib/db.ts registers: a `SELECT 1` on the app's own client. */
export function setDatabaseProbe(probe: () => Promise<unknown>): void {
  state().probe = probe;
}

/** Called with every failure of a database call: flags the database when it is connection-level. */
export function reportDatabaseError(error: unknown): void {
  if (isConnectionLevelError(error)) markDatabaseUnavailable(error);
}

export function markDatabaseUnavailable(reason?: unknown): void {
  const current = state();
  if (!current.unavailable) {
    current.unavailable = true;
    log.warn("database unavailable: pages answer 503 until it answers again", {
      event: "database.unavailable",
      error: reason === undefined ? undefined : describeError(reason),
    });
  }
  scheduleProbe();
}

export function markDatabaseAvailable(): void {
  const current = state();
  if (current.timer) clearTimeout(current.timer);
  current.timer = undefined;
  if (!current.unavailable) return;
  current.unavailable = false;
  log.info("database available again", { event: "database.available" });
}

function scheduleProbe(): void {
  const current = state();
  if (current.timer || !current.probe) return;
  current.timer = setTimeout(() => void runProbe(), DATABASE_PROBE_INTERVAL_MS);
  // The probe never keeps a stopping process alive.
  current.timer.unref();
}

async function runProbe(): Promise<void> {
  const current = state();
  current.timer = undefined;
  if (!current.unavailable || !current.probe) return;
  try {
    await withTimeout(current.probe(), PROBE_TIMEOUT_MS, "database probe timed out");
    markDatabaseAvailable();
  } catch {
    // Still down (whatever the error): ask again in a second.
    scheduleProbe();
  }
}

/** For tests only: back to available (the registered probe stays). */
export function resetDatabaseAvailabilityForTests(): void {
  const current = state();
  if (current.timer) clearTimeout(current.timer);
  current.timer = undefined;
  current.unavailable = false;
}
