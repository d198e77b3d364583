"use client";
// パスワード変更入力: the rules are the shared schema's, checked here and on the server.
// Words from messages/<language>/auth.json (issue 15); the page wraps it in ClientMessages with
// "auth.passwordChange" and "validation.password" (the staff page too: it renders Japanese).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/form/error-summary";
import { PasswordField } from "@/components/form/password-field";
import { RevealPasswordsCheckbox } from "@/components/form/reveal-passwords-checkbox";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { changePasswordAction } from "@/lib/actions/change-password";
import type { FormState } from "@/lib/actions/form-state";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/schemas/password-fields";
import { withRuby } from "@/lib/i18n/ruby";

export function PasswordChangeForm({
  loginId,
  cancel,
  action = changePasswordAction,
  currentPasswordHint,
}: {
  /** "" for staff, who have no login ID to keep out of the password. */
  loginId: string;
  cancel: React.ReactNode;
  /** The applicant's action unless another is given (the staff change page passes its own). */
  action?: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The applicant's hint (申請用パスワード) unless another is given. */
  currentPasswordHint?: string;
}) {
  const t = useTranslations("auth.passwordChange");
  const { field, isPending, errorFor, summary, focusKey, formProps } = useServerForm({
    loadSchema: () => import("@/lib/schemas/password").then((m) => m.makePasswordChangeSchema({ loginId })),
    action,
    fields: ["currentPassword", "newPassword", "newPasswordConfirm"],
    defaultValues: { currentPassword: "", newPassword: "", newPasswordConfirm: "" },
  });
  const [isRevealed, setRevealed] = useState(false);

  return (
    <>
      <form {...formProps} id="password-change-form" className="form">
        <ErrorSummary errors={summary} focusKey={focusKey} />
        <h2 className="section-title">{withRuby(t("formTitle"))}</h2>
        <PasswordField
          isRevealed={isRevealed}
          id="currentPassword"
          label={t("currentPassword")}
          required
          autoComplete="current-password"
          hint={currentPasswordHint ?? t("currentPasswordHint")}
          error={errorFor("currentPassword")}
          {...field("currentPassword")}
        />
        <PasswordField
          isRevealed={isRevealed}
          id="newPassword"
          label={t("newPassword")}
          required
          autoComplete="new-password"
          hint={t("newPasswordHint", { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })}
          error={errorFor("newPassword")}
          {...field("newPassword")}
        />
        <PasswordField
          isRevealed={isRevealed}
          id="newPasswordConfirm"
          label={t("newPasswordConfirm")}
          required
          autoComplete="new-password"
          hint={t("newPasswordConfirmHint")}
          error={errorFor("newPasswordConfirm")}
          {...field("newPasswordConfirm")}
        />
        <RevealPasswordsCheckbox checked={isRevealed} onChange={setRevealed} />
      </form>
      <div className="form__actions">
        <Button type="submit" form="password-change-form" disabled={isPending}>
          {withRuby(t("submit"))}
        </Button>
        {cancel}
      </div>
    </>
  );
}
