"use server";
// 申請の取下げ: 確認へ進む shows what will happen (the fee is refunded or the payment cancelled),
// 申請を取り下げる does it, 戻る goes back to the reason. Nothing changes before the second press.
import { redirect } from "next/navigation";
import { requireApplicant } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { WITHDRAW_MESSAGES, withdrawApplication } from "@/lib/payments/service";
import { withdrawApplicationSchema } from "@/lib/schemas/payment";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function withdrawApplicationAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await applyActionFault("withdrawApplicationAction");
  const { applicant } = await requireApplicant();
  const values = formDataToStrings(formData, ["reason", "intent"]);
  const parsed = withdrawApplicationSchema.safeParse({ reason: values.reason });
  if (!parsed.success) {
    return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values: { reason: values.reason ?? "" } });
  }
  const reason = parsed.data.reason;
  // 確認へ進む / 戻る: only the form's step changes.
  if (values.intent !== "withdraw") {
    return {
      status: "idle",
      values: { reason, step: values.intent === "confirm" ? "confirm" : "edit" },
      submittedAt: Date.now(),
    };
  }
  const result = await withdrawApplication(applicant.id, { reason }, await getRequestContext());
  if (!result.ok) {
    return errorState({ formError: WITHDRAW_MESSAGES[result.reason], values: { reason, step: "edit" } });
  }
  redirect("/withdraw");
}
