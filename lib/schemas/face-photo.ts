// The 顔写真 page of 申請内容登録: one photo, stored at 294×378. The image's own rules
// are in lib/files/image-rules.ts. Browser-safe.
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";

export const FACE_PHOTO_LABEL = "顔写真";
/** The form field name of the picked photo. */
export const FACE_PHOTO_FIELD = "facePhoto";

export const FACE_PHOTO_MESSAGES = {
  required: IMAGE_MESSAGES.required(FACE_PHOTO_LABEL),
} as const;
