// The rules for an uploaded image (本人確認書類, 顔写真, 健康保険の証明書類, 資格の証明書類): JPEG
// only, at most MAX_IMAGE_BYTES. Browser-safe (no node imports, and no zod: every form page loads
// this module): the form checks a picked file with pickedImageError before sending it, and the
// server (lib/files/process-image.ts) checks the bytes themselves with the same limit and messages.

/** 5 MiB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_MEGABYTES = MAX_IMAGE_BYTES / (1024 * 1024);

/** The one type accepted, as the file input's accept attribute and the stored content type. */
export const IMAGE_CONTENT_TYPE = "image/jpeg";

/** The 顔写真 as stored: 294×378 pixels (width × height). */
export const FACE_PHOTO_WIDTH = 294;
export const FACE_PHOTO_HEIGHT = 378;

/** Shown as support text under every image field. */
export const IMAGE_HINT = `JPEG形式（.jpg）の画像、${MAX_IMAGE_MEGABYTES}MBまで。`;

const megabytes = (bytes: number) => {
  const value = bytes / (1024 * 1024);
  return value >= 10 ? value.toFixed(0) : value.toFixed(1);
};

export const IMAGE_MESSAGES = {
  notJpeg:
    "JPEG形式（.jpg）の画像を選んでください。PNGやHEICなどの画像は、JPEG形式で保存し直すか、カメラの設定をJPEGにして撮り直してください。",
  tooLarge: (bytes: number) =>
    `画像のファイルサイズが大きすぎます（${megabytes(bytes)}MB）。${MAX_IMAGE_MEGABYTES}MB以下の画像を選んでください。スマートフォンでは画質を下げるか、画面の写真を撮り直すと小さくなります。`,
  unreadable:
    "画像を読み取れませんでした。ファイルが壊れている可能性があります。JPEG形式（.jpg）の画像を選び直してください。",
  /** `${label}の画像を選んでください。` */
  required: (label: string) => `${label}の画像を選んでください。`,
  notEditable: "送信済みの申請は変更できません。",
  /** Over UPLOAD_LIMIT_PER_HOUR: nothing was stored. */
  tooManyUploads: (limit: number, retryAfterSeconds: number) =>
    `画像の送信が多すぎるため、この画像は保存していません（1時間に${limit}枚まで）。約${Math.max(1, Math.ceil(retryAfterSeconds / 60))}分後に、もう一度選んで送信してください。`,
  saveFailed: "画像を保存できませんでした。しばらくしてから、もう一度お試しください。",
  /** The file store failed (unreachable, full, an error): nothing was stored. */
  storeUnavailable:
    "画像の保存先に接続できないため、この画像は保存していません。しばらくしてから、もう一度画像を選んで送信してください。",
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
