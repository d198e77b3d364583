"use client";
// A 詳細型 page of 申請内容登録 (学歴, 労災保険特別加入, …): rows added and removed at once with
// JavaScript, and by posting (saved as a draft, back with one row more or less) without it. The
// same schema checks in the browser and on the server; what is typed is kept in this tab and saved
// in the background, and the stored rows' ids are put back into the form after each save, so that
// the next save updates the same rows.
import {
  useActionState,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { FormEvent } from "react";
import { get, useFieldArray, useForm, useWatch, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { RadioGroup } from "@/components/form/choice-group";
import type { StoredImage } from "@/components/form/image-field";
import { FormFeedback } from "@/components/form/form-feedback";
import { FieldMessages } from "@/components/form/text-field";
import { submitToAction } from "@/components/form/use-action-form";
import { useDraftAutosave } from "@/components/form/use-draft-autosave";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { QualificationImageField, RowFieldset } from "@/components/registration/row-group-row";
import { Button } from "@/components/ui/button";
import { initialFormState } from "@/lib/actions/form-state";
import { autosaveRowGroupAction, saveRowGroupAction } from "@/lib/actions/save-row-group";
import {
  ROW_GROUP_ANSWERS,
  addRowButtonLabel,
  blankRow,
  fieldIdOf,
  readRowGroupForm,
  rowFieldKeys,
  rowFieldPath,
  rowGroupMessages,
  rowGroupSchema,
  rowLegend,
  type RowGroupFormValues,
  type RowGroupValues,
} from "@/lib/schemas/row-group";
import { ROW_GROUPS, type RowGroupKey } from "@/lib/schemas/row-groups";

const FORM_ID = "row-group-form";
const ADD_ROW_ID = "add-row";
const subscribeToNothing = () => () => {};

export function RowGroupForm({
  groupKey,
  today,
  saved,
  draftKey,
  images = {},
}: {
  groupKey: RowGroupKey;
  /** The rows' stored images by row id (保有資格). */
  images?: Readonly<Record<string, StoredImage>>;
  /** "YYYY-MM-DD" in Japan time, from the server, so both sides check dates against one day. */
  today: string;
  saved: RowGroupFormValues;
  /** Names this applicant's copy in sessionStorage. */
  draftKey: string;
}) {
  const definition = ROW_GROUPS[groupKey];
  const schema = useMemo(() => rowGroupSchema(definition, { today }), [definition, today]);
  const autosaveAction = useMemo(() => autosaveRowGroupAction.bind(null, groupKey), [groupKey]);
  const [state, formAction, isPending] = useActionState(saveRowGroupAction, initialFormState);
  const form = useForm<RowGroupFormValues, unknown, RowGroupValues>({
    // The schema takes looser input (keys missing, null) than the form holds: the form's values are
    // one case of it, which zodResolver's types cannot see.
    resolver: zodResolver(schema) as Resolver<RowGroupFormValues, unknown, RowGroupValues>,
    // Without JavaScript the page is drawn again from what the action returned.
    defaultValues: state.values ? readRowGroupForm(definition, Object.entries(state.values)) : saved,
    // As in useActionForm: messages change only when the form is sent.
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
  });
  const rows = useFieldArray({ control: form.control, name: "rows", keyName: "fieldKey" });
  const messages = rowGroupMessages(definition);
  const [announcement, setAnnouncement] = useState("");

  // Which rows the form holds, by their client-side keys: ids from a save are put back only when
  // no row was added or removed meanwhile (by index they would land on the wrong rows).
  const shape = rows.fields.map((row) => row.fieldKey).join(" ");
  const shapeRef = useRef(shape);
  const postedShape = useRef<string | null>(null);
  useEffect(() => {
    shapeRef.current = shape;
  }, [shape]);

  const putBackRowIds = useCallback(
    (ids: readonly string[]) => {
      const count = form.getValues("rows").length;
      ids.slice(0, count).forEach((id, index) => {
        const path = rowFieldPath(index, "id");
        if (form.getValues(path) !== id) form.setValue(path, id);
      });
    },
    [form],
  );

  useEffect(() => {
    if (!state.values || postedShape.current !== shapeRef.current) return;
    putBackRowIds(readRowGroupForm(definition, Object.entries(state.values)).rows.map((row) => row.id ?? ""));
  }, [state, definition, putBackRowIds]);

  const autosaveRows = useCallback(
    async (formData: FormData) => {
      const sentShape = shapeRef.current;
      const result = await autosaveAction(formData);
      if (!result) return null;
      if (sentShape === shapeRef.current) putBackRowIds(result.rowIds);
      return result.savedAt;
    },
    [autosaveAction, putBackRowIds],
  );
  const autosave = useDraftAutosave({
    form,
    formId: FORM_ID,
    storageKey: `ccus-draft:${groupKey}:${draftKey}`,
    saved,
    autosave: autosaveRows,
  });

  // The server's messages name rows by their place: once a row is added or removed here they may
  // point at the wrong row, so they are set aside until the next answer.
  const [setAsideAt, setSetAsideAt] = useState<number | undefined>(undefined);
  const serverErrors =
    state.submittedAt !== undefined && state.submittedAt === setAsideAt ? undefined : state.fieldErrors;
  const errorFor = (path: string): string | undefined => {
    const clientError: { message?: unknown; root?: { message?: unknown } } | undefined = get(
      form.formState.errors,
      path,
    );
    const message = clientError?.message ?? clientError?.root?.message;
    if (typeof message === "string") return message;
    return serverErrors?.[path]?.[0];
  };
  const keys = rowFieldKeys(definition);
  const paths = [
    ...(definition.question ? ["answer"] : []),
    ...rows.fields.flatMap((_row, index) => [
      ...keys.map((key) => rowFieldPath(index, key)),
      ...(definition.imageSlotPrefix ? [`rows.${index}.image`] : []),
    ]),
    "rows",
  ];
  const summary = paths.flatMap((path) => {
    const message = errorFor(path);
    return message ? [{ fieldId: fieldIdOf(path), message }] : [];
  });

  function addRow() {
    if (rows.fields.length >= definition.maxRows) return;
    setSetAsideAt(state.submittedAt);
    const index = rows.fields.length;
    rows.append(blankRow(definition), { focusName: rowFieldPath(index, keys[0] ?? "id") });
    setAnnouncement(`${rowLegend(definition, index)}の入力欄を追加しました。`);
  }

  function removeRow(index: number) {
    setSetAsideAt(state.submittedAt);
    rows.remove(index);
    setAnnouncement(`${rowLegend(definition, index)}を削除しました。`);
    // The button is drawn again when the rows were at the maximum: focus it after that.
    requestAnimationFrame(() => document.getElementById(ADD_ROW_ID)?.focus());
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const intent = submitter?.getAttribute("name") === "intent" ? submitter.getAttribute("value") : null;
    const removeIndex = /^remove-row-([0-9]+)$/.exec(intent ?? "")?.[1];
    if (intent === "add-row" || removeIndex !== undefined) {
      event.preventDefault();
      if (removeIndex === undefined) addRow();
      else removeRow(Number(removeIndex));
      return;
    }
    const sendToAction = submitToAction(form, formAction, () => {
      postedShape.current = shapeRef.current;
    });
    autosave.forgetOnSubmit(sendToAction)(event);
  };

  const isHydrated = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const question = definition.question;
  const answer = useWatch({ control: form.control, name: "answer" });
  const showRows = !question || !isHydrated || answer === "yes";
  const rowsError = errorFor("rows");

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate id={FORM_ID} className="form">
      {/* Enter in a field presses the form's first submit button: let that be 次へ, not
          「… 1件目を削除」. Out of sight and of the accessibility tree; the visible 次へ is below. */}
      <button type="submit" name="intent" value="next" className="visually-hidden" tabIndex={-1} aria-hidden>
        次へ
      </button>
      {/* The group travels as a field: a bound action in useActionState loops forever when the
          page is drawn again after a post without JavaScript (React 19.3). */}
      <input type="hidden" name="groupKey" value={groupKey} />
      <FormFeedback
        summary={summary}
        focusKey={`${form.formState.submitCount}:${state.submittedAt ?? 0}`}
        state={state}
      />
      {question ? (
        <RadioGroup
          id="answer"
          legend={question.label}
          required
          inline
          hint={question.hint}
          error={errorFor("answer")}
          options={ROW_GROUP_ANSWERS.map((value) => ({ value, label: question.options[value] }))}
          defaultValue={form.getValues("answer")}
          {...form.register("answer")}
        />
      ) : null}
      <div id="rows" className={rowsError ? "field field--error" : "field"} hidden={!showRows}>
        {question && !isHydrated ? (
          <p className="field__hint">「{question.options.no}」を選んだ場合は入力不要です。</p>
        ) : null}
        <FieldMessages id="rows" error={rowsError} />
        {rows.fields.map((row, index) => (
          <RowFieldset
            key={row.fieldKey}
            definition={definition}
            index={index}
            values={row}
            register={form.register}
            errorFor={errorFor}
            today={today}
          >
            {groupKey === "qualifications" ? (
              <QualificationImageField
                control={form.control}
                definition={definition}
                index={index}
                images={images}
                error={errorFor(`rows.${index}.image`)}
              />
            ) : null}
          </RowFieldset>
        ))}
        {rows.fields.length < definition.maxRows ? (
          <Button
            id={ADD_ROW_ID}
            type="submit"
            name="intent"
            value="add-row"
            variant="secondary"
            formNoValidate
          >
            {addRowButtonLabel(definition)}
          </Button>
        ) : (
          <p className="field__hint">{messages.tooManyRows}</p>
        )}
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <GroupFormActions status={autosave.status} isPending={isPending} />
    </form>
  );
}
