import { describe, expect, it } from "vitest";
import {
  MAX_ADDRESS_LENGTH,
  isInCidrRange,
  isTrustedPeer,
  normalizeIpAddress,
  parseCidrRange,
  parseIpAddress,
  parseTrustedProxies,
  resolveClientAddress,
  type TrustedProxies,
} from "@/lib/net/client-address";

const none: TrustedProxies = { kind: "none" };

describe("normalizeIpAddress", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["203.0.113.9:51234", "203.0.113.9"],
    ["::1", "::1"],
    ["[::1]", "::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
    ["2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"],
    ["2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"],
    ["fe80::1%eth0", "fe80::1"],
    ["[fe80::abcd%25en0]:80", "fe80::abcd"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::FFFF:c000:0201", "192.0.2.1"],
    ["0:0:0:0:0:ffff:7f00:1", "127.0.0.1"],
    ["::", "::"],
    ["1::", "1::"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeIpAddress(input)).toBe(expected);
  });

  it.each([
    "",
    "unknown",
    "localhost",
    "256.1.1.1",
    "1.2.3",
    "1.2.3.4.5",
    "01.2.3.4",
    "1.2.3.4/8",
    "1:2:3:4:5:6:7:8:9",
    "1::2::3",
    "12345::1",
    "g::1",
    "::1:80 extra",
    "203.0.113.9, 10.0.0.1",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "１２７.０.０.１",
    "127.0.0.1\u0000",
    "x".repeat(10_000),
  ])("refuses %j", (input) => {
    expect(normalizeIpAddress(input)).toBeNull();
  });

  it("never returns more than the column can hold", () => {
    const longest = normalizeIpAddress("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
    expect(longest).toHaveLength(MAX_ADDRESS_LENGTH);
    expect(normalizeIpAddress(null)).toBeNull();
    expect(normalizeIpAddress(undefined)).toBeNull();
  });
});

describe("CIDR ranges", () => {
  const inRange = (address: string, range: string) =>
    isInCidrRange(parseIpAddress(address)!, parseCidrRange(range)!);

  it("matches IPv4 ranges", () => {
    expect(inRange("10.1.2.3", "10.0.0.0/8")).toBe(true);
    expect(inRange("11.0.0.1", "10.0.0.0/8")).toBe(false);
    expect(inRange("172.31.255.255", "172.16.0.0/12")).toBe(true);
    expect(inRange("172.32.0.0", "172.16.0.0/12")).toBe(false);
    expect(inRange("192.0.2.7", "192.0.2.7")).toBe(true);
    expect(inRange("192.0.2.8", "192.0.2.7")).toBe(false);
    expect(inRange("8.8.8.8", "0.0.0.0/0")).toBe(true);
  });

  it("matches IPv6 ranges, and IPv4-mapped peers against IPv4 ranges", () => {
    expect(inRange("fd12:3456::1", "fd00::/8")).toBe(true);
    expect(inRange("fe80::1", "fd00::/8")).toBe(false);
    expect(inRange("2001:db8::ff", "2001:db8::/120")).toBe(true);
    expect(inRange("2001:db8::1:0", "2001:db8::/120")).toBe(false);
    expect(inRange("::1", "::1")).toBe(true);
    expect(inRange("::ffff:10.0.0.5", "10.0.0.0/8")).toBe(true);
    expect(inRange("10.0.0.5", "::ffff:10.0.0.0/104")).toBe(true);
    expect(inRange("10.0.0.5", "::/0")).toBe(false);
  });

  it("refuses bad ranges", () => {
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/8/8", "nginx", "/8"]) {
      expect(parseCidrRange(bad), bad).toBeNull();
    }
  });
});

