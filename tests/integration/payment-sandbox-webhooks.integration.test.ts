// The payment sandbox's webhook delivery (issue 12) against the real database and a tiny local
// HTTP server standing in for the portal's endpoint: signed bodies, retries on 500, abandoned after
// the last attempt, the test kit's drop / duplicate / shuffle faults, and an atomic claim.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.TEST_MODE = "on";
  process.env.TEST_API_TOKEN = "integration-test-token-0123456789abcdef";
});

import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { runInTestNamespace } from "@/lib/test-kit/request-namespace";
import { clearNamespaceFaults, setNamespaceFaults } from "@/lib/test-kit/faults";
import type { CreatePaymentInput } from "@/lib/payments/provider";
import { createSandboxProvider } from "@/lib/payments/sandbox/adapter";
import { payByCard } from "@/lib/payments/sandbox/store";
import { verifySignature } from "@/lib/payments/sandbox/signing";
import { deliveryModeFor, SHUFFLE_HOLD_MS, writeSandboxEvent } from "@/lib/payments/sandbox/events";
import {
  claimDueSandboxEvents,
  deliverDueSandboxEvents,
  DUPLICATE_DELAY_MS,
  type SandboxWebhookWorkerOptions,
} from "@/lib/payments/sandbox/webhook-worker";

const SECRET = "webhook-test-secret";
const provider = createSandboxProvider({ webhookSecret: SECRET });

interface Received {
  body: string;
  signature: string | undefined;
  namespace: string | undefined;
}

