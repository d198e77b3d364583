// A 変更 link on the check page (申請内容送信) opens a group's page with ?return=confirm; the page
// carries it as a hidden field, and 次へ then goes back to the check page instead of the task list.
export const RETURN_PARAM = "return";
export const RETURN_TO_CONFIRM = "confirm";
export const CONFIRM_PATH = "/registration/confirm";
export const CONTENT_PATH = "/registration/content";

/** The href of a group page opened from the check page; `fieldId` scrolls to the answer. */
export function changeHref(path: string, fieldId?: string): string {
  const [pathname = path, hash] = path.split("#");
  const anchor = fieldId ?? hash;
  return `${pathname}?${RETURN_PARAM}=${RETURN_TO_CONFIRM}${anchor ? `#${anchor}` : ""}`;
}

/** Where 次へ leads: only the check page or the task list, whatever else was posted. */
export function pathAfterGroupSave(formData: FormData): string {
  return formData.get("returnTo") === RETURN_TO_CONFIRM ? CONFIRM_PATH : CONTENT_PATH;
}
