// The application's clock. Tests move it with setClockOffset instead of waiting; while test mode
// is on, a request of a test namespace (X-Test-Namespace / ccus_test_ns) also sees that
// namespace's offset, set through POST /__test__/clock (lib/test-kit/clock.ts). With test mode
// off, currentTestNamespace() answers null at once: no cache, no database.
import { isTestMode } from "@/lib/env";
import { currentTestNamespace, testNamespaceFromHeaders } from "@/lib/test-kit/request-namespace";
import { freshNamespaceSettings, namespaceOffsetMs } from "@/lib/test-kit/clock";

let offsetMs = 0;

export function now(): Date {
  const ns = currentTestNamespace();
  return new Date(Date.now() + offsetMs + (ns === null ? 0 : namespaceOffsetMs(ns)));
}

export function setClockOffset(ms: number): void {
  offsetMs = ms;
}

/**
 * now() for code that has the request's headers but may run outside Next's request store
 * (proxy.ts): the test namespace from X-Test-Namespace / ccus_test_ns, its offset read fresh
 * (at most CACHE_TTL_MS old). With test mode off, exactly now().
 */
export async function nowForRequest(headers: Headers): Promise<Date> {
  const ns = isTestMode() ? testNamespaceFromHeaders(headers) : null;
  if (ns === null) return now();
  const { offsetMs: namespaceOffset } = await freshNamespaceSettings(ns);
  return new Date(Date.now() + offsetMs + namespaceOffset);
}
