"use client";
// The browser-side check of a form's image fields before anything is sent: a picked file must be
// a JPEG within the size limit (pickedImageError, the same rule the server applies to the bytes),
// and on 次へ a required image must be picked or already stored. File inputs are not part of the
// form's values (their value cannot be restored), so this wraps the form's onSubmit.
import { useState, type FormEvent } from "react";
import { isPickedFile, pickedImageError } from "@/lib/files/image-rules";
import { useMessageText } from "@/lib/i18n/use-message-text";

export interface ImageCheck {
  /** The file input's name. */
  name: string;
  /** The message (a reference or text) when 次へ is pressed with no image picked; undefined when none is needed. */
  requiredMessage?: string;
}

export function useImageChecks(checks: readonly ImageCheck[]) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusedCount, setRefusedCount] = useState(0);
  const text = useMessageText();

  /**
   * Runs the checks, then the form's own onSubmit. When an image is refused nothing is sent;
   * onRefused(isNext) lets the form show its other fields' errors at the same time.
   */
  const guard =
    (onSubmit: (event: FormEvent<HTMLFormElement>) => void, onRefused?: (isNext: boolean) => void) =>
    (event: FormEvent<HTMLFormElement>) => {
      // 一時保存 and 「…を削除」 are marked formNoValidate: nothing is required for them.
      const isNext = !(event.nativeEvent as SubmitEvent).submitter?.hasAttribute("formnovalidate");
      const found: Record<string, string> = {};
      for (const check of checks) {
        const control = event.currentTarget.elements.namedItem(check.name);
        const file = control instanceof HTMLInputElement ? control.files?.[0] : undefined;
        if (isPickedFile(file)) {
          const message = pickedImageError(file);
          if (message) found[check.name] = message;
        } else if (isNext && check.requiredMessage) {
          found[check.name] = check.requiredMessage;
        }
      }
      setErrors(found);
      if (Object.keys(found).length === 0) {
        onSubmit(event);
        return;
      }
      event.preventDefault();
      setRefusedCount((count) => count + 1);
      onRefused?.(isNext);
    };

  // In the page's language (documents.image and the forms' own references).
  const shown = Object.fromEntries(Object.entries(errors).map(([name, message]) => [name, text(message)]));
  return { errors: shown, guard, refusedCount };
}
