// The request-side half of lib/net/client-address.ts: TRUSTED_PROXIES as configured, and the
// socket's peer address as the hook copied it. Shared by proxy.ts and lib/dal/request-context.ts.
import { getEnv } from "@/lib/env";
import { parseTrustedProxies, resolveClientAddress, type TrustedProxies } from "@/lib/net/client-address";
import { isPeerAddressHookInstalled, PEER_ADDRESS_HEADER } from "@/lib/net/peer-address-hook";
import { log } from "@/lib/log";

let trusted: { spec: string; proxies: TrustedProxies } | undefined;
let warnedNoHook = false;

export function configuredTrustedProxies(): TrustedProxies {
  const spec = getEnv().TRUSTED_PROXIES;
  if (trusted?.spec !== spec) trusted = { spec, proxies: parseTrustedProxies(spec) };
  return trusted.proxies;
}

/** The socket's peer address, or null when this process does not vouch for the header. */
export function peerAddressOf(headers: Pick<Headers, "get">): string | null {
  if (isPeerAddressHookInstalled()) return headers.get(PEER_ADDRESS_HEADER);
  if (!warnedNoHook) {
    warnedNoHook = true;
    log.warn(
      "The peer-address hook is not installed (instrumentation.ts did not run): client IPs are unknown.",
    );
  }
  return null;
}

/** The client's address for this request, validated and canonical, or null. */
export function clientAddressOf(headers: Pick<Headers, "get">): string | null {
  return resolveClientAddress({
    peerAddress: peerAddressOf(headers),
    forwardedFor: headers.get("x-forwarded-for"),
    trustedProxies: configuredTrustedProxies(),
  });
}
