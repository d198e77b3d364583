// The sandbox's settings (issue 12): when it is the provider, its webhook secret and address.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  isSandboxChaosOn,
  isSandboxProvider,
  sandboxWebhookSecret,
  sandboxWebhookUrl,
  WEBHOOK_SECRET_LABEL,
} from "@/lib/payments/sandbox/config";

describe("sandbox settings", () => {
  it("is the provider by default outside production, and in production only when chosen", () => {
    expect(isSandboxProvider({ NODE_ENV: "development" })).toBe(true);
    expect(isSandboxProvider({ NODE_ENV: "test", PAYMENT_PROVIDER: "" })).toBe(true);
    expect(isSandboxProvider({ NODE_ENV: "development", PAYMENT_PROVIDER: "stripe" })).toBe(false);
    expect(isSandboxProvider({ NODE_ENV: "production" })).toBe(false);
    expect(isSandboxProvider({ NODE_ENV: "production", PAYMENT_PROVIDER: "sandbox" })).toBe(true);
  });

  it("signs with PAYMENT_WEBHOOK_SECRET, else a secret derived from AUTH_SECRET (never in production)", () => {
    expect(sandboxWebhookSecret({ PAYMENT_WEBHOOK_SECRET: "explicit-secret", AUTH_SECRET: "a" })).toBe(
      "explicit-secret",
    );
    const authSecret = "auth-secret-auth-secret-auth-secret-0123";
    const derived = sandboxWebhookSecret({ NODE_ENV: "development", AUTH_SECRET: authSecret });
    expect(derived).toBe(createHmac("sha256", authSecret).update(WEBHOOK_SECRET_LABEL).digest("hex"));
    expect(derived).not.toContain(authSecret);
    expect(() => sandboxWebhookSecret({ NODE_ENV: "production", AUTH_SECRET: authSecret })).toThrow(
      /PAYMENT_WEBHOOK_SECRET/,
    );
  });

  it("delivers to this server's webhook endpoint unless told otherwise", () => {
    expect(sandboxWebhookUrl({ PORT: "3100" })).toBe("http://127.0.0.1:3100/api/payments/webhook");
    expect(sandboxWebhookUrl({})).toBe("http://127.0.0.1:3000/api/payments/webhook");
    expect(sandboxWebhookUrl({ PAYMENT_SANDBOX_WEBHOOK_URL: "http://hooks.test/in" })).toBe(
      "http://hooks.test/in",
    );
    expect(isSandboxChaosOn({ PAYMENT_SANDBOX_CHAOS: "on" })).toBe(true);
    expect(isSandboxChaosOn({ PAYMENT_SANDBOX_CHAOS: "1" })).toBe(true);
    expect(isSandboxChaosOn({ PAYMENT_SANDBOX_CHAOS: "off" })).toBe(false);
    expect(isSandboxChaosOn({})).toBe(false);
  });
});
