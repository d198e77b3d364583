// The payment webhook endpoint (issue 12) with bodies the sandbox wrote and signed as it delivers
// them: a bad, missing or old signature is refused and nothing is stored; a replayed delivery and a
// duplicate event change nothing; an older event arriving after a newer one is stale; an amount
// other than ours flags the payment and never marks it paid; every verified event is recorded.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { POST } from "@/app/api/payments/webhook/route";
import { checkOptions } from "@/lib/applications/check-options";
import { submitApplication } from "@/lib/applications/submit-application";
import { sandboxWebhookSecret } from "@/lib/payments/sandbox/config";
import { SIGNATURE_HEADER, signatureHeader } from "@/lib/payments/sandbox/signing";
import { completeThreeDSecure, payByCard } from "@/lib/payments/sandbox/store";
import { createSandboxProvider } from "@/lib/payments/sandbox/adapter";
import { DECLINE_MESSAGES } from "@/lib/payments/decline-messages";
import { loadPaymentOverview, refundPayment, startPayment } from "@/lib/payments/service";
import { completeSimpleApplication } from "./support/complete-application";

const context = { ip: null };

async function cardPayment(label: string) {
  const { applicant } = await completeSimpleApplication(label);
  expect((await submitApplication(applicant.id, checkOptions(), context)).ok).toBe(true);
  const overview = await loadPaymentOverview(applicant.id);
  const started = await startPayment(
    applicant.id,
    { method: "CARD", feeLockVersion: overview!.fee!.lockVersion },
    context,
  );
  expect(started.ok).toBe(true);
  const payment = await db.payment.findFirstOrThrow({ where: { feeId: overview!.fee!.id } });
  return { applicant, payment, providerId: payment.providerPaymentId!, feeId: overview!.fee!.id };
}

/** The sandbox's events of a payment, as the bodies it delivers. */
async function eventBodies(providerId: string): Promise<Map<string, string>> {
  const events = await db.sandboxEvent.findMany({
    where: { paymentId: providerId },
    orderBy: { createdAt: "asc" },
  });
  return new Map(events.map((event) => [event.type, JSON.stringify(event.data)]));
}

function deliver(
  body: string,
  signature: string | null = signatureHeader(sandboxWebhookSecret(), body, now()),
) {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (signature !== null) headers.set(SIGNATURE_HEADER, signature);
  return POST(new Request("http://localhost/api/payments/webhook", { method: "POST", headers, body }));
}

async function outcomeOf(response: Response) {
  expect(response.status).toBe(200);
  return ((await response.json()) as { outcome: string }).outcome;
}

const eventIdOf = (body: string) => (JSON.parse(body) as { id: string }).id;

describe("signature", () => {
  it("refuses a bad, missing or old signature with 400 and stores nothing", async () => {
    const { providerId } = await cardPayment("sig");
    await payByCard(providerId, { number: "4242424242424242", cvc: "123" });
    const body = (await eventBodies(providerId)).get("payment_intent.succeeded")!;
    const eventId = eventIdOf(body);

    expect(
      (await deliver(body, signatureHeader("another-secret-another-secret-another", body, now()))).status,
    ).toBe(400);
    expect((await deliver(body, null)).status).toBe(400);
    const old = new Date(now().getTime() - 301_000);
    expect((await deliver(body, signatureHeader(sandboxWebhookSecret(), body, old))).status).toBe(400);
    // A signature of another body does not cover this one.
    const tampered = body.replace('"amount":2500', '"amount":1');
    expect(tampered).not.toBe(body);
    expect((await deliver(tampered, signatureHeader(sandboxWebhookSecret(), body, now()))).status).toBe(400);
    expect(await db.paymentEvent.count({ where: { eventId } })).toBe(0);
  });
});

