"use server";
// 申請内容の審査 (staff): 返金する. The reason is required and the staff member ticks that a refund
// cannot be undone; the refund itself (through the provider, fee 返金済み, the applicant told by
// email and 通知, audited) is refundPayment's.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { REFUND_MESSAGES, refundPayment } from "@/lib/payments/service";
import { applyActionFault } from "@/lib/test-kit/faults";

const REFUND_REASON_MAX = 500;

const refundSchema = z.object({
  applicationId: z.uuid(),
  paymentId: z.uuid(),
  refundReason: z
    .string()
    .transform((value) => value.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, "返金の理由を入力してください。")
        .max(REFUND_REASON_MAX, `返金の理由は${REFUND_REASON_MAX}文字以内で入力してください。`),
    ),
  refundConfirm: z.literal("yes", "返金してよいか確かめてから、チェックを入れてください。"),
});

export async function refundPaymentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("refundPaymentAction");
  const { staff } = await requireStaff();
  const values = formDataToStrings(formData, ["applicationId", "paymentId", "refundReason"]);
  const parsed = refundSchema.safeParse({ ...values, refundConfirm: formData.get("confirm") ?? "" });
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    if (fieldErrors.applicationId || fieldErrors.paymentId)
      return errorState({ formError: REFUND_MESSAGES["not-found"], values });
    return errorState({ fieldErrors, values });
  }
  const { applicationId, paymentId, refundReason } = parsed.data;
  const result = await refundPayment(
    staff.id,
    paymentId,
    { reason: refundReason },
    { ip: (await getRequestContext()).ip },
  );
  if (!result.ok) return errorState({ formError: REFUND_MESSAGES[result.reason], values });
  redirect(`/staff/applications/${applicationId}?refunded=1`);
}
