// One row of a 詳細型 group (学歴 1件目, …): a fieldset with its fields, what else belongs to the row
// (the 保有資格 image) and 「… n件目を削除」, a submit button so that it works without JavaScript.
import type { ReactNode } from "react";
import { useWatch, type Control, type UseFormRegister } from "react-hook-form";
import { SelectField } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
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
 * The place of a 保有資格 row's image. The upload work puts the row's image field here: its slot
 * is qualificationImageSlot(rowId) ("qualification:<row id>", lib/schemas/qualifications.ts). A row
 * not stored yet has no id ("") and so no slot; it gets one with the next save (一時保存 or the
 * background save), after which rowId keeps the same value while the row is edited.
 */
export function QualificationImageSlot({
  control,
  index,
}: {
  control: Control<RowGroupFormValues, unknown, RowGroupValues>;
  index: number;
}) {
  const rowId = useWatch({ control, name: rowFieldPath(index, "id") });
  // The image field goes here, e.g. {rowId ? <ImageField slot={qualificationImageSlot(rowId)} … /> : …}.
  return <div className="row-group__image" data-image-slot={rowId ? qualificationImageSlot(rowId) : ""} />;
}
