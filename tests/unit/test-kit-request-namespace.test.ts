// currentTestNamespace() (issue 10) reads the request being served from Next's request store:
// the X-Test-Namespace header, else the ccus_test_ns cookie; null outside a request.
import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";

// As Next's server sets it up before any of its modules run.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
const { workUnitAsyncStorage } = await import("next/dist/server/app-render/work-unit-async-storage.external");

process.env.TEST_MODE = "on";
process.env.TEST_API_TOKEN = "n".repeat(40);

const { currentTestNamespace, runInTestNamespace } = await import("@/lib/test-kit/request-namespace");

function inRequest<T>(headers: Record<string, string>, cookies: Record<string, string>, fn: () => T): T {
  const store = {
    type: "request",
    headers: new Headers(headers),
    cookies: { get: (name: string) => (name in cookies ? { name, value: cookies[name]! } : undefined) },
  };
  return workUnitAsyncStorage.run(store as never, fn);
}

describe("currentTestNamespace", () => {
  it("is null outside a request", () => {
    expect(currentTestNamespace()).toBeNull();
  });

  it("reads the header, else the cookie", () => {
    expect(inRequest({ "x-test-namespace": "w1" }, { ccus_test_ns: "w2" }, currentTestNamespace)).toBe("w1");
    expect(inRequest({}, { ccus_test_ns: "w2" }, currentTestNamespace)).toBe("w2");
    expect(inRequest({}, {}, currentTestNamespace)).toBeNull();
    expect(
      inRequest({ "x-test-namespace": "NOT OK" }, { ccus_test_ns: "w2" }, currentTestNamespace),
    ).toBeNull();
  });

  it("takes an explicit namespace where no request store exists", () => {
    expect(runInTestNamespace("w9", currentTestNamespace)).toBe("w9");
  });

  it("is always null with test mode off", async () => {
    process.env.TEST_MODE = "off";
    try {
      expect(inRequest({ "x-test-namespace": "w1" }, {}, currentTestNamespace)).toBeNull();
    } finally {
      process.env.TEST_MODE = "on";
    }
  });
});
