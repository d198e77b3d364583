// lib/with-timeout.ts, the bound of the database checks (readiness, the availability probe).
import { afterEach, describe, expect, it, vi } from "vitest";
import { withTimeout } from "@/lib/with-timeout";

afterEach(() => {
  vi.useRealTimers();
});

describe("withTimeout", () => {
  it("gives what the work gives, and leaves no timer behind", async () => {
    vi.useFakeTimers();
    await expect(withTimeout(Promise.resolve(1), 2_000, "timed out")).resolves.toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("passes the work's own failure on, and leaves no timer behind", async () => {
    vi.useFakeTimers();
    const failure = new Error("refused");
    await expect(withTimeout(Promise.reject(failure), 2_000, "timed out")).rejects.toBe(failure);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("fails with its message when the work hangs past the bound, not before", async () => {
    vi.useFakeTimers();
    const outcome = withTimeout(new Promise(() => {}), 2_000, "database check timed out").then(
      () => "answered",
      (error: Error) => error.message,
    );
    await vi.advanceTimersByTimeAsync(1_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toBe("database check timed out");
    expect(vi.getTimerCount()).toBe(0);
  });
});
