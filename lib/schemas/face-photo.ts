// The 顔写真 page of 申請内容登録: one photo, stored at 294×378. The image's own rules
// are in lib/files/image-rules.ts. Browser-safe.
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";
import { messageRef } from "@/lib/i18n/message-ref";

/** The field's label: Japanese for the check page and staff; a reference for the applicant's messages. */
export const FACE_PHOTO_LABEL = "顔写真";
export const FACE_PHOTO_LABEL_REF = messageRef("documents.face.label");
/** The form field name of the picked photo. */
export const FACE_PHOTO_FIELD = "facePhoto";

export const FACE_PHOTO_MESSAGES = {
  required: IMAGE_MESSAGES.required(FACE_PHOTO_LABEL_REF),
} as const;
