"use client";
// A 詳細型 page of 申請内容登録 (学歴, 労災保険特別加入, …): rows added and removed at once with
// JavaScript, and by posting (saved as a draft, back with one row more or less) without it. The
// same schema checks in the browser (loaded once the user starts on the form) and on the server;
// what is typed is kept in this tab and saved in the background, and the stored rows' ids are put
// back into the form after each save, so that the next save updates the same rows. The inputs are
// uncontrolled: each row has a key of its own, so its inputs keep what was typed when rows above it
// are removed (their names follow the row's new place).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { FormEvent } from "react";
import { RadioGroup } from "@/components/form/choice-group";
import type { StoredImage } from "@/components/form/image-field";
import { FormFeedback } from "@/components/form/form-feedback";
import { FieldMessages } from "@/components/form/text-field";
import { useDraftAutosave, type AutosavedForm } from "@/components/form/use-draft-autosave";
import { useServerForm } from "@/components/form/use-server-form";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { QualificationImageField, RowFieldset } from "@/components/registration/row-group-row";
import { Button } from "@/components/ui/button";
import { autosaveRowGroupAction, saveRowGroupAction } from "@/lib/actions/save-row-group";
import { messageRef } from "@/lib/i18n/message-ref";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { useMessageText } from "@/lib/i18n/use-message-text";
import {
  ROW_GROUP_ANSWERS,
  addRowButtonRef,
  blankRow,
  fieldIdOf,
  readRowGroupForm,
  rowFieldKeys,
  rowFieldPath,
  rowGroupMessages,
  rowGroupRef,
  rowLegendRef,
  type RowFormValues,
  type RowGroupDefinition,
  type RowGroupFormValues,
} from "@/lib/schemas/row-group-fields";
import type { RowGroupKey } from "@/lib/schemas/row-groups";

const FORM_ID = "row-group-form";
const ADD_ROW_ID = "add-row";
const ROW_PATH = /^rows\.([0-9]+)\.(.+)$/;
/** A row as the page holds it: its key, the values it was drawn with first, its stored id. */
type Row = { key: number; values: RowFormValues; id: string };
type Listener = (values: Record<string, string>) => void;

let lastRowKey = 0;
/** The rows to draw, each with a key of its own on the page. */
function toRows(values: RowGroupFormValues): Row[] {
  return values.rows.map((row) => ({ key: ++lastRowKey, values: row, id: row.id ?? "" }));
}

/** The form's text answers as it would post them (files left out). */
function readForm(): Record<string, string> {
  const element = document.getElementById(FORM_ID);
  if (!(element instanceof HTMLFormElement)) return {};
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(element)) {
    if (typeof value === "string") values[name] = value;
  }
  return values;
}

