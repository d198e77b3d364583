// The Stripe adapter against a local stand-in for api.stripe.com: every request's method, path,
// form parameters (the documented names) and Idempotency-Key / Stripe-Version headers, and the
// mapping of documented responses to the portal's ProviderPayment / Voucher / ProviderEvent.
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DECLINE_MESSAGES } from "@/lib/payments/decline-messages";
import {
  PaymentAlreadySucceededError,
  ProviderRequestError,
  ProviderUnavailableError,
  WebhookVerificationError,
  type CreatePaymentInput,
} from "@/lib/payments/provider";
import {
  KONBINI_PRODUCT_DESCRIPTION,
  STRIPE_API_VERSION,
  createStripeProvider,
  type StripePaymentProvider,
} from "@/lib/payments/stripe/adapter";
import { charge } from "../fixtures/stripe/charges";
import { SESSION_ID, SESSION_URL, checkoutSession } from "../fixtures/stripe/checkout-sessions";
import { FakeStripeApi, type RecordedRequest } from "../fixtures/stripe/fake-stripe-api";
import {
  KONBINI_EXPIRES_AT,
  cardDeclined,
  cardIntent,
  cardRequiresAction,
  cardSucceeded,
  konbiniExpired,
  konbiniRequiresAction,
  konbiniSucceeded,
} from "../fixtures/stripe/payment-intents";
import { refund, stripeError, stripeEvent } from "../fixtures/stripe/refunds-events-errors";

const SECRET_KEY = "sk_test_51ExampleSecretKey0000000000";
const WEBHOOK_SECRET = "whsec_test_secret_0123456789abcdef";
const REFERENCE = "cmpay0000000000000000001";
const RETURN_URL = "https://portal.example.jp/payment/return";

const api = new FakeStripeApi();
let provider: StripePaymentProvider;

beforeAll(async () => {
  await api.start();
  provider = createStripeProvider({
    secretKey: SECRET_KEY,
    webhookSecret: WEBHOOK_SECRET,
    apiBase: { host: "127.0.0.1", port: api.port, protocol: "http" },
  });
});
afterAll(() => api.stop());
beforeEach(() => api.reset());

