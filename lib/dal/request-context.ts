// Who is asking: client IP and user agent of the current request.
import "server-only";
import { headers } from "next/headers";
import type { RequestContext } from "@/lib/auth/authenticate";
import { clientAddressOf } from "@/lib/net/request-address";

/** The user_agent columns are VarChar(512). */
const MAX_USER_AGENT_LENGTH = 512;

/**
 * The client IP, validated and canonical, or null. It is the socket's peer address (copied into
 * the request by lib/net/peer-address-hook.ts); X-Forwarded-For counts only when that peer is a
 * proxy named in TRUSTED_PROXIES (lib/net/client-address.ts). X-Real-IP is never believed.
 */
export async function getRequestContext(): Promise<RequestContext> {
  const list = await headers();
  return {
    ip: clientAddressOf(list),
    userAgent: list.get("user-agent")?.slice(0, MAX_USER_AGENT_LENGTH) || null,
  };
}
