// Stripe's objects in the portal's words (lib/payments/provider.ts): statuses, vouchers, decline
// reasons and webhook event types stop here. Pure functions, so the tests can feed them the
// documented JSON directly.
//
// Which id is "the payment": a card payment is a Checkout Session (cs_…), because Checkout creates
// its PaymentIntent only when the payer submits the form (API 2022-08-01 and later: "A
// PaymentIntent is no longer created during Checkout Session creation in payment mode"), so a pi_
// does not exist when we must store the payment. A konbini payment is its PaymentIntent (pi_…).
// Every Stripe object we create carries our reference in metadata (Checkout copies
// payment_intent_data.metadata onto the PaymentIntent, which copies it onto its Charge), so events
// about the PaymentIntent or the Charge of a card payment name the same reference.
import type Stripe from "stripe";
import type { Locale } from "@/lib/i18n/locales";
import { declineMessage } from "@/lib/payments/decline-messages";
import type {
  ProviderError,
  ProviderEvent,
  ProviderMethod,
  ProviderPayment,
  ProviderPaymentStatus,
  ProviderRefund,
  Voucher,
} from "@/lib/payments/provider";

/**
 * The chains Stripe's konbini covers: next_action.konbini_display_details.stores has exactly these
 * four ("Customers can pay at FamilyMart, Lawson, Ministop, and Seicomart stores across Japan",
 * docs.stripe.com/payments/konbini). セブン-イレブン and デイリーヤマザキ are not offered with Stripe:
 * their registers take none of these codes, so offering them would send the payer to a store that
 * cannot take the payment.
 */
export const STRIPE_KONBINI_STORES = ["familymart", "lawson", "ministop", "seicomart"] as const;
export type StripeKonbiniStore = (typeof STRIPE_KONBINI_STORES)[number];

export function isStripeKonbiniStore(value: string | undefined): value is StripeKonbiniStore {
  return value !== undefined && (STRIPE_KONBINI_STORES as readonly string[]).includes(value);
}

/** Metadata keys we set on every Stripe object we create. */
export const METADATA = { reference: "reference", method: "method", konbiniStore: "konbini_store" } as const;

/**
 * The Checkout Session's `locale` for the payer's portal language (issue 15). Stripe Checkout speaks
 * ja, en, vi, id and zh (Simplified) among others, not Burmese or Nepali: those get English, as
 * the portal's own fallback does; やさしい日本語 gets Japanese. Never `auto` (the browser's language
 * may not be the one the payer chose in the portal); absent: Japanese, as before issue 15.
 */
export function stripeCheckoutLocale(locale: Locale | undefined): Stripe.Checkout.SessionCreateParams.Locale {
  switch (locale) {
    case undefined:
    case "ja":
    case "ja-x-easy":
      return "ja";
    case "vi":
    case "id":
      return locale;
    case "zh-Hans":
      return "zh";
    default:
      return "en";
  }
}

const fromUnix = (seconds: number | null | undefined): Date | undefined =>
  typeof seconds === "number" ? new Date(seconds * 1000) : undefined;

function methodOf(intent: Stripe.PaymentIntent): ProviderMethod {
  const tagged = intent.metadata[METADATA.method];
  if (tagged === "card" || tagged === "konbini") return tagged;
  return intent.payment_method_types.includes("konbini") ? "konbini" : "card";
}

function konbiniVoucher(intent: Stripe.PaymentIntent, store: string | undefined): Voucher | undefined {
  const details = intent.next_action?.konbini_display_details;
  if (!details || !isStripeKonbiniStore(store)) return undefined;
  const instructions = details.stores[store];
  if (!instructions) return undefined;
  return {
    number: instructions.payment_code,
    confirmationNumber: instructions.confirmation_number ?? "",
    ...(details.hosted_voucher_url ? { hostedVoucherUrl: details.hosted_voucher_url } : {}),
  };
}

