// The real provider (PAYMENT_PROVIDER=stripe) through Stripe's official SDK. Card: a Stripe-hosted
// Checkout Session (the card form and 3-D Secure are Stripe's page, never ours); konbini: a
// PaymentIntent created and confirmed on the server, whose next_action.konbini_display_details is
// the voucher. 払込票 is not a Stripe payment method. Requests follow the API version the SDK pins
// (2026-11-18.endive): since 2026-09-30.endive `payment_method_types` is no longer accepted on
// PaymentIntents or Checkout Sessions, so the method is chosen with `allowed_payment_method_types`.
// See docs/payments.md (本番の決済サービスへの切り替え) for what the operator configures.
import "server-only";
import Stripe from "stripe";
import {
  PaymentAlreadySucceededError,
  ProviderRequestError,
  ProviderUnavailableError,
  WebhookVerificationError,
  type CreatePaymentInput,
  type PaymentProvider,
  type ProviderEvent,
  type ProviderMethod,
  type ProviderPayment,
  type ProviderRefund,
  type RefundInput,
} from "@/lib/payments/provider";
import {
  METADATA,
  STRIPE_KONBINI_STORES,
  isStripeKonbiniStore,
  mapStripeEvent,
  paymentFromIntent,
  paymentFromSession,
  refundFromStripe,
  stripeCheckoutLocale,
} from "@/lib/payments/stripe/mapping";

/** The API version the SDK (stripe 23.2.0) is generated for; the webhook endpoint must use it too. */
export const STRIPE_API_VERSION = "2026-11-18.endive";
/** Stripe's own default: a signature older than this is refused (replayed or badly delayed). */
export const STRIPE_WEBHOOK_TOLERANCE_SECONDS = 300;
/**
 * Shown at the store's terminal: at most 22 characters, JIS X 0208 only (Stripe refuses others),
 * so a fixed text rather than our description (which holds ASCII and the 申請番号).
 */
export const KONBINI_PRODUCT_DESCRIPTION = "建設キャリアアップ登録料";

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Tests: a local stand-in for api.stripe.com. */
  apiBase?: { host: string; port: number; protocol: "http" | "https" };
}

export interface StripePaymentProvider extends PaymentProvider {
  readonly name: "stripe";
  /** The konbini chains Stripe's vouchers cover (lib/payments/konbini.ts keys). */
  readonly konbiniStores: readonly string[];
}

/** Stripe error codes that mean "try again later", not "your request is wrong". */
const TEMPORARY_CODES = new Set([
  "payment_method_not_available",
  "payment_method_rate_limit_exceeded",
  "lock_timeout",
]);

/** Stripe's messages can quote a masked key (sk_test_****1234); nothing of a key reaches our logs. */
const redactKeys = (text: string) => text.replace(/\b(sk|rk|pk|whsec)_[A-Za-z0-9_*]+/g, "[redacted]");

function toProviderError(error: unknown): Error {
  if (!(error instanceof Stripe.errors.StripeError))
    return error instanceof Error ? error : new Error(String(error));
  const status = error.statusCode;
  const code = error.code ?? error.type;
  const summary = `Stripe ${status ?? "no response"} ${error.type}${error.code ? ` ${error.code}` : ""}${error.requestId ? ` (${error.requestId})` : ""}`;
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    status === undefined ||
    status >= 500 ||
    (error.code !== undefined && TEMPORARY_CODES.has(error.code))
  ) {
    return new ProviderUnavailableError(`payment provider unavailable: ${summary}`);
  }
  return new ProviderRequestError(redactKeys(`${summary}: ${error.message}`), code);
}

async function call<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw toProviderError(error);
  }
}

/** Stripe's hosted pages send the payer back here, marked like the sandbox does (`?payment=`). */
function returnUrlFor(returnUrl: string, reference: string): string {
  const url = new URL(returnUrl);
  if (!url.searchParams.has("payment")) url.searchParams.set("payment", reference);
  return url.toString();
}

/** Search query language: string values in single quotes, quotes and backslashes escaped. */
const searchValue = (value: string) => `'${value.replace(/[\\']/g, (char) => `\\${char}`)}'`;

const isSessionId = (id: string) => id.startsWith("cs_");
const isIntentId = (id: string) => id.startsWith("pi_");

