// The payment sandbox's store and adapter (issue 12) against the real database: idempotent create,
// card outcomes and 3-D Secure, konbini codes paid at the store, cancel after paid refused,
// idempotent refunds, expiry by the namespace clock, an event for every change, provider down.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Before any module reads the configuration (getEnv caches it).
  process.env.TEST_MODE = "on";
  process.env.TEST_API_TOKEN = "integration-test-token-0123456789abcdef";
});

import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { runInTestNamespace } from "@/lib/test-kit/request-namespace";
import { installNamespaceClock, setNamespaceClock } from "@/lib/test-kit/clock";
import { clearNamespaceFaults, setNamespaceFaults } from "@/lib/test-kit/faults";
import {
  PaymentAlreadySucceededError,
  ProviderRequestError,
  ProviderUnavailableError,
  type CreatePaymentInput,
} from "@/lib/payments/provider";
import { createSandboxProvider } from "@/lib/payments/sandbox/adapter";
import {
  completeThreeDSecure,
  expireDueSandboxPayments,
  lookUpVoucher,
  payAtStore,
  payByCard,
} from "@/lib/payments/sandbox/store";
import { DECLINE_MESSAGES } from "@/lib/payments/decline-messages";

const provider = createSandboxProvider({ webhookSecret: "store-test-secret" });
const ns = `sbstore-${process.pid}`;
const inNs = <T>(fn: () => Promise<T>) => runInTestNamespace(ns, fn);

function input(overrides: Partial<CreatePaymentInput> = {}): CreatePaymentInput {
  return {
    reference: `pay_${randomUUID()}`,
    amount: 2500,
    method: "card",
    description: "CCUS 登録料 申請番号 TEST",
    customer: { name: "建設 太郎", email: "taro@example.com" },
    returnUrl: "http://localhost:3000/payment/return",
    ...overrides,
  };
}

const inAWeek = () => new Date(now().getTime() + 7 * 24 * 3600 * 1000);

async function eventTypes(paymentId: string): Promise<string[]> {
  const events = await db.sandboxEvent.findMany({ where: { paymentId }, orderBy: { createdAt: "asc" } });
  return events.map((event) => event.type);
}

beforeAll(() => {
  installNamespaceClock();
});

afterAll(async () => {
  await setNamespaceClock(ns, null);
  await clearNamespaceFaults(ns);
});

describe("create", () => {
  it("returns the same payment for a repeated create with the same reference, and writes one event", async () => {
    const request = input();
    const first = await inNs(() => provider.create(request));
    const second = await inNs(() => provider.create(request));
    expect(second.id).toBe(first.id);
    expect(first.id).toMatch(/^sbpi_[A-Za-z0-9]{24}$/);
    expect(first).toMatchObject({
      reference: request.reference,
      status: "pending",
      amount: 2500,
      method: "card",
    });
    expect(first.redirectUrl).toBe(`/sandbox/checkout/${first.id}`);
    expect(await db.sandboxPayment.count({ where: { reference: request.reference } })).toBe(1);
    expect(await eventTypes(first.id)).toEqual(["payment_intent.created"]);
    const row = await db.sandboxPayment.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.testNamespace).toBe(ns);
  });

  it("answers one payment to two creates racing with one key", async () => {
    const request = input();
    const [a, b] = await Promise.all([provider.create(request), provider.create(request)]);
    expect(a.id).toBe(b.id);
    expect(await db.sandboxPayment.count({ where: { reference: request.reference } })).toBe(1);
  });

  it("refuses the same key with another amount", async () => {
    const request = input();
    await provider.create(request);
    await expect(provider.create({ ...request, amount: 4900 })).rejects.toMatchObject({
      code: "idempotency_key_in_use",
    });
  });

  it("issues konbini numbers shaped like each chain's", async () => {
    const seven = await provider.create(
      input({ method: "konbini", konbiniStore: "seven-eleven", expiresAt: inAWeek() }),
    );
    expect(seven.voucher?.number).toMatch(/^\d{13}$/);
    expect(seven.voucher?.confirmationNumber).toBe("");
    const lawson = await provider.create(
      input({ method: "konbini", konbiniStore: "lawson", expiresAt: inAWeek() }),
    );
    expect(lawson.voucher?.number).toMatch(/^\d{11}$/);
    expect(lawson.voucher?.confirmationNumber).toMatch(/^\d{4}$/);
    expect(lawson).toMatchObject({ status: "pending", rawStatus: "requires_action", konbiniStore: "lawson" });
    const slip = await provider.create(input({ method: "slip", expiresAt: inAWeek() }));
    expect(slip.voucher?.number).toMatch(/^\d{14}$/);
    await expect(
      provider.create(input({ method: "konbini", konbiniStore: "nowhere", expiresAt: inAWeek() })),
    ).rejects.toBeInstanceOf(ProviderRequestError);
  });

  it("fails as an unreachable provider under the providerDown fault, creating nothing", async () => {
    await setNamespaceFaults({ ns, payments: { providerDown: true } });
    const request = input();
    const faulty = createSandboxProvider();
    await expect(inNs(() => faulty.create(request))).rejects.toBeInstanceOf(ProviderUnavailableError);
    expect(await db.sandboxPayment.count({ where: { reference: request.reference } })).toBe(0);
    await clearNamespaceFaults(ns);
    const created = await inNs(() => faulty.create(request));
    expect(created.reference).toBe(request.reference);
  });
});

