// Who the client is, network-wise: IP address parsing and normalisation, TRUSTED_PROXIES, and the
// choice between the socket's peer address and X-Forwarded-For. Pure (no Node or Next imports), so
// the configuration check, the request context and the tests share one implementation.

/** Longest canonical text this module returns (a full IPv6 address); audit_log.ip is VarChar(64). */
export const MAX_ADDRESS_LENGTH = 39;

/** Forwarded entries looked at, from the right; real proxy chains are a handful of hops. */
const MAX_FORWARDED_ENTRIES = 32;
/** Longer text is not an address, whatever it contains (a bracketed IPv6 with zone and port fits). */
const MAX_INPUT_LENGTH = 100;

export interface IpAddress {
  version: 4 | 6;
  /** 4 bytes for IPv4, 16 for IPv6. */
  bytes: Uint8Array;
}

export interface CidrRange {
  address: IpAddress;
  prefixLength: number;
}

export type TrustedProxies =
  { kind: "none" } | { kind: "cidrs"; ranges: CidrRange[] } | { kind: "hops"; count: number };

function parseIpv4Bytes(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes: number[] = [];
  for (const part of parts) {
    // Decimal only, no leading zeros: "010" is octal to some parsers and decimal to others.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes.push(value);
  }
  return bytes;
}

function parseIpv6Groups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parseSide = (side: string, isLast: boolean): number[] | null => {
    if (side === "") return [];
    const groups: number[] = [];
    const pieces = side.split(":");
    for (const [index, piece] of pieces.entries()) {
      if (isLast && index === pieces.length - 1 && piece.includes(".")) {
        const v4 = parseIpv4Bytes(piece);
        if (!v4) return null;
        groups.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        groups.push(parseInt(piece, 16));
      }
    }
    return groups;
  };
  if (halves.length === 1) {
    const groups = parseSide(text, true);
    return groups && groups.length === 8 ? groups : null;
  }
  const head = parseSide(halves[0]!, false);
  const tail = parseSide(halves[1]!, true);
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/**
 * Parses an IPv4 or IPv6 address as it may appear in a socket or a forwarded header: surrounding
 * spaces, `[v6]`, `[v6]:port` and `v4:port` forms, and an IPv6 zone id (`fe80::1%eth0`) are
 * accepted and dropped. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) is returned as IPv4.
 */
export function parseIpAddress(input: string | null | undefined): IpAddress | null {
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  let text = input.trim();
  const bracketed = /^\[([^\]]+)\](?::[0-9]{1,5})?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[0-9.]+:[0-9]{1,5}$/.test(text)) text = text.slice(0, text.indexOf(":"));

  if (!text.includes(":")) {
    const v4 = parseIpv4Bytes(text);
    return v4 ? { version: 4, bytes: Uint8Array.from(v4) } : null;
  }
  const zone = text.indexOf("%");
  if (zone !== -1) text = text.slice(0, zone);
  const groups = parseIpv6Groups(text);
  if (!groups) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    bytes[index * 2] = group >> 8;
    bytes[index * 2 + 1] = group & 0xff;
  });
  const isV4Mapped =
    bytes.subarray(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return isV4Mapped ? { version: 4, bytes: bytes.slice(12) } : { version: 6, bytes };
}

