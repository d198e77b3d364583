// Whether this server is shutting down (SIGTERM received): /api/ready and /api/health answer 503
// from then on, so the balancer sends new requests elsewhere while the ones in flight finish.
// Kept on globalThis: instrumentation and the route handlers are separate bundles in one process.

const drainingKey = Symbol.for("ccus.draining");
type DrainingGlobal = { [drainingKey]?: { since: Date } };

export function isDraining(): boolean {
  return (globalThis as DrainingGlobal)[drainingKey] !== undefined;
}

/** Marks the server as draining (once; later calls keep the first time). */
export function startDraining(at: Date = new Date()): void {
  const global = globalThis as DrainingGlobal;
  global[drainingKey] ??= { since: at };
}

/** For tests only: back to serving. */
export function resetDrainingForTests(): void {
  delete (globalThis as DrainingGlobal)[drainingKey];
}