describe("events", () => {
  it("applies a success once: a replayed delivery and a duplicate change nothing", async () => {
    const { applicant, providerId, payment } = await cardPayment("dup");
    await payByCard(providerId, { number: "4242424242424242", cvc: "123" });
    const body = (await eventBodies(providerId)).get("payment_intent.succeeded")!;
    const signature = signatureHeader(sandboxWebhookSecret(), body, now());
    expect(await outcomeOf(await deliver(body, signature))).toBe("applied");
    // The same request again (a replay within the tolerance), and the event re-signed later.
    expect(await outcomeOf(await deliver(body, signature))).toBe("duplicate");
    expect(await outcomeOf(await deliver(body))).toBe("duplicate");

    expect(await db.paymentEvent.count({ where: { eventId: eventIdOf(body) } })).toBe(1);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PAID");
    expect(
      await db.emailOutbox.count({ where: { toAddress: applicant.email, template: "payment-completed" } }),
    ).toBe(1);
    expect(await db.notice.count({ where: { applicantId: applicant.id, kind: "PAYMENT_COMPLETED" } })).toBe(
      1,
    );
  });

  it("ignores an older event that arrives after a newer one (3-D Secure out of order)", async () => {
    const { providerId, payment, feeId } = await cardPayment("order");
    await payByCard(providerId, { number: "4000000000003220", cvc: "123" });
    await completeThreeDSecure(providerId, true);
    const bodies = await eventBodies(providerId);
    expect(await outcomeOf(await deliver(bodies.get("payment_intent.succeeded")!))).toBe("applied");
    expect(await outcomeOf(await deliver(bodies.get("payment_intent.requires_action")!))).toBe("stale");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PAID");
    expect((await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } })).status).toBe("PAID");
    const recorded = await db.paymentEvent.findMany({
      where: { paymentId: payment.id },
      orderBy: { receivedAt: "asc" },
    });
    expect(recorded.map((event) => [event.type, event.outcome])).toEqual([
      ["payment_intent.succeeded", "applied"],
      ["payment_intent.requires_action", "stale"],
    ]);
  });

  it("keeps a declined card open with the reason in Japanese", async () => {
    const { providerId, payment } = await cardPayment("declined");
    await payByCard(providerId, { number: "4000000000009995", cvc: "123" });
    const body = (await eventBodies(providerId)).get("payment_intent.payment_failed")!;
    expect(await outcomeOf(await deliver(body))).toBe("applied");
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored.status).toBe("PENDING");
    expect(stored.lastErrorCode).toBe("insufficient_funds");
    expect(stored.lastErrorMessage).toBe(DECLINE_MESSAGES.insufficient_funds);
  });

  it("flags an amount other than the payment's and never marks it paid", async () => {
    const { providerId, payment, feeId } = await cardPayment("amount");
    await payByCard(providerId, { number: "4242424242424242", cvc: "123" });
    const body = (await eventBodies(providerId)).get("payment_intent.succeeded")!;
    const event = JSON.parse(body) as { id: string; data: { object: { amount: number } } };
    event.id = `evt_${randomUUID().replace(/-/g, "").slice(0, 24)}`;
    event.data.object.amount = 250;
    expect(await outcomeOf(await deliver(JSON.stringify(event)))).toBe("amount-mismatch");
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(stored.status).toBe("FLAGGED");
    expect(stored.flagReason).toMatch(/250円.*2500円/);
    expect((await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } })).status).toBe("UNPAID");
    // The genuine event afterwards does not pay it either: staff must look.
    expect(await outcomeOf(await deliver(body))).toBe("duplicate-state");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("FLAGGED");
  });

  it("a flagged payment can be refunded by staff; the fee stays owed and can be paid again", async () => {
    const { applicant, providerId, payment, feeId } = await cardPayment("flag-refund");
    await payByCard(providerId, { number: "4242424242424242", cvc: "123" });
    const event = JSON.parse((await eventBodies(providerId)).get("payment_intent.succeeded")!) as {
      data: { object: { amount: number } };
    };
    event.data.object.amount = 9999;
    expect(await outcomeOf(await deliver(JSON.stringify(event)))).toBe("amount-mismatch");
    expect((await loadPaymentOverview(applicant.id))?.canPay).toBe(false);

    const staffId = randomUUID();
    expect(await refundPayment(staffId, payment.id, { reason: "金額の不一致のため" }, context)).toEqual({
      ok: true,
    });
    const stored = await db.payment.findUniqueOrThrow({ where: { id: payment.id } });
    // The sandbox holds 2,500円 (the event's 9,999円 was not what it charged): that is refunded.
    expect(stored).toMatchObject({ status: "REFUNDED", refundAmount: 2500, refundedByStaffId: staffId });
    expect((await db.sandboxPayment.findUniqueOrThrow({ where: { id: providerId } })).amountRefunded).toBe(
      2500,
    );
    expect((await db.applicationFee.findUniqueOrThrow({ where: { id: feeId } })).status).toBe("UNPAID");
    expect((await loadPaymentOverview(applicant.id))?.canPay).toBe(true);
  });

  it("records an event about a payment that is not ours and answers 200", async () => {
    const provider = createSandboxProvider();
    const foreign = await provider.create({
      reference: `other-${randomUUID()}`,
      amount: 1000,
      method: "card",
      description: "他のシステム",
      customer: { name: "他人", email: "other@example.jp" },
      returnUrl: "http://localhost:3000/",
    });
    await payByCard(foreign.id, { number: "4242424242424242", cvc: "123" });
    const body = (await eventBodies(foreign.id)).get("payment_intent.succeeded")!;
    expect(await outcomeOf(await deliver(body))).toBe("unknown-payment");
    const recorded = await db.paymentEvent.findFirstOrThrow({ where: { eventId: eventIdOf(body) } });
    expect(recorded).toMatchObject({
      outcome: "unknown-payment",
      paymentId: null,
      providerPaymentId: foreign.id,
    });
  });

  it("answers 400 to a body that is not an event", async () => {
    const body = JSON.stringify({ hello: "world" });
    expect((await deliver(body)).status).toBe(400);
    expect((await deliver("not json")).status).toBe(400);
  });
});
