// The application's clock. Tests move it with setClockOffset instead of waiting. While test mode
// is on, the server installs a namespace clock (lib/test-kit/clock.ts, from instrumentation.ts):
// a request of a test namespace (X-Test-Namespace / ccus_test_ns) then also sees that namespace's
// offset, set through POST /__test__/clock. This module is also bundled for the browser (schemas
// use it), so it imports nothing of the server; with test mode off the hook is absent and now()
// costs one property read more than Date.now().

let offsetMs = 0;

/** Installed on globalThis by lib/test-kit/clock.ts while test mode is on (server only). */
export interface NamespaceClockHook {
  /** The current request's namespace offset in ms (sync, cached). */
  offsetMs(): number;
}

const hook = () => (globalThis as { ccusNamespaceClock?: NamespaceClockHook }).ccusNamespaceClock;

export function now(): Date {
  const namespaceClock = hook();
  return new Date(Date.now() + offsetMs + (namespaceClock ? namespaceClock.offsetMs() : 0));
}

export function setClockOffset(ms: number): void {
  offsetMs = ms;
}

/** setClockOffset's offset (for lib/test-kit/clock.ts). */
export function clockOffsetMs(): number {
  return offsetMs;
}
