// Two date fields (から / まで) of a GET filter form, with their hints and errors.
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";

export type DateRangeFieldsProps = {
  /** Field ids are `${idPrefix}from` and `${idPrefix}to`; the names are from and to. */
  idPrefix: string;
  labels: { from: string; to: string };
  values: { from: string; to: string };
  errors: { from?: string; to?: string };
  hint?: string;
};

export function DateRangeFields({ idPrefix, labels, values, errors, hint }: DateRangeFieldsProps) {
  return (
    <>
      {(["from", "to"] as const).map((key) => {
        const id = `${idPrefix}${key}`;
        const error = errors[key];
        const fieldHint = hint ?? "年-月-日（例：2026-04-01）。空欄にすると、その側は絞り込みません。";
        return (
          <FieldFrame key={key} id={id} label={labels[key]} required={false} hint={fieldHint} error={error}>
            <input
              id={id}
              name={key}
              type="date"
              className={error ? "input input--medium input--error" : "input input--medium"}
              defaultValue={values[key]}
              aria-invalid={error ? true : undefined}
              aria-describedby={fieldDescribedBy(id, fieldHint, error, undefined)}
            />
          </FieldFrame>
        );
      })}
    </>
  );
}
