"use client";
// 本人確認書類: the document type, then an image of each side it has. The image labels follow the
// chosen type; choosing another type than the saved one sets the saved images aside (the action
// removes them), so only images of the chosen document are ever sent for review.
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup } from "@/components/form/choice-group";
import { ImageField, ImplicitSubmitButton, type StoredImage } from "@/components/form/image-field";
import { useImageChecks } from "@/components/form/use-image-checks";
import { useServerForm } from "@/components/form/use-server-form";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { Notice } from "@/components/ui/notice";
import { saveIdentityDocumentAction } from "@/lib/actions/save-identity-document";
import {
  IDENTITY_DOCUMENT_LABELS as L,
  IDENTITY_DOCUMENT_TYPES,
  IDENTITY_DOCUMENT_TYPE_LABELS,
  IDENTITY_IMAGE_FIELDS,
  type IdentityImageField,
  identityImageSides,
  isIdentityDocumentType,
  missingIdentityImages,
} from "@/lib/schemas/identity-document-fields";

export function IdentityDocumentForm({
  savedType,
  images,
}: {
  savedType: string;
  images: Partial<Record<IdentityImageField, StoredImage>>;
}) {
  const form = useServerForm({
    action: saveIdentityDocumentAction,
    fields: ["documentType"],
    defaultValues: { documentType: savedType },
    loadSchema: () =>
      import("@/lib/schemas/identity-document").then((schemas) => schemas.identityDocumentSchema),
  });
  const { field, state, isPending, errorFor, focusKey, formProps } = form;
  const chosenType = form.watch("documentType") ?? savedType;
  const isTypeChanged = savedType !== "" && isIdentityDocumentType(chosenType) && chosenType !== savedType;
  const currentImages = isTypeChanged ? {} : images;
  const sides = identityImageSides(chosenType);
  const missing = isIdentityDocumentType(chosenType)
    ? missingIdentityImages(chosenType, (name) => currentImages[name] !== undefined)
    : {};
  const imageChecks = useImageChecks(
    IDENTITY_IMAGE_FIELDS.map((name) => ({ name, requiredMessage: missing[name] })),
  );
  const errorOf = (name: string) => imageChecks.errors[name] ?? errorFor(name);
  const summary = ["documentType", ...sides.map((side) => side.field)].flatMap((name) => {
    const message = errorOf(name);
    return message ? [{ fieldId: name, message }] : [];
  });
  // Show the type's error too when an image stops the form from being sent.
  const onRefused = (isNext: boolean) => {
    if (isNext) void form.validate();
  };

  return (
    <form {...formProps} onSubmit={imageChecks.guard(formProps.onSubmit, onRefused)} className="form">
      <ImplicitSubmitButton />
      <FormFeedback summary={summary} focusKey={`${focusKey}:${imageChecks.refusedCount}`} state={state} />
      <RadioGroup
        id="documentType"
        legend={L.documentType}
        required
        hint="お手元にある書類を1つ選んでください。"
        error={errorOf("documentType")}
        options={IDENTITY_DOCUMENT_TYPES.map((type) => ({
          value: type,
          label: IDENTITY_DOCUMENT_TYPE_LABELS[type],
        }))}
        {...field("documentType")}
      />
      <h2 className="section-title">書類の画像</h2>
      <p>
        書類全体が写り、文字がはっきり読めるように、明るい場所で撮影してください。
        {isIdentityDocumentType(chosenType) ? null : "書類の種類を選ぶと、撮影するものが表示されます。"}
      </p>
      {isTypeChanged ? (
        <Notice tone="warning" headingLevel={3} title="書類の種類を変更しました">
          <p>
            登録済みの「
            {isIdentityDocumentType(savedType) ? IDENTITY_DOCUMENT_TYPE_LABELS[savedType] : savedType}
            」の画像は、保存すると削除されます。新しい書類の画像を選んでください。
          </p>
        </Notice>
      ) : null}
      {sides.map((side) => (
        <ImageField
          key={side.field}
          id={side.field}
          name={side.field}
          slot={side.slot}
          label={side.label}
          required
          reminder={side.reminder}
          error={errorOf(side.field)}
          current={currentImages[side.field] ?? null}
          disabled={isPending}
        />
      ))}
      <GroupFormActions status="" isPending={isPending} />
    </form>
  );
}
