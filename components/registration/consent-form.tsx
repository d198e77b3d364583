"use client";
// 確認しました + 同意する (and, for the terms, 同意しない). 同意する is usable once the box is
// checked; without JavaScript it is always enabled and the server refuses an unchecked box. The
// page's language goes with the answer: the consent record keeps it (shownLocale, issue 15).
import { useState, useSyncExternalStore } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/form/error-summary";
import { FormMessage } from "@/components/form/form-message";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { giveConsentAction } from "@/lib/actions/give-consent";
import { withRuby } from "@/lib/i18n/ruby";

const subscribeToNothing = () => () => {};

export function ConsentForm({
  kind,
  documentId,
  canDecline,
}: {
  kind: "PERSONAL_INFO" | "TERMS";
  documentId: string;
  canDecline: boolean;
}) {
  const t = useTranslations("registration.consent.form");
  const errorPrefix = useTranslations("common.form")("errorPrefix");
  const locale = useLocale();
  // No browser check: 同意する cannot be pressed before the box is checked, and 同意しない needs none.
  const { state, isPending, errorFor, summary, formProps } = useServerForm({
    action: giveConsentAction,
    fields: ["confirmed"],
  });
  const [isChecked, setChecked] = useState(false);
  const isHydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const error = errorFor("confirmed");

  return (
    <form {...formProps} className="form consent-form">
      <ErrorSummary errors={summary} focusKey={state.submittedAt} />
      {state.formError ? <FormMessage tone="error" message={state.formError} /> : null}
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="shownLocale" value={locale} />
      <div className={error ? "field field--error" : "field"}>
        {error ? (
          <p id="confirmed-error" className="field__error">
            <span className="visually-hidden">{withRuby(errorPrefix)}</span>
            {withRuby(error)}
          </p>
        ) : null}
        <div className="checkbox">
          <input
            id="confirmed"
            name="confirmed"
            type="checkbox"
            className="checkbox__input"
            checked={isChecked}
            onChange={(event) => setChecked(event.target.checked)}
            aria-describedby={error ? "confirmed-error" : undefined}
            aria-invalid={error ? true : undefined}
          />
          <label htmlFor="confirmed" className="checkbox__label">
            {withRuby(t("confirmed"))}
          </label>
        </div>
      </div>
      <div className="form__actions">
        <Button
          type="submit"
          name="decision"
          value="agree"
          disabled={isPending || (isHydrated && !isChecked)}
        >
          {withRuby(t("agree"))}
        </Button>
        {canDecline ? (
          <Button type="submit" name="decision" value="decline" variant="secondary" disabled={isPending}>
            {withRuby(t("decline"))}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
