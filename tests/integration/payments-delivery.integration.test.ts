// The whole loop of issue 12's webhooks: the sandbox's delivery worker POSTs its signed events over
// real HTTP to a server that hands each request to the portal's webhook endpoint, with the test
// kit's faults: every event twice, events out of order, events dropped (then reconciliation
// finds the payment). Whatever the delivery, the payment is paid once, with one email.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Before any module reads the configuration (getEnv caches it).
  process.env.TEST_MODE = "on";
  process.env.TEST_API_TOKEN = "integration-test-token-0123456789abcdef";
});

import { db } from "@/lib/db";
import { POST } from "@/app/api/payments/webhook/route";
import { checkOptions } from "@/lib/applications/check-options";
import { submitApplication } from "@/lib/applications/submit-application";
import { runInTestNamespace } from "@/lib/test-kit/request-namespace";
import { clearNamespaceFaults, setNamespaceFaults } from "@/lib/test-kit/faults";
import { sandboxWebhookSecret } from "@/lib/payments/sandbox/config";
import { completeThreeDSecure, payByCard } from "@/lib/payments/sandbox/store";
import { deliverDueSandboxEvents } from "@/lib/payments/sandbox/webhook-worker";
import { loadPaymentOverview, reconcilePayments, startPayment } from "@/lib/payments/service";
import { completeSimpleApplication } from "./support/complete-application";

let server: Server;
let url = "";
const answers: number[] = [];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void (async () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const body = await readBody(request);
      const answer = await POST(
        new Request(`http://localhost${request.url ?? "/"}`, { method: "POST", headers, body }),
      );
      answers.push(answer.status);
      response.statusCode = answer.status;
      response.end(await answer.text());
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/payments/webhook`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let ns = "";
beforeEach(() => {
  ns = `paydel-${randomUUID().slice(0, 8)}`;
  answers.length = 0;
});

/** Delivery rounds at the real time plus `aheadMs` (held-back events become due). */
async function deliverAll(...aheadMs: number[]) {
  for (const ahead of aheadMs) {
    await deliverDueSandboxEvents({
      url,
      secret: sandboxWebhookSecret(),
      now: () => new Date(Date.now() + ahead),
      testNamespace: ns,
      retryBaseMs: 1,
      retryCapMs: 1,
    });
  }
}

async function cardPaymentIn(label: string) {
  const { applicant } = await completeSimpleApplication(label);
  expect((await submitApplication(applicant.id, checkOptions(), { ip: null })).ok).toBe(true);
  const overview = await loadPaymentOverview(applicant.id);
  await runInTestNamespace(ns, () =>
    startPayment(applicant.id, { method: "CARD", feeLockVersion: overview!.fee!.lockVersion }, { ip: null }),
  );
  const payment = await db.payment.findFirstOrThrow({ where: { feeId: overview!.fee!.id } });
  return { applicant, payment, providerId: payment.providerPaymentId! };
}

async function expectPaidOnce(applicant: { id: string; email: string }, paymentId: string) {
  expect((await db.payment.findUniqueOrThrow({ where: { id: paymentId } })).status).toBe("PAID");
  expect((await loadPaymentOverview(applicant.id))?.fee?.status).toBe("PAID");
  expect(
    await db.emailOutbox.count({ where: { toAddress: applicant.email, template: "payment-completed" } }),
  ).toBe(1);
  expect(await db.notice.count({ where: { applicantId: applicant.id, kind: "PAYMENT_COMPLETED" } })).toBe(1);
}

describe("webhook delivery with the test kit's faults", () => {
  it("every event twice: recorded once each, paid once", async () => {
    await setNamespaceFaults({ ns, payments: { webhooks: "duplicate" } });
    const { applicant, payment, providerId } = await cardPaymentIn("twice");
    await payByCard(providerId, { number: "4242424242424242", cvc: "123" });
    await deliverAll(0, 1_000, 2_000);
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(answers.every((status) => status === 200)).toBe(true);
    const recorded = await db.paymentEvent.findMany({ where: { paymentId: payment.id } });
    expect(new Set(recorded.map((event) => event.eventId)).size).toBe(recorded.length);
    await expectPaidOnce(applicant, payment.id);
    await clearNamespaceFaults(ns);
  });

  it("events out of order: the 3-D Secure success stays, the older event is stale", async () => {
    await setNamespaceFaults({ ns, payments: { webhooks: "shuffle" } });
    const { applicant, payment, providerId } = await cardPaymentIn("shuffle");
    await payByCard(providerId, { number: "4000000000003220", cvc: "123" });
    await completeThreeDSecure(providerId, true);
    await deliverAll(0, 5_000, 10_000);
    await expectPaidOnce(applicant, payment.id);
    const recorded = await db.paymentEvent.findMany({
      where: { paymentId: payment.id },
      orderBy: { receivedAt: "asc" },
    });
    const types = recorded.map((event) => event.type);
    expect(types).toContain("payment_intent.succeeded");
    // Whatever the order they came in, nothing was applied after the success.
    const paidAt = types.indexOf("payment_intent.succeeded");
    expect(recorded.slice(paidAt + 1).every((event) => event.outcome !== "applied")).toBe(true);
    await clearNamespaceFaults(ns);
  });

  it("events dropped: nothing arrives, reconciliation asks the provider and pays it once", async () => {
    await setNamespaceFaults({ ns, payments: { webhooks: "drop" } });
    const { applicant, payment, providerId } = await cardPaymentIn("drop");
    await payByCard(providerId, { number: "4242424242424242", cvc: "123" });
    await deliverAll(0, 1_000);
    expect(answers).toEqual([]);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("PENDING");
    await reconcilePayments();
    await expectPaidOnce(applicant, payment.id);
    await clearNamespaceFaults(ns);
  });
});
