// Which test namespace the current request belongs to (issue 10, docs/testing.md): the header
// X-Test-Namespace, else the cookie ccus_test_ns (set by the one-time sign-in URL), and only while
// test mode is on. Synchronous, so lib/clock.ts now() can ask it anywhere: it reads Next's
// request store (headers and cookies of the request being served); outside a request, or with
// test mode off, it answers null.
import { AsyncLocalStorage } from "node:async_hooks";
import { z } from "zod";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { isTestMode } from "@/lib/env";

export const TEST_NAMESPACE_HEADER = "x-test-namespace";
export const TEST_NAMESPACE_COOKIE = "ccus_test_ns";
export const TEST_NAMESPACE_PATTERN = /^[a-z0-9][a-z0-9_-]{0,47}$/;

/** The `ns` field of every kit endpoint: the same rule as the header and the cookie. */
export const testNamespaceSchema = z
  .string()
  .regex(TEST_NAMESPACE_PATTERN, `ns must match ${TEST_NAMESPACE_PATTERN.source}`);

/** A valid namespace name, or null. */
export function parseTestNamespace(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return TEST_NAMESPACE_PATTERN.test(trimmed) ? trimmed : null;
}

/** The header wins over the cookie; an invalid header does not fall back to the cookie. */
export function testNamespaceFrom(
  headerValue: string | null | undefined,
  cookieValue: string | null | undefined,
): string | null {
  if (headerValue !== null && headerValue !== undefined && headerValue !== "")
    return parseTestNamespace(headerValue);
  return parseTestNamespace(cookieValue);
}

/** Reads the namespace from a Cookie header (for code that has only the raw headers, e.g. proxy.ts). */
export function testNamespaceFromHeaders(headers: Headers): string | null {
  const cookieHeader = headers.get("cookie") ?? "";
  let cookieValue: string | null = null;
  for (const part of cookieHeader.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === TEST_NAMESPACE_COOKIE) {
      cookieValue = decodeURIComponentSafe(part.slice(index + 1).trim());
      break;
    }
  }
  return testNamespaceFrom(headers.get(TEST_NAMESPACE_HEADER), cookieValue);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// Where no Next request store exists (proxy.ts, the outbox worker), code may run a function
// within a namespace explicitly.
const explicitNamespace = new AsyncLocalStorage<string | null>();

/** Runs `fn` with currentTestNamespace() answering `ns` (only while test mode is on). */
export function runInTestNamespace<T>(ns: string | null, fn: () => T): T {
  return explicitNamespace.run(ns, fn);
}

type StoreWithRequest = {
  headers?: { get(name: string): string | null };
  cookies?: { get(name: string): { value: string } | undefined };
};

/** The test namespace of the request being served, or null (always null with test mode off). */
export function currentTestNamespace(): string | null {
  if (!isTestMode()) return null;
  const explicit = explicitNamespace.getStore();
  if (explicit !== undefined) return explicit;
  let store: StoreWithRequest | undefined;
  try {
    store = workUnitAsyncStorage.getStore() as StoreWithRequest | undefined;
  } catch {
    return null;
  }
  if (!store) return null;
  // Request stores ("request", "private-cache", "prerender-runtime") carry the headers and
  // cookies synchronously; prerendering and caches do not.
  const headers = store.headers && typeof store.headers.get === "function" ? store.headers : undefined;
  const cookies = store.cookies && typeof store.cookies.get === "function" ? store.cookies : undefined;
  if (!headers && !cookies) return null;
  let cookieValue: string | undefined;
  try {
    cookieValue = cookies?.get(TEST_NAMESPACE_COOKIE)?.value;
  } catch {
    cookieValue = undefined;
  }
  let headerValue: string | null = null;
  try {
    headerValue = headers?.get(TEST_NAMESPACE_HEADER) ?? null;
  } catch {
    headerValue = null;
  }
  return testNamespaceFrom(headerValue, cookieValue);
}
