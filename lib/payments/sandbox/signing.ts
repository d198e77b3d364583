// Webhook signatures of the sandbox (issue 12), Stripe's scheme:
//   Sandbox-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// Verification checks the timestamp against a tolerance (replays of old deliveries fail) and
// compares in constant time. Several v1 entries are allowed (a secret being rotated).
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "Sandbox-Signature";
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function computeSignature(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`, "utf8").digest("hex");
}

/** The header value for a body sent at `at`. */
export function signatureHeader(secret: string, rawBody: string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${computeSignature(secret, timestamp, rawBody)}`;
}

export type SignatureCheck =
  { ok: true; timestamp: number } | { ok: false; reason: "missing" | "malformed" | "too-old" | "mismatch" };

/** Splits `t=…,v1=…`; null when the header is not of that shape. */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const index = part.indexOf("=");
    if (index <= 0) return null;
    const key = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    if (key === "t") {
      if (!/^\d{1,12}$/.test(value) || timestamp !== null) return null;
      timestamp = Number(value);
    } else if (key === "v1") {
      if (!/^[0-9a-f]{64}$/.test(value)) return null;
      signatures.push(value);
    }
    // Other schemes (v0, …) are ignored, as Stripe does.
  }
  if (timestamp === null || signatures.length === 0) return null;
  return { timestamp, signatures };
}

export function verifySignature(
  secret: string,
  rawBody: string,
  header: string | null | undefined,
  now: Date,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { ok: false, reason: "missing" };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(computeSignature(secret, parsed.timestamp, rawBody), "hex");
  const matches = parsed.signatures.some((signature) => {
    const given = Buffer.from(signature, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) return { ok: false, reason: "mismatch" };
  // Checked after the signature, so an attacker learns nothing about the clock from a forgery.
  if (Math.abs(now.getTime() / 1000 - parsed.timestamp) > toleranceSeconds) {
    return { ok: false, reason: "too-old" };
  }
  return { ok: true, timestamp: parsed.timestamp };
}
