// Pure parts of the test kit's clock and faults (issue 10): cache staleness, offset math, the
// faults request schema and its merge rules; and now() with test mode off.
import { describe, expect, it } from "vitest";
import {
  CACHE_TTL_MS,
  installNamespaceClock,
  isStale,
  namespaceInstant,
  offsetFor,
} from "@/lib/test-kit/clock";
import { faultsRequestSchema, mergeFaults, readFaults } from "@/lib/test-kit/faults";
import { now, setClockOffset } from "@/lib/clock";
import { runInTestNamespace } from "@/lib/test-kit/request-namespace";

describe("namespace clock cache math", () => {
  it("is fresh for 250 ms, then stale; a clock that went back counts as stale", () => {
    expect(CACHE_TTL_MS).toBe(250);
    expect(isStale(1000, 1000)).toBe(false);
    expect(isStale(1000, 1249)).toBe(false);
    expect(isStale(1000, 1250)).toBe(true);
    expect(isStale(1000, 999)).toBe(true);
    expect(isStale(-Infinity, 0)).toBe(true);
  });

  it("turns a wanted instant into an offset and back, so time keeps running from it", () => {
    const real = Date.parse("2026-12-06T00:00:00Z");
    const target = new Date("2026-12-03T20:30:00+09:00");
    const offset = offsetFor(target, real);
    expect(offset).toBe(target.getTime() - real);
    expect(namespaceInstant(offset, real).toISOString()).toBe(target.toISOString());
    expect(namespaceInstant(offset, real + 5000).getTime()).toBe(target.getTime() + 5000);
  });
});

describe("now() with test mode off", () => {
  it("is the real time plus setClockOffset only, whatever namespace is asked for", () => {
    expect(process.env.TEST_MODE).not.toBe("on");
    installNamespaceClock();
    expect("ccusNamespaceClock" in globalThis).toBe(false);
    setClockOffset(60_000);
    try {
      const seen = runInTestNamespace("w0", () => now().getTime() - Date.now());
      expect(Math.abs(seen - 60_000)).toBeLessThan(50);
    } finally {
      setClockOffset(0);
    }
  });
});

describe("faults request and merge", () => {
  it("accepts the documented shapes and refuses others", () => {
    expect(
      faultsRequestSchema.safeParse({
        ns: "w0",
        smtp: { mode: "hang" },
        actions: { saveEmployerAction: { delayMs: 3000 }, submitApplicationAction: { fail: true } },
        uploads: { delayMs: 10 },
        postalLookup: "fail",
      }).success,
    ).toBe(true);
    expect(faultsRequestSchema.safeParse({ ns: "W0" }).success).toBe(false);
    expect(faultsRequestSchema.safeParse({ ns: "w0", smtp: { mode: "timeout" } }).success).toBe(false);
    expect(faultsRequestSchema.safeParse({ ns: "w0", uploads: { fail: false } }).success).toBe(false);
    expect(faultsRequestSchema.safeParse({ ns: "w0", uploads: { delayMs: 60_001 } }).success).toBe(false);
    expect(faultsRequestSchema.safeParse({ ns: "w0", actions: { "bad name": { fail: true } } }).success).toBe(
      false,
    );
    expect(faultsRequestSchema.safeParse({ ns: "w0", other: 1 }).success).toBe(false);
  });

  it("merges: a given key replaces, null removes, absent keeps", () => {
    const current = readFaults({ smtp: { mode: "4xx" }, actions: { a: { fail: true }, b: { delayMs: 5 } } });
    expect(mergeFaults(current, { uploads: { fail: true } })).toEqual({
      smtp: { mode: "4xx" },
      actions: { a: { fail: true }, b: { delayMs: 5 } },
      uploads: { fail: true },
    });
    expect(mergeFaults(current, { smtp: null, actions: { a: null, c: { delayMs: 1 } } })).toEqual({
      actions: { b: { delayMs: 5 }, c: { delayMs: 1 } },
    });
    expect(mergeFaults(current, { actions: null })).toEqual({ smtp: { mode: "4xx" } });
    expect(mergeFaults({ actions: { a: { fail: true } } }, { actions: { a: null } })).toEqual({});
  });

  it("reads anything unreadable as no fault", () => {
    expect(readFaults(null)).toEqual({});
    expect(readFaults({ smtp: { mode: "nope" } })).toEqual({});
    expect(readFaults([])).toEqual({});
  });
});

describe("the action fault hook", () => {
  it("is the first line of every server action in lib/actions/, with the action's export name", async () => {
    const { readdir, readFile } = await import("node:fs/promises");
    const dir = "lib/actions";
    const missing: string[] = [];
    let count = 0;
    for (const file of await readdir(dir)) {
      const source = await readFile(`${dir}/${file}`, "utf8");
      if (!source.includes('"use server"')) continue;
      for (const match of source.matchAll(/^export async function (\w+)\(/gm)) {
        count += 1;
        // The line after the signature's opening brace.
        const rest = source.slice(match.index);
        const opening = rest.search(/\)[^()]*\{\n/);
        const firstLine = rest
          .slice(rest.indexOf("{\n", opening) + 2)
          .split("\n")[0]
          ?.trim();
        if (firstLine !== `await applyActionFault("${match[1]}");`) {
          missing.push(`${file}: ${match[1]}`);
        }
      }
    }
    expect(count).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});