const received: Received[] = [];
let answers: number[] = [];
let server: Server;
let url = "";

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
    void readBody(request).then((body) => {
      received.push({
        body,
        signature: request.headers["sandbox-signature"] as string | undefined,
        namespace: request.headers["x-test-namespace"] as string | undefined,
      });
      response.statusCode = answers.shift() ?? 200;
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/payments/webhook`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let ns = "";
let clockMs = 0;

beforeEach(() => {
  received.length = 0;
  answers = [];
  ns = `sbhook-${randomUUID().slice(0, 8)}`;
  clockMs = Date.now();
});

afterEach(async () => {
  await clearNamespaceFaults(ns);
});

const options = (overrides: Partial<SandboxWebhookWorkerOptions> = {}): SandboxWebhookWorkerOptions => ({
  url,
  secret: SECRET,
  now: () => new Date(clockMs),
  retryBaseMs: 1000,
  testNamespace: ns,
  ...overrides,
});

function input(): CreatePaymentInput {
  return {
    reference: `pay_${randomUUID()}`,
    amount: 2500,
    method: "card",
    description: "CCUS 登録料",
    customer: { name: "建設 太郎", email: "taro@example.com" },
    returnUrl: "http://localhost:3000/payment/return",
  };
}

/** A card payment made in the test's namespace and paid: two events (created, succeeded). */
async function paidCardPayment() {
  return runInTestNamespace(ns, async () => {
    const created = await provider.create(input());
    await payByCard(created.id, { number: "4242424242424242", cvc: "123" });
    startClock();
    return created;
  });
}

/** The worker's clock starts now (after the events were written: they are due at once). */
function startClock() {
  clockMs = Date.now();
}

const receivedTypes = () => received.map((item) => (JSON.parse(item.body) as { type: string }).type);

describe("delivery", () => {
  it("posts each event once, signed so that the adapter verifies it, with the namespace header", async () => {
    const payment = await paidCardPayment();
    const round = await deliverDueSandboxEvents(options());
    expect(round).toMatchObject({ claimed: 2, delivered: 2 });
    expect(receivedTypes()).toEqual(["payment_intent.created", "payment_intent.succeeded"]);
    for (const item of received) {
      expect(verifySignature(SECRET, item.body, item.signature, now())).toEqual({
        ok: true,
        timestamp: expect.any(Number),
      });
      expect(item.namespace).toBe(ns);
    }
    const event = provider.parseWebhook(
      received[1]!.body,
      new Headers({ "Sandbox-Signature": received[1]!.signature! }),
      now(),
    );
    expect(event).toMatchObject({
      type: "payment.succeeded",
      payment: { id: payment.id, status: "succeeded", amount: 2500 },
    });
    const rows = await db.sandboxEvent.findMany({ where: { paymentId: payment.id } });
    expect(rows.every((row) => row.deliveredAt !== null && row.attempts === 1)).toBe(true);
    expect(await deliverDueSandboxEvents(options({ now: () => new Date(clockMs + 60_000) }))).toMatchObject({
      claimed: 0,
    });
    expect(received).toHaveLength(2);
  });

  it("retries after a 500 with backoff and delivers", async () => {
    const payment = await runInTestNamespace(ns, () => provider.create(input()));
    startClock();
    answers = [500];
    expect(await deliverDueSandboxEvents(options())).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await db.sandboxEvent.findFirstOrThrow({ where: { paymentId: payment.id } });
    expect(failed).toMatchObject({ deliveredAt: null, attempts: 1, lastError: "HTTP 500" });
    expect(failed.nextAttemptAt.getTime()).toBe(clockMs + 1000);
    // Not due yet.
    expect(await deliverDueSandboxEvents(options({ now: () => new Date(clockMs + 500) }))).toMatchObject({
      claimed: 0,
    });
    clockMs += 1000;
    expect(await deliverDueSandboxEvents(options())).toMatchObject({ claimed: 1, delivered: 1 });
    expect(received).toHaveLength(2);
    const delivered = await db.sandboxEvent.findFirstOrThrow({ where: { paymentId: payment.id } });
    expect(delivered).toMatchObject({ attempts: 2, lastError: null });
    expect(delivered.deliveredAt).not.toBeNull();
  });

  it("retries after a network error and abandons after the last attempt", async () => {
    const payment = await runInTestNamespace(ns, () => provider.create(input()));
    startClock();
    const closedPort = options({ url: "http://127.0.0.1:1/api/payments/webhook", maxAttempts: 3 });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const round = await deliverDueSandboxEvents({ ...closedPort, now: () => new Date(clockMs) });
      expect(round.claimed).toBe(1);
      clockMs += 60 * 60 * 1000;
    }
    const row = await db.sandboxEvent.findFirstOrThrow({ where: { paymentId: payment.id } });
    expect(row.attempts).toBe(3);
    expect(row.abandonedAt).not.toBeNull();
    expect(row.deliveredAt).toBeNull();
    expect(await deliverDueSandboxEvents({ ...closedPort, now: () => new Date(clockMs) })).toMatchObject({
      claimed: 0,
    });
  });

  it("never hands one due event to two workers at once", async () => {
    await runInTestNamespace(ns, () => provider.create(input()));
    startClock();
    const [a, b] = await Promise.all([
      claimDueSandboxEvents(new Date(clockMs), 10, ns),
      claimDueSandboxEvents(new Date(clockMs), 10, ns),
    ]);
    expect(a.length + b.length).toBe(1);
  });
});

describe("test-kit faults", () => {
  it("drop: abandons without delivering", async () => {
    await setNamespaceFaults({ ns, payments: { webhooks: "drop" } });
    const payment = await paidCardPayment();
    expect(await deliverDueSandboxEvents(options())).toMatchObject({
      claimed: 2,
      abandoned: 2,
      delivered: 0,
    });
    expect(received).toHaveLength(0);
    const rows = await db.sandboxEvent.findMany({ where: { paymentId: payment.id } });
    expect(rows.every((row) => row.abandonedAt !== null && row.deliveredAt === null)).toBe(true);
  });

  it("duplicate: every event arrives twice, with the same event id", async () => {
    await setNamespaceFaults({ ns, payments: { webhooks: "duplicate" } });
    await paidCardPayment();
    await deliverDueSandboxEvents(options());
    clockMs += DUPLICATE_DELAY_MS;
    await deliverDueSandboxEvents(options());
    clockMs += 60_000;
    await deliverDueSandboxEvents(options());
    const ids = received.map((item) => (JSON.parse(item.body) as { id: string }).id);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(2);
  });

  it("shuffle: a later event of the payment overtakes a held one", async () => {
    await setNamespaceFaults({ ns, payments: { webhooks: "shuffle" } });
    await paidCardPayment();
    // Delivery runs on the real clock here: the held event is due SHUFFLE_HOLD_MS after it was written.
    const realOptions = options({ now: () => new Date() });
    await deliverDueSandboxEvents(realOptions);
    expect(receivedTypes()).toEqual(["payment_intent.succeeded"]);
    await deliverDueSandboxEvents(options({ now: () => new Date(Date.now() + SHUFFLE_HOLD_MS + 100) }));
    expect(receivedTypes()).toEqual(["payment_intent.succeeded", "payment_intent.created"]);
  });

  it("chaos switch: PAYMENT_SANDBOX_CHAOS=on holds back some events and doubles some", async () => {
    const previous = process.env.PAYMENT_SANDBOX_CHAOS;
    process.env.PAYMENT_SANDBOX_CHAOS = "on";
    try {
      expect(await deliveryModeFor(null)).toBe("chaos");
      // A namespace's own fault wins over the switch.
      await setNamespaceFaults({ ns, payments: { webhooks: "duplicate" } });
      expect(await deliveryModeFor(ns)).toBe("duplicate");
    } finally {
      if (previous === undefined) delete process.env.PAYMENT_SANDBOX_CHAOS;
      else process.env.PAYMENT_SANDBOX_CHAOS = previous;
    }
    expect(await deliveryModeFor(null)).toBe("normal");

    const payment = await runInTestNamespace(ns, () => provider.create(input()));
    const row = await db.sandboxPayment.findUniqueOrThrow({ where: { id: payment.id } });
    const at = new Date();
    const write = (random: () => number) =>
      db.$transaction((tx) =>
        writeSandboxEvent(tx, {
          type: "payment_intent.succeeded",
          payment: row,
          at,
          deliverAt: at,
          mode: "chaos",
          random,
        }),
      );
    const unlucky = await write(() => 0.1);
    const lucky = await write(() => 0.9);
    const [held, straight] = await Promise.all(
      [unlucky.id, lucky.id].map((id) => db.sandboxEvent.findUniqueOrThrow({ where: { id } })),
    );
    expect(held!.duplicatesLeft).toBe(1);
    expect(held!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(at.getTime() + 1000);
    expect(straight!.duplicatesLeft).toBe(0);
    expect(straight!.nextAttemptAt.getTime()).toBe(at.getTime());
  });
});
