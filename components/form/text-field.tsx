// A DADS/GOV.UK text field: label (+ badge) → hint → error → input.
import type { ComponentPropsWithRef, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { RequiredBadge } from "@/components/form/required-badge";
import { withRuby } from "@/lib/i18n/ruby";

type FieldFrameProps = {
  id: string;
  label: string;
  required: boolean;
  hint?: string;
  error?: string;
  /** Shown between the hint and the error (e.g. what to hide before taking a photo). */
  note?: ReactNode;
  children: ReactNode;
};

/** Support text and error text under a label or legend; ids `${id}-hint` / `${id}-error`. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const t = useTranslations("common.form");
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {withRuby(hint)}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          <span className="visually-hidden">{withRuby(t("errorPrefix"))}</span>
          {withRuby(error)}
        </p>
      ) : null}
    </>
  );
}

/**
 * Label row, hint and error text around a control. The badge sits outside <label>
 * so the control's accessible name is exactly `label`.
 */
export function FieldFrame({ id, label, required, hint, error, note, children }: FieldFrameProps) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <div className="field__label-row">
        <label className="field__label" htmlFor={id}>
          {withRuby(label)}
        </label>
        <RequiredBadge required={required} />
      </div>
      <FieldMessages id={id} hint={hint} />
      {note}
      <FieldMessages id={id} error={error} />
      {children}
    </div>
  );
}

/** The ids for aria-describedby: hint and error when they exist, plus any the caller passed. */
export function fieldDescribedBy(
  id: string,
  hint: string | undefined,
  error: string | undefined,
  extra: string | undefined,
): string | undefined {
  const ids = [hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined, extra].filter(
    (value): value is string => Boolean(value),
  );
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export type TextFieldProps = Omit<ComponentPropsWithRef<"input">, "id" | "placeholder" | "children"> & {
  /** The input's id; also the anchor the error summary links to. */
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
};

export function TextField({
  id,
  label,
  required = false,
  hint,
  error,
  type = "text",
  className,
  "aria-describedby": ariaDescribedBy,
  ...inputProps
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <input
        {...inputProps}
        id={id}
        type={type}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, error, ariaDescribedBy)}
        className={["input", error ? "input--error" : undefined, className].filter(Boolean).join(" ")}
      />
    </FieldFrame>
  );
}
