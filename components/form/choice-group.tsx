// Radios (or one select) with a legend: legend (+ badge) → hint → error → options.
// `id` is the group's anchor for the error summary; the first option gets `${id}` as its id.
import type { ComponentPropsWithRef, ReactNode } from "react";
import { useTranslations } from "next-intl";
import { RequiredBadge } from "@/components/form/required-badge";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { FieldFrame, FieldMessages, fieldDescribedBy } from "@/components/form/text-field";

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
  /** "ja" for a Japanese-only option (reference data) in a page of another language. */
  lang?: string;
}

type RadioGroupProps = Omit<ComponentPropsWithRef<"input">, "id" | "type" | "children"> & {
  id: string;
  legend: string;
  required?: boolean;
  hint?: string;
  error?: string;
  options: readonly ChoiceOption[];
  inline?: boolean;
};

export function RadioGroup({
  id,
  legend,
  required = false,
  hint,
  error,
  options,
  inline = false,
  defaultValue,
  ...inputProps
}: RadioGroupProps) {
  const describedBy = fieldDescribedBy(id, hint, error, undefined);
  return (
    <fieldset
      className={error ? "field field--error fieldset" : "field fieldset"}
      aria-describedby={describedBy}
    >
      <legend className="fieldset__legend">
        <span className="field__label">{withRuby(legend)}</span>
        <RequiredBadge required={required} />
      </legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className={inline ? "radios radios--inline" : "radios"}>
        {options.map((option, index) => {
          const optionId = index === 0 ? id : `${id}-${index}`;
          return (
            <div className="radios__item" key={option.value}>
              <input
                {...inputProps}
                id={optionId}
                type="radio"
                className="radios__input"
                value={option.value}
                defaultChecked={defaultValue === option.value}
                aria-describedby={option.hint ? `${optionId}-hint` : undefined}
              />
              <label htmlFor={optionId} className="radios__label" lang={option.lang}>
                {withRuby(option.label)}
              </label>
              {option.hint ? (
                <p id={`${optionId}-hint`} className="field__hint radios__hint">
                  {withRuby(option.hint)}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

type SelectFieldProps = Omit<ComponentPropsWithRef<"select">, "id" | "children"> & {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  options: readonly ChoiceOption[];
  /** The text of the empty first option. */
  emptyLabel?: string;
  children?: ReactNode;
};

export function SelectField({
  id,
  label,
  required = false,
  hint,
  error,
  options,
  emptyLabel,
  ...selectProps
}: SelectFieldProps) {
  const t = useTranslations("common.form");
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <select
        {...selectProps}
        id={id}
        className={error ? "select input--error" : "select"}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, error, undefined)}
      >
        <option value="">{withoutRuby(emptyLabel ?? t("choose"))}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {withoutRuby(option.label)}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
