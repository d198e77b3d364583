"use client";
// 本人確認書類: the document type, then an image of each side it has. The image labels follow the
// chosen type; choosing another type than the saved one sets the saved images aside (the action
// removes them), so only images of the chosen document are ever sent for review.
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { RadioGroup } from "@/components/form/choice-group";
import { ImageField, ImplicitSubmitButton, type StoredImage } from "@/components/form/image-field";
import { useImageChecks } from "@/components/form/use-image-checks";
import { useServerForm } from "@/components/form/use-server-form";
import { GroupFormActions } from "@/components/registration/group-form-actions";
import { Notice } from "@/components/ui/notice";
import { saveIdentityDocumentAction } from "@/lib/actions/save-identity-document";
import { withRuby } from "@/lib/i18n/ruby";
import { useMessageText } from "@/lib/i18n/use-message-text";
import {
  IDENTITY_DOCUMENT_TYPES,
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
  const t = useTranslations("documents.identity");
  const text = useMessageText();
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
        legend={t("documentType")}
        required
        hint={t("documentTypeHint")}
        error={errorOf("documentType")}
        options={IDENTITY_DOCUMENT_TYPES.map((type) => ({
          value: type,
          label: t(`types.${type}`),
        }))}
        {...field("documentType")}
      />
      <h2 className="section-title">{withRuby(t("imagesHeading"))}</h2>
      <p>
        {withRuby(t("imagesIntro"))}
        {isIdentityDocumentType(chosenType) ? null : withRuby(t("chooseTypeFirst"))}
      </p>
      {isTypeChanged ? (
        <Notice tone="warning" headingLevel={3} title={t("typeChangedTitle")}>
          <p>
            {withRuby(
              t("typeChanged", {
                type: isIdentityDocumentType(savedType) ? t(`types.${savedType}`) : savedType,
              }),
            )}
          </p>
        </Notice>
      ) : null}
      {sides.map((side) => (
        <ImageField
          key={side.field}
          id={side.field}
          name={side.field}
          slot={side.slot}
          label={text(side.labelRef)}
          required
          reminder={side.reminderRef === undefined ? undefined : text(side.reminderRef)}
          error={errorOf(side.field)}
          current={currentImages[side.field] ?? null}
          disabled={isPending}
        />
      ))}
      <GroupFormActions status="" isPending={isPending} />
    </form>
  );
}
