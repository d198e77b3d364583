// The CSP proxy.ts sends with every page: built from pieces made once, the nonce put in per request.
import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy } from "@/lib/security-headers";

describe("buildContentSecurityPolicy", () => {
  it("production: the nonce for scripts and styles, nothing inline or eval", () => {
    expect(buildContentSecurityPolicy("Tk9OQ0U=", false)).toBe(
      "default-src 'self'; script-src 'self' 'nonce-Tk9OQ0U=' 'strict-dynamic'; style-src 'self' 'nonce-Tk9OQ0U='; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; upgrade-insecure-requests",
    );
  });

  it("development: eval and inline styles for fast refresh, no upgrade-insecure-requests", () => {
    expect(buildContentSecurityPolicy("abc", true)).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it("each call its own nonce", () => {
    const first = buildContentSecurityPolicy("Rmlyc3Q=", false);
    const second = buildContentSecurityPolicy("U2Vjb25k", false);
    expect(first).toContain("'nonce-Rmlyc3Q='");
    expect(first).not.toContain("U2Vjb25k");
    expect(second).toContain("'nonce-U2Vjb25k'");
    expect(second).not.toContain("Rmlyc3Q=");
  });
});
