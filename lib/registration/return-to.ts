// A 変更 link on the check page (申請内容送信) opens a group's page with ?return=confirm, and a
// 修正 link on 20_申請の修正 with ?return=correction; the page carries it as a hidden field, and
// 次へ then goes back there instead of the task list.
export const RETURN_PARAM = "return";
export const RETURN_TO_CONFIRM = "confirm";
export const RETURN_TO_CORRECTION = "correction";
/** 詳細型への移行's task list. */
export const RETURN_TO_UPGRADE = "upgrade";
export const UPGRADE_PATH = "/upgrade";
export const CONFIRM_PATH = "/registration/confirm";
export const CONTENT_PATH = "/registration/content";
/** 20_申請の修正: what staff returned, and the way back into the pages that fix it. */
export const CORRECTION_PATH = "/correction";

const RETURN_PATHS: Record<string, string> = {
  [RETURN_TO_CONFIRM]: CONFIRM_PATH,
  [RETURN_TO_CORRECTION]: CORRECTION_PATH,
  [RETURN_TO_UPGRADE]: UPGRADE_PATH,
};

export type ReturnTarget = typeof RETURN_TO_CONFIRM | typeof RETURN_TO_CORRECTION | typeof RETURN_TO_UPGRADE;

/** A `return` value this app knows, or null (anything else is ignored). */
export function returnTargetOf(value: string | null | undefined): ReturnTarget | null {
  return value === RETURN_TO_CONFIRM || value === RETURN_TO_CORRECTION || value === RETURN_TO_UPGRADE
    ? value
    : null;
}

/** The href of a group page opened from the check page (or 20_申請の修正); `fieldId` scrolls to the answer. */
export function changeHref(path: string, fieldId?: string, target: ReturnTarget = RETURN_TO_CONFIRM): string {
  const [pathname = path, hash] = path.split("#");
  const anchor = fieldId ?? hash;
  return `${pathname}?${RETURN_PARAM}=${target}${anchor ? `#${anchor}` : ""}`;
}

/** Where 次へ leads: the check page, 20_申請の修正 or the task list, whatever else was posted. */
export function pathAfterGroupSave(formData: FormData): string {
  const target = formData.get("returnTo");
  return (typeof target === "string" && RETURN_PATHS[target]) || CONTENT_PATH;
}
