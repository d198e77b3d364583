// The rules for an uploaded image (本人確認書類, 顔写真, 健康保険の証明書類, 資格の証明書類): JPEG
// only, at most MAX_IMAGE_BYTES. Browser-safe (no node imports, and no zod: every form page loads
// this module): the form checks a picked file with pickedImageError before sending it, and the
// server (lib/files/process-image.ts) checks the bytes themselves with the same limit and messages.
// The messages are references into messages/<language>/documents.json (issue 15).
import { messageRef } from "@/lib/i18n/message-ref";

/** 5 MiB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_MEGABYTES = MAX_IMAGE_BYTES / (1024 * 1024);

/** The one type accepted, as the file input's accept attribute and the stored content type. */
export const IMAGE_CONTENT_TYPE = "image/jpeg";

/** The 顔写真 as stored: 294×378 pixels (width × height). */
export const FACE_PHOTO_WIDTH = 294;
export const FACE_PHOTO_HEIGHT = 378;

/** Shown as support text under every image field. */
export const IMAGE_HINT = messageRef("documents.image.hint", { max: String(MAX_IMAGE_MEGABYTES) });

const megabytes = (bytes: number) => {
  const value = bytes / (1024 * 1024);
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
};

export const IMAGE_MESSAGES = {
  notJpeg: messageRef("documents.image.notJpeg"),
  tooLarge: (bytes: number) =>
    messageRef("documents.image.tooLarge", { size: megabytes(bytes), max: String(MAX_IMAGE_MEGABYTES) }),
  unreadable: messageRef("documents.image.unreadable"),
  /** 「{label}の画像を選んでください。」; the label may be a reference. */
  required: (label: string) => messageRef("documents.image.required", { label }),
  notEditable: messageRef("documents.image.notEditable"),
  /** Over UPLOAD_LIMIT_PER_HOUR: nothing was stored. */
  tooManyUploads: (limit: number, retryAfterSeconds: number) =>
    messageRef("documents.image.tooManyUploads", {
      limit: String(limit),
      minutes: String(Math.max(1, Math.ceil(retryAfterSeconds / 60))),
    }),
  saveFailed: messageRef("documents.image.saveFailed"),
  /** The file store failed (unreachable, full, an error): nothing was stored. */
  storeUnavailable: messageRef("documents.image.storeUnavailable"),
} as const;

/** The picked file of a file input, as FormData or the DOM gives it: a Blob with a name. */
type PickedFile = { size: number; type: string; name?: string };

function isBlobLike(value: unknown): value is PickedFile {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as PickedFile).size === "number" &&
    typeof (value as PickedFile).type === "string"
  );
}

/**
 * Whether a form value is a file the user picked. A file input left empty still sends an entry
 * (a nameless File of 0 bytes): that means "no new file", not an error.
 */
export function isPickedFile<T>(value: T): value is T & PickedFile {
  return isBlobLike(value) && value.size > 0;
}

/** By declared type or, when the browser gives none, by name; the server checks the bytes. */
function looksLikeJpeg(file: PickedFile): boolean {
  if (file.type) return file.type === IMAGE_CONTENT_TYPE || file.type === "image/pjpeg";
  return /\.(jpe?g|jfif)$/i.test(file.name ?? "");
}

/** The message for a picked file that breaks the rules (type, then size), or undefined. */
export function pickedImageError(file: PickedFile): string | undefined {
  if (!looksLikeJpeg(file)) return IMAGE_MESSAGES.notJpeg;
  if (file.size > MAX_IMAGE_BYTES) return IMAGE_MESSAGES.tooLarge(file.size);
  return undefined;
}
