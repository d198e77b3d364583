"use client";
// GOV.UK-style error summary: focused when shown, each message links to its field.
import { useEffect, useRef } from "react";
import type { MouseEvent } from "react";
import { useTranslations } from "next-intl";
import { withRuby } from "@/lib/i18n/ruby";

export type ErrorSummaryItem = { fieldId: string; message: string };

export type ErrorSummaryProps = {
  errors: ErrorSummaryItem[];
  title?: string;
  /**
   * Optional: change this (e.g. a submit count) to move focus back to the summary
   * even when the new errors are identical to the previous ones.
   */
  focusKey?: string | number;
};

const focusableSelector = "input:not([type=hidden]), select, textarea, button, [tabindex]";

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const target = document.getElementById(fieldId);
  // No such element: let the browser follow the #anchor as usual.
  if (!target) return;
  // A fieldId may name a group (e.g. a fieldset of radios): focus its first control.
  const control = target.matches(focusableSelector)
    ? target
    : target.querySelector<HTMLElement>(focusableSelector);
  if (!control) return;
  event.preventDefault();
  control.focus({ preventScroll: true });
  // Scroll to the whole field so its label and error text are in view, not only the input.
  const field = control.closest(".field") ?? control;
  field.scrollIntoView({ block: "start" });
}

export function ErrorSummary({ errors, title, focusKey }: ErrorSummaryProps) {
  const t = useTranslations("common.form");
  const summaryRef = useRef<HTMLDivElement>(null);
  // Compare by content so a parent re-creating the same array (e.g. on each keystroke) does not steal focus.
  const errorsSignature = errors.map((item) => `${item.fieldId}\u0000${item.message}`).join("\u0001");

  useEffect(() => {
    if (errorsSignature !== "") summaryRef.current?.focus();
  }, [errorsSignature, focusKey]);

  if (errors.length === 0) return null;

  return (
    <div ref={summaryRef} className="error-summary" role="alert" tabIndex={-1}>
      <h2 className="error-summary__title">{withRuby(title ?? t("errorSummaryTitle"))}</h2>
      <ul className="error-summary__list">
        {errors.map((item) => (
          <li key={`${item.fieldId}:${item.message}`}>
            <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId)}>
              {withRuby(item.message)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
