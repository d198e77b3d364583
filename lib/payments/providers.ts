// Which payment provider the portal talks to (PAYMENT_PROVIDER): `sandbox`, this app's own
// imitation of a provider (lib/payments/sandbox), or `stripe`. Unset means the sandbox, except in
// production, where the operator must say which (as MAIL_TRANSPORT=file must be said): a
// production server never takes pretend payments by accident.
import "server-only";
import { getEnv, isProduction } from "@/lib/env";
import type { PaymentProvider } from "@/lib/payments/provider";
import { createSandboxProvider } from "@/lib/payments/sandbox/adapter";
import { createStripeProvider } from "@/lib/payments/stripe/adapter";

export type PaymentProviderName = PaymentProvider["name"];

/** The configuration problem that keeps payments closed, in Japanese (null when there is none). */
export class PaymentConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentConfigurationError";
  }
}

export function choosePaymentProviderName(
  source: { PAYMENT_PROVIDER?: string; STRIPE_SECRET_KEY?: string; STRIPE_WEBHOOK_SECRET?: string },
  { production }: { production: boolean },
): { ok: true; name: PaymentProviderName } | { ok: false; message: string } {
  const chosen = source.PAYMENT_PROVIDER || undefined;
  if (chosen === undefined) {
    return production
      ? {
          ok: false,
          message:
            "決済サービスが設定されていません。本番の決済には PAYMENT_PROVIDER=stripe（STRIPE_SECRET_KEY と STRIPE_WEBHOOK_SECRET も）を、検証環境でサンドボックスを使うときは PAYMENT_PROVIDER=sandbox を設定してください。",
        }
      : { ok: true, name: "sandbox" };
  }
  if (chosen !== "sandbox" && chosen !== "stripe") {
    return { ok: false, message: "PAYMENT_PROVIDER は sandbox か stripe を指定してください。" };
  }
  if (chosen === "stripe" && (!source.STRIPE_SECRET_KEY || !source.STRIPE_WEBHOOK_SECRET)) {
    return {
      ok: false,
      message: "PAYMENT_PROVIDER=stripe には STRIPE_SECRET_KEY と STRIPE_WEBHOOK_SECRET の設定が必要です。",
    };
  }
  return { ok: true, name: chosen };
}

type Global = { ccusPaymentProvider?: PaymentProvider; ccusPaymentProviderOverride?: PaymentProvider | null };
const holder = globalThis as Global;

/** The configured provider (one instance per server). Throws PaymentConfigurationError. */
export function getPaymentProvider(): PaymentProvider {
  if (holder.ccusPaymentProviderOverride) return holder.ccusPaymentProviderOverride;
  if (holder.ccusPaymentProvider) return holder.ccusPaymentProvider;
  const env = getEnv();
  const chosen = choosePaymentProviderName(env, { production: isProduction() });
  if (!chosen.ok) throw new PaymentConfigurationError(chosen.message);
  holder.ccusPaymentProvider = createProvider(chosen.name);
  return holder.ccusPaymentProvider;
}

function createProvider(name: PaymentProviderName): PaymentProvider {
  switch (name) {
    case "sandbox":
      return createSandboxProvider();
    case "stripe": {
      const env = getEnv();
      if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) {
        throw new PaymentConfigurationError(
          "PAYMENT_PROVIDER=stripe には STRIPE_SECRET_KEY と STRIPE_WEBHOOK_SECRET の設定が必要です。",
        );
      }
      return createStripeProvider({
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      });
    }
  }
}

/** Integration tests: answer this provider instead (a wrapper that fails, counts calls…); null restores. */
export function overridePaymentProviderForTests(provider: PaymentProvider | null): void {
  holder.ccusPaymentProviderOverride = provider;
}