/**
 * PaymentIntent statuses, normalised. Konbini: requires_action is the issued voucher waiting for
 * the payer; the adapter confirms every konbini PaymentIntent when creating it, so a return to
 * requires_payment_method means the voucher lapsed ("The PaymentIntent's status changes to
 * requires_payment_method" after expires_at, docs.stripe.com/payments/konbini/accept-a-payment).
 * Card: requires_payment_method after a decline is another try on Stripe's page; requires_action is
 * 3-D Secure.
 */
export function paymentIntentStatus(intent: Stripe.PaymentIntent): ProviderPaymentStatus {
  const konbini = methodOf(intent) === "konbini";
  switch (intent.status) {
    case "succeeded":
      return "succeeded";
    case "canceled":
      return "canceled";
    case "requires_action":
      return konbini ? "pending" : "requires_action";
    case "requires_payment_method":
      return konbini ? "expired" : "pending";
    default:
      // requires_confirmation, processing, requires_capture (not used: capture is automatic).
      return "pending";
  }
}

function lastError(intent: Stripe.PaymentIntent): ProviderError | undefined {
  const error = intent.last_payment_error;
  if (!error || intent.status === "succeeded" || methodOf(intent) !== "card") return undefined;
  return {
    code: error.decline_code ?? error.code ?? error.type,
    message: declineMessage(error.code, error.decline_code),
  };
}

function expandedCharge(intent: Stripe.PaymentIntent): Stripe.Charge | null {
  return typeof intent.latest_charge === "object" ? intent.latest_charge : null;
}

/** A PaymentIntent (konbini, or the one behind a Checkout Session). `paidAt`: the event's time. */
export function paymentFromIntent(
  intent: Stripe.PaymentIntent,
  hints: { paidAt?: Date } = {},
): ProviderPayment {
  const method = methodOf(intent);
  const status = paymentIntentStatus(intent);
  const charge = expandedCharge(intent);
  const store = intent.metadata[METADATA.konbiniStore];
  const voucher = method === "konbini" ? konbiniVoucher(intent, store) : undefined;
  const expiresAt =
    method === "konbini"
      ? fromUnix(
          intent.next_action?.konbini_display_details?.expires_at ??
            intent.payment_method_options?.konbini?.expires_at,
        )
      : undefined;
  const error = lastError(intent);
  const paidAt = status === "succeeded" ? (hints.paidAt ?? fromUnix(charge?.created)) : undefined;
  return {
    id: intent.id,
    reference: intent.metadata[METADATA.reference] ?? "",
    status,
    rawStatus: intent.status,
    amount: intent.amount,
    amountRefunded: charge?.amount_refunded ?? 0,
    method,
    ...(store ? { konbiniStore: store } : {}),
    ...(voucher ? { voucher } : {}),
    ...(error ? { lastError: error } : {}),
    ...(expiresAt ? { expiresAt } : {}),
    ...(paidAt ? { paidAt } : {}),
  };
}

/**
 * A card payment: the Checkout Session, with its PaymentIntent when Stripe returned it expanded
 * (retrieve asks for `expand[]=payment_intent`); the session says open/complete/expired, the
 * PaymentIntent says declined or in 3-D Secure. No expiresAt: the session's own 24 hours are not a
 * 支払期限 (the fee's is), and its end arrives as checkout.session.expired.
 */
export function paymentFromSession(
  session: Stripe.Checkout.Session,
  hints: { paidAt?: Date } = {},
): ProviderPayment {
  const intent = typeof session.payment_intent === "object" ? session.payment_intent : null;
  const fromIntent = intent ? paymentFromIntent(intent, hints) : null;
  let status: ProviderPaymentStatus;
  if (session.status === "complete") status = session.payment_status === "paid" ? "succeeded" : "pending";
  else if (session.status === "expired") status = "expired";
  else status = fromIntent?.status ?? "pending";
  const open = session.status === "open";
  const paidAt = status === "succeeded" ? (fromIntent?.paidAt ?? hints.paidAt) : undefined;
  const error = status === "succeeded" ? undefined : fromIntent?.lastError;
  return {
    id: session.id,
    reference: session.client_reference_id ?? session.metadata?.[METADATA.reference] ?? "",
    status,
    rawStatus: intent ? `${session.status ?? "unknown"}/${intent.status}` : (session.status ?? "unknown"),
    amount: session.amount_total ?? 0,
    amountRefunded: fromIntent?.amountRefunded ?? 0,
    method: "card",
    ...(open && session.url ? { redirectUrl: session.url } : {}),
    ...(error ? { lastError: error } : {}),
    ...(paidAt ? { paidAt } : {}),
  };
}

