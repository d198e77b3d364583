// lib/db-availability.ts: which database errors mean "PostgreSQL cannot be reached" (pages answer
// 503 while flagged), and the probe that clears the flag (tests/cluster/database-down.spec.ts
// stops a real PostgreSQL under the production server).
import { createServer, type AddressInfo } from "node:net";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DATABASE_PROBE_INTERVAL_MS,
  isConnectionLevelError,
  isDatabaseUnavailable,
  markDatabaseUnavailable,
  reportDatabaseError,
  resetDatabaseAvailabilityForTests,
  setDatabaseProbe,
} from "@/lib/db-availability";
import { DATABASE_UNAVAILABLE_HEADING, renderDatabaseUnavailablePage } from "@/lib/maintenance-page";

/** A server error as node-postgres builds it from the wire (pg-protocol's DatabaseError). */
function serverError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, "error");
  error.code = code;
  error.severity = "FATAL";
  return error;
}

/** A port where nothing listens (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("isConnectionLevelError", () => {
  it("is true for node-postgres's real failure to connect (ECONNREFUSED)", async () => {
    const client = new pg.Client({ host: "127.0.0.1", port: await closedPort(), user: "nobody" });
    const error: unknown = await client.connect().then(
      () => null,
      (failure: unknown) => failure,
    );
    expect((error as { code?: string }).code).toBe("ECONNREFUSED");
    expect(isConnectionLevelError(error)).toBe(true);
  });

  it("is true for a server that shuts down, restarts or starts up", () => {
    for (const [code, message] of <[string, string][]>[
      ["57P01", "terminating connection due to administrator command"],
      ["57P02", "terminating connection due to crash of another server process"],
      ["57P03", "the database system is starting up"],
      ["08006", "connection failure"],
      ["08001", "could not connect"],
    ])
      expect(isConnectionLevelError(serverError(code, message)), code).toBe(true);
  });

  it("is true for node-postgres's messages of a connection that ended", () => {
    expect(isConnectionLevelError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionLevelError(new Error("Connection terminated due to connection timeout"))).toBe(true);
    expect(isConnectionLevelError(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(
      isConnectionLevelError(new Error("Client has encountered a connection error and is not queryable")),
    ).toBe(true);
  });

  it("is true for @prisma/adapter-pg's errors and Prisma's errors around them", () => {
    expect(isConnectionLevelError(new DriverAdapterError({ kind: "DatabaseNotReachable" }))).toBe(true);
    expect(isConnectionLevelError(new DriverAdapterError({ kind: "ConnectionClosed" }))).toBe(true);
    const shutdown = new DriverAdapterError({
      kind: "postgres",
      code: "57P01",
      severity: "FATAL",
      message: "terminating connection due to administrator command",
      detail: undefined,
      column: undefined,
      hint: undefined,
      originalCode: "57P01",
    });
    expect(isConnectionLevelError(shutdown)).toBe(true);
    const wrapped = Object.assign(new Error("Can't reach database server"), {
      code: "P1001",
      cause: shutdown,
    });
    expect(isConnectionLevelError(wrapped)).toBe(true);
  });

  it("is false for a query's own failures and for anything else", () => {
    expect(
      isConnectionLevelError(serverError("23505", "duplicate key value violates unique constraint")),
    ).toBe(false);
    expect(isConnectionLevelError(serverError("40001", "could not serialize access"))).toBe(false);
    expect(isConnectionLevelError(serverError("42P01", 'relation "nope" does not exist'))).toBe(false);
    expect(isConnectionLevelError(new DriverAdapterError({ kind: "UniqueConstraintViolation" }))).toBe(false);
    expect(isConnectionLevelError(new DriverAdapterError({ kind: "TransactionWriteConflict" }))).toBe(false);
    expect(isConnectionLevelError(Object.assign(new Error("Record not found"), { code: "P2025" }))).toBe(
      false,
    );
    expect(isConnectionLevelError(new Error("something else"))).toBe(false);
    expect(isConnectionLevelError("ECONNREFUSED")).toBe(false);
    expect(isConnectionLevelError(null)).toBe(false);
    expect(isConnectionLevelError(undefined)).toBe(false);
  });

  it("stops following a cause that points back at itself", () => {
    const looping: { message: string; cause?: unknown } = { message: "x" };
    looping.cause = looping;
    expect(isConnectionLevelError(looping)).toBe(false);
  });
});

describe("the flag and its probe", () => {
  afterEach(() => {
    resetDatabaseAvailabilityForTests();
    vi.useRealTimers();
  });

  it("is set by a connection-level error only", () => {
    reportDatabaseError(serverError("23505", "duplicate key"));
    expect(isDatabaseUnavailable()).toBe(false);
    reportDatabaseError(serverError("57P01", "terminating connection due to administrator command"));
    expect(isDatabaseUnavailable()).toBe(true);
  });

  it("asks the database once a second while set, and clears the flag when it answers", async () => {
    vi.useFakeTimers();
    let answers = false;
    const probe = vi.fn(async () => {
      if (!answers) throw new Error("connect ECONNREFUSED");
      return [{ "?column?": 1 }];
    });
    setDatabaseProbe(probe);
    expect(probe).not.toHaveBeenCalled();
    markDatabaseUnavailable();
    markDatabaseUnavailable();
    await vi.advanceTimersByTimeAsync(DATABASE_PROBE_INTERVAL_MS);
    expect(probe).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(DATABASE_PROBE_INTERVAL_MS);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(isDatabaseUnavailable()).toBe(true);
    answers = true;
    await vi.advanceTimersByTimeAsync(DATABASE_PROBE_INTERVAL_MS);
    expect(isDatabaseUnavailable()).toBe(false);
    // Once available, no more probes.
    await vi.advanceTimersByTimeAsync(10 * DATABASE_PROBE_INTERVAL_MS);
    expect(probe).toHaveBeenCalledTimes(3);
  });

  it("counts a probe that hangs as a failure", async () => {
    vi.useFakeTimers();
    setDatabaseProbe(() => new Promise(() => {}));
    markDatabaseUnavailable();
    await vi.advanceTimersByTimeAsync(10 * DATABASE_PROBE_INTERVAL_MS);
    expect(isDatabaseUnavailable()).toBe(true);
  });
});

describe("renderDatabaseUnavailablePage", () => {
  it("is a Japanese page with a heading and the nonce on its style", () => {
    const html = renderDatabaseUnavailablePage({ nonce: "abc", locale: "ja" });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain(`<h1>${DATABASE_UNAVAILABLE_HEADING}</h1>`);
    expect(html).toContain('<style nonce="abc">');
    expect(html).toContain("しばらくしてから、もう一度お試しください");
  });
});
