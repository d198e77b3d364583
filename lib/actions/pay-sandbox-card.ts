"use server";
// The payment sandbox's hosted card page: 支払う (issue 12). Stands for the provider's own server:
// no portal login; the test card decides the outcome; only the last 4 digits are stored and
// nothing of the card is logged.
import { redirect } from "next/navigation";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";
import { challengePath } from "@/lib/payments/sandbox/intent";
import { payByCard } from "@/lib/payments/sandbox/store";
import { declineField, loadSandboxPayment, returnUrlOf } from "@/lib/payments/sandbox/checkout";
import { SANDBOX_CARD_FIELDS, sandboxCardSchemaIn } from "@/lib/schemas/sandbox-payment";
import {
  sandboxDeclineMessage,
  sandboxLanguage,
  sandboxWords,
  withSandboxLanguage,
} from "@/lib/payments/sandbox/words";

export async function paySandboxCardAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("paySandboxCardAction");
  const values = formDataToStrings(formData, SANDBOX_CARD_FIELDS);
  // The hosted page's language, as the merchant asked for it (lib/payments/sandbox/words.ts).
  const language = sandboxLanguage(formDataToStrings(formData, ["locale"]).locale);
  const notPayable = sandboxWords(language).notPayable;
  const payment = await loadSandboxPayment(formData.get("paymentId"));
  if (!payment) return errorState({ formError: notPayable, values });
  const parsed = sandboxCardSchemaIn(language).safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values });
  const result = await payByCard(payment.id, { number: parsed.data.cardNumber, cvc: parsed.data.cvc });
  if (result.ok) {
    redirect(
      result.status === "requires_action"
        ? withSandboxLanguage(challengePath(result.payment.id), language)
        : returnUrlOf(result.payment),
    );
  }
  if (result.reason === "declined") {
    return errorState({
      fieldErrors: { [declineField(result.code)]: [sandboxDeclineMessage(language, result.code)] },
      values,
    });
  }
  // Paid meanwhile (another tab): back to the merchant, who shows the payment.
  if (result.payment?.status === "succeeded") redirect(returnUrlOf(result.payment));
  return errorState({ formError: notPayable, values });
}