export function createStripeProvider(options: StripeProviderOptions): StripePaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    apiVersion: STRIPE_API_VERSION,
    // Retries (connection errors, 409, 5xx) resend the same Idempotency-Key: never a second charge.
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: "ccus-portal" },
    ...(options.apiBase ?? {}),
  });
  const { webhookSecret } = options;

  const sessionExpand = ["payment_intent", "payment_intent.latest_charge"];

  async function retrieveSession(id: string): Promise<ProviderPayment> {
    return paymentFromSession(
      await call(() => stripe.checkout.sessions.retrieve(id, { expand: sessionExpand })),
    );
  }

  async function retrieveIntent(id: string): Promise<ProviderPayment> {
    return paymentFromIntent(
      await call(() => stripe.paymentIntents.retrieve(id, { expand: ["latest_charge"] })),
    );
  }

  async function retrieve(id: string): Promise<ProviderPayment> {
    if (isSessionId(id)) return retrieveSession(id);
    if (isIntentId(id)) return retrieveIntent(id);
    throw new ProviderRequestError(`not a Stripe payment id: ${id}`, "resource_missing");
  }

  async function createCard(input: CreatePaymentInput): Promise<ProviderPayment> {
    const back = returnUrlFor(input.returnUrl, input.reference);
    const metadata = { [METADATA.reference]: input.reference, [METADATA.method]: "card" };
    const session = await call(() =>
      stripe.checkout.sessions.create(
        {
          mode: "payment",
          ui_mode: "hosted_page",
          allowed_payment_method_types: ["card"],
          line_items: [
            {
              price_data: {
                currency: "jpy",
                unit_amount: input.amount,
                product_data: { name: input.description },
              },
              quantity: 1,
            },
          ],
          success_url: back,
          cancel_url: back,
          client_reference_id: input.reference,
          customer_email: input.customer.email,
          locale: stripeCheckoutLocale(input.locale),
          metadata,
          payment_intent_data: { description: input.description, metadata },
        },
        { idempotencyKey: input.reference },
      ),
    );
    return paymentFromSession(session);
  }

  async function createKonbini(input: CreatePaymentInput): Promise<ProviderPayment> {
    const store = input.konbiniStore;
    if (!isStripeKonbiniStore(store)) {
      throw new ProviderRequestError(
        `konbini store not offered by Stripe: ${store ?? "(none)"}`,
        "konbini_store_unsupported",
      );
    }
    const intent = await call(() =>
      stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: "jpy",
          allowed_payment_method_types: ["konbini"],
          confirm: true,
          description: input.description,
          metadata: {
            [METADATA.reference]: input.reference,
            [METADATA.method]: "konbini",
            [METADATA.konbiniStore]: store,
          },
          payment_method_data: {
            type: "konbini",
            billing_details: { name: input.customer.name, email: input.customer.email },
          },
          payment_method_options: {
            konbini: {
              product_description: KONBINI_PRODUCT_DESCRIPTION,
              // 23:59:59 JST of the last day (Stripe counts whole seconds).
              ...(input.expiresAt ? { expires_at: Math.floor(input.expiresAt.getTime() / 1000) } : {}),
            },
          },
        },
        { idempotencyKey: input.reference },
      ),
    );
    return paymentFromIntent(intent);
  }

  async function cancelSession(id: string): Promise<ProviderPayment> {
    const current = await retrieveSession(id);
    if (current.status === "succeeded") throw new PaymentAlreadySucceededError(current);
    if (current.status === "expired") return current;
    try {
      const expired = await call(() => stripe.checkout.sessions.expire(id));
      return { ...paymentFromSession(expired), status: "canceled" };
    } catch (error) {
      // Completed between our read and the expire: it was paid meanwhile.
      const now = await retrieveSession(id);
      if (now.status === "succeeded") throw new PaymentAlreadySucceededError(now);
      throw error;
    }
  }

  async function cancelIntent(id: string): Promise<ProviderPayment> {
    const current = await retrieveIntent(id);
    if (current.status === "succeeded") throw new PaymentAlreadySucceededError(current);
    if (current.rawStatus === "canceled") return current;
    try {
      const canceled = await call(() =>
        stripe.paymentIntents.cancel(id, { cancellation_reason: "requested_by_customer" }),
      );
      return paymentFromIntent(canceled);
    } catch (error) {
      // Konbini: "If the customer is currently paying … the cancellation request will fail".
      const now = await retrieveIntent(id);
      if (now.status === "succeeded") throw new PaymentAlreadySucceededError(now);
      throw error;
    }
  }

  /** The PaymentIntent that holds the money of a payment (a card payment's is inside its session). */
  async function paidIntentId(providerPaymentId: string): Promise<string> {
    if (isIntentId(providerPaymentId)) return providerPaymentId;
    if (!isSessionId(providerPaymentId)) {
      throw new ProviderRequestError(`not a Stripe payment id: ${providerPaymentId}`, "resource_missing");
    }
    const session = await call(() => stripe.checkout.sessions.retrieve(providerPaymentId));
    const intent = session.payment_intent;
    const id = typeof intent === "string" ? intent : intent?.id;
    if (!id) throw new ProviderRequestError(`nothing was paid in ${providerPaymentId}`, "charge_missing");
    return id;
  }

  return {
    name: "stripe",
    konbiniStores: STRIPE_KONBINI_STORES,

    supports(method: ProviderMethod): boolean {
      return method === "card" || method === "konbini";
    },

    async create(input: CreatePaymentInput): Promise<ProviderPayment> {
      if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
        throw new ProviderRequestError(
          `amount must be a positive number of yen: ${input.amount}`,
          "amount_invalid",
        );
      }
      switch (input.method) {
        case "card":
          return createCard(input);
        case "konbini":
          return createKonbini(input);
        case "slip":
          throw new ProviderRequestError(
            "払込票 is not a Stripe payment method",
            "payment_method_unsupported",
          );
      }
    },

    retrieve,

    async findByReference(reference: string): Promise<ProviderPayment | null> {
      // PaymentIntents are searchable by metadata (within about a minute of a change: reconciliation
      // asks only about payments older than that). A card payment has a PaymentIntent only once the
      // payer submitted Stripe's form; before that its open Checkout Session is found in the list.
      const found = await call(() =>
        stripe.paymentIntents.search({
          query: `metadata['${METADATA.reference}']:${searchValue(reference)}`,
          limit: 1,
        }),
      );
      const intent = found.data[0];
      if (intent) {
        if (intent.metadata[METADATA.method] !== "card") return retrieveIntent(intent.id);
        const sessions = await call(() =>
          stripe.checkout.sessions.list({ payment_intent: intent.id, limit: 1 }),
        );
        const session = sessions.data[0];
        return session ? retrieveSession(session.id) : retrieveIntent(intent.id);
      }
      const open = await call(() => stripe.checkout.sessions.list({ status: "open", limit: 100 }));
      const session = open.data.find((candidate) => candidate.client_reference_id === reference);
      return session ? retrieveSession(session.id) : null;
    },

    async cancel(providerPaymentId: string): Promise<ProviderPayment> {
      if (isSessionId(providerPaymentId)) return cancelSession(providerPaymentId);
      if (isIntentId(providerPaymentId)) return cancelIntent(providerPaymentId);
      throw new ProviderRequestError(`not a Stripe payment id: ${providerPaymentId}`, "resource_missing");
    },

    async refund(providerPaymentId: string, input: RefundInput): Promise<ProviderRefund> {
      const paymentIntent = await paidIntentId(providerPaymentId);
      const refund = await call(() =>
        stripe.refunds.create(
          {
            payment_intent: paymentIntent,
            amount: input.amount,
            reason: "requested_by_customer",
            // Metadata values hold at most 500 characters.
            metadata: { reason: Array.from(input.reason).slice(0, 500).join("") },
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return refundFromStripe(refund);
    },

    parseWebhook(rawBody: string, headers: Headers, now: Date): ProviderEvent {
      const signature = headers.get("stripe-signature");
      if (!signature) throw new WebhookVerificationError("Stripe-Signature header missing");
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          rawBody,
          signature,
          webhookSecret,
          STRIPE_WEBHOOK_TOLERANCE_SECONDS,
          undefined,
          now.getTime(),
        );
      } catch (error) {
        // The SDK's message can quote the end of our secret: keep only what went wrong.
        const old = error instanceof Error && error.message.includes("tolerance");
        throw new WebhookVerificationError(
          old ? "timestamp outside the tolerance" : "signature does not verify",
        );
      }
      // The SDK refuses only old timestamps; one far in the future is no more trustworthy.
      const timestamp = Number(/(?:^|,)t=(\d+)/.exec(signature)?.[1]);
      if (timestamp - now.getTime() / 1000 > STRIPE_WEBHOOK_TOLERANCE_SECONDS) {
        throw new WebhookVerificationError("timestamp outside the tolerance");
      }
      const { type, payment } = mapStripeEvent(event);
      return {
        id: event.id,
        type,
        rawType: event.type,
        createdAt: new Date(event.created * 1000),
        payment,
        raw: JSON.parse(rawBody) as unknown,
      };
    },
  };
}
