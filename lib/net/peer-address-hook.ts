// Carries each request's TCP peer address into the request headers, where server actions, route
// handlers, server components and proxy.ts can read it. Next.js keeps a client-sent
// X-Forwarded-For as it is and exposes the socket nowhere else, so the address is copied from
// Node's `http.server.request.start` diagnostics channel, which fires for every request before the
// server's request handler (Next's) sees it. Installed once per process by instrumentation.ts.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/** Overwritten on every request, so a client-sent header of this name never survives. */
export const PEER_ADDRESS_HEADER = "x-ccus-peer-address";

const installedKey = Symbol.for("ccus.peerAddressHook");
type HookGlobal = { [installedKey]?: (message: unknown) => void };

function copyPeerAddress(message: unknown) {
  const { request, socket } = message as { request?: IncomingMessage; socket?: Socket };
  if (!request) return;
  request.headers[PEER_ADDRESS_HEADER] = (socket ?? request.socket)?.remoteAddress ?? "";
}

export function installPeerAddressHook(): void {
  const global = globalThis as HookGlobal;
  if (global[installedKey]) return;
  // Kept on globalThis: a subscriber must stay referenced, and the flag says the header is ours.
  global[installedKey] = copyPeerAddress;
  subscribe("http.server.request.start", copyPeerAddress);
}

/** True when this process overwrites PEER_ADDRESS_HEADER on every request (else it may be forged). */
export function isPeerAddressHookInstalled(): boolean {
  return typeof (globalThis as HookGlobal)[installedKey] === "function";
}
