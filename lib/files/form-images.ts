// What the actions of pages with image fields share: which button was pressed (次へ, 一時保存 or
// a 「…を削除」 for one slot) and storing the files picked in the form.
import "server-only";
import { type FileSlot, storeApplicationImage } from "@/lib/files/application-files";
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";

export type FormIntent = { kind: "next" } | { kind: "draft" } | { kind: "remove"; slot: FileSlot };

/**
 * The pressed button: intent=draft (一時保存), intent=remove:<slot> for one of the page's own
 * slots, and anything else 次へ (as on the pages without images). An unknown slot is a draft.
 */
export function readFormIntent(formData: FormData, removableSlots: readonly FileSlot[]): FormIntent {
  const intent = formData.get("intent");
  if (intent === "draft") return { kind: "draft" };
  if (typeof intent === "string" && intent.startsWith("remove:")) {
    const slot = removableSlots.find((candidate) => `remove:${candidate}` === intent);
    return slot ? { kind: "remove", slot } : { kind: "draft" };
  }
  return { kind: "next" };
}

export interface ImageInput {
  /** The file input's name. */
  name: string;
  slot: FileSlot;
}

export interface StoredImagesResult {
  /** A message per refused file, by input name. */
  fieldErrors: Record<string, string[]>;
  /** Set when the application can no longer be changed. */
  formError?: string;
  /** Whether any slot now holds a new file. */
  changed: boolean;
}

/** Stores every file picked in `inputs`; an input left empty is skipped. */
export async function storePickedImages(
  applicantId: string,
  formData: FormData,
  inputs: readonly ImageInput[],
): Promise<StoredImagesResult> {
  const result: StoredImagesResult = { fieldErrors: {}, changed: false };
  for (const input of inputs) {
    const value = formData.get(input.name);
    if (!(value instanceof File) || value.size === 0) continue;
    const stored = await storeApplicationImage(applicantId, input.slot, value);
    if (stored.ok) result.changed = true;
    else if (stored.message === IMAGE_MESSAGES.notEditable) result.formError = stored.message;
    else result.fieldErrors[input.name] = [stored.message];
  }
  return result;
}