describe("card", () => {
  it("declines with the reason, keeps the payment open and only the last 4 digits, then takes another card", async () => {
    const created = await provider.create(input());
    const declined = await payByCard(created.id, { number: "4000 0000 0000 9995", cvc: "123" });
    expect(declined).toMatchObject({ ok: false, reason: "declined", code: "insufficient_funds" });
    const afterDecline = await provider.retrieve(created.id);
    expect(afterDecline.status).toBe("pending");
    expect(afterDecline.lastError).toEqual({
      code: "insufficient_funds",
      message: DECLINE_MESSAGES.insufficient_funds,
    });
    const paid = await payByCard(created.id, { number: "4242424242424242", cvc: "123" });
    expect(paid).toMatchObject({ ok: true, status: "succeeded" });
    const row = await db.sandboxPayment.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.cardLast4).toBe("4242");
    const stored =
      JSON.stringify(await db.sandboxEvent.findMany({ where: { paymentId: created.id } })) +
      JSON.stringify(row);
    expect(stored).not.toContain("4242424242424242");
    expect(stored).not.toContain("4000000000009995");
    expect(await eventTypes(created.id)).toEqual([
      "payment_intent.created",
      "payment_intent.payment_failed",
      "payment_intent.succeeded",
    ]);
    const again = await payByCard(created.id, { number: "4242424242424242", cvc: "123" });
    expect(again).toMatchObject({ ok: false, reason: "not-payable" });
  });

  it("asks for 3-D Secure; refusing fails with authentication_failed, approving pays", async () => {
    const created = await provider.create(input());
    expect(await payByCard(created.id, { number: "4000000000003220", cvc: "123" })).toMatchObject({
      ok: true,
      status: "requires_action",
    });
    const challenged = await provider.retrieve(created.id);
    expect(challenged.status).toBe("requires_action");
    expect(challenged.redirectUrl).toBe(`/sandbox/checkout/${created.id}/challenge`);
    expect(await completeThreeDSecure(created.id, false)).toMatchObject({ code: "authentication_failed" });
    expect((await provider.retrieve(created.id)).status).toBe("pending");
    await payByCard(created.id, { number: "4000000000003220", cvc: "123" });
    expect(await completeThreeDSecure(created.id, true)).toMatchObject({ ok: true, status: "succeeded" });
    const paid = await provider.retrieve(created.id);
    expect(paid.status).toBe("succeeded");
    expect(paid.paidAt).toBeInstanceOf(Date);
    expect(await eventTypes(created.id)).toEqual([
      "payment_intent.created",
      "payment_intent.requires_action",
      "payment_intent.payment_failed",
      "payment_intent.requires_action",
      "payment_intent.succeeded",
    ]);
  });
});

