// A password input. Paste stays allowed (password managers, a copied 申請用パスワード).
// Showing the characters is one checkbox per form (RevealPasswordsCheckbox), not a button per
// field: a button named 「パスワードを表示」 would also answer getByLabel("パスワード").
import type { ComponentPropsWithRef } from "react";
import { FieldFrame, fieldDescribedBy } from "@/components/form/text-field";

export type PasswordFieldProps = Omit<
  ComponentPropsWithRef<"input">,
  "id" | "type" | "placeholder" | "children"
> & {
  /** The input's id; also the anchor the error summary links to. */
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  /** Show the characters (controlled by the form's RevealPasswordsCheckbox). */
  isRevealed?: boolean;
};

export function PasswordField({
  id,
  label,
  required = false,
  hint,
  error,
  isRevealed = false,
  className,
  "aria-describedby": ariaDescribedBy,
  ...inputProps
}: PasswordFieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error}>
      <input
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        {...inputProps}
        id={id}
        type={isRevealed ? "text" : "password"}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, error, ariaDescribedBy)}
        className={["input", error ? "input--error" : undefined, className].filter(Boolean).join(" ")}
      />
    </FieldFrame>
  );
}
