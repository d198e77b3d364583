// One row of a 詳細型 group (学歴 1件目, …): a fieldset with its fields, what else belongs to the row
// (the 保有資格 image) and 「… n件目を削除」, a submit button so that it works without JavaScript.
// Its words are references into messages/<language>/rows.json (the page sends rows.row and its group).
import type { ReactNode } from "react";
import { SelectField } from "@/components/form/choice-group";
import { TextField } from "@/components/form/text-field";
import { ImageField, type StoredImage } from "@/components/form/image-field";
import { Button } from "@/components/ui/button";
import { messageRef } from "@/lib/i18n/message-ref";
import { withRuby } from "@/lib/i18n/ruby";
import { useMessageText } from "@/lib/i18n/use-message-text";
import {
  fieldIdOf,
  removeRowButtonRef,
  rowChoiceRef,
  rowFieldLabelRef,
  rowFieldPath,
  rowFields,
  rowGroupRef,
  rowImageSlot,
  rowLegendRef,
  type RowFieldSpec,
  type RowFormValues,
  type RowGroupDefinition,
} from "@/lib/schemas/row-group-fields";

type FieldProps = {
  id: string;
  name: string;
  label: string;
  required: boolean;
  hint?: string;
  error?: string;
  defaultValue: string;
};

function RowField({
  spec,
  today,
  choiceLabel,
  ...props
}: { spec: RowFieldSpec; today: string; choiceLabel: (choice: string) => string } & FieldProps) {
  switch (spec.kind) {
    case "choice":
      return (
        <SelectField
          {...props}
          options={spec.choices.map((choice) => ({ value: choice, label: choiceLabel(choice) }))}
        />
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
  rowId,
  errorFor,
  today,
  children,
}: {
  definition: RowGroupDefinition;
  index: number;
  /** The row's values when it was rendered first (the inputs are uncontrolled). */
  values: RowFormValues;
  /** The stored row's id ("" for a row not stored yet): put back after each save. */
  rowId: string;
  errorFor: (path: string) => string | undefined;
  today: string;
  /** Shown after the fields, before the remove button. */
  children?: ReactNode;
}) {
  const text = useMessageText();
  return (
    <fieldset className="fieldset row-group__row">
      <legend className="fieldset__legend">
        <span className="row-group__legend">{withRuby(text(rowLegendRef(definition, index)))}</span>
      </legend>
      <input type="hidden" name={rowFieldPath(index, "id")} value={rowId} />
      {rowFields(definition).map(([key, spec]) => {
        const path = rowFieldPath(index, key);
        return (
          <RowField
            key={key}
            spec={spec}
            today={today}
            choiceLabel={(choice) => text(rowChoiceRef(definition, key, choice))}
            id={fieldIdOf(path)}
            name={path}
            label={text(rowFieldLabelRef(definition, key, index))}
            required={!spec.isOptional}
            hint={spec.hint === undefined ? undefined : text(rowGroupRef(definition, `fields.${key}.hint`))}
            error={errorFor(path)}
            defaultValue={values[key] ?? ""}
          />
        );
      })}
      {children}
      <Button type="submit" name="intent" value={`remove-row-${index}`} variant="secondary" formNoValidate>
        {withRuby(text(removeRowButtonRef(definition, index)))}
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
  definition,
  index,
  rowId,
  images,
  error,
}: {
  definition: RowGroupDefinition;
  index: number;
  rowId: string;
  /** The stored images by row id. */
  images: Readonly<Record<string, StoredImage>>;
  error?: string;
}) {
  const path = `rows.${index}.image`;
  const text = useMessageText();
  const legend = text(rowLegendRef(definition, index));
  return (
    <ImageField
      id={fieldIdOf(path)}
      name={path}
      slot={rowId && definition.imageSlotPrefix ? rowImageSlot(definition.imageSlotPrefix, rowId) : ""}
      label={text(messageRef("rows.row.imageLabel", { legend }))}
      hint={text(messageRef("rows.row.imageHint"))}
      error={error}
      current={rowId ? (images[rowId] ?? null) : null}
    />
  );
}