describe("cancel and refund", () => {
  it("cancels an unpaid payment and refuses to cancel a paid one", async () => {
    const open = await provider.create(
      input({ method: "konbini", konbiniStore: "familymart", expiresAt: inAWeek() }),
    );
    expect((await provider.cancel(open.id)).status).toBe("canceled");
    expect(await eventTypes(open.id)).toEqual(["payment_intent.created", "payment_intent.canceled"]);
    const voucher = open.voucher!;
    expect(await payAtStore(voucher.number, voucher.confirmationNumber)).toMatchObject({
      ok: false,
      reason: "canceled",
    });

    const paid = await provider.create(input());
    await payByCard(paid.id, { number: "4242424242424242", cvc: "123" });
    const refusal = await provider.cancel(paid.id).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PaymentAlreadySucceededError);
    expect((refusal as PaymentAlreadySucceededError).payment).toMatchObject({
      id: paid.id,
      status: "succeeded",
    });
    expect((await provider.retrieve(paid.id)).status).toBe("succeeded");
  });

  it("refunds once per idempotency key", async () => {
    const paid = await provider.create(input());
    await payByCard(paid.id, { number: "4242424242424242", cvc: "123" });
    const refundInput = { amount: 2500, reason: "取下げ", idempotencyKey: `refund-${paid.reference}` };
    const first = await provider.refund(paid.id, refundInput);
    const second = await provider.refund(paid.id, refundInput);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ status: "succeeded", amount: 2500 });
    const after = await provider.retrieve(paid.id);
    expect(after.amountRefunded).toBe(2500);
    expect((await eventTypes(paid.id)).filter((type) => type === "charge.refunded")).toHaveLength(1);
    await expect(
      provider.refund(paid.id, { ...refundInput, idempotencyKey: "another" }),
    ).rejects.toMatchObject({
      code: "amount_too_large",
    });
    const unpaid = await provider.create(input());
    await expect(provider.refund(unpaid.id, { ...refundInput, idempotencyKey: "x" })).rejects.toMatchObject({
      code: "charge_not_refundable",
    });
  });
});

describe("konbini at the sandbox store", () => {
  it("needs the 確認番号 where the chain has one, and takes the payment once", async () => {
    const created = await provider.create(
      input({ method: "konbini", konbiniStore: "ministop", expiresAt: inAWeek() }),
    );
    const { number, confirmationNumber } = created.voucher!;
    expect(await lookUpVoucher(number, "0000" === confirmationNumber ? "1111" : "0000")).toMatchObject({
      ok: false,
      reason: "confirmation",
    });
    expect(await lookUpVoucher("99999999999", "")).toMatchObject({ ok: false, reason: "not-found" });
    expect(await lookUpVoucher(number, confirmationNumber)).toMatchObject({ ok: true });
    expect(await payAtStore(` ${number} `, confirmationNumber)).toMatchObject({ ok: true });
    expect(await payAtStore(number, confirmationNumber)).toMatchObject({ ok: false, reason: "paid" });
    expect((await provider.findByReference(created.reference))?.status).toBe("succeeded");
    expect(await eventTypes(created.id)).toEqual(["payment_intent.created", "payment_intent.succeeded"]);
  });

  it("expires a code by the namespace clock, on read, with an event", async () => {
    const expiresAt = new Date(now().getTime() + 60 * 60 * 1000);
    const created = await inNs(() =>
      provider.create(input({ method: "konbini", konbiniStore: "seven-eleven", expiresAt })),
    );
    expect((await inNs(() => provider.retrieve(created.id))).status).toBe("pending");
    await setNamespaceClock(ns, 2 * 60 * 60 * 1000);
    try {
      const expired = await inNs(() => provider.retrieve(created.id));
      expect(expired.status).toBe("expired");
      expect(await inNs(() => payAtStore(created.voucher!.number, ""))).toMatchObject({
        ok: false,
        reason: "expired",
      });
      const events = await db.sandboxEvent.findMany({
        where: { paymentId: created.id },
        orderBy: { createdAt: "asc" },
      });
      expect(events.map((event) => event.type)).toEqual(["payment_intent.created", "payment_intent.expired"]);
      // The event carries the namespace's time, the delivery is due by the real clock.
      expect(events[1]!.createdAt.getTime()).toBeGreaterThan(Date.now() + 60 * 60 * 1000);
      expect(events[1]!.nextAttemptAt.getTime()).toBeLessThan(Date.now() + 60 * 1000);
    } finally {
      await setNamespaceClock(ns, null);
    }
  });

  it("is expired by the worker's sweep once due on the payment's own namespace clock", async () => {
    const expiresAt = new Date(now().getTime() + 60 * 60 * 1000);
    const created = await inNs(() => provider.create(input({ method: "slip", expiresAt })));
    await expireDueSandboxPayments();
    expect((await db.sandboxPayment.findUniqueOrThrow({ where: { id: created.id } })).status).toBe(
      "requires_action",
    );
    await setNamespaceClock(ns, 2 * 60 * 60 * 1000);
    try {
      // Outside any request, as the worker runs.
      await expireDueSandboxPayments();
      expect((await db.sandboxPayment.findUniqueOrThrow({ where: { id: created.id } })).status).toBe(
        "expired",
      );
      expect(await eventTypes(created.id)).toEqual(["payment_intent.created", "payment_intent.expired"]);
    } finally {
      await setNamespaceClock(ns, null);
    }
  });
});
