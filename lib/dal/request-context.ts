// Who is asking: client IP and user agent of the current request.
import "server-only";
import { headers } from "next/headers";
import type { RequestContext } from "@/lib/auth/authenticate";

/**
 * The client IP. Next.js appends the socket address to x-forwarded-for, and a reverse proxy in
 * front appends its peer, so the last entry is the one nobody outside could forge.
 */
export async function getRequestContext(): Promise<RequestContext> {
  const list = await headers();
  const forwarded = list.get("x-forwarded-for");
  const ip = forwarded?.split(",").at(-1)?.trim() || list.get("x-real-ip") || null;
  return { ip, userAgent: list.get("user-agent") };
}
