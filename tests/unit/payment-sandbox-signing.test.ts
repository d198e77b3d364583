// The sandbox's webhook signature (issue 12): Stripe's t=…,v1=… scheme, 300 s tolerance.
import { describe, expect, it } from "vitest";
import {
  computeSignature,
  parseSignatureHeader,
  signatureHeader,
  verifySignature,
} from "@/lib/payments/sandbox/signing";

const SECRET = "sandbox-secret";
const BODY = JSON.stringify({ id: "evt_1", type: "payment_intent.succeeded" });
const AT = new Date("2026-12-07T03:00:00Z");
const seconds = Math.floor(AT.getTime() / 1000);

describe("webhook signature", () => {
  it("signs HMAC-SHA256 of '<t>.<body>' in hex and verifies it", () => {
    const header = signatureHeader(SECRET, BODY, AT);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(header).toBe(`t=${seconds},v1=${computeSignature(SECRET, seconds, BODY)}`);
    expect(verifySignature(SECRET, BODY, header, AT)).toEqual({ ok: true, timestamp: seconds });
    expect(verifySignature(SECRET, BODY, header, new Date(AT.getTime() + 299_000)).ok).toBe(true);
  });

  it("refuses another secret, a changed body and a changed timestamp", () => {
    const header = signatureHeader(SECRET, BODY, AT);
    expect(verifySignature("other-secret", BODY, header, AT)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(SECRET, `${BODY} `, header, AT)).toEqual({ ok: false, reason: "mismatch" });
    const shifted = header.replace(`t=${seconds}`, `t=${seconds + 1}`);
    expect(verifySignature(SECRET, BODY, shifted, AT)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("refuses a signature older (or newer) than 300 s: a replayed delivery", () => {
    const header = signatureHeader(SECRET, BODY, AT);
    expect(verifySignature(SECRET, BODY, header, new Date(AT.getTime() + 301_000))).toEqual({
      ok: false,
      reason: "too-old",
    });
    expect(verifySignature(SECRET, BODY, header, new Date(AT.getTime() - 301_000)).ok).toBe(false);
  });

  it("refuses a missing or malformed header", () => {
    expect(verifySignature(SECRET, BODY, null, AT)).toEqual({ ok: false, reason: "missing" });
    for (const header of [
      "",
      "v1=abc",
      `t=${seconds}`,
      "t=abc,v1=00",
      `t=${seconds},v1=xyz`,
      "garbage",
      `t=${seconds},,v1=`,
    ]) {
      expect(verifySignature(SECRET, BODY, header, AT).ok, header).toBe(false);
    }
    expect(parseSignatureHeader(`t=${seconds},v1=${"a".repeat(63)}`)).toBeNull();
  });

  it("accepts any one of several v1 signatures (a secret being rotated) and ignores other schemes", () => {
    const good = computeSignature(SECRET, seconds, BODY);
    const header = `t=${seconds},v0=zzz,v1=${"0".repeat(64)},v1=${good}`;
    expect(verifySignature(SECRET, BODY, header, AT).ok).toBe(true);
  });
});
