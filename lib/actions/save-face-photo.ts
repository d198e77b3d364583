"use server";
// 顔写真: 次へ, 一時保存 and 「顔写真を削除」. The photo is stored as soon as it is sent; 次へ needs
// one to exist (sent now or before).
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { requireApplicant } from "@/lib/dal/session";
import { findApplicationOf } from "@/lib/applications/draft-application";
import { removeApplicationImage } from "@/lib/files/application-files";
import { readFormIntent, storePickedImages } from "@/lib/files/form-images";
import { IMAGE_MESSAGES } from "@/lib/files/image-rules";
import { requireStepReachable } from "@/lib/registration/progress";
import { FACE_PHOTO_FIELD, FACE_PHOTO_LABEL_REF, FACE_PHOTO_MESSAGES } from "@/lib/schemas/face-photo";
import { messageRef } from "@/lib/i18n/message-ref";
import { errorState, type FormState } from "@/lib/actions/form-state";
import { pathAfterGroupSave } from "@/lib/registration/return-to";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function saveFacePhotoAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("saveFacePhotoAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const intent = readFormIntent(formData, ["face-photo"]);

  if (intent.kind === "remove") {
    if (!(await removeApplicationImage(applicant.id, intent.slot))) {
      return errorState({ formError: IMAGE_MESSAGES.notEditable });
    }
    refresh();
    return {
      status: "success",
      formMessage: messageRef("documents.image.removed", { label: FACE_PHOTO_LABEL_REF }),
      submittedAt: Date.now(),
    };
  }

  const stored = await storePickedImages(applicant.id, formData, [
    { name: FACE_PHOTO_FIELD, slot: "face-photo" },
  ]);
  if (stored.changed) refresh();
  if (stored.formError || Object.keys(stored.fieldErrors).length > 0) {
    return errorState({ formError: stored.formError, fieldErrors: stored.fieldErrors });
  }
  if (intent.kind === "draft") {
    return {
      status: "success",
      formMessage: messageRef("documents.image.draftSaved"),
      submittedAt: Date.now(),
    };
  }
  const application = await findApplicationOf(applicant.id);
  if (!application?.files.some((file) => file.slot === "face-photo")) {
    return errorState({ fieldErrors: { [FACE_PHOTO_FIELD]: [FACE_PHOTO_MESSAGES.required] } });
  }
  redirect(pathAfterGroupSave(formData));
}
