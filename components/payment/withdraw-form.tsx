"use client";
// 申請の取下げ in two steps: the reason (optional) and 確認へ進む, then what will happen and
// 申請を取り下げる (or 戻る). Only the second press changes anything.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { withdrawApplicationAction } from "@/lib/actions/withdraw-application";
import { withRuby } from "@/lib/i18n/ruby";
import { useMessageText } from "@/lib/i18n/use-message-text";
import { WITHDRAW_REASON_MAX_LENGTH } from "@/lib/schemas/payment";

export function WithdrawForm({ consequences }: { consequences: readonly string[] }) {
  const t = useTranslations("payment.withdrawForm");
  const text = useMessageText();
  const [sent, formAction, isPending] = useActionState(withdrawApplicationAction, { status: "idle" });
  // The action's messages are references (issue 15): put into words in the page's language.
  const state = { ...sent, formError: sent.formError === undefined ? undefined : text(sent.formError) };
  const reason = state.values?.reason ?? "";
  const sentReasonError = state.fieldErrors?.reason?.[0];
  const reasonError = sentReasonError === undefined ? undefined : text(sentReasonError);
  const summary = reasonError ? [{ fieldId: "reason", message: reasonError }] : [];

  if (state.values?.step === "confirm") {
    return (
      <form action={formAction} className="form">
        <FormFeedback summary={[]} focusKey={state.submittedAt} state={state} />
        <h2 className="section-title">{withRuby(t("confirmTitle"))}</h2>
        <ul>
          {consequences.map((line) => (
            <li key={line}>{withRuby(line)}</li>
          ))}
        </ul>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>{withRuby(t("reason"))}</dt>
            <dd>{reason || withRuby(t("noReason"))}</dd>
          </div>
        </dl>
        <input type="hidden" name="reason" value={reason} />
        <div className="form__actions">
          <Button type="submit" name="intent" value="withdraw" variant="danger" disabled={isPending}>
            {withRuby(t("submit"))}
          </Button>
          <Button type="submit" name="intent" value="edit" variant="secondary" disabled={isPending}>
            {withRuby(t("back"))}
          </Button>
        </div>
        <p role="status" className="field__hint">
          {isPending ? withRuby(t("pending")) : ""}
        </p>
      </form>
    );
  }

  const hint = t("hint", { max: WITHDRAW_REASON_MAX_LENGTH });
  return (
    <form action={formAction} className="form" noValidate>
      <FormFeedback summary={summary} focusKey={state.submittedAt} state={state} />
      <FieldFrame id="reason" label={t("reason")} required={false} hint={hint} error={reasonError}>
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
          {withRuby(t("next"))}
        </Button>
      </div>
    </form>
  );
}
