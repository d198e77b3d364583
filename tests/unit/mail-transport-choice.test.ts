// Where mail goes (lib/env.ts chooseMailTransport) and the dev mailbox's absence from builds.
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from "next/constants";
import { afterEach, describe, expect, it, vi } from "vitest";
import { chooseMailTransport } from "@/lib/env";
import nextConfig from "@/next.config";

describe("chooseMailTransport", () => {
  const strict = { requireExplicit: true };
  const lenient = { requireExplicit: false };

  it("sends through SMTP_URL when it is set", () => {
    expect(chooseMailTransport({ SMTP_URL: "smtp://relay.example.jp:25" }, strict)).toEqual({
      ok: true,
      choice: { kind: "smtp", url: "smtp://relay.example.jp:25" },
    });
  });

  it("refuses a production start without SMTP_URL, saying what to set", () => {
    const result = chooseMailTransport({}, strict);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain("SMTP_URL");
    expect(result.message).toContain("MAIL_TRANSPORT=file");
    expect(chooseMailTransport({ SMTP_URL: "" }, strict).ok).toBe(false);
  });

  it("takes the file mailbox in production only when MAIL_TRANSPORT=file chooses it", () => {
    expect(chooseMailTransport({ MAIL_TRANSPORT: "file" }, strict)).toEqual({
      ok: true,
      choice: { kind: "file" },
    });
  });

  it("keeps the file mailbox as the development default", () => {
    expect(chooseMailTransport({}, lenient)).toEqual({ ok: true, choice: { kind: "file" } });
  });

  it("refuses contradictory or unknown settings", () => {
    const both = chooseMailTransport(
      { MAIL_TRANSPORT: "file", SMTP_URL: "smtp://relay.example.jp:25" },
      lenient,
    );
    expect(both.ok).toBe(false);
    expect(chooseMailTransport({ MAIL_TRANSPORT: "smtp" }, lenient).ok).toBe(false);
    const unknown = chooseMailTransport({ MAIL_TRANSPORT: "files" }, lenient);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.message).toContain("MAIL_TRANSPORT");
    expect(chooseMailTransport({ SMTP_URL: "not a url" }, strict).ok).toBe(false);
  });
});

describe("the dev mailbox page (page.dev.tsx)", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is in no build, whatever NODE_ENV the build ran with", () => {
    for (const nodeEnv of ["development", "test", "production"]) {
      vi.stubEnv("NODE_ENV", nodeEnv);
      for (const phase of [PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER]) {
        expect(nextConfig(phase).pageExtensions).not.toContain("dev.tsx");
      }
    }
  });

  it("is there for next dev", () => {
    expect(nextConfig(PHASE_DEVELOPMENT_SERVER).pageExtensions).toContain("dev.tsx");
  });
});
