// The payment provider interface (issue 12). Everything the portal asks of a payment provider goes
// through these few calls; `PAYMENT_PROVIDER` chooses the implementation (lib/payments/providers.ts):
// `sandbox` (default, lib/payments/sandbox, served by this app) or `stripe` (lib/payments/stripe).
// Provider words (statuses, event types) stop at the adapter: the rest of the portal sees only the
// normalised shapes below. Money is integer yen.
import type { Locale } from "@/lib/i18n/locales";

/** How the applicant pays. `slip` (払込票) is not offered by every provider (`supports`). */
export type ProviderMethod = "card" | "konbini" | "slip";

/** The provider-side state of a payment, normalised. */
export type ProviderPaymentStatus =
  /** Waiting for the payer: card form not completed or declined (another try is allowed), konbini
   * code or slip issued and not yet paid. */
  | "pending"
  /** Card: 3-D Secure challenge under way. */
  | "requires_action"
  /** Paid (the provider holds the money). */
  | "succeeded"
  /** Cancelled by the merchant (superseded, withdrawn). */
  | "canceled"
  /** The konbini code or slip ran past its expiry unpaid. */
  | "expired";

/** What the payer takes to the store (コンビニ払い) or what is printed on the 払込票. */
export interface Voucher {
  /** 受付番号 / 払込票番号 / オンライン決済番号 (the chain decides which word: lib/payments/konbini.ts). */
  number: string;
  /** 確認番号 (some chains need none: empty string). */
  confirmationNumber: string;
  /** The provider's printable voucher page, when it has one. */
  hostedVoucherUrl?: string;
}

export interface ProviderError {
  /** The provider's code (e.g. card_declined/insufficient_funds). */
  code: string;
  /** Plain Japanese for the payer (lib/payments/decline-messages.ts maps provider codes). */
  message: string;
}

export interface ProviderPayment {
  /** The provider's id (Stripe: pi_…, sandbox: sbpi_…). */
  id: string;
  /** Our reference given at creation (our Payment id). */
  reference: string;
  status: ProviderPaymentStatus;
  /** The provider's own status word, for staff and logs. */
  rawStatus: string;
  amount: number;
  amountRefunded: number;
  method: ProviderMethod;
  konbiniStore?: string;
  voucher?: Voucher;
  /** Card: where to send the payer (hosted card page, or the 3-D Secure challenge). */
  redirectUrl?: string;
  /** The last decline or error, when the payer's last try failed. */
  lastError?: ProviderError;
  expiresAt?: Date;
  paidAt?: Date;
}

export interface CreatePaymentInput {
  /** Our Payment id: the provider keeps it as metadata and uses it as the idempotency key, so a
   * retried create returns the same provider payment instead of a second one. */
  reference: string;
  amount: number;
  method: ProviderMethod;
  /** コンビニ払い: the chain (a key of lib/payments/konbini.ts). */
  konbiniStore?: string;
  /** Shown on the provider's pages and statements, e.g. "CCUS 登録料 申請番号 …". */
  description: string;
  customer: { name: string; email: string };
  /** Konbini code / slip expiry (23:59:59 JST of the last day). Ignored for card. */
  expiresAt?: Date;
  /** Card: where the hosted card page sends the payer back (absolute URL). */
  returnUrl: string;
  /** The payer's language in the portal (issue 15): the provider shows its hosted pages in it
   * (Stripe Checkout's `locale`), in English when it has no words for it; absent: Japanese. */
  locale?: Locale;
}

export interface RefundInput {
  amount: number;
  /** Free text kept with the refund (staff's reason or "取下げ"). */
  reason: string;
  /** Repeating a refund with the same key refunds once. */
  idempotencyKey: string;
}

export interface ProviderRefund {
  id: string;
  status: "succeeded" | "pending" | "failed";
  amount: number;
}

/** A verified webhook event, normalised. */
export interface ProviderEvent {
  /** The provider's event id: our idempotency key (payment_event.provider + event_id). */
  id: string;
  type:
    | "payment.succeeded"
    | "payment.requires_action"
    | "payment.failed"
    | "payment.canceled"
    | "payment.expired"
    | "refund.succeeded"
    /** Anything else the provider sends: recorded, not applied. */
    | "other";
  /** The provider's own event type word. */
  rawType: string;
  /** When the provider created the event: orders events (older than what was applied is stale). */
  createdAt: Date;
  /** The payment as the event describes it (null for events about no payment). */
  payment: ProviderPayment | null;
  /** The event body as received (kept in payment_event.payload). */
  raw: unknown;
}

export interface PaymentProvider {
  readonly name: "sandbox" | "stripe";
  /** Which methods this provider can take. */
  supports(method: ProviderMethod): boolean;
  /** The konbini chains (keys of lib/payments/konbini.ts) this provider's codes can be paid at;
   * absent: all of them. */
  readonly konbiniStores?: readonly string[];
  create(input: CreatePaymentInput): Promise<ProviderPayment>;
  retrieve(providerPaymentId: string): Promise<ProviderPayment>;
  /** Finds the payment created with this reference (a create whose answer was lost). */
  findByReference(reference: string): Promise<ProviderPayment | null>;
  /** Cancels a payment that is not paid (a superseded konbini code). Throws
   * PaymentAlreadySucceededError when it was paid meanwhile. */
  cancel(providerPaymentId: string): Promise<ProviderPayment>;
  refund(providerPaymentId: string, input: RefundInput): Promise<ProviderRefund>;
  /** Verifies the signature (HMAC, timestamp tolerance) and parses the body. Throws
   * WebhookVerificationError for anything unverified. */
  parseWebhook(rawBody: string, headers: Headers, now: Date): ProviderEvent;
}

/** The provider could not be reached or answered with a server error: nothing was charged. */
export class ProviderUnavailableError extends Error {
  constructor(message = "payment provider unavailable", options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProviderUnavailableError";
  }
}

/** The provider refused the request (bad parameters, unknown id). */
export class ProviderRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ProviderRequestError";
  }
}

/** cancel() on a payment the payer has paid meanwhile. */
export class PaymentAlreadySucceededError extends Error {
  constructor(readonly payment: ProviderPayment) {
    super("payment already succeeded");
    this.name = "PaymentAlreadySucceededError";
  }
}

/** A webhook whose signature, timestamp or body does not verify. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}
