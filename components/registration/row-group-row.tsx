// One row of a 詳細型 group (学歴 1件目, …): a fieldset with its fields, what else belongs to the row
// (the 保有資格 image) and 「… n件目を削除」, a submit button so that it works without JavaScript.
import type { ReactNode } from "react";
import { useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { SelectField } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { ImageField, type StoredImage } from "@/components/form/image-field";
import { Button } from "@/components/ui/button";
import { qualificationImageSlot } from "@/lib/schemas/qualifications";
import {
  fieldIdOf,
  removeRowButtonLabel,
  rowFieldLabel,
  rowFieldPath,
  rowFields,
  rowLegend,
  type RowFieldSpec,
  type RowFormValues,
  type RowGroupDefinition,
  type RowGroupFormValues,
  type RowGroupValues,
} from "@/lib/schemas/row-group";

type FieldProps = {
  id: string;
  label: string;
  required: boolean;
  hint?: string;
  error?: string;
  defaultValue: string;
} & ReturnType<UseFormRegister<RowGroupFormValues>>;

function RowField({ spec, today, ...props }: { spec: RowFieldSpec; today: string } & FieldProps) {
  switch (spec.kind) {
    case "choice":
      return (
        <SelectField {...props} options={spec.choices.map((choice) => ({ value: choice, label: choice }))} />
      );
    case "date":
      return <TextField {...props} type="date" max={today} />;
    case "month":
      return <TextField {...props} type="month" max={today.slice(0, 7)} />;
    case "text":
      return <TextField {...props} autoComplete="off" />;
  }
}

export function RowFieldset({
  definition,
  index,
  values,
  register,
  errorFor,
  today,
  children,
}: {
  definition: RowGroupDefinition;
  index: number;
  /** The row's values when it was rendered first (the inputs are uncontrolled). */
  values: RowFormValues;
  register: UseFormRegister<RowGroupFormValues>;
  errorFor: (path: string) => string | undefined;
  today: string;
  /** Shown after the fields, before the remove button. */
  children?: ReactNode;
}) {
  return (
    <fieldset className="fieldset row-group__row">
      <legend className="fieldset__legend">
        <span className="row-group__legend">{rowLegend(definition, index)}</span>
      </legend>
      <input type="hidden" {...register(rowFieldPath(index, "id"))} defaultValue={values.id ?? ""} />
      {rowFields(definition).map(([key, spec]) => {
        const path = rowFieldPath(index, key);
        return (
          <RowField
            key={key}
            spec={spec}
            today={today}
            id={fieldIdOf(path)}
            label={rowFieldLabel(spec.label, index)}
            required={!spec.isOptional}
            hint={spec.hint}
            error={errorFor(path)}
            defaultValue={values[key] ?? ""}
            {...register(path)}
          />
        );
      })}
      {children}
      <Button type="submit" name="intent" value={`remove-row-${index}`} variant="secondary" formNoValidate>
        {removeRowButtonLabel(definition, index)}
      </Button>
    </fieldset>
  );
}

/**
 * A 保有資格 row's image (任意): stored under the row's id ("qualification:<row id>") when the page
 * is saved; a row not stored yet gets its id with that same save. The input is named after the
 * row's place, so it follows the row when rows above it are removed.
 */
export function QualificationImageField({
  control,
  definition,
  index,
  images,
  error,
}: {
  control: Control<RowGroupFormValues, unknown, RowGroupValues>;
  definition: RowGroupDefinition;
  index: number;
  /** The stored images by row id. */
  images: Readonly<Record<string, StoredImage>>;
  error?: string;
}) {
  const rowId = useWatch({ control, name: rowFieldPath(index, "id") });
  const path = `rows.${index}.image`;
  return (
    <ImageField
      id={fieldIdOf(path)}
      name={path}
      slot={rowId ? qualificationImageSlot(rowId) : ""}
      label={`${rowLegend(definition, index)}の資格証の画像`}
      hint="資格証（免許証・修了証など）の写真。任意です。"
      error={error}
      current={rowId ? (images[rowId] ?? null) : null}
    />
  );
}
