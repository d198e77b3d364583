// The workers' polling loop: a full batch runs again at once, errors go to onError and the loop
// carries on, stop() ends it and calls onStop once.
import { describe, expect, it, vi } from "vitest";
import { startPollingLoop } from "@/lib/workers/polling-loop";

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("startPollingLoop", () => {
  it("repeats a round while batches are full, then waits for the interval", async () => {
    const claims = [20, 20, 3];
    const before = vi.fn(async () => {});
    const runBatch = vi.fn(async () => ({ claimed: claims.shift() ?? 0 }));
    const loop = startPollingLoop({ intervalMs: 60_000, batchSize: 20, beforeBatches: before, runBatch });
    await tick();
    expect(runBatch).toHaveBeenCalledTimes(3);
    expect(before).toHaveBeenCalledTimes(1);
    await loop.stop();
  });

  it("hands errors to onError and runs the next round; stop() calls onStop once and ends it", async () => {
    const errors: unknown[] = [];
    const onStop = vi.fn();
    let calls = 0;
    const loop = startPollingLoop({
      intervalMs: 1,
      batchSize: 20,
      runBatch: async () => {
        calls += 1;
        if (calls === 1) throw new Error("database down");
        return { claimed: 0 };
      },
      onError: (error) => errors.push(error),
      onStop,
    });
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2));
    expect(errors).toHaveLength(1);
    await loop.stop();
    const after = calls;
    await tick();
    await tick();
    expect(calls).toBeLessThanOrEqual(after + 1);
    expect(onStop).toHaveBeenCalledTimes(1);
  });

  it("stop() resolves only after the round under way has finished, then calls onStop", async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const loop = startPollingLoop({
      intervalMs: 60_000,
      batchSize: 20,
      runBatch: async () => {
        events.push("batch started");
        await new Promise<void>((resolve) => (release = resolve));
        events.push("batch finished");
        return { claimed: 0 };
      },
      onStop: () => events.push("stopped"),
    });
    await vi.waitFor(() => expect(events).toEqual(["batch started"]));
    const stopping = loop.stop().then(() => events.push("stop resolved"));
    await tick();
    expect(events).toEqual(["batch started"]);
    release();
    await stopping;
    expect(events).toEqual(["batch started", "batch finished", "stopped", "stop resolved"]);
  });
});
