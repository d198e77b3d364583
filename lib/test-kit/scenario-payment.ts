// Test-kit scenarios from 申請中 on (issue 12): the registration fee paid, as the sandbox would have
// it after a card payment (4242 4242 4242 4242) — our payment row and the sandbox's payment agree,
// the fee is 支払済み. Quietly: no payment email or 通知, so the scenario's mailbox and 通知 stay
// what the earlier steps made (a suite that tests paying starts from `payment: "unpaid"`).
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { getEnv } from "@/lib/env";
import { LIVE_PAYMENT_STATUSES, lockFee } from "@/lib/payments/state";
import { createSandboxProvider } from "@/lib/payments/sandbox/adapter";
import { payByCard, retrieveSandboxPayment } from "@/lib/payments/sandbox/store";

const SUCCESS_CARD = { number: "4242424242424242", cvc: "123" };

export async function payFeeForScenario(applicantId: string): Promise<void> {
  const application = await db.application.findUniqueOrThrow({
    where: { applicantId },
    select: {
      applicationNumber: true,
      applicant: { select: { name: true, email: true } },
      fees: { orderBy: { createdAt: "desc" }, take: 1 },
    },
  });
  const fee = application.fees[0];
  if (!fee || fee.status === "PAID") return;
  const live = await db.payment.count({
    where: { feeId: fee.id, status: { in: [...LIVE_PAYMENT_STATUSES] } },
  });
  if (live > 0) throw new Error("scenario payment: the fee already has a payment under way");
  const payment = await db.payment.create({
    data: {
      feeId: fee.id,
      method: "CARD",
      feeAmount: fee.amount,
      amount: fee.amount,
      status: "CREATING",
      provider: "sandbox",
      createdAt: now(),
    },
  });
  // The sandbox itself, whatever PAYMENT_PROVIDER says: scenarios exist in test mode only, and
  // a namespace's provider-down fault must not stop its data from being made.
  const sandbox = createSandboxProvider({ isDown: () => Promise.resolve(false) });
  const created = await sandbox.create({
    reference: payment.id,
    amount: payment.amount,
    method: "card",
    description: `CCUS 登録料 申請番号 ${application.applicationNumber ?? ""}`,
    customer: { name: application.applicant.name, email: application.applicant.email },
    returnUrl: `${getEnv().APP_URL}/payment/return`,
  });
  const paid = await payByCard(created.id, SUCCESS_CARD);
  if (!paid.ok) throw new Error(`scenario payment: the sandbox refused the test card (${paid.reason})`);
  const row = await retrieveSandboxPayment(created.id);
  const paidAt = row?.succeededAt ?? now();
  await db.$transaction(async (tx) => {
    await lockFee(tx, fee.id);
    await tx.payment.update({
      where: { id: payment.id },
      data: {
        status: "PAID",
        providerPaymentId: created.id,
        providerStatus: "succeeded",
        paidAt,
        lockVersion: { increment: 1 },
      },
    });
    await tx.applicationFee.update({
      where: { id: fee.id },
      data: { status: "PAID", paidAt, lockVersion: { increment: 1 } },
    });
  });
}