export function RowGroupForm({
  groupKey,
  definition: group,
  today,
  saved,
  draftKey,
  images = {},
}: {
  groupKey: RowGroupKey;
  /** The group's definition (ROW_GROUPS[groupKey]), from the page: the schemas stay on the server until needed. */
  definition: RowGroupDefinition;
  /** The rows' stored images by row id (保有資格). */
  images?: Readonly<Record<string, StoredImage>>;
  /** "YYYY-MM-DD" in Japan time, from the server, so both sides check dates against one day. */
  today: string;
  saved: RowGroupFormValues;
  /** Names this applicant's copy in sessionStorage. */
  draftKey: string;
}) {
  // The page's group does not change; the first definition is kept so that the functions below
  // stay the same when the page's props are sent again.
  const [definition] = useState(group);
  const autosaveAction = useMemo(() => autosaveRowGroupAction.bind(null, groupKey), [groupKey]);
  const postedShape = useRef<string | null>(null);
  /** The rows drawn last (see shape below); null before the first drawing. */
  const shapeRef = useRef<string | null>(null);
  const form = useServerForm({
    action: saveRowGroupAction,
    fields: ["answer"],
    defaultValues: { answer: saved.answer },
    loadSchema: () =>
      import("@/lib/schemas/row-group").then((schemas) => schemas.rowGroupSchema(definition, { today })),
    toInput: (formData) => readRowGroupForm(definition, formData.entries()),
    beforePost: () => {
      postedShape.current = shapeRef.current;
    },
  });
  const { state, isPending, formProps } = form;
  const text = useMessageText();

  // Without JavaScript the page is drawn again from what the action returned.
  const [initial] = useState(() =>
    state.values ? readRowGroupForm(definition, Object.entries(state.values)) : saved,
  );
  const [rows, setRows] = useState(() => toRows(initial));
  const messages = rowGroupMessages(definition);
  const [announcement, setAnnouncement] = useState("");
  const focusAfterRender = useRef<string | null>(null);

  // Which rows the form holds, by their keys: ids from a save are put back only when no row was
  // added or removed meanwhile (by place they would land on the wrong rows).
  const shape = rows.map((row) => row.key).join(" ");
  const listeners = useRef(new Set<Listener>());
  useEffect(() => {
    const drawn = shapeRef.current;
    shapeRef.current = shape;
    if (drawn === null || drawn === shape) return;
    if (focusAfterRender.current) document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
    // A row added or removed is a change of the form: kept in the tab and saved in the background.
    for (const listener of listeners.current) listener(readForm());
  }, [shape]);

  const putBackRowIds = useCallback((ids: readonly string[]) => {
    setRows((current) =>
      current.some((row, index) => index < ids.length && row.id !== ids[index])
        ? current.map((row, index) => (index < ids.length ? { ...row, id: ids[index] ?? "" } : row))
        : current,
    );
  }, []);

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

  // The tab's copy holds every row's fields ("rows.<n>.<field>"): putting it back draws the rows again.
  const { subscribe: subscribeToForm, setValue } = form;
  const autosavedForm = useMemo<AutosavedForm>(
    () => ({
      getValues: readForm,
      setValues: (values) => {
        const restored = readRowGroupForm(definition, Object.entries(values));
        setRows(toRows(restored));
        if (definition.question) setValue("answer", restored.answer);
      },
      subscribe: (listener) => {
        listeners.current.add(listener);
        const unsubscribe = subscribeToForm(() => listener(readForm()));
        return () => {
          listeners.current.delete(listener);
          unsubscribe();
        };
      },
    }),
    [definition, setValue, subscribeToForm],
  );
  const autosave = useDraftAutosave({
    form: autosavedForm,
    formId: FORM_ID,
    storageKey: `ccus-draft:${groupKey}:${draftKey}`,
    autosave: autosaveRows,
  });

  // The server's messages name rows by their place: once a row is added or removed here they may
  // point at the wrong row, so they are set aside until the next answer. The browser's messages
  // stay with their rows: they are read at the place each row had when the form was checked.
  const [setAsideAt, setSetAsideAt] = useState<number | undefined>(undefined);
  const [checkedKeys, setCheckedKeys] = useState<readonly number[]>([]);
  const serverErrors =
    state.submittedAt !== undefined && state.submittedAt === setAsideAt ? undefined : state.fieldErrors;
  const checkedPath = (path: string): string | undefined => {
    const match = ROW_PATH.exec(path);
    if (!match) return path;
    const at = checkedKeys.indexOf(rows[Number(match[1])]?.key ?? -1);
    return at === -1 ? undefined : rowFieldPath(at, match[2] ?? "");
  };
  const errorFor = (path: string): string | undefined => {
    const checked = checkedPath(path);
    const message =
      (checked === undefined ? undefined : form.clientErrorFor(checked)) ?? serverErrors?.[path]?.[0];
    return message === undefined ? undefined : text(message);
  };
  const keys = rowFieldKeys(definition);
  const paths = [
    ...(definition.question ? ["answer"] : []),
    ...rows.flatMap((_row, index) => [
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
    if (rows.length >= definition.maxRows) return;
    setSetAsideAt(state.submittedAt);
    const index = rows.length;
    setRows([...rows, ...toRows({ answer: "", rows: [blankRow(definition)] })]);
    focusAfterRender.current = fieldIdOf(rowFieldPath(index, keys[0] ?? "id"));
    setAnnouncement(
      withoutRuby(text(messageRef("rows.row.added", { legend: rowLegendRef(definition, index) }))),
    );
  }

  function removeRow(index: number) {
    setSetAsideAt(state.submittedAt);
    setRows(rows.filter((_row, at) => at !== index));
    setAnnouncement(
      withoutRuby(text(messageRef("rows.row.removed", { legend: rowLegendRef(definition, index) }))),
    );
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
    autosave.forgetOnSubmit((sent) => {
      setCheckedKeys(rows.map((row) => row.key));
      formProps.onSubmit(sent);
    })(event);
  };

  // What the answer shows or hides: see employer-form.tsx (.shown-without-js).
  const question = definition.question;
  const answer = form.watch("answer");
  const showRows = !question || answer === "yes";
  const rowsError = errorFor("rows");

  return (
    <form {...formProps} onSubmit={onSubmit} id={FORM_ID} className="form">
      {/* Enter in a field presses the form's first submit button: let that be 次へ, not
          「… 1件目を削除」. Out of sight and of the accessibility tree; the visible 次へ is below. */}
      <button type="submit" name="intent" value="next" className="visually-hidden" tabIndex={-1} aria-hidden>
        {withoutRuby(text(messageRef("documents.image.next")))}
      </button>
      {/* The group travels as a field: a bound action in useActionState loops forever when the
          page is drawn again after a post without JavaScript (React 19.3). */}
      <input type="hidden" name="groupKey" value={groupKey} />
      <FormFeedback summary={summary} focusKey={form.focusKey} state={state} />
      {question ? (
        <RadioGroup
          id="answer"
          legend={text(rowGroupRef(definition, "question.label"))}
          required
          inline
          hint={question.hint === undefined ? undefined : text(rowGroupRef(definition, "question.hint"))}
          error={errorFor("answer")}
          options={ROW_GROUP_ANSWERS.map((value) => ({
            value,
            label: text(rowGroupRef(definition, `question.${value}`)),
          }))}
          name="answer"
          defaultValue={initial.answer}
        />
      ) : null}
      <div
        id="rows"
        className={rowsError ? "field field--error shown-without-js" : "field shown-without-js"}
        hidden={!showRows}
      >
        {question ? (
          <p className="field__hint without-js-only">
            {withRuby(
              text(messageRef("rows.row.noRowsNeeded", { no: rowGroupRef(definition, "question.no") })),
            )}
          </p>
        ) : null}
        <FieldMessages id="rows" error={rowsError} />
        {rows.map((row, index) => (
          <RowFieldset
            key={row.key}
            definition={definition}
            index={index}
            values={row.values}
            rowId={row.id}
            errorFor={errorFor}
            today={today}
          >
            {definition.imageSlotPrefix ? (
              <QualificationImageField
                definition={definition}
                index={index}
                rowId={row.id}
                images={images}
                error={errorFor(`rows.${index}.image`)}
              />
            ) : null}
          </RowFieldset>
        ))}
        {rows.length < definition.maxRows ? (
          <Button
            id={ADD_ROW_ID}
            type="submit"
            name="intent"
            value="add-row"
            variant="secondary"
            formNoValidate
          >
            {withRuby(text(addRowButtonRef(definition)))}
          </Button>
        ) : (
          <p className="field__hint">{withRuby(text(messages.tooManyRows))}</p>
        )}
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <GroupFormActions status={autosave.status} isPending={isPending} />
    </form>
  );
}
