import { describe, expect, it } from "vitest";
import { MAX_EMAIL_ATTEMPTS, nextEmailState, retryDelayMs } from "@/lib/mail/backoff";

const SECOND = 1000;
const HOUR = 3600 * SECOND;

describe("retryDelayMs", () => {
  it("doubles from 30 s and is capped at 1 h", () => {
    const schedule = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((attempt) => retryDelayMs(attempt));
    expect(schedule).toEqual([
      30 * SECOND,
      60 * SECOND,
      120 * SECOND,
      240 * SECOND,
      480 * SECOND,
      960 * SECOND,
      1920 * SECOND,
      HOUR, // 3840 s capped
      HOUR,
    ]);
    expect(retryDelayMs(1000)).toBe(HOUR);
  });

  it("honours custom base and cap", () => {
    expect(retryDelayMs(1, { baseMs: 1000, capMs: 5000 })).toBe(1000);
    expect(retryDelayMs(3, { baseMs: 1000, capMs: 5000 })).toBe(4000);
    expect(retryDelayMs(4, { baseMs: 1000, capMs: 5000 })).toBe(5000);
  });

  it("applies equal jitter: between half and all of the delay", () => {
    expect(retryDelayMs(2, { random: () => 0 })).toBe(30 * SECOND);
    expect(retryDelayMs(2, { random: () => 0.5 })).toBe(45 * SECOND);
    expect(retryDelayMs(2, { random: () => 0.999999 })).toBeLessThanOrEqual(60 * SECOND);
    expect(retryDelayMs(20, { random: () => 0 })).toBe(HOUR / 2);
    for (let attempt = 1; attempt <= 12; attempt++) {
      const full = retryDelayMs(attempt);
      for (let i = 0; i < 50; i++) {
        const jittered = retryDelayMs(attempt, { random: Math.random });
        expect(jittered).toBeGreaterThanOrEqual(full / 2);
        expect(jittered).toBeLessThanOrEqual(full);
      }
    }
  });

  it("is deterministic without a random source", () => {
    expect(retryDelayMs(5)).toBe(retryDelayMs(5));
  });

  it("rejects attempts below 1", () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });
});

describe("nextEmailState", () => {
  const now = new Date("2025-12-17T06:53:52Z");

  it("retries after the backoff delay", () => {
    expect(nextEmailState(1, now)).toEqual({
      status: "RETRYING",
      nextAttemptAt: new Date(now.getTime() + 30 * SECOND),
    });
    expect(nextEmailState(3, now)).toEqual({
      status: "RETRYING",
      nextAttemptAt: new Date(now.getTime() + 120 * SECOND),
    });
  });

  it("gives up once the maximum number of attempts is reached", () => {
    expect(MAX_EMAIL_ATTEMPTS).toBe(8);
    expect(nextEmailState(MAX_EMAIL_ATTEMPTS - 1, now).status).toBe("RETRYING");
    expect(nextEmailState(MAX_EMAIL_ATTEMPTS, now)).toEqual({ status: "FAILED" });
    expect(nextEmailState(MAX_EMAIL_ATTEMPTS + 3, now)).toEqual({ status: "FAILED" });
  });

  it("passes jitter through", () => {
    const state = nextEmailState(2, now, { random: () => 0 });
    expect(state).toEqual({ status: "RETRYING", nextAttemptAt: new Date(now.getTime() + 30 * SECOND) });
  });
});
