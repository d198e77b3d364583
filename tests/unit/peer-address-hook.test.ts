// The hook against a real Node.js HTTP server: the socket's peer reaches the handler in a header a
// client cannot set, whatever it sends.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  installPeerAddressHook,
  isPeerAddressHookInstalled,
  PEER_ADDRESS_HEADER,
} from "@/lib/net/peer-address-hook";
import { normalizeIpAddress } from "@/lib/net/client-address";

let seen: IncomingHttpHeaders[] = [];
const server = createServer((request, response) => {
  seen.push({ ...request.headers });
  response.end("ok");
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("peer-address hook", () => {
  it("is off until installed, then overwrites a client-sent copy on every request", async () => {
    seen = [];
    await fetch(base, { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9" } });
    expect(isPeerAddressHookInstalled()).toBe(false);
    expect(seen[0]?.[PEER_ADDRESS_HEADER]).toBe("203.0.113.9");

    installPeerAddressHook();
    installPeerAddressHook();
    expect(isPeerAddressHookInstalled()).toBe(true);
    seen = [];
    await fetch(base, {
      headers: { [PEER_ADDRESS_HEADER]: "203.0.113.9", "X-Forwarded-For": "198.51.100.1" },
    });
    await fetch(base);
    expect(seen).toHaveLength(2);
    for (const headers of seen) {
      expect(normalizeIpAddress(headers[PEER_ADDRESS_HEADER] as string)).toBe("127.0.0.1");
    }
    expect(seen[0]?.["x-forwarded-for"]).toBe("198.51.100.1");
  });
});
