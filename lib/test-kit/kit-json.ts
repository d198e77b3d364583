// JSON answers of the mail, clock and faults kit routes (issue 10): no-store, bad input as
// 400 {"error", "issues"} from zod, never a 500.
import { NextResponse } from "next/server";
import { z } from "zod";
import { testNamespaceSchema } from "@/lib/test-kit/request-namespace";
import { log } from "@/lib/log";

const NO_STORE = { "Cache-Control": "no-store" };

export function kitJson(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

export function kitBadRequest(error: string, issues: unknown[] = []): NextResponse {
  return kitJson({ error, issues }, 400);
}

export function kitZodError(error: z.ZodError): NextResponse {
  return kitBadRequest(
    "invalid request",
    error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
  );
}

/** The request's JSON body; `undefined` for an empty body, or a 400 answer. */
export async function readJsonBody(
  request: Request,
): Promise<{ ok: true; body: unknown } | { ok: false; response: NextResponse }> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, response: kitBadRequest("unreadable body") };
  }
  if (text.trim() === "") return { ok: true, body: undefined };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, response: kitBadRequest("body is not JSON") };
  }
}

/** The answer of an unexpected failure (the database is down…): 503, never a 500. */
export function kitUnavailable(error: unknown): NextResponse {
  log.error("test kit: request failed", { error: error instanceof Error ? error.message : String(error) });
  return kitJson({ error: "unavailable" }, 503);
}

export { testNamespaceSchema as nsSchema } from "@/lib/test-kit/request-namespace";

const namespaceQuery = z.object({ ns: testNamespaceSchema });

/** The `?ns=` of a GET or DELETE: the namespace, or the 400 answer. */
export function readNamespaceQuery(
  request: Request,
): { ok: true; ns: string } | { ok: false; response: NextResponse } {
  const parsed = namespaceQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return parsed.success
    ? { ok: true, ns: parsed.data.ns }
    : { ok: false, response: kitZodError(parsed.error) };
}

/** Runs a handler body; an unexpected error becomes 503 instead of a 500. notFound() passes. */
export async function kitHandle(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    // Next's notFound()/redirect() signal by throwing; let them through.
    if (error && typeof error === "object" && "digest" in error) throw error;
    return kitUnavailable(error);
  }
}
