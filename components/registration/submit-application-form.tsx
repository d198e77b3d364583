"use client";
// 申請する: one press sends; the button waits while the send is on its way (the server is
// idempotent anyway, so a double click or a retry still makes one application).
import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/form/form-message";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { submitApplicationAction } from "@/lib/actions/submit-application";
import { withRuby } from "@/lib/i18n/ruby";

/** 申請する, or 再申請する for an application returned with 不備 and fixed. */
export function SubmitApplicationForm({ isResubmission = false }: { isResubmission?: boolean }) {
  const t = useTranslations("review.submit");
  const { state, isPending, formProps } = useServerForm({ action: submitApplicationAction, fields: [] });
  return (
    <form {...formProps} className="form">
      {state.formError ? <FormMessage tone="error" message={state.formError} /> : null}
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          {withRuby(t(isResubmission ? "resubmit" : "submit"))}
        </Button>
      </div>
      <p role="status" className="field__hint">
        {isPending ? withRuby(t("sending")) : ""}
      </p>
    </form>
  );
}
