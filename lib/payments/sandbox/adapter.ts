// The sandbox as a PaymentProvider (issue 12): in-process calls on the sandbox's store (no HTTP),
// webhooks verified with the sandbox's signature. The test kit's `payments.providerDown` fault
// makes every call fail as an unreachable provider would, before anything is created.
import { z } from "zod";
import { currentTestNamespace } from "@/lib/test-kit/request-namespace";
import { isTestMode } from "@/lib/env";
import {
  ProviderRequestError,
  ProviderUnavailableError,
  WebhookVerificationError,
  type PaymentProvider,
  type ProviderEvent,
  type ProviderMethod,
  type ProviderPayment,
} from "@/lib/payments/provider";
import { sandboxWebhookSecret } from "@/lib/payments/sandbox/config";
import { SIGNATURE_HEADER, verifySignature } from "@/lib/payments/sandbox/signing";
import { sandboxLanguage, withSandboxLanguage } from "@/lib/payments/sandbox/words";
import { intentJson, toProviderPayment, type SandboxIntentJson } from "@/lib/payments/sandbox/intent";
import {
  cancelSandboxPayment,
  createSandboxPayment,
  findSandboxPaymentByReference,
  refundSandboxPayment,
  retrieveSandboxPayment,
  type SandboxPayment,
} from "@/lib/payments/sandbox/store";

export interface SandboxProviderOptions {
  /** The webhook secret (default: lib/payments/sandbox/config.ts). */
  webhookSecret?: string;
  /** True when the provider must seem down (default: the test kit's fault of the namespace). */
  isDown?: () => Promise<boolean>;
}

async function providerDownByFault(): Promise<boolean> {
  if (!isTestMode()) return false;
  const { paymentProviderDown } = await import("@/lib/test-kit/faults");
  return paymentProviderDown();
}

const toPayment = (row: SandboxPayment): ProviderPayment => toProviderPayment(intentJson(row));

const EVENT_TYPES: Record<string, ProviderEvent["type"]> = {
  "payment_intent.succeeded": "payment.succeeded",
  "payment_intent.requires_action": "payment.requires_action",
  "payment_intent.payment_failed": "payment.failed",
  "payment_intent.canceled": "payment.canceled",
  "payment_intent.expired": "payment.expired",
  "charge.refunded": "refund.succeeded",
};

const voucherSchema = z.object({ number: z.string(), confirmationNumber: z.string() });
const unixOrNull = z.number().int().nullable();

const intentSchema = z.object({
  id: z.string().min(1),
  object: z.literal("payment_intent"),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  currency: z.literal("jpy"),
  status: z.enum([
    "requires_payment_method",
    "requires_action",
    "processing",
    "succeeded",
    "canceled",
    "expired",
  ]),
  created: z.number().int(),
  description: z.string(),
  metadata: z.object({ reference: z.string() }),
  payment_method_types: z.array(z.string()).min(1),
  konbini_store: z.string().nullable(),
  voucher: voucherSchema.nullable(),
  last_payment_error: z.object({ code: z.string(), message: z.string() }).nullable(),
  card_last4: z.string().nullable(),
  expires_at: unixOrNull,
  succeeded_at: unixOrNull,
  canceled_at: unixOrNull,
  next_action: z
    .object({ type: z.literal("redirect_to_url"), redirect_to_url: z.object({ url: z.string() }) })
    .nullable(),
});

const eventSchema = z.object({
  id: z.string().min(1).max(100),
  object: z.literal("event"),
  type: z.string().min(1).max(100),
  created: z.number().int(),
  created_ms: z.number().int().optional(),
  data: z.object({ object: z.unknown() }),
});

/** Verifies and parses a sandbox webhook (throws WebhookVerificationError). */
export function parseSandboxWebhook(
  rawBody: string,
  headers: Headers,
  now: Date,
  secret: string,
): ProviderEvent {
  const check = verifySignature(secret, rawBody, headers.get(SIGNATURE_HEADER), now);
  if (!check.ok) throw new WebhookVerificationError(`sandbox signature: ${check.reason}`);
  let raw: unknown;
  try {
    raw = JSON.parse(rawBody);
  } catch {
    throw new WebhookVerificationError("sandbox webhook: body is not JSON");
  }
  const event = eventSchema.safeParse(raw);
  if (!event.success) throw new WebhookVerificationError("sandbox webhook: not an event");
  const intent = intentSchema.safeParse(event.data.data.object);
  return {
    id: event.data.id,
    type: EVENT_TYPES[event.data.type] ?? "other",
    rawType: event.data.type,
    createdAt: new Date(event.data.created_ms ?? event.data.created * 1000),
    payment: intent.success ? toProviderPayment(intent.data as SandboxIntentJson) : null,
    raw,
  };
}

export function createSandboxProvider(options: SandboxProviderOptions = {}): PaymentProvider {
  const isDown = options.isDown ?? providerDownByFault;
  const secret = () => options.webhookSecret ?? sandboxWebhookSecret();
  const reachable = async () => {
    if (await isDown()) throw new ProviderUnavailableError("payment sandbox unavailable (test fault)");
  };
  const existing = async (id: string) => {
    const row = await retrieveSandboxPayment(id);
    if (!row) throw new ProviderRequestError(`No such payment_intent: '${id}'`, "resource_missing");
    return row;
  };
  return {
    name: "sandbox",
    supports: (method: ProviderMethod) => method === "card" || method === "konbini" || method === "slip",
    async create(input) {
      await reachable();
      const payment = toPayment(
        await createSandboxPayment({ ...input, testNamespace: currentTestNamespace() }),
      );
      // The hosted card page in the language asked for (Stripe Checkout's `locale`): the sandbox
      // keeps it in the page's address, not in its books.
      const language = sandboxLanguage(input.locale);
      return payment.redirectUrl
        ? { ...payment, redirectUrl: withSandboxLanguage(payment.redirectUrl, language) }
        : payment;
    },
    async retrieve(providerPaymentId) {
      await reachable();
      return toPayment(await existing(providerPaymentId));
    },
    async findByReference(reference) {
      await reachable();
      const row = await findSandboxPaymentByReference(reference);
      return row === null ? null : toPayment(row);
    },
    async cancel(providerPaymentId) {
      await reachable();
      return toPayment(await cancelSandboxPayment(providerPaymentId));
    },
    async refund(providerPaymentId, input) {
      await reachable();
      const refund = await refundSandboxPayment(providerPaymentId, input);
      return { id: refund.id, status: refund.status, amount: refund.amount };
    },
    parseWebhook(rawBody, headers, now) {
      return parseSandboxWebhook(rawBody, headers, now, secret());
    },
  };
}
