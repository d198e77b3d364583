"use server";
// The payment sandbox's 3-D Secure page: 認証する / 認証しない (issue 12). Approved: paid, back to
// the merchant; refused: back to the card page with the reason (another try allowed).
import { redirect } from "next/navigation";
import { applyActionFault } from "@/lib/test-kit/faults";
import { checkoutPath } from "@/lib/payments/sandbox/intent";
import { completeThreeDSecure } from "@/lib/payments/sandbox/store";
import { loadSandboxPayment, returnUrlOf } from "@/lib/payments/sandbox/checkout";

export async function answerSandboxChallengeAction(formData: FormData): Promise<void> {
  await applyActionFault("answerSandboxChallengeAction");
  const payment = await loadSandboxPayment(formData.get("paymentId"));
  if (!payment) redirect("/sandbox/checkout/unknown");
  const approve = formData.get("decision") === "approve";
  const result = await completeThreeDSecure(payment.id, approve);
  if (result.ok || result.payment?.status === "succeeded") redirect(returnUrlOf(result.payment ?? payment));
  if (result.reason === "declined") redirect(`${checkoutPath(payment.id)}?error=authentication_failed`);
  redirect(checkoutPath(payment.id));
}
