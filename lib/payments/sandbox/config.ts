// The sandbox's settings, read from the environment in this one place (issue 12): whether the
// sandbox is the configured provider, the webhook secret, where webhooks go, and the chaos switch.
import { createHmac } from "node:crypto";

type Source = Record<string, string | undefined>;

/**
 * The sandbox is the provider: PAYMENT_PROVIDER=sandbox, or unset outside production (in
 * production it must be chosen explicitly, as MAIL_TRANSPORT=file).
 */
export function isSandboxProvider(source: Source = process.env): boolean {
  const chosen = (source.PAYMENT_PROVIDER ?? "").trim();
  if (chosen === "sandbox") return true;
  return chosen === "" && source.NODE_ENV !== "production";
}

/** The label of the HMAC that derives the development/test webhook secret from AUTH_SECRET. */
export const WEBHOOK_SECRET_LABEL = "payment-sandbox-webhook";

/**
 * The secret the sandbox signs webhooks with and the adapter verifies them with:
 * PAYMENT_WEBHOOK_SECRET, else (development and test only) HMAC-SHA256(AUTH_SECRET, label).
 */
export function sandboxWebhookSecret(source: Source = process.env): string {
  const explicit = source.PAYMENT_WEBHOOK_SECRET?.trim();
  if (explicit) return explicit;
  if (source.NODE_ENV === "production") {
    throw new Error("PAYMENT_WEBHOOK_SECRET が設定されていません（本番では必須です）。");
  }
  const authSecret = source.AUTH_SECRET;
  if (!authSecret) throw new Error("AUTH_SECRET が設定されていません。");
  return createHmac("sha256", authSecret).update(WEBHOOK_SECRET_LABEL).digest("hex");
}

/** Where the worker POSTs events (default: this server's own webhook endpoint). */
export function sandboxWebhookUrl(source: Source = process.env): string {
  const explicit = source.PAYMENT_SANDBOX_WEBHOOK_URL?.trim();
  if (explicit) return explicit;
  const port = source.PORT?.trim() || "3000";
  return `http://127.0.0.1:${port}/api/payments/webhook`;
}

/** PAYMENT_SANDBOX_CHAOS=on: some events are delivered twice, some held back (out of order). */
export function isSandboxChaosOn(source: Source = process.env): boolean {
  // The same words lib/env.ts takes for a flag.
  return ["on", "1", "true"].includes(source.PAYMENT_SANDBOX_CHAOS ?? "");
}
