"use server";
// The 詳細型 pages of 申請内容登録: 次へ, 一時保存, 「…を追加」 / 「… n件目を削除」 without JavaScript
// (saved as a draft, back with one row more or less) and the background save. The form binds the
// group's key; it is checked here, and the application is always the signed-in applicant's own.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { errorState, fieldErrorsOf, type FormState } from "@/lib/actions/form-state";
import { saveRowGroup } from "@/lib/applications/save-row-group";
import { now } from "@/lib/clock";
import { requireApplicant } from "@/lib/dal/session";
import { isFileSlot, removeApplicationImage } from "@/lib/files/application-files";
import { storePickedImages, type StoredImagesResult } from "@/lib/files/form-images";
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";
import { messageRef } from "@/lib/i18n/message-ref";
import { requireStepReachable } from "@/lib/registration/progress";
import { pathAfterGroupSave } from "@/lib/registration/return-to";
import { todayInJapan } from "@/lib/schemas/normalize";
import {
  applyRowIntent,
  draftCompletion,
  flattenRowGroupForm,
  readRowGroupForm,
  rowGroupDraftSchema,
  rowGroupSchema,
  withStoredRowIds,
  type RowGroupFormValues,
} from "@/lib/schemas/row-group";
import { ROW_GROUPS, isRowGroupKey, type RowGroupKey } from "@/lib/schemas/row-groups";
import { applyActionFault } from "@/lib/test-kit/faults";

// Messages are references (messages/<language>/rows.json, documents.json), shown in the page's language.
const NOT_EDITABLE = IMAGE_MESSAGES.notEditable;
const UNKNOWN_GROUP = messageRef("rows.row.unknownGroup");

type RowGroupParse = { data: { rows: { formIndex: number }[] } };

/** Which stored row each form row became: form index → row id. */
function rowIdsByFormIndex(parsed: RowGroupParse, rowIds: readonly string[]): Map<number, string> {
  return new Map(parsed.data.rows.flatMap((row, at) => (rowIds[at] ? [[row.formIndex, rowIds[at]]] : [])));
}

/** The name of a row's image input (保有資格): `rows.<n>.image`, also its error's key. */
const rowImagePath = (index: number) => `rows.${index}.image`;

/**
 * Stores the images picked in the rows (保有資格), each under its row's stored id. `postedIndex`
 * maps a row's index after an add or remove back to the index its input was posted under.
 */
async function storeRowImages(
  applicantId: string,
  groupKey: RowGroupKey,
  formData: FormData,
  rowIds: Map<number, string>,
  postedIndex: (index: number) => number = (index) => index,
): Promise<StoredImagesResult> {
  const prefix = ROW_GROUPS[groupKey].imageSlotPrefix;
  const inputs = prefix
    ? [...rowIds].flatMap(([index, rowId]) => {
        const slot = `${prefix}:${rowId}`;
        return isFileSlot(slot) ? [{ name: rowImagePath(postedIndex(index)), slot, index }] : [];
      })
    : [];
  const result = await storePickedImages(applicantId, formData, inputs);
  if (result.changed) refresh();
  // Messages are keyed by the row's place on the page as it is drawn again.
  const fieldErrors: Record<string, string[]> = {};
  for (const input of inputs) {
    const messages = result.fieldErrors[input.name];
    if (messages) fieldErrors[rowImagePath(input.index)] = messages;
  }
  return { ...result, fieldErrors };
}

/** Checks the draft and stores it (rows, then their picked images); the values come back with the stored rows' ids. */
async function storeDraft(
  applicantId: string,
  groupKey: RowGroupKey,
  values: RowGroupFormValues,
  formData?: FormData,
  postedIndex?: (index: number) => number,
): Promise<
  | { ok: true; values: RowGroupFormValues; images?: StoredImagesResult }
  | { ok: false; fieldErrors?: Record<string, string[]>; formError?: string }
> {
  const definition = ROW_GROUPS[groupKey];
  const parsed = rowGroupDraftSchema(definition).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const isComplete = draftCompletion(definition, values, todayInJapan(now()));
  const stored = await saveRowGroup(applicantId, groupKey, parsed.data, isComplete);
  if (!stored) return { ok: false, formError: NOT_EDITABLE };
  const images = formData
    ? await storeRowImages(
        applicantId,
        groupKey,
        formData,
        rowIdsByFormIndex(parsed, stored.rowIds),
        postedIndex,
      )
    : undefined;
  return { ok: true, values: withStoredRowIds(values, parsed.data.rows, stored.rowIds), images };
}

