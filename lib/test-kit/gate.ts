// The test kit's gate (issue 10, docs/testing.md). proxy.ts asks testKitGate() first for every
// request: an address under /__test__/ passes only while test mode is on and the request carries
// `Authorization: Bearer <TEST_API_TOKEN>` (compared in constant time), or is a one-time sign-in
// URL /__test__/sign-in/<ticket> (the ticket is the credential). Anything else under /__test__/
// is rewritten to an address no route answers, so the reply is the app's ordinary 404 page and no
// kit module runs. Every kit route handler checks again with requireTestKit().
import { createHash, timingSafeEqual } from "node:crypto";
import { notFound } from "next/navigation";
import { getEnv, isTestMode } from "@/lib/env";

export const TEST_KIT_PREFIX = "/__test__";
/**
 * Where proxy.ts sends a refused kit request: a folder starting with "_" is private in the App
 * Router, so no route can ever answer it, and Next renders app/not-found.tsx with status 404.
 */
export const TEST_KIT_REFUSED_PATH = "/_test-kit-refused";

const SIGN_IN_PATTERN = /^\/__test__\/sign-in\/[A-Za-z0-9_-]{20,100}\/?$/;

/** The path as routing sees it: %-decoded (so /%5F%5Ftest%5F%5F/ counts), repeated slashes as one. */
export function normalizedKitPath(pathname: string): string {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // Not decodable: proxy.ts answers 400 to such a path anyway; check it as it is.
  }
  return decoded.replace(/\/{2,}/g, "/");
}

/** The ticket of a sign-in URL (/__test__/sign-in/<ticket>), or null for any other address. */
export function signInTicketOf(pathname: string): string | null {
  if (!SIGN_IN_PATTERN.test(pathname)) return null;
  return pathname.replace(/\/$/, "").split("/").pop() ?? null;
}

/** Whether an address is the kit's (/__test__ or anything under it, whatever its encoding or case). */
export function isTestKitPath(pathname: string): boolean {
  const path = normalizedKitPath(pathname).toLowerCase();
  return path === TEST_KIT_PREFIX || path.startsWith(`${TEST_KIT_PREFIX}/`);
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** `Authorization: Bearer <token>`, compared in constant time (of the SHA-256 digests). */
export function bearerMatches(authorization: string | null | undefined, token: string | undefined): boolean {
  if (!token || token.length < 32 || !authorization) return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(token));
}

export type TestKitGateDecision = "not-kit" | "allow" | "refuse";

/** The decision, from plain values (tested in tests/unit/test-kit-core.test.ts). */
export function decideTestKitGate(input: {
  pathname: string;
  authorization: string | null | undefined;
  testMode: boolean;
  token: string | undefined;
}): TestKitGateDecision {
  if (!isTestKitPath(input.pathname)) return "not-kit";
  if (!input.testMode || !input.token) return "refuse";
  const path = normalizedKitPath(input.pathname);
  // Only the literal spelling reaches a route (the folder is app/%5F%5Ftest%5F%5F).
  if (!path.startsWith(`${TEST_KIT_PREFIX}/`) || input.pathname !== path) return "refuse";
  if (SIGN_IN_PATTERN.test(path)) return "allow";
  return bearerMatches(input.authorization, input.token) ? "allow" : "refuse";
}

/** For proxy.ts: the decision for a request. */
export function testKitGate(request: {
  nextUrl: { pathname: string };
  headers: Headers;
}): TestKitGateDecision {
  const pathname = request.nextUrl.pathname;
  if (!isTestKitPath(pathname)) return "not-kit";
  const testMode = isTestMode();
  return decideTestKitGate({
    pathname,
    authorization: request.headers.get("authorization"),
    testMode,
    token: testMode ? getEnv().TEST_API_TOKEN : undefined,
  });
}

/**
 * First line of every kit route handler: unless test mode is on and the request may pass the gate,
 * answers 404 (Next's notFound()) before anything else runs.
 */
export function requireTestKit(request: Request): void {
  const url = new URL(request.url);
  const testMode = isTestMode();
  const decision = decideTestKitGate({
    pathname: url.pathname,
    authorization: request.headers.get("authorization"),
    testMode,
    token: testMode ? getEnv().TEST_API_TOKEN : undefined,
  });
  if (decision !== "allow") notFound();
}