/** The canonical text of an address: dotted decimal, or RFC 5952 IPv6 (lower case, longest zero run as ::). */
export function formatIpAddress(address: IpAddress): string {
  if (address.version === 4) return Array.from(address.bytes).join(".");
  const groups = Array.from(
    { length: 8 },
    (_, index) => (address.bytes[index * 2]! << 8) | address.bytes[index * 2 + 1]!,
  );
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > bestLength) [bestStart, bestLength] = [start, end - start];
    start = end;
  }
  const hex = (part: number[]) => part.map((group) => group.toString(16)).join(":");
  if (bestLength < 2) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLength))}`;
}

/** A valid address in canonical form, or null for anything else (never longer than MAX_ADDRESS_LENGTH). */
export function normalizeIpAddress(input: string | null | undefined): string | null {
  const address = parseIpAddress(input);
  return address ? formatIpAddress(address) : null;
}

/** `10.0.0.0/8`, `fd00::/8`, or a single address (a /32 or /128 range). */
export function parseCidrRange(text: string): CidrRange | null {
  const slash = text.indexOf("/");
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (!address) return null;
  const maxLength = address.version === 4 ? 32 : 128;
  if (slash === -1) return { address, prefixLength: maxLength };
  const lengthText = text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(lengthText)) return null;
  let prefixLength = Number(lengthText);
  // An IPv4-mapped range (::ffff:10.0.0.0/104) was turned into IPv4 by the parser.
  if (address.version === 4 && text.slice(0, slash).includes(":")) prefixLength -= 96;
  if (prefixLength < 0 || prefixLength > maxLength) return null;
  return { address, prefixLength };
}

export function isInCidrRange(address: IpAddress, range: CidrRange): boolean {
  if (address.version !== range.address.version) return false;
  const fullBytes = Math.floor(range.prefixLength / 8);
  for (let index = 0; index < fullBytes; index += 1) {
    if (address.bytes[index] !== range.address.bytes[index]) return false;
  }
  const restBits = range.prefixLength % 8;
  if (restBits === 0) return true;
  const mask = (0xff << (8 - restBits)) & 0xff;
  return (address.bytes[fullBytes]! & mask) === (range.address.bytes[fullBytes]! & mask);
}

/**
 * TRUSTED_PROXIES: empty (no proxy: the socket's peer is the client), a hop count (`1`: one proxy
 * in front, whatever its address), or a list of addresses and CIDR ranges separated by commas or
 * spaces. Throws an Error naming the bad part otherwise.
 */
export function parseTrustedProxies(spec: string | null | undefined): TrustedProxies {
  const text = (spec ?? "").trim();
  if (text === "" || text === "0") return { kind: "none" };
  if (/^[0-9]+$/.test(text)) {
    const count = Number(text);
    if (count > MAX_FORWARDED_ENTRIES) {
      throw new Error(
        `TRUSTED_PROXIES: a hop count must be between 0 and ${MAX_FORWARDED_ENTRIES} (got ${text})`,
      );
    }
    return { kind: "hops", count };
  }
  const ranges: CidrRange[] = [];
  for (const item of text.split(/[\s,]+/).filter(Boolean)) {
    const range = parseCidrRange(item);
    if (!range) {
      throw new Error(
        `TRUSTED_PROXIES: "${item.slice(0, 60)}" is not an IP address or CIDR range (e.g. 10.0.0.0/8, ::1), and the whole value is not a hop count`,
      );
    }
    ranges.push(range);
  }
  return { kind: "cidrs", ranges };
}

/**
 * Headers a proxy adds to say what the client asked for. From anyone but a trusted proxy they are
 * the client's own claims: proxy.ts drops them, so neither Next.js (its server-action origin check
 * compares Origin with X-Forwarded-Host) nor next-auth ever sees them.
 */
export const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
  "x-real-ip",
] as const;

/** True when the socket's peer is a proxy whose forwarding headers are believed. */
export function isTrustedPeer(
  peerAddress: string | null | undefined,
  trustedProxies: TrustedProxies,
): boolean {
  if (trustedProxies.kind === "none") return false;
  if (trustedProxies.kind === "hops") return true;
  const peer = parseIpAddress(peerAddress);
  return peer !== null && trustedProxies.ranges.some((range) => isInCidrRange(peer, range));
}

/** The last `limit` comma-separated entries of a header, right-most first, without splitting all of it. */
function lastEntries(header: string, limit: number): string[] {
  const entries: string[] = [];
  let end = header.length;
  while (entries.length < limit && end > 0) {
    const comma = header.lastIndexOf(",", end - 1);
    const entry = header.slice(comma + 1, end).trim();
    // A single entry longer than any address is not looked at in full.
    entries.push(entry.length > MAX_INPUT_LENGTH ? "" : entry);
    if (comma === -1) break;
    end = comma;
  }
  return entries;
}

export interface ClientAddressInput {
  /** The TCP peer of this server's socket (Node's socket.remoteAddress). */
  peerAddress: string | null | undefined;
  /** The X-Forwarded-For header as received (several headers joined by ", "), if any. */
  forwardedFor: string | null | undefined;
  trustedProxies: TrustedProxies;
}

/**
 * The client's address, canonical, or null when even the peer address is unusable. Forwarded
 * entries are believed only as far as trusted proxies vouch for them: walking X-Forwarded-For from
 * the right, each proxy's own entry names the hop before it. An unparsable entry stops the walk at
 * the last address known good, so a client can never choose the answer.
 */
export function resolveClientAddress({
  peerAddress,
  forwardedFor,
  trustedProxies,
}: ClientAddressInput): string | null {
  const peer = parseIpAddress(peerAddress);
  if (!peer) return null;
  if (trustedProxies.kind === "none" || !forwardedFor) return formatIpAddress(peer);

  const isTrusted = (address: IpAddress) =>
    trustedProxies.kind === "cidrs" && trustedProxies.ranges.some((range) => isInCidrRange(address, range));
  if (trustedProxies.kind === "cidrs" && !isTrusted(peer)) return formatIpAddress(peer);

  const limit = trustedProxies.kind === "hops" ? trustedProxies.count : MAX_FORWARDED_ENTRIES;
  let candidate = peer;
  for (const entry of lastEntries(forwardedFor, limit)) {
    const address = parseIpAddress(entry);
    if (!address) break;
    candidate = address;
    if (trustedProxies.kind === "cidrs" && !isTrusted(address)) break;
  }
  return formatIpAddress(candidate);
}
