"use client";
// 申請内容の審査: 承認, or 不備 with one or more reasons (from data) and a comment for each.
// Both forms post the lock version the page showed, so a decision made after another staff
// member's changes nothing. Without JavaScript every comment box is shown; with it (and in any
// browser that supports :has), a reason's comment box opens when its checkbox is ticked.
import { useActionState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { FieldFrame, FieldMessages, fieldDescribedBy } from "@/components/form/text-field";
import { FormMessage } from "@/components/form/form-message";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { approveApplicationAction, returnApplicationAction } from "@/lib/actions/decide-application";
import {
  commentFieldName,
  REASONS_FIELD,
  reasonFieldName,
  returnDecisionSchema,
  REVIEW_COMMENT_MAX,
} from "@/lib/schemas/review-decision";

export interface ReasonGroupOption {
  groupKey: string;
  groupLabel: string;
  reasons: { code: string; label: string }[];
}

function TargetFields({ applicationId, lockVersion }: { applicationId: string; lockVersion: number }) {
  return (
    <>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="lockVersion" value={lockVersion} />
    </>
  );
}

export function ApproveForm({ applicationId, lockVersion }: { applicationId: string; lockVersion: number }) {
  const [state, formAction, isPending] = useActionState(approveApplicationAction, { status: "idle" });
  return (
    <form action={formAction} className="form">
      <TargetFields applicationId={applicationId} lockVersion={lockVersion} />
      {state.formError ? <FormMessage tone="error" message={state.formError} /> : null}
      <p>
        申請内容に問題がなければ「承認」を押してください。技能者IDが発行され、登録完了のお知らせがメールと通知で申請者に届きます。
      </p>
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          承認
        </Button>
      </div>
    </form>
  );
}

export function ReturnForm({
  applicationId,
  lockVersion,
  reasonGroups,
}: {
  applicationId: string;
  lockVersion: number;
  reasonGroups: readonly ReasonGroupOption[];
}) {
  const reasons = reasonGroups.flatMap((group) => group.reasons);
  const { form, state, isPending, errorFor, summary, focusKey, formProps } = useActionForm({
    schema: returnDecisionSchema(reasons),
    action: returnApplicationAction,
    fields: [REASONS_FIELD, ...reasons.map((reason) => commentFieldName(reason.code))],
  });
  const reasonsError = errorFor(REASONS_FIELD);
  return (
    <form {...formProps} className="form">
      <TargetFields applicationId={applicationId} lockVersion={lockVersion} />
      <ErrorSummary errors={summary} focusKey={focusKey} />
      {state.formError ? <FormMessage tone="error" message={state.formError} /> : null}
      <fieldset
        id={REASONS_FIELD}
        className={reasonsError ? "field field--error fieldset" : "field fieldset"}
        aria-describedby={fieldDescribedBy(REASONS_FIELD, "hint", reasonsError, undefined)}
      >
        <legend className="fieldset__legend">
          <span className="field__label">不備の理由</span>
        </legend>
        <FieldMessages
          id={REASONS_FIELD}
          hint="申請者に直してもらう理由をすべて選び、それぞれに申請者へのコメントを書いてください。選んだ理由とコメントは、メールと通知で申請者に届きます。"
          error={reasonsError}
        />
        {reasonGroups.map((group) => (
          <fieldset key={group.groupKey} className="fieldset reason-group">
            <legend className="fieldset__legend reason-group__legend">{group.groupLabel}</legend>
            {group.reasons.map((reason) => {
              const checkboxId = reasonFieldName(reason.code);
              const commentId = commentFieldName(reason.code);
              const commentError = errorFor(commentId);
              return (
                <div className="reason-option" key={reason.code}>
                  <div className="checkbox">
                    <input
                      id={checkboxId}
                      type="checkbox"
                      className="checkbox__input"
                      defaultChecked={state.values?.[checkboxId] === "on"}
                      {...form.register(checkboxId)}
                    />
                    <label htmlFor={checkboxId} className="checkbox__label">
                      {reason.label}
                    </label>
                  </div>
                  <div className="reason-option__comment">
                    <FieldFrame
                      id={commentId}
                      label={`「${reason.label}」へのコメント`}
                      required={false}
                      hint={`${REVIEW_COMMENT_MAX}文字以内。どこをどう直せばよいかを具体的に書いてください。`}
                      error={commentError}
                    >
                      <textarea
                        id={commentId}
                        className={commentError ? "input input--error textarea" : "input textarea"}
                        rows={3}
                        defaultValue={state.values?.[commentId] ?? ""}
                        aria-invalid={commentError ? true : undefined}
                        aria-describedby={fieldDescribedBy(commentId, "hint", commentError, undefined)}
                        {...form.register(commentId)}
                      />
                    </FieldFrame>
                  </div>
                </div>
              );
            })}
          </fieldset>
        ))}
      </fieldset>
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          不備
        </Button>
      </div>
    </form>
  );
}