/** charge.refunded: the paid payment with what has been refunded so far. */
export function paymentFromCharge(charge: Stripe.Charge): ProviderPayment {
  const intentId =
    typeof charge.payment_intent === "string" ? charge.payment_intent : charge.payment_intent?.id;
  const tagged = charge.metadata[METADATA.method];
  const method: ProviderMethod =
    tagged === "konbini" || charge.payment_method_details?.type === "konbini" ? "konbini" : "card";
  const store = charge.metadata[METADATA.konbiniStore];
  const paidAt = charge.status === "succeeded" ? fromUnix(charge.created) : undefined;
  return {
    id: intentId ?? charge.id,
    reference: charge.metadata[METADATA.reference] ?? "",
    status: charge.status === "succeeded" ? "succeeded" : charge.status === "failed" ? "canceled" : "pending",
    rawStatus: charge.status,
    amount: charge.amount,
    amountRefunded: charge.amount_refunded,
    method,
    ...(store ? { konbiniStore: store } : {}),
    ...(paidAt ? { paidAt } : {}),
  };
}

/**
 * Refund statuses: a konbini refund waits in requires_action until the payer gives Stripe a bank
 * account (Stripe emails them), then pending, then succeeded; failed after 45 days without one.
 */
export function refundFromStripe(refund: Stripe.Refund): ProviderRefund {
  const status =
    refund.status === "succeeded"
      ? "succeeded"
      : refund.status === "failed" || refund.status === "canceled"
        ? "failed"
        : "pending";
  return { id: refund.id, status, amount: refund.amount };
}

type EventMapping = Pick<ProviderEvent, "type" | "payment">;

/** A verified Stripe event in the portal's words (event types: docs.stripe.com/api/events/types). */
export function mapStripeEvent(event: Stripe.Event): EventMapping {
  const createdAt = new Date(event.created * 1000);
  switch (event.type) {
    case "payment_intent.succeeded":
      return {
        type: "payment.succeeded",
        payment: paymentFromIntent(event.data.object, { paidAt: createdAt }),
      };
    case "payment_intent.payment_failed": {
      // Konbini: "The customer didn't pay the pending Konbini payment before expiration"; card: a decline.
      const payment = paymentFromIntent(event.data.object);
      return { type: payment.method === "konbini" ? "payment.expired" : "payment.failed", payment };
    }
    case "payment_intent.requires_action": {
      // Konbini: the voucher was issued (create already returned it); card: 3-D Secure started.
      const payment = paymentFromIntent(event.data.object);
      return { type: payment.method === "konbini" ? "other" : "payment.requires_action", payment };
    }
    case "payment_intent.canceled":
      return { type: "payment.canceled", payment: paymentFromIntent(event.data.object) };
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const payment = paymentFromSession(event.data.object, { paidAt: createdAt });
      return { type: payment.status === "succeeded" ? "payment.succeeded" : "other", payment };
    }
    case "checkout.session.async_payment_failed":
      return { type: "payment.failed", payment: paymentFromSession(event.data.object) };
    case "checkout.session.expired":
      return { type: "payment.expired", payment: paymentFromSession(event.data.object) };
    case "charge.refunded":
      return { type: "refund.succeeded", payment: paymentFromCharge(event.data.object) };
    default:
      return { type: "other", payment: null };
  }
}