/** For 「… n件目を削除」 without JavaScript: where a row's input was before row n went. */
function postedIndexAfter(intent: string): (index: number) => number {
  const removed = Number(/^remove-row-([0-9]{1,3})$/.exec(intent)?.[1] ?? Number.NaN);
  return (index) => (index >= removed ? index + 1 : index);
}

export async function saveRowGroupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("saveRowGroupAction");
  const groupKey = formData.get("groupKey");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content", {
    group: typeof groupKey === "string" ? groupKey : null,
  });
  if (!isRowGroupKey(groupKey)) return errorState({ formError: UNKNOWN_GROUP });
  const definition = ROW_GROUPS[groupKey];
  let values = readRowGroupForm(definition, formData.entries());
  const sentIntent = formData.get("intent");
  const intent = typeof sentIntent === "string" ? sentIntent : "next";

  const removeSlot = intent.startsWith("remove:") ? intent.slice("remove:".length) : null;

  if (intent === "next") {
    const parsed = rowGroupSchema(definition, { today: todayInJapan(now()) }).safeParse(values);
    const flat = flattenRowGroupForm(values);
    if (!parsed.success) {
      // What was typed and picked is kept as a draft, so that only the mistakes need fixing.
      const draft = await storeDraft(applicant.id, groupKey, values, formData);
      const imageErrors = draft.ok ? draft.images?.fieldErrors : undefined;
      const fieldErrors = { ...imageErrors, ...fieldErrorsOf(parsed.error) };
      return errorState({ fieldErrors, values: draft.ok ? flattenRowGroupForm(draft.values) : flat });
    }
    const stored = await saveRowGroup(applicant.id, groupKey, parsed.data, true);
    if (!stored) return errorState({ formError: NOT_EDITABLE, values: flat });
    const images = await storeRowImages(
      applicant.id,
      groupKey,
      formData,
      rowIdsByFormIndex(parsed, stored.rowIds),
    );
    if (images.formError || Object.keys(images.fieldErrors).length > 0) {
      const saved = withStoredRowIds(values, parsed.data.rows, stored.rowIds);
      return errorState({
        formError: images.formError,
        fieldErrors: images.fieldErrors,
        values: flattenRowGroupForm(saved),
      });
    }
    redirect(pathAfterGroupSave(formData));
  }

  // 一時保存, a row added or removed, or a row's image removed: the rows after the change are
  // saved as a draft.
  const change = removeSlot ? null : applyRowIntent(definition, values, intent);
  if (change && "error" in change) {
    return errorState({ fieldErrors: { rows: [change.error] }, values: flattenRowGroupForm(values) });
  }
  if (change) values = change.values;
  const result = await storeDraft(applicant.id, groupKey, values, formData, postedIndexAfter(intent));
  if (!result.ok) {
    const { fieldErrors, formError } = result;
    return errorState({ fieldErrors, formError, values: flattenRowGroupForm(values) });
  }
  const flat = flattenRowGroupForm(result.values);
  let formMessage = change?.message ?? messageRef("documents.image.draftSaved");
  if (removeSlot) {
    // removeApplicationImage accepts only a slot of the caller's own rows.
    if (!isFileSlot(removeSlot) || !(await removeApplicationImage(applicant.id, removeSlot))) {
      return errorState({ formError: NOT_EDITABLE, values: flat });
    }
    refresh();
    formMessage = messageRef("documents.image.imageRemoved");
  }
  if (result.images?.formError || Object.keys(result.images?.fieldErrors ?? {}).length > 0) {
    return errorState({
      formError: result.images?.formError,
      fieldErrors: result.images?.fieldErrors,
      values: flat,
    });
  }
  return { status: "success", formMessage, values: flat, submittedAt: Date.now() };
}

/**
 * The background save while typing: the page's rows as a draft, skipped (null) while anything
 * filled in has the wrong format. Returns when it was saved and the stored id of each form row
 * ("" for a blank row), so that the next save updates the same rows.
 */
export async function autosaveRowGroupAction(
  groupKey: string,
  formData: FormData,
): Promise<{ savedAt: string; rowIds: string[] } | null> {
  await applyActionFault("autosaveRowGroupAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content", { group: groupKey });
  if (!isRowGroupKey(groupKey)) return null;
  const result = await storeDraft(
    applicant.id,
    groupKey,
    readRowGroupForm(ROW_GROUPS[groupKey], formData.entries()),
  );
  if (!result.ok) return null;
  return { savedAt: now().toISOString(), rowIds: result.values.rows.map((row) => row.id ?? "") };
}
