"use client";
// 申請の取下げ in two steps: the reason (optional) and 確認へ進む, then what will happen and
// 申請を取り下げる (or 戻る). Only the second press changes anything.
import { useActionState } from "react";
import { FormFeedback } from "@/components/form/form-feedback";
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { withdrawApplicationAction } from "@/lib/actions/withdraw-application";
import { WITHDRAW_REASON_MAX_LENGTH } from "@/lib/schemas/payment";

export function WithdrawForm({ consequences }: { consequences: readonly string[] }) {
  const [state, formAction, isPending] = useActionState(withdrawApplicationAction, { status: "idle" });
  const reason = state.values?.reason ?? "";
  const reasonError = state.fieldErrors?.reason?.[0];
  const summary = reasonError ? [{ fieldId: "reason", message: reasonError }] : [];

  if (state.values?.step === "confirm") {
    return (
      <form action={formAction} className="form">
        <FormFeedback summary={[]} focusKey={state.submittedAt} state={state} />
        <h2 className="section-title">取下げの確認</h2>
        <ul>
          {consequences.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>取下げの理由</dt>
            <dd>{reason || "（入力なし）"}</dd>
          </div>
        </dl>
        <input type="hidden" name="reason" value={reason} />
        <div className="form__actions">
          <Button type="submit" name="intent" value="withdraw" variant="danger" disabled={isPending}>
            申請を取り下げる
          </Button>
          <Button type="submit" name="intent" value="edit" variant="secondary" disabled={isPending}>
            戻る
          </Button>
        </div>
        <p role="status" className="field__hint">
          {isPending ? "取下げの手続きをしています。画面を閉じずにお待ちください。" : ""}
        </p>
      </form>
    );
  }

  const hint = `${WITHDRAW_REASON_MAX_LENGTH}文字以内。入力しなくても取り下げられます。`;
  return (
    <form action={formAction} className="form" noValidate>
      <FormFeedback summary={summary} focusKey={state.submittedAt} state={state} />
      <FieldFrame id="reason" label="取下げの理由" required={false} hint={hint} error={reasonError}>
        <textarea
          id="reason"
          name="reason"
          className={reasonError ? "textarea input--error" : "textarea"}
          rows={5}
          defaultValue={reason}
          key={`${state.submittedAt ?? 0}`}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={fieldDescribedBy("reason", hint, reasonError, undefined)}
        />
      </FieldFrame>
      <div className="form__actions">
        <Button type="submit" name="intent" value="confirm" disabled={isPending}>
          確認へ進む
        </Button>
      </div>
    </form>
  );
}