describe("parseTrustedProxies", () => {
  it("reads nothing, hop counts and lists", () => {
    expect(parseTrustedProxies("")).toEqual({ kind: "none" });
    expect(parseTrustedProxies(undefined)).toEqual({ kind: "none" });
    expect(parseTrustedProxies("0")).toEqual({ kind: "none" });
    expect(parseTrustedProxies(" 2 ")).toEqual({ kind: "hops", count: 2 });
    const list = parseTrustedProxies("127.0.0.1, ::1 10.0.0.0/8,fd00::/8");
    expect(list.kind === "cidrs" && list.ranges.length).toBe(4);
  });

  it("names the bad part", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8, proxy.example.jp")).toThrow(/proxy\.example\.jp/);
    expect(() => parseTrustedProxies("1000")).toThrow(/hop count/);
    expect(() => parseTrustedProxies("true")).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("resolveClientAddress", () => {
  const resolve = (peerAddress: string | null, forwardedFor: string | null, spec: string) =>
    resolveClientAddress({ peerAddress, forwardedFor, trustedProxies: parseTrustedProxies(spec) });

  it("takes the socket's peer and ignores a forged header when no proxy is trusted", () => {
    expect(resolve("127.0.0.1", "203.0.113.9", "")).toBe("127.0.0.1");
    expect(resolve("::ffff:127.0.0.1", "203.0.113.9, 198.51.100.1", "")).toBe("127.0.0.1");
    expect(resolve("::1", null, "")).toBe("::1");
    expect(resolve("garbage", "203.0.113.9", "")).toBeNull();
    expect(resolve(null, "203.0.113.9", "")).toBeNull();
  });

  it("ignores forwarded headers from a peer outside the trusted ranges", () => {
    expect(resolve("198.51.100.7", "203.0.113.9", "10.0.0.0/8")).toBe("198.51.100.7");
  });

  it("walks X-Forwarded-For from the right through trusted proxies only", () => {
    // nginx at 10.0.0.2 appended the client; a forged first entry stays left of it.
    expect(resolve("10.0.0.2", "1.1.1.1, 203.0.113.9", "10.0.0.0/8")).toBe("203.0.113.9");
    // Two trusted proxies in a row.
    expect(resolve("10.0.0.2", "1.1.1.1, 203.0.113.9, 10.0.0.3", "10.0.0.0/8")).toBe("203.0.113.9");
    // IPv6 proxies and clients.
    expect(resolve("::1", "2001:DB8::0:1", "::1")).toBe("2001:db8::1");
    expect(resolve("fd00::2", "[2001:db8::7]:5555", "fd00::/8")).toBe("2001:db8::7");
    // All trusted: the left-most is the best answer there is.
    expect(resolve("10.0.0.2", "10.0.0.9", "10.0.0.0/8")).toBe("10.0.0.9");
    // Proxy without a header: the peer.
    expect(resolve("10.0.0.2", null, "10.0.0.0/8")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "", "10.0.0.0/8")).toBe("10.0.0.2");
  });

  it("stops at garbage: the last address known good, never the client's text", () => {
    expect(resolve("10.0.0.2", "203.0.113.9, <script>", "10.0.0.0/8")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "unknown, 10.0.0.3", "10.0.0.0/8")).toBe("10.0.0.3");
    expect(resolve("10.0.0.2", "203.0.113.9,,", "10.0.0.0/8")).toBe("10.0.0.2");
  });

  it("counts hops", () => {
    expect(resolve("10.0.0.2", "1.1.1.1, 203.0.113.9", "1")).toBe("203.0.113.9");
    expect(resolve("10.0.0.2", "1.1.1.1, 203.0.113.9, 10.0.0.3", "2")).toBe("203.0.113.9");
    // Fewer entries than hops: the left-most there is.
    expect(resolve("10.0.0.2", "203.0.113.9", "3")).toBe("203.0.113.9");
    expect(resolve("10.0.0.2", null, "1")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "203.0.113.9, not-an-ip", "2")).toBe("10.0.0.2");
  });

  it("handles a 1 MB header quickly and without an oversized answer", () => {
    const huge = `${"9".repeat(1_000_000)}, ${"203.0.113.9, ".repeat(50_000)}198.51.100.1`;
    const started = performance.now();
    expect(resolve("10.0.0.2", huge, "10.0.0.0/8")).toBe("198.51.100.1");
    expect(resolve("10.0.0.2", "9".repeat(1_000_000), "10.0.0.0/8")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", huge, "")).toBe("10.0.0.2");
    expect(resolve("10.0.0.2", "a".repeat(1_000_000), "1")).toBe("10.0.0.2");
    expect(
      resolveClientAddress({ peerAddress: "x".repeat(1_000_000), forwardedFor: huge, trustedProxies: none }),
    ).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe("isTrustedPeer", () => {
  it("believes forwarding headers only from a configured proxy", () => {
    expect(isTrustedPeer("127.0.0.1", parseTrustedProxies(""))).toBe(false);
    expect(isTrustedPeer("10.0.0.2", parseTrustedProxies("10.0.0.0/8"))).toBe(true);
    expect(isTrustedPeer("::ffff:10.0.0.2", parseTrustedProxies("10.0.0.0/8"))).toBe(true);
    expect(isTrustedPeer("192.0.2.1", parseTrustedProxies("10.0.0.0/8"))).toBe(false);
    expect(isTrustedPeer("forged", parseTrustedProxies("10.0.0.0/8"))).toBe(false);
    expect(isTrustedPeer(null, parseTrustedProxies("10.0.0.0/8"))).toBe(false);
    // A hop count trusts whoever is in front: the app's port must be reachable only through it.
    expect(isTrustedPeer("192.0.2.1", parseTrustedProxies("1"))).toBe(true);
  });
});
