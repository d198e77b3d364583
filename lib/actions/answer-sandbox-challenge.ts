"use server";
// The payment sandbox's 3-D Secure page: 認証する / 認証しない (issue 12). Approved: paid, back to
// the merchant; refused: back to the card page with the reason (another try allowed).
import { redirect } from "next/navigation";
import { applyActionFault } from "@/lib/test-kit/faults";
import { checkoutPath } from "@/lib/payments/sandbox/intent";
import { completeThreeDSecure } from "@/lib/payments/sandbox/store";
import { loadSandboxPayment, returnUrlOf } from "@/lib/payments/sandbox/checkout";
import { sandboxLanguage, withSandboxLanguage } from "@/lib/payments/sandbox/words";
import { formDataToStrings } from "@/lib/actions/form-state";

export async function answerSandboxChallengeAction(formData: FormData): Promise<void> {
  await applyActionFault("answerSandboxChallengeAction");
  const payment = await loadSandboxPayment(formData.get("paymentId"));
  if (!payment) redirect("/sandbox/checkout/unknown");
  const approve = formData.get("decision") === "approve";
  // Back on the card page in the language the merchant asked for.
  const language = sandboxLanguage(formDataToStrings(formData, ["locale"]).locale);
  const result = await completeThreeDSecure(payment.id, approve);
  if (result.ok || result.payment?.status === "succeeded") redirect(returnUrlOf(result.payment ?? payment));
  if (result.reason === "declined") {
    redirect(withSandboxLanguage(checkoutPath(payment.id), language, { error: "authentication_failed" }));
  }
  redirect(withSandboxLanguage(checkoutPath(payment.id), language));
}
