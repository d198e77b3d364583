"use client";
// An image upload field: label (+ badge) → support text (JPEG, size limit) → what to hide before
// taking the photo → error → the stored image with its remove button → the file input. Works without JavaScript: the
// remove button is a submit button of the page's one form (intent "remove:<slot>"), which the
// page's action handles like 一時保存 plus emptying that slot. Its own words come from
// documents.image (issue 15): a page with an image field sends that part to the browser.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { fileUrl } from "@/lib/files/file-url";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { IMAGE_CONTENT_TYPE, IMAGE_HINT } from "@/lib/files/image-rules";
import { useMessageText } from "@/lib/i18n/use-message-text";

/** The slot's current image as the page read it from the application. */
export interface StoredImage {
  fileId: string;
  width: number;
  height: number;
}

/** The intent value of a remove button; the page's action reads the slot back from it. */
export const removeIntent = (slot: string) => `remove:${slot}`;

export type ImageFieldProps = {
  /** The input's id; also the anchor the error summary links to. */
  id: string;
  /** The form field name the action reads the picked file from. */
  name: string;
  /** The application file slot this field fills (for the remove button). */
  slot: string;
  label: string;
  required?: boolean;
  /** Said before the JPEG and size rule. */
  hint?: string;
  /** A reminder shown in bold under the hint, e.g. which numbers to hide before taking the photo. */
  reminder?: string;
  error?: string;
  current: StoredImage | null;
  /** Alternative text of the stored image; 「登録済みの{label}」 (documents.image.previewAlt) unless given. */
  previewAlt?: string;
  /** Caption under the stored image. */
  previewCaption?: string;
  /** Show the stored image at its own size (the 顔写真) instead of a thumbnail. */
  isActualSize?: boolean;
  disabled?: boolean;
};

export function ImageField({
  id,
  name,
  slot,
  label,
  required = false,
  hint,
  reminder,
  error,
  current,
  previewAlt,
  previewCaption,
  isActualSize = false,
  disabled = false,
}: ImageFieldProps) {
  const t = useTranslations("documents.image");
  const text = useMessageText();
  const inputRef = useRef<HTMLInputElement>(null);
  const shownFileId = useRef(current?.fileId ?? null);
  const currentFileId = current?.fileId ?? null;

  // When the stored image changes (the picked file was saved, or the slot was emptied), the
  // picked file must not be sent again; after a removal, focus would be lost with the button.
  useEffect(() => {
    if (shownFileId.current === currentFileId) return;
    shownFileId.current = currentFileId;
    const input = inputRef.current;
    if (!input) return;
    input.value = "";
    if (currentFileId === null && document.activeElement === document.body) input.focus();
  }, [currentFileId]);

  const fullHint = [hint, current ? t("replaceHint") : undefined, text(IMAGE_HINT)].filter(Boolean).join("");
  const reminderId = reminder ? `${id}-reminder` : undefined;

  return (
    <FieldFrame
      id={id}
      label={label}
      required={required}
      hint={fullHint}
      error={error}
      note={
        reminder ? (
          <p className="field__hint field__reminder" id={reminderId}>
            {withRuby(reminder)}
          </p>
        ) : null
      }
    >
      {current ? (
        <div className="image-field__current">
          <figure className="image-field__figure">
            {/* A private, per-user image behind a session check: next/image would cache it. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={fileUrl(current.fileId)}
              alt={previewAlt ?? withoutRuby(t("previewAlt", { label }))}
              width={current.width}
              height={current.height}
              className={
                isActualSize ? "image-field__preview image-field__preview--actual" : "image-field__preview"
              }
            />
            <figcaption className="image-field__caption">
              {withRuby(previewCaption ?? t("previewCaption"))}
            </figcaption>
          </figure>
          <Button
            type="submit"
            name="intent"
            value={removeIntent(slot)}
            variant="secondary"
            formNoValidate
            disabled={disabled}
          >
            {withRuby(t("remove", { label }))}
          </Button>
        </div>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        name={name}
        type="file"
        accept={IMAGE_CONTENT_TYPE}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, fullHint, error, reminderId)}
        className={error ? "file-input file-input--error" : "file-input"}
      />
    </FieldFrame>
  );
}

/**
 * The first submit button of a form is the one Enter in a text field presses. Forms with image
 * fields put this (hidden, so not in the accessibility tree or tab order) before any remove
 * button, so that Enter means 次へ as on every other page, never 「…を削除」.
 */
export function ImplicitSubmitButton() {
  const t = useTranslations("documents.image");
  // Named like the visible one: a checker that reads the markup (HTML_CodeSniffer, 4.1.2) asks it.
  return (
    <button type="submit" name="intent" value="next" hidden tabIndex={-1}>
      {withoutRuby(t("next"))}
    </button>
  );
}
