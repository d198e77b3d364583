"use client";
// 申請内容の審査: 返金 of a paid 登録料. The reason is required (the applicant is not shown it; it is
// kept with the refund and in the audit log) and a ticked confirmation guards the irreversible
// step. Without JavaScript the form posts to the same action and comes back the same way.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";
import { FormMessage } from "@/components/form/form-message";
import { ConfirmCheckbox } from "@/components/staff/applicant-account-forms";
import { Button } from "@/components/ui/button";
import { refundPaymentAction } from "@/lib/actions/refund-payment";
import type { FormState } from "@/lib/actions/form-state";

const REASON_ID = "refundReason";
const CONFIRM_ID = "refundConfirm";
const REASON_HINT = "500文字以内。返金の記録と監査ログに残ります。";

const initialState: FormState = { status: "idle" };

export function RefundForm({
  applicationId,
  paymentId,
  amountText,
}: {
  applicationId: string;
  paymentId: string;
  /** 「2,500円」: what is refunded. */
  amountText: string;
}) {
  const [state, formAction, isPending] = useActionState(refundPaymentAction, initialState);
  const reasonError = state.fieldErrors?.[REASON_ID]?.[0];
  const confirmError = state.fieldErrors?.[CONFIRM_ID]?.[0];
  const summary = [
    ...(reasonError ? [{ fieldId: REASON_ID, message: reasonError }] : []),
    ...(confirmError ? [{ fieldId: CONFIRM_ID, message: confirmError }] : []),
  ];
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <ErrorSummary errors={summary} focusKey={state.submittedAt} />
      {state.formError ? <FormMessage tone="error" message={state.formError} /> : null}
      <p>
        支払われた{amountText}
        を、決済サービスを通じて申請者に返金します。登録料は「返金済み」になり、申請者にはメールと通知でお知らせします。返金は取り消せません。
      </p>
      <FieldFrame id={REASON_ID} label="返金の理由" required hint={REASON_HINT} error={reasonError}>
        <textarea
          id={REASON_ID}
          name={REASON_ID}
          rows={3}
          required
          maxLength={500}
          defaultValue={state.values?.[REASON_ID] ?? ""}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={fieldDescribedBy(REASON_ID, REASON_HINT, reasonError, undefined)}
          className={reasonError ? "input input--error textarea" : "input textarea"}
        />
      </FieldFrame>
      <ConfirmCheckbox
        id={CONFIRM_ID}
        label={`${amountText}を返金すると取り消せないことを確認しました`}
        error={confirmError}
      />
      <div className="form__actions">
        <Button type="submit" variant="danger" disabled={isPending}>
          返金する
        </Button>
      </div>
    </form>
  );
}
