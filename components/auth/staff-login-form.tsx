"use client";
// 職員ログイン: メールアドレス and パスワード.
import { useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { PasswordField } from "@/components/form/password-field";
import { RevealPasswordsCheckbox } from "@/components/form/reveal-passwords-checkbox";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { staffLoginAction } from "@/lib/actions/staff-login";
import { staffLoginSchema } from "@/lib/schemas/login";

export function StaffLoginForm() {
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useActionForm({
    schema: staffLoginSchema,
    action: staffLoginAction,
    fields: ["email", "password"],
    defaultValues: { email: "", password: "" },
  });
  const [isRevealed, setRevealed] = useState(false);
  const errors = state.formError ? [...summary, { fieldId: "email", message: state.formError }] : summary;
  return (
    <form {...formProps} className="form">
      <ErrorSummary errors={errors} focusKey={focusKey} />
      <TextField
        id="email"
        label="メールアドレス"
        required
        type="email"
        autoComplete="username"
        error={errorFor("email")}
        {...field("email")}
      />
      <PasswordField
        isRevealed={isRevealed}
        id="password"
        label="パスワード"
        required
        autoComplete="current-password"
        error={errorFor("password")}
        {...field("password")}
      />
      <RevealPasswordsCheckbox checked={isRevealed} onChange={setRevealed} />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          ログイン
        </Button>
      </div>
    </form>
  );
}
