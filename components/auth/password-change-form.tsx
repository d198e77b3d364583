"use client";
// パスワード変更入力: the rules are the shared schema's, checked here and on the server.
import { useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { PasswordField } from "@/components/form/password-field";
import { RevealPasswordsCheckbox } from "@/components/form/reveal-passwords-checkbox";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { changePasswordAction } from "@/lib/actions/change-password";
import type { FormState } from "@/lib/actions/form-state";

export function PasswordChangeForm({
  loginId,
  cancel,
  action = changePasswordAction,
  currentPasswordHint = "はじめてのときは、メールで届いた申請用パスワードを入力してください。",
}: {
  /** "" for staff, who have no login ID to keep out of the password. */
  loginId: string;
  cancel: React.ReactNode;
  /** The applicant's action unless another is given (the staff change page passes its own). */
  action?: (state: FormState, formData: FormData) => Promise<FormState>;
  currentPasswordHint?: string;
}) {
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
        <h2 className="section-title">パスワード変更入力</h2>
        <PasswordField
          isRevealed={isRevealed}
          id="currentPassword"
          label="現在のパスワード"
          required
          autoComplete="current-password"
          hint={currentPasswordHint}
          error={errorFor("currentPassword")}
          {...field("currentPassword")}
        />
        <PasswordField
          isRevealed={isRevealed}
          id="newPassword"
          label="新しいパスワード"
          required
          autoComplete="new-password"
          hint="上の注意事項に従って、8文字以上24文字以内で入力してください。"
          error={errorFor("newPassword")}
          {...field("newPassword")}
        />
        <PasswordField
          isRevealed={isRevealed}
          id="newPasswordConfirm"
          label="新しいパスワード確認"
          required
          autoComplete="new-password"
          hint="確認のため、新しいパスワードをもう一度入力してください。"
          error={errorFor("newPasswordConfirm")}
          {...field("newPasswordConfirm")}
        />
        <RevealPasswordsCheckbox checked={isRevealed} onChange={setRevealed} />
      </form>
      <div className="form__actions">
        <Button type="submit" form="password-change-form" disabled={isPending}>
          パスワード変更
        </Button>
        {cancel}
      </div>
    </>
  );
}
