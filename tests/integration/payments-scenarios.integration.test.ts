// Test-kit scenarios and the registration fee (issue 12): from 申請中 on the fee is paid by default,
// consistently with the sandbox (a card payment it holds as succeeded) and without payment emails
// or 通知; `payment: "unpaid"` leaves it 支払待ち for suites that test paying.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createScenario } from "@/lib/test-kit/scenarios";
import { loadPaymentOverview, refundPayment } from "@/lib/payments/service";

const ns = () => `payscn-${randomUUID().slice(0, 8)}`;

async function applicantOf(email: string) {
  return db.applicant.findFirstOrThrow({ where: { email } });
}

describe("scenario payment", () => {
  it("pays the fee of a 申請中 application by default, consistently with the sandbox", async () => {
    const scenario = await createScenario({ persona: "submitted", ns: ns() });
    const applicant = await applicantOf(scenario.email);
    const overview = await loadPaymentOverview(applicant.id);
    expect(overview?.fee).toMatchObject({ status: "PAID", amount: 2500 });
    expect(overview?.payment).toMatchObject({ status: "PAID", method: "CARD", amount: 2500 });
    expect(overview?.receiptAvailable).toBe(true);
    const atSandbox = await db.sandboxPayment.findUniqueOrThrow({
      where: { id: overview!.payment!.providerPaymentId! },
    });
    expect(atSandbox).toMatchObject({ status: "succeeded", amount: 2500, reference: overview!.payment!.id });
    const paymentMails = await db.emailOutbox.count({
      where: { toAddress: scenario.email, template: { startsWith: "payment-" } },
    });
    expect(paymentMails).toBe(0);
    expect(await db.notice.count({ where: { applicantId: applicant.id, kind: "PAYMENT_COMPLETED" } })).toBe(
      0,
    );
  });

  it("its payment is one staff can refund through the sandbox", async () => {
    const scenario = await createScenario({ persona: "submitted", ns: ns() });
    const overview = await loadPaymentOverview((await applicantOf(scenario.email)).id);
    const result = await refundPayment(
      randomUUID(),
      overview!.payment!.id,
      { reason: "テスト" },
      { ip: null },
    );
    expect(result).toEqual({ ok: true });
    const atSandbox = await db.sandboxPayment.findUniqueOrThrow({
      where: { id: overview!.payment!.providerPaymentId! },
    });
    expect(atSandbox.amountRefunded).toBe(2500);
  });

  it("keeps the fee paid through 不備 and 登録完了", async () => {
    for (const persona of ["resubmitted", "approved"] as const) {
      const scenario = await createScenario({ persona, ns: ns() });
      const overview = await loadPaymentOverview((await applicantOf(scenario.email)).id);
      expect(overview?.fee?.status).toBe("PAID");
    }
  });

  it("leaves the fee unpaid when asked", async () => {
    const scenario = await createScenario({ persona: "submitted", ns: ns(), payment: "unpaid" });
    const overview = await loadPaymentOverview((await applicantOf(scenario.email)).id);
    expect(overview).toMatchObject({ fee: { status: "UNPAID" }, payment: null, canPay: true });
  });
});
