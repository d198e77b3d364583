"use client";
// 顔写真: one photo. The stored photo (already cut to 294×378) is shown at its own size, so the
// applicant sees exactly what will be registered.
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { ImageField, ImplicitSubmitButton, type StoredImage } from "@/components/form/image-field";
import { useServerForm } from "@/components/form/use-server-form";
import { useImageChecks } from "@/components/form/use-image-checks";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { saveFacePhotoAction } from "@/lib/actions/save-face-photo";
import { FACE_PHOTO_HEIGHT, FACE_PHOTO_WIDTH } from "@/lib/files/image-rules";
import { withoutRuby } from "@/lib/i18n/ruby";
import { FACE_PHOTO_FIELD, FACE_PHOTO_MESSAGES } from "@/lib/schemas/face-photo";

export function FacePhotoForm({ current }: { current: StoredImage | null }) {
  const t = useTranslations("documents.face");
  const size = { width: FACE_PHOTO_WIDTH, height: FACE_PHOTO_HEIGHT };
  // No text answers, so no schema to load: only the image checks apply in the browser.
  const { state, isPending, errorFor, focusKey, formProps } = useServerForm({
    action: saveFacePhotoAction,
    fields: [],
  });
  const images = useImageChecks([
    { name: FACE_PHOTO_FIELD, requiredMessage: current ? undefined : FACE_PHOTO_MESSAGES.required },
  ]);
  const error = images.errors[FACE_PHOTO_FIELD] ?? errorFor(FACE_PHOTO_FIELD);
  const summary = error ? [{ fieldId: FACE_PHOTO_FIELD, message: error }] : [];

  return (
    <form {...formProps} onSubmit={images.guard(formProps.onSubmit)} className="form">
      <ImplicitSubmitButton />
      <FormFeedback summary={summary} focusKey={`${focusKey}:${images.refusedCount}`} state={state} />
      <ImageField
        id={FACE_PHOTO_FIELD}
        name={FACE_PHOTO_FIELD}
        slot="face-photo"
        label={t("label")}
        required
        hint={t("hint")}
        error={error}
        current={current}
        previewAlt={withoutRuby(t("previewAlt", size))}
        previewCaption={t("previewCaption", size)}
        isActualSize
        disabled={isPending}
      />
      <GroupFormActions status="" isPending={isPending} />
    </form>
  );
}