function input(overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput {
  return {
    reference: REFERENCE,
    amount: 4900,
    method: "card",
    description: "CCUS 登録料 申請番号 A-0001",
    customer: { name: "山田 太郎", email: "taro@example.jp" },
    returnUrl: RETURN_URL,
    ...overrides,
  };
}

/** The headers every call carries: our key, the pinned API version, form encoding. */
function expectStripeHeaders(request: RecordedRequest) {
  expect(request.headers["authorization"]).toBe(`Bearer ${SECRET_KEY}`);
  expect(request.headers["stripe-version"]).toBe(STRIPE_API_VERSION);
  if (request.method === "POST") {
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  }
}

function only(method: string, path: string): RecordedRequest {
  const matching = api.requests.filter((request) => request.method === method && request.path === path);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

describe("create: card through a Stripe-hosted Checkout Session", () => {
  it("posts the documented session parameters with our reference as the idempotency key", async () => {
    api.on("POST", "/v1/checkout/sessions", { body: checkoutSession(REFERENCE) });
    const payment = await provider.create(input());

    const request = only("POST", "/v1/checkout/sessions");
    expectStripeHeaders(request);
    expect(request.headers["idempotency-key"]).toBe(REFERENCE);
    const expectedReturn = `${RETURN_URL}?payment=${REFERENCE}`;
    expect(Object.fromEntries(request.body)).toEqual({
      mode: "payment",
      ui_mode: "hosted_page",
      "allowed_payment_method_types[0]": "card",
      "line_items[0][price_data][currency]": "jpy",
      "line_items[0][price_data][unit_amount]": "4900",
      "line_items[0][price_data][product_data][name]": "CCUS 登録料 申請番号 A-0001",
      "line_items[0][quantity]": "1",
      success_url: expectedReturn,
      cancel_url: expectedReturn,
      client_reference_id: REFERENCE,
      customer_email: "taro@example.jp",
      locale: "ja",
      "metadata[reference]": REFERENCE,
      "metadata[method]": "card",
      "payment_intent_data[description]": "CCUS 登録料 申請番号 A-0001",
      "payment_intent_data[metadata][reference]": REFERENCE,
      "payment_intent_data[metadata][method]": "card",
    });
    // Removed in 2026-09-30.endive: sending it would be a 400 payment_method_types_no_longer_supported.
    expect(request.body.has("payment_method_types[0]")).toBe(false);

    expect(payment).toEqual({
      id: SESSION_ID,
      reference: REFERENCE,
      status: "pending",
      rawStatus: "open",
      amount: 4900,
      amountRefunded: 0,
      method: "card",
      redirectUrl: SESSION_URL,
    });
  });

  // Checkout's own page in the applicant's language (issue 15): Stripe Checkout speaks ja, en, vi,
  // id and zh; Burmese and Nepali get English; やさしい日本語 Japanese.
  it.each([
    ["en", "en"],
    ["vi", "vi"],
    ["id", "id"],
    ["zh-Hans", "zh"],
    ["my", "en"],
    ["ne", "en"],
    ["ja-x-easy", "ja"],
    ["ja", "ja"],
  ] as const)("asks for Checkout in the payer's language: %s → locale %s", async (locale, expected) => {
    api.on("POST", "/v1/checkout/sessions", { body: checkoutSession(REFERENCE) });
    await provider.create(input({ locale }));
    expect(only("POST", "/v1/checkout/sessions").body.get("locale")).toBe(expected);
  });
});

describe("create: konbini as a PaymentIntent confirmed on the server", () => {
  it("posts amount, allowed_payment_method_types, confirm, billing details and konbini options", async () => {
    api.on("POST", "/v1/payment_intents", { body: konbiniRequiresAction(REFERENCE, "lawson") });
    const expiresAt = new Date(KONBINI_EXPIRES_AT * 1000 + 999); // 23:59:59.999 JST
    const payment = await provider.create(
      input({ method: "konbini", amount: 2500, konbiniStore: "lawson", expiresAt }),
    );

    const request = only("POST", "/v1/payment_intents");
    expectStripeHeaders(request);
    expect(request.headers["idempotency-key"]).toBe(REFERENCE);
    expect(Object.fromEntries(request.body)).toEqual({
      amount: "2500",
      currency: "jpy",
      "allowed_payment_method_types[0]": "konbini",
      confirm: "true",
      description: "CCUS 登録料 申請番号 A-0001",
      "metadata[reference]": REFERENCE,
      "metadata[method]": "konbini",
      "metadata[konbini_store]": "lawson",
      "payment_method_data[type]": "konbini",
      "payment_method_data[billing_details][name]": "山田 太郎",
      "payment_method_data[billing_details][email]": "taro@example.jp",
      "payment_method_options[konbini][product_description]": KONBINI_PRODUCT_DESCRIPTION,
      "payment_method_options[konbini][expires_at]": String(KONBINI_EXPIRES_AT),
    });
    expect(Array.from(KONBINI_PRODUCT_DESCRIPTION).length).toBeLessThanOrEqual(22);

    expect(payment).toEqual({
      id: "pi_1G1sgdKi6xqXeNtkldRRE6HT",
      reference: REFERENCE,
      status: "pending",
      rawStatus: "requires_action",
      amount: 2500,
      amountRefunded: 0,
      method: "konbini",
      konbiniStore: "lawson",
      voucher: {
        number: "LW123456",
        confirmationNumber: "12345678901",
        hostedVoucherUrl: "https://payments.stripe.com/konbini/voucher/test_YWNjdF8xTTJKVGtMa2RJd0h1N2l4",
      },
      expiresAt: new Date(KONBINI_EXPIRES_AT * 1000),
    });
  });

  it("gives the chosen chain's code (FamilyMart)", async () => {
    api.on("POST", "/v1/payment_intents", { body: konbiniRequiresAction(REFERENCE, "familymart") });
    const payment = await provider.create(
      input({ method: "konbini", amount: 2500, konbiniStore: "familymart" }),
    );
    expect(payment.voucher).toMatchObject({ number: "123456", confirmationNumber: "12345678901" });
    expect(only("POST", "/v1/payment_intents").body.has("payment_method_options[konbini][expires_at]")).toBe(
      false,
    );
  });

  it("offers only the four chains Stripe's vouchers cover, and refuses the others before any request", async () => {
    expect(provider.konbiniStores).toEqual(["familymart", "lawson", "ministop", "seicomart"]);
    for (const store of ["seven-eleven", "dailyyamazaki", undefined]) {
      const attempt = provider.create(input({ method: "konbini", amount: 2500, konbiniStore: store }));
      await expect(attempt).rejects.toBeInstanceOf(ProviderRequestError);
      await expect(attempt).rejects.toMatchObject({ code: "konbini_store_unsupported" });
    }
    expect(api.requests).toEqual([]);
  });
});

describe("slip and amounts", () => {
  it("does not offer 払込票 and sends nothing for it", async () => {
    expect(provider.supports("slip")).toBe(false);
    expect(provider.supports("card")).toBe(true);
    expect(provider.supports("konbini")).toBe(true);
    await expect(provider.create(input({ method: "slip" }))).rejects.toMatchObject({
      code: "payment_method_unsupported",
    });
    await expect(provider.create(input({ amount: 49.5 }))).rejects.toBeInstanceOf(ProviderRequestError);
    expect(api.requests).toEqual([]);
  });
});

describe("retrieve", () => {
  const sessionPath = `/v1/checkout/sessions/${SESSION_ID}`;

  it("reads a card payment's session with its PaymentIntent expanded: a decline in Japanese", async () => {
    api.on("GET", sessionPath, {
      body: checkoutSession(REFERENCE, { payment_intent: cardDeclined(REFERENCE) }),
    });
    const payment = await provider.retrieve(SESSION_ID);

    const request = only("GET", sessionPath);
    expectStripeHeaders(request);
    expect(request.query.getAll("expand[0]")).toEqual(["payment_intent"]);
    expect(request.query.getAll("expand[1]")).toEqual(["payment_intent.latest_charge"]);
    expect(payment).toMatchObject({
      id: SESSION_ID,
      status: "pending",
      rawStatus: "open/requires_payment_method",
      redirectUrl: SESSION_URL,
      lastError: { code: "insufficient_funds", message: DECLINE_MESSAGES.insufficient_funds },
    });
  });

  it("card_declined without a decline code gets the card_declined message", async () => {
    const declined = cardDeclined(REFERENCE);
    declined.last_payment_error = { type: "card_error", code: "card_declined" };
    api.on("GET", sessionPath, { body: checkoutSession(REFERENCE, { payment_intent: declined }) });
    const payment = await provider.retrieve(SESSION_ID);
    expect(payment.lastError).toEqual({ code: "card_declined", message: DECLINE_MESSAGES.card_declined });
  });

  it("maps 3-D Secure, paid and expired sessions", async () => {
    api.on("GET", sessionPath, {
      body: checkoutSession(REFERENCE, { payment_intent: cardRequiresAction(REFERENCE) }),
    });
    expect(await provider.retrieve(SESSION_ID)).toMatchObject({
      status: "requires_action",
      redirectUrl: SESSION_URL,
    });

    api.on("GET", sessionPath, {
      body: checkoutSession(REFERENCE, {
        status: "complete",
        payment_status: "paid",
        url: null,
        payment_intent: cardSucceeded(REFERENCE),
      }),
    });
    const paid = await provider.retrieve(SESSION_ID);
    expect(paid).toMatchObject({ status: "succeeded", amount: 4900, paidAt: new Date(1796695200 * 1000) });
    expect(paid.redirectUrl).toBeUndefined();
    expect(paid.lastError).toBeUndefined();

    api.on("GET", sessionPath, { body: checkoutSession(REFERENCE, { status: "expired", url: null }) });
    expect(await provider.retrieve(SESSION_ID)).toMatchObject({ status: "expired", rawStatus: "expired" });
  });

  it("reads a konbini PaymentIntent: paid, refunded, lapsed", async () => {
    const path = "/v1/payment_intents/pi_1G1sgdKi6xqXeNtkldRRE6HT";
    api.on("GET", path, { body: konbiniSucceeded(REFERENCE) });
    const paid = await provider.retrieve("pi_1G1sgdKi6xqXeNtkldRRE6HT");
    expect(only("GET", path).query.get("expand[0]")).toBe("latest_charge");
    expect(paid).toMatchObject({
      status: "succeeded",
      method: "konbini",
      konbiniStore: "lawson",
      amountRefunded: 0,
      paidAt: new Date(1796695200 * 1000),
    });

    api.on("GET", path, { body: konbiniExpired(REFERENCE) });
    expect(await provider.retrieve("pi_1G1sgdKi6xqXeNtkldRRE6HT")).toMatchObject({
      status: "expired",
      rawStatus: "requires_payment_method",
    });
  });

  it("refuses an id that is neither a session nor a PaymentIntent", async () => {
    await expect(provider.retrieve("sbpi_123")).rejects.toBeInstanceOf(ProviderRequestError);
    expect(api.requests).toEqual([]);
  });
});

describe("findByReference", () => {
  it("searches PaymentIntents by metadata and reads the konbini one", async () => {
    api.on("GET", "/v1/payment_intents/search", {
      body: {
        object: "search_result",
        url: "/v1/payment_intents/search",
        has_more: false,
        data: [konbiniRequiresAction(REFERENCE)],
      },
    });
    api.on("GET", "/v1/payment_intents/pi_1G1sgdKi6xqXeNtkldRRE6HT", {
      body: konbiniRequiresAction(REFERENCE),
    });
    const found = await provider.findByReference(REFERENCE);

    const search = only("GET", "/v1/payment_intents/search");
    expectStripeHeaders(search);
    expect(search.query.get("query")).toBe(`metadata['reference']:'${REFERENCE}'`);
    expect(search.query.get("limit")).toBe("1");
    expect(found).toMatchObject({
      id: "pi_1G1sgdKi6xqXeNtkldRRE6HT",
      reference: REFERENCE,
      status: "pending",
    });
  });

  it("escapes quotes in the search value", async () => {
    api.on("GET", "/v1/payment_intents/search", {
      body: { object: "search_result", has_more: false, data: [] },
    });
    api.on("GET", "/v1/checkout/sessions", { body: { object: "list", has_more: false, data: [] } });
    expect(await provider.findByReference("a'b\\c")).toBeNull();
    expect(only("GET", "/v1/payment_intents/search").query.get("query")).toBe(
      "metadata['reference']:'a\\'b\\\\c'",
    );
  });

  it("a card PaymentIntent leads back to its Checkout Session", async () => {
    api.on("GET", "/v1/payment_intents/search", {
      body: { object: "search_result", has_more: false, data: [cardIntent(REFERENCE)] },
    });
    api.on("GET", "/v1/checkout/sessions", {
      body: { object: "list", has_more: false, data: [checkoutSession(REFERENCE)] },
    });
    api.on("GET", `/v1/checkout/sessions/${SESSION_ID}`, {
      body: checkoutSession(REFERENCE, { payment_intent: cardDeclined(REFERENCE) }),
    });
    const found = await provider.findByReference(REFERENCE);
    expect(only("GET", "/v1/checkout/sessions").query.get("payment_intent")).toBe(
      "pi_3OcardKi6xqXeNtk0ABCDEF1",
    );
    expect(found).toMatchObject({ id: SESSION_ID, reference: REFERENCE, method: "card" });
  });

  it("an unconfirmed card session (no PaymentIntent yet) is found among the open sessions; nothing → null", async () => {
    api.on("GET", "/v1/payment_intents/search", {
      body: { object: "search_result", has_more: false, data: [] },
    });
    api.on("GET", "/v1/checkout/sessions", {
      body: {
        object: "list",
        has_more: false,
        data: [checkoutSession("someone-else", { id: "cs_test_other" }), checkoutSession(REFERENCE)],
      },
    });
    api.on("GET", `/v1/checkout/sessions/${SESSION_ID}`, { body: checkoutSession(REFERENCE) });
    expect(await provider.findByReference(REFERENCE)).toMatchObject({ id: SESSION_ID, status: "pending" });
    const list = only("GET", "/v1/checkout/sessions");
    expect(list.query.get("status")).toBe("open");
    expect(list.query.get("limit")).toBe("100");

    expect(await provider.findByReference("never-created")).toBeNull();
  });
});

describe("cancel", () => {
  const intentPath = "/v1/payment_intents/pi_1G1sgdKi6xqXeNtkldRRE6HT";

  it("cancels a pending konbini voucher", async () => {
    api.on("GET", intentPath, { body: konbiniRequiresAction(REFERENCE) });
    api.on("POST", `${intentPath}/cancel`, {
      body: konbiniRequiresAction(REFERENCE, "lawson", {
        status: "canceled",
        next_action: null,
        cancellation_reason: "requested_by_customer",
      }),
    });
    const canceled = await provider.cancel("pi_1G1sgdKi6xqXeNtkldRRE6HT");
    const request = only("POST", `${intentPath}/cancel`);
    expectStripeHeaders(request);
    expect(Object.fromEntries(request.body)).toEqual({ cancellation_reason: "requested_by_customer" });
    expect(request.headers["idempotency-key"]).toMatch(/^stripe-node-retry-/);
    expect(canceled).toMatchObject({ status: "canceled", rawStatus: "canceled" });
  });

  it("a voucher paid meanwhile is not cancelled: PaymentAlreadySucceededError with the payment", async () => {
    api.on("GET", intentPath, { body: konbiniSucceeded(REFERENCE) });
    const error: unknown = await provider
      .cancel("pi_1G1sgdKi6xqXeNtkldRRE6HT")
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaymentAlreadySucceededError);
    expect((error as PaymentAlreadySucceededError).payment).toMatchObject({
      status: "succeeded",
      reference: REFERENCE,
    });
    expect(api.requests.filter((request) => request.method === "POST")).toEqual([]);
  });

  it("paid between our read and the cancel: the refused cancel becomes PaymentAlreadySucceededError", async () => {
    let reads = 0;
    api.on("GET", intentPath, () => ({
      body: reads++ === 0 ? konbiniRequiresAction(REFERENCE) : konbiniSucceeded(REFERENCE),
    }));
    api.on("POST", `${intentPath}/cancel`, {
      status: 400,
      body: stripeError({
        type: "invalid_request_error",
        code: "payment_intent_unexpected_state",
        message: "You cannot cancel this PaymentIntent because it has a status of succeeded.",
      }),
    });
    await expect(provider.cancel("pi_1G1sgdKi6xqXeNtkldRRE6HT")).rejects.toBeInstanceOf(
      PaymentAlreadySucceededError,
    );
  });

  it("expires an open card session; a completed one is reported as paid", async () => {
    const path = `/v1/checkout/sessions/${SESSION_ID}`;
    api.on("GET", path, { body: checkoutSession(REFERENCE) });
    api.on("POST", `${path}/expire`, { body: checkoutSession(REFERENCE, { status: "expired", url: null }) });
    expect(await provider.cancel(SESSION_ID)).toMatchObject({ id: SESSION_ID, status: "canceled" });
    expect(Object.fromEntries(only("POST", `${path}/expire`).body)).toEqual({});

    api.reset();
    api.on("GET", path, {
      body: checkoutSession(REFERENCE, {
        status: "complete",
        payment_status: "paid",
        payment_intent: cardSucceeded(REFERENCE),
      }),
    });
    await expect(provider.cancel(SESSION_ID)).rejects.toBeInstanceOf(PaymentAlreadySucceededError);
    expect(api.requests.filter((request) => request.method === "POST")).toEqual([]);
  });
});

describe("refund", () => {
  it("refunds a konbini PaymentIntent with the given idempotency key (pending until the payer gives a bank account)", async () => {
    api.on("POST", "/v1/refunds", { body: refund({ status: "requires_action" }) });
    const result = await provider.refund("pi_1G1sgdKi6xqXeNtkldRRE6HT", {
      amount: 2500,
      reason: "取下げ",
      idempotencyKey: "refund-cmpay0000000000000000001",
    });
    const request = only("POST", "/v1/refunds");
    expectStripeHeaders(request);
    expect(request.headers["idempotency-key"]).toBe("refund-cmpay0000000000000000001");
    expect(Object.fromEntries(request.body)).toEqual({
      payment_intent: "pi_1G1sgdKi6xqXeNtkldRRE6HT",
      amount: "2500",
      reason: "requested_by_customer",
      "metadata[reason]": "取下げ",
    });
    expect(result).toEqual({ id: "re_1Nispe2eZvKYlo2Cd31jOCgZ", status: "pending", amount: 2500 });
  });

  it("refunds a card payment through the PaymentIntent of its session", async () => {
    api.on("GET", `/v1/checkout/sessions/${SESSION_ID}`, {
      body: checkoutSession(REFERENCE, {
        status: "complete",
        payment_status: "paid",
        payment_intent: "pi_3OcardKi6xqXeNtk0ABCDEF1",
      }),
    });
    api.on("POST", "/v1/refunds", {
      body: refund({ amount: 4900, payment_intent: "pi_3OcardKi6xqXeNtk0ABCDEF1" }),
    });
    const result = await provider.refund(SESSION_ID, {
      amount: 4900,
      reason: "職員による返金",
      idempotencyKey: "refund-key-2",
    });
    expect(only("POST", "/v1/refunds").body.get("payment_intent")).toBe("pi_3OcardKi6xqXeNtk0ABCDEF1");
    expect(result).toEqual({ id: "re_1Nispe2eZvKYlo2Cd31jOCgZ", status: "succeeded", amount: 4900 });
  });
});

describe("errors", () => {
  it("a 500 is retried with the same Idempotency-Key, then ProviderUnavailableError", async () => {
    api.on("POST", "/v1/payment_intents", {
      status: 500,
      body: stripeError({ type: "api_error", message: "An unknown error occurred" }),
    });
    const attempt = provider.create(input({ method: "konbini", amount: 2500, konbiniStore: "lawson" }));
    await expect(attempt).rejects.toBeInstanceOf(ProviderUnavailableError);
    const keys = api.requests.map((request) => request.headers["idempotency-key"]);
    expect(keys.length).toBeGreaterThan(1);
    expect(new Set(keys)).toEqual(new Set([REFERENCE]));
  });

  it("connection refused → ProviderUnavailableError", async () => {
    const closed = new FakeStripeApi();
    await closed.start();
    const port = closed.port;
    await closed.stop();
    const unreachable = createStripeProvider({
      secretKey: SECRET_KEY,
      webhookSecret: WEBHOOK_SECRET,
      apiBase: { host: "127.0.0.1", port, protocol: "http" },
    });
    await expect(unreachable.create(input())).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it("rate limits and konbini's temporary unavailability are ProviderUnavailableError", async () => {
    api.on("POST", "/v1/checkout/sessions", {
      status: 429,
      body: stripeError({ type: "invalid_request_error", code: "rate_limit", message: "Too many requests" }),
    });
    await expect(provider.create(input())).rejects.toBeInstanceOf(ProviderUnavailableError);

    api.on("POST", "/v1/payment_intents", {
      status: 400,
      body: stripeError({
        type: "invalid_request_error",
        code: "payment_method_not_available",
        message: "Konbini is unavailable",
      }),
    });
    await expect(
      provider.create(input({ method: "konbini", amount: 2500, konbiniStore: "lawson" })),
    ).rejects.toBeInstanceOf(ProviderUnavailableError);
  });

  it("a refused request is ProviderRequestError with Stripe's code, and no key in its message", async () => {
    api.on("GET", "/v1/payment_intents/pi_missing", {
      status: 404,
      body: stripeError({
        type: "invalid_request_error",
        code: "resource_missing",
        message: "No such payment_intent: 'pi_missing'",
      }),
    });
    await expect(provider.retrieve("pi_missing")).rejects.toMatchObject({
      name: "ProviderRequestError",
      code: "resource_missing",
    });

    api.on("GET", "/v1/payment_intents/pi_auth", {
      status: 401,
      body: stripeError({
        type: "invalid_request_error",
        message: "Invalid API Key provided: sk_test_****0000",
      }),
    });
    const error: unknown = await provider.retrieve("pi_auth").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderRequestError);
    expect(String((error as Error).message)).not.toMatch(/sk_test/);
    expect(String((error as Error).message)).toContain("[redacted]");
  });
});

describe("parseWebhook", () => {
  const now = new Date("2026-12-08T10:00:00Z");
  const nowSeconds = Math.floor(now.getTime() / 1000);

  function signed(payload: string, options: { timestamp?: number; secret?: string } = {}): Headers {
    return new Headers({
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: options.secret ?? WEBHOOK_SECRET,
        timestamp: options.timestamp ?? nowSeconds,
      }),
    });
  }

  const succeeded = JSON.stringify(
    stripeEvent("payment_intent.succeeded", konbiniSucceeded(REFERENCE), nowSeconds - 60),
  );

  it("verifies a good signature and maps payment_intent.succeeded", () => {
    const event = provider.parseWebhook(succeeded, signed(succeeded), now);
    expect(event).toMatchObject({
      id: "evt_1NG8Du2eZvKYlo2CUI79vXWy",
      type: "payment.succeeded",
      rawType: "payment_intent.succeeded",
      createdAt: new Date((nowSeconds - 60) * 1000),
      payment: {
        id: "pi_1G1sgdKi6xqXeNtkldRRE6HT",
        reference: REFERENCE,
        status: "succeeded",
        amount: 2500,
        method: "konbini",
        paidAt: new Date((nowSeconds - 60) * 1000),
      },
    });
    expect(event.raw).toEqual(JSON.parse(succeeded));
  });

  it("accepts a signature 299 s old (tolerance 300 s)", () => {
    expect(
      provider.parseWebhook(succeeded, signed(succeeded, { timestamp: nowSeconds - 299 }), now).type,
    ).toBe("payment.succeeded");
  });

  it("refuses a bad signature, a stale or future timestamp, a tampered body and a missing header", () => {
    const attempts: [string, Headers][] = [
      [succeeded, signed(succeeded, { secret: "whsec_someone_else" })],
      [succeeded, signed(succeeded, { timestamp: nowSeconds - 301 })],
      [succeeded, signed(succeeded, { timestamp: nowSeconds + 600 })],
      [succeeded.replace('"amount":2500', '"amount":25'), signed(succeeded)],
      [succeeded, new Headers()],
    ];
    for (const [body, headers] of attempts) {
      const error: unknown = (() => {
        try {
          provider.parseWebhook(body, headers, now);
        } catch (caught) {
          return caught;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(WebhookVerificationError);
      // The SDK's diagnostics can quote the end of our secret; ours never do.
      expect((error as Error).message).not.toContain(WEBHOOK_SECRET.slice(-4));
    }
  });

  function parse(type: string, object: unknown) {
    const body = JSON.stringify(stripeEvent(type, object, nowSeconds));
    return provider.parseWebhook(body, signed(body), now);
  }

  it("maps the event types the endpoint subscribes to", () => {
    expect(parse("payment_intent.payment_failed", konbiniExpired(REFERENCE))).toMatchObject({
      type: "payment.expired",
      payment: { status: "expired", method: "konbini" },
    });
    expect(parse("payment_intent.payment_failed", cardDeclined(REFERENCE, "expired_card"))).toMatchObject({
      type: "payment.failed",
      payment: {
        method: "card",
        reference: REFERENCE,
        lastError: { code: "expired_card", message: DECLINE_MESSAGES.expired_card },
      },
    });
    expect(parse("payment_intent.requires_action", cardRequiresAction(REFERENCE))).toMatchObject({
      type: "payment.requires_action",
      payment: { status: "requires_action" },
    });
    expect(parse("payment_intent.requires_action", konbiniRequiresAction(REFERENCE))).toMatchObject({
      type: "other",
      payment: { status: "pending", voucher: { number: "LW123456" } },
    });
    expect(
      parse(
        "payment_intent.canceled",
        konbiniRequiresAction(REFERENCE, "lawson", { status: "canceled", next_action: null }),
      ),
    ).toMatchObject({ type: "payment.canceled", payment: { status: "canceled" } });
    expect(
      parse(
        "checkout.session.completed",
        checkoutSession(REFERENCE, {
          status: "complete",
          payment_status: "paid",
          payment_intent: "pi_3OcardKi6xqXeNtk0ABCDEF1",
        }),
      ),
    ).toMatchObject({
      type: "payment.succeeded",
      payment: { id: SESSION_ID, reference: REFERENCE, status: "succeeded", amount: 4900, paidAt: now },
    });
    expect(
      parse("checkout.session.expired", checkoutSession(REFERENCE, { status: "expired", url: null })),
    ).toMatchObject({
      type: "payment.expired",
      payment: { id: SESSION_ID, status: "expired" },
    });
    expect(
      parse(
        "charge.refunded",
        charge({
          amount: 4900,
          amount_refunded: 4900,
          refunded: true,
          payment_intent: "pi_3OcardKi6xqXeNtk0ABCDEF1",
          metadata: { reference: REFERENCE, method: "card" },
        }),
      ),
    ).toMatchObject({
      type: "refund.succeeded",
      payment: {
        id: "pi_3OcardKi6xqXeNtk0ABCDEF1",
        reference: REFERENCE,
        amount: 4900,
        amountRefunded: 4900,
        method: "card",
      },
    });
    expect(parse("customer.created", { id: "cus_123", object: "customer" })).toMatchObject({
      type: "other",
      payment: null,
    });
  });
});
