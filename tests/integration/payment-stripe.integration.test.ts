// PAYMENT_PROVIDER=stripe end to end below the pages: the portal's service (startPayment, the
// webhook's applyProviderEvent) with the Stripe adapter talking to a local stand-in for
// api.stripe.com. Shows that our payment id reaches Stripe as the idempotency key and metadata, and
// that Stripe's events find the payment again — a card payment is kept under its Checkout Session
// (cs_…), while Stripe's events about its PaymentIntent and Charge name pi_…: they are matched by
// the reference in their metadata.
import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DECLINE_MESSAGES } from "@/lib/payments/decline-messages";
import { overridePaymentProviderForTests } from "@/lib/payments/providers";
import { applyProviderEvent, startPayment } from "@/lib/payments/service";
import { createStripeProvider, type StripePaymentProvider } from "@/lib/payments/stripe/adapter";
import { charge } from "../fixtures/stripe/charges";
import { SESSION_ID, SESSION_URL, checkoutSession } from "../fixtures/stripe/checkout-sessions";
import { FakeStripeApi } from "../fixtures/stripe/fake-stripe-api";
import { cardDeclined, konbiniRequiresAction, konbiniSucceeded } from "../fixtures/stripe/payment-intents";
import { stripeEvent } from "../fixtures/stripe/refunds-events-errors";
import { createFeeOwingApplication } from "./support/payment-rows";

const WEBHOOK_SECRET = "whsec_integration_0123456789abcdef";
const api = new FakeStripeApi();
let provider: StripePaymentProvider;
let serial = 0;

beforeAll(async () => {
  await api.start();
  provider = createStripeProvider({
    secretKey: "sk_test_51IntegrationKey000000000000",
    webhookSecret: WEBHOOK_SECRET,
    apiBase: { host: "127.0.0.1", port: api.port, protocol: "http" },
  });
  overridePaymentProviderForTests(provider);
  // Stripe answers with the reference and amount it was sent, as the real API echoes them.
  api.on("POST", "/v1/checkout/sessions", ({ body }) => ({
    body: checkoutSession(body.get("client_reference_id") ?? "", {
      amount_total: Number(body.get("line_items[0][price_data][unit_amount]")),
    }),
  }));
  api.on("POST", "/v1/payment_intents", ({ body }) => ({
    body: konbiniRequiresAction(
      body.get("metadata[reference]") ?? "",
      body.get("metadata[konbini_store]") ?? "",
      {
        amount: Number(body.get("amount")),
      },
    ),
  }));
});

afterAll(async () => {
  overridePaymentProviderForTests(null);
  await api.stop();
});

async function owingApplicant(amount: number) {
  serial += 1;
  const { applicantId, feeId } = await createFeeOwingApplication({
    name: "決済 太郎",
    applicationNumber: `19990601-${String(serial).padStart(6, "0")}`,
    fee: { amount, status: "UNPAID" },
  });
  const fee = await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } });
  return { applicantId, feeId, feeLockVersion: fee.lockVersion };
}

let clock = Math.floor(Date.now() / 1000);

/** A Stripe event as the webhook endpoint receives it: signed, verified, applied. */
async function deliver(type: string, object: unknown) {
  clock += 10;
  const body = JSON.stringify({
    ...stripeEvent(type, object, clock),
    id: `evt_${randomUUID().replaceAll("-", "")}`,
  });
  const headers = new Headers({
    "stripe-signature": Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: WEBHOOK_SECRET,
      timestamp: clock,
    }),
  });
  const event = provider.parseWebhook(body, headers, new Date(clock * 1000));
  return applyProviderEvent(event, "stripe");
}

describe("PAYMENT_PROVIDER=stripe through the payment service", () => {
  it("card: Checkout Session keyed on cs_, a decline and the payment found from PaymentIntent and Charge events", async () => {
    const { applicantId, feeId, feeLockVersion } = await owingApplicant(4900);
    const started = await startPayment(applicantId, { method: "CARD", feeLockVersion }, { ip: null });
    expect(started).toEqual({ ok: true, redirectUrl: SESSION_URL });

    const payment = await db.payment.findFirstOrThrow({ where: { feeId } });
    expect(payment).toMatchObject({
      status: "PENDING",
      provider: "stripe",
      providerPaymentId: SESSION_ID,
      amount: 4900,
    });
    const request = api.requests.find((recorded) => recorded.body.get("client_reference_id") === payment.id);
    expect(request?.headers["idempotency-key"]).toBe(payment.id);
    expect(request?.body.get("payment_intent_data[metadata][reference]")).toBe(payment.id);

    // Declined on Stripe's page: the event names the PaymentIntent, found by our reference.
    expect(await deliver("payment_intent.payment_failed", cardDeclined(payment.id))).toMatchObject({
      outcome: "applied",
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "PENDING",
      providerPaymentId: SESSION_ID,
      lastErrorCode: "insufficient_funds",
      lastErrorMessage: DECLINE_MESSAGES.insufficient_funds,
    });

    const completed = checkoutSession(payment.id, {
      status: "complete",
      payment_status: "paid",
      payment_intent: "pi_3OcardKi6xqXeNtk0ABCDEF1",
    });
    expect(await deliver("checkout.session.completed", completed)).toMatchObject({ outcome: "applied" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "PAID",
    });
    expect(await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } })).toMatchObject({
      status: "PAID",
    });

    // Refunded in Stripe's dashboard: charge.refunded, matched by the metadata Stripe copied on.
    const refunded = charge({
      amount: 4900,
      amount_refunded: 4900,
      refunded: true,
      payment_intent: "pi_3OcardKi6xqXeNtk0ABCDEF1",
      metadata: { reference: payment.id, method: "card" },
    });
    expect(await deliver("charge.refunded", refunded)).toMatchObject({ outcome: "applied" });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "REFUNDED",
    });
  });

  it("konbini: the chosen chain's numbers are kept, and payment_intent.succeeded pays the fee", async () => {
    const { applicantId, feeId, feeLockVersion } = await owingApplicant(2500);
    const started = await startPayment(
      applicantId,
      { method: "KONBINI", konbiniStore: "familymart", feeLockVersion },
      { ip: null },
    );
    expect(started).toEqual({ ok: true });
    const payment = await db.payment.findFirstOrThrow({ where: { feeId } });
    expect(payment).toMatchObject({
      status: "PENDING",
      providerPaymentId: "pi_1G1sgdKi6xqXeNtkldRRE6HT",
      konbiniStore: "familymart",
      voucher: expect.objectContaining({ number: "123456", confirmationNumber: "12345678901" }) as unknown,
    });
    const request = api.requests.find((recorded) => recorded.body.get("metadata[reference]") === payment.id);
    expect(request?.headers["idempotency-key"]).toBe(payment.id);
    // The 支払期限 of the fee, in whole seconds.
    const dueAt = (await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } })).dueAt;
    const dueSeconds = Math.floor(dueAt.getTime() / 1000);
    expect(request?.body.get("payment_method_options[konbini][expires_at]")).toBe(String(dueSeconds));

    expect(
      await deliver("payment_intent.succeeded", konbiniSucceeded(payment.id, "familymart")),
    ).toMatchObject({
      outcome: "applied",
    });
    expect(await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).toMatchObject({
      status: "PAID",
    });
    expect(await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } })).toMatchObject({
      status: "PAID",
    });
  });
});
