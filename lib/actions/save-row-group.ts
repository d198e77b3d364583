"use server";
// The 詳細型 pages of 申請内容登録: 次へ, 一時保存, 「…を追加」 / 「… n件目を削除」 without JavaScript
// (saved as a draft, back with one row more or less) and the background save. The form binds the
// group's key; it is checked here, and the application is always the signed-in applicant's own.
import { redirect } from "next/navigation";
import { errorState, fieldErrorsOf, type FormState } from "@/lib/actions/form-state";
import { saveRowGroup } from "@/lib/applications/save-row-group";
import { now } from "@/lib/clock";
import { requireApplicant } from "@/lib/dal/session";
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

const NOT_EDITABLE = "送信済みの申請は変更できません。";
const UNKNOWN_GROUP = "このページは保存できません。申請内容登録の一覧からやり直してください。";

/** Checks the draft and stores it; the values come back with the stored rows' ids. */
async function storeDraft(
  applicantId: string,
  groupKey: RowGroupKey,
  values: RowGroupFormValues,
): Promise<
  | { ok: true; values: RowGroupFormValues }
  | { ok: false; fieldErrors?: Record<string, string[]>; formError?: string }
> {
  const definition = ROW_GROUPS[groupKey];
  const parsed = rowGroupDraftSchema(definition).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const isComplete = draftCompletion(definition, values, todayInJapan(now()));
  const stored = await saveRowGroup(applicantId, groupKey, parsed.data, isComplete);
  if (!stored) return { ok: false, formError: NOT_EDITABLE };
  return { ok: true, values: withStoredRowIds(values, parsed.data.rows, stored.rowIds) };
}

export async function saveRowGroupAction(
  groupKey: string,
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  if (!isRowGroupKey(groupKey)) return errorState({ formError: UNKNOWN_GROUP });
  const definition = ROW_GROUPS[groupKey];
  let values = readRowGroupForm(definition, formData.entries());
  const intent = String(formData.get("intent") ?? "next");

  if (intent === "next") {
    const parsed = rowGroupSchema(definition, { today: todayInJapan(now()) }).safeParse(values);
    const flat = flattenRowGroupForm(values);
    if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error), values: flat });
    if (!(await saveRowGroup(applicant.id, groupKey, parsed.data, true))) {
      return errorState({ formError: NOT_EDITABLE, values: flat });
    }
    redirect(pathAfterGroupSave(formData));
  }

  // 一時保存, or a row added or removed: the rows after the change are saved as a draft.
  const change = applyRowIntent(definition, values, intent);
  if (change && "error" in change) {
    return errorState({ fieldErrors: { rows: [change.error] }, values: flattenRowGroupForm(values) });
  }
  if (change) values = change.values;
  const result = await storeDraft(applicant.id, groupKey, values);
  if (!result.ok) {
    const { fieldErrors, formError } = result;
    return errorState({ fieldErrors, formError, values: flattenRowGroupForm(values) });
  }
  return {
    status: "success",
    formMessage: change?.message ?? "一時保存しました。",
    values: flattenRowGroupForm(result.values),
    submittedAt: Date.now(),
  };
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
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  if (!isRowGroupKey(groupKey)) return null;
  const result = await storeDraft(
    applicant.id,
    groupKey,
    readRowGroupForm(ROW_GROUPS[groupKey], formData.entries()),
  );
  if (!result.ok) return null;
  return { savedAt: now().toISOString(), rowIds: result.values.rows.map((row) => row.id ?? "") };
}
