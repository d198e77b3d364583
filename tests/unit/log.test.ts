// The logger (lib/log.ts): one JSON line per event with time, level, msg, instance and request id;
// readable text in development; and never a password, hash, token or secret, whatever is passed.
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildLogRecord, formatLogRecord, log, logFormat, redactText, requestLog } from "@/lib/log";

const bcryptHash = `$2b$12$${"a".repeat(53)}`;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("logFormat", () => {
  it("is JSON in production and text otherwise, unless LOG_FORMAT says", () => {
    expect(logFormat({ NODE_ENV: "production" })).toBe("json");
    expect(logFormat({ NODE_ENV: "development" })).toBe("text");
    expect(logFormat({ NODE_ENV: "production", LOG_FORMAT: "text" })).toBe("text");
    expect(logFormat({ NODE_ENV: "test", LOG_FORMAT: "JSON" })).toBe("json");
  });
});

describe("a log line", () => {
  it("carries time, level, msg, instance and request id as one JSON object", () => {
    vi.stubEnv("LOG_FORMAT", "json");
    vi.stubEnv("INSTANCE_ID", "app-2");
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    const headers = new Headers({ "x-request-id": "0123456789abcdef0123456789abcdef" });
    requestLog(headers).error("payments webhook: event not applied", { eventId: "evt_1" });
    expect(lines).toHaveLength(1);
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({
      level: "error",
      msg: "payments webhook: event not applied",
      instance: "app-2",
      requestId: "0123456789abcdef0123456789abcdef",
      eventId: "evt_1",
    });
    expect(new Date(record.time).toISOString()).toBe(record.time);
  });

  it("goes to stdout for info and is dropped below LOG_LEVEL", () => {
    vi.stubEnv("LOG_LEVEL", "warn");
    const out = vi.spyOn(console, "log").mockImplementation(() => {});
    log.info("not shown");
    expect(out).not.toHaveBeenCalled();
    vi.stubEnv("LOG_LEVEL", "info");
    log.info("shown");
    expect(out).toHaveBeenCalledTimes(1);
  });

  it("never contains a password, hash, token or secret", () => {
    const record = buildLogRecord(
      "error",
      `login failed for hash ${bcryptHash} with Bearer abcdefghijklmnop`,
      {
        password: "Hunter2-Password!",
        passwordHash: bcryptHash,
        nested: { apiKey: "sk_live_abcdefghijkl", token: "t0k3n-value", note: `has ${bcryptHash}` },
        error: new Error(`secret whsec_abcdefghijkl leaked`),
      },
    );
    const line = formatLogRecord(record, "json");
    for (const secret of [
      "Hunter2-Password!",
      bcryptHash,
      "abcdefghijklmnop",
      "sk_live_abcdefghijkl",
      "t0k3n-value",
      "whsec_abcdefghijkl",
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain("[redacted]");
    expect(redactText("nothing secret here")).toBe("nothing secret here");
  });

  it("reads as one line of text in development", () => {
    const record = buildLogRecord(
      "warn",
      "outbox worker: round failed",
      { requestId: "r1", worker: "outbox" },
      new Date("2026-12-07T00:00:00Z"),
    );
    expect(formatLogRecord(record, "text")).toMatch(
      /^2026-12-07T00:00:00.000Z WARN \[(.+ )?r1\] outbox worker: round failed worker=outbox$/,
    );
  });
});
