// Per-namespace settings of the test kit (issue 10): the server clock offset and the faults, read
// from test_namespace. lib/clock.ts now() asks `namespaceOffsetMs` synchronously, so this keeps an
// in-memory cache: an entry older than CACHE_TTL_MS is refreshed in the background (and awaited by
// `freshNamespaceSettings`, which proxy.ts, the outbox worker and the fault hooks use), and a
// change made through /__test__/clock or /__test__/faults updates it at once on this instance.
// Only ever reached while test mode is on (lib/clock.ts asks currentTestNamespace() first).
// The cache lives on globalThis, so proxy.ts and the route bundles share it within one process.

import { clockOffsetMs, now, type NamespaceClockHook } from "@/lib/clock";
import { isTestMode } from "@/lib/env";
import { currentTestNamespace, testNamespaceFromHeaders } from "@/lib/test-kit/request-namespace";

export const CACHE_TTL_MS = 250;

export interface NamespaceSettings {
  offsetMs: number;
  faults: Record<string, unknown>;
}

interface Entry {
  settings: NamespaceSettings;
  fetchedAt: number;
  loading?: Promise<NamespaceSettings>;
}

const EMPTY: NamespaceSettings = Object.freeze({ offsetMs: 0, faults: Object.freeze({}) });

const globalCache = globalThis as unknown as { ccusTestNamespaceCache?: Map<string, Entry> };
function cache(): Map<string, Entry> {
  globalCache.ccusTestNamespaceCache ??= new Map();
  return globalCache.ccusTestNamespaceCache;
}

/** Whether an entry fetched at `fetchedAt` must be read again at `at` (ms). */
export function isStale(fetchedAt: number, at: number, ttlMs = CACHE_TTL_MS): boolean {
  return at - fetchedAt >= ttlMs || at < fetchedAt;
}

/** The offset that makes a namespace see `target` when the real time is `realNowMs`. */
export function offsetFor(target: Date, realNowMs: number): number {
  return target.getTime() - realNowMs;
}

/** The instant a namespace with `offsetMs` sees when the real time is `realNowMs`. */
export function namespaceInstant(offsetMs: number, realNowMs: number): Date {
  return new Date(realNowMs + offsetMs);
}

function toSettings(row: { clockOffsetMs: bigint | null; faults: unknown } | null): NamespaceSettings {
  if (!row) return EMPTY;
  const faults = row.faults && typeof row.faults === "object" && !Array.isArray(row.faults) ? row.faults : {};
  return {
    offsetMs: row.clockOffsetMs === null ? 0 : Number(row.clockOffsetMs),
    faults: faults as Record<string, unknown>,
  };
}

async function load(ns: string): Promise<NamespaceSettings> {
  const { db } = await import("@/lib/db");
  const row = await db.testNamespace.findUnique({
    where: { ns },
    select: { clockOffsetMs: true, faults: true },
  });
  return toSettings(row);
}

function refresh(ns: string): Promise<NamespaceSettings> {
  const entries = cache();
  const entry = entries.get(ns);
  if (entry?.loading) return entry.loading;
  const startedAt = Date.now();
  const loading = load(ns)
    .then((settings) => {
      const current = entries.get(ns);
      // A value set on this instance meanwhile is newer than what was read.
      if (current && current.fetchedAt > startedAt && current.loading !== loading) return current.settings;
      entries.set(ns, { settings, fetchedAt: Date.now() });
      return settings;
    })
    .catch(() => {
      // The database is unreachable: keep what is known, try again after the TTL.
      const current = entries.get(ns);
      const settings = current?.settings ?? EMPTY;
      entries.set(ns, { settings, fetchedAt: Date.now() });
      return settings;
    });
  entries.set(ns, { settings: entry?.settings ?? EMPTY, fetchedAt: entry?.fetchedAt ?? -Infinity, loading });
  return loading;
}

/** The cached settings (sync, never waits); starts a refresh when they are stale. */
export function cachedNamespaceSettings(ns: string): NamespaceSettings {
  const entry = cache().get(ns);
  if (!entry || (!entry.loading && isStale(entry.fetchedAt, Date.now()))) void refresh(ns);
  return entry?.settings ?? EMPTY;
}

/** The namespace's clock offset in ms, as cached (sync). */
export function namespaceOffsetMs(ns: string): number {
  return cachedNamespaceSettings(ns).offsetMs;
}

/** The settings no older than CACHE_TTL_MS (awaits a read when needed). */
export async function freshNamespaceSettings(ns: string): Promise<NamespaceSettings> {
  const entry = cache().get(ns);
  if (entry && !entry.loading && !isStale(entry.fetchedAt, Date.now())) return entry.settings;
  return refresh(ns);
}

/** Records settings just written to the database (this instance sees them at once). */
export function rememberNamespaceSettings(ns: string, settings: NamespaceSettings | null): void {
  if (settings === null) cache().delete(ns);
  else cache().set(ns, { settings, fetchedAt: Date.now() });
}

/** Forgets every cached namespace (tests; reset). */
export function forgetNamespaceSettings(): void {
  cache().clear();
}

export interface ClockAnswer {
  ns: string;
  now: string;
  offsetSeconds: number;
}

function answer(ns: string, offsetMs: number): ClockAnswer {
  return {
    ns,
    now: namespaceInstant(offsetMs, Date.now()).toISOString(),
    offsetSeconds: Math.round(offsetMs / 1000),
  };
}

/** Sets a namespace's clock: `offsetMs` from real time, or null for real time. */
export async function setNamespaceClock(ns: string, offsetMs: number | null): Promise<ClockAnswer> {
  const { db } = await import("@/lib/db");
  const value = offsetMs === null ? null : BigInt(Math.round(offsetMs));
  const row = await db.testNamespace.upsert({
    where: { ns },
    create: { ns, clockOffsetMs: value },
    update: { clockOffsetMs: value },
    select: { clockOffsetMs: true, faults: true },
  });
  const settings = toSettings(row);
  rememberNamespaceSettings(ns, settings);
  return answer(ns, settings.offsetMs);
}

export async function getNamespaceClock(ns: string): Promise<ClockAnswer> {
  const settings = await refresh(ns);
  return answer(ns, settings.offsetMs);
}

const namespaceClock: NamespaceClockHook = {
  offsetMs: () => {
    const ns = currentTestNamespace();
    return ns === null ? 0 : namespaceOffsetMs(ns);
  },
};

/**
 * Makes lib/clock.ts now() follow the request's namespace clock: called on the server at start-up
 * (instrumentation.ts) and by proxy.ts, only while test mode is on. Idempotent.
 */
export function installNamespaceClock(): void {
  if (!isTestMode()) return;
  (globalThis as { ccusNamespaceClock?: NamespaceClockHook }).ccusNamespaceClock = namespaceClock;
}

/**
 * now() for code that has the request's headers but may run outside Next's request store
 * (proxy.ts): the test namespace from X-Test-Namespace / ccus_test_ns, its offset read fresh
 * (at most CACHE_TTL_MS old). With test mode off, exactly now().
 */
export async function nowForRequest(headers: Headers): Promise<Date> {
  const ns = isTestMode() ? testNamespaceFromHeaders(headers) : null;
  if (ns === null) return now();
  installNamespaceClock();
  const { offsetMs } = await freshNamespaceSettings(ns);
  return new Date(Date.now() + clockOffsetMs() + offsetMs);
}
