"use client";
// 申請者ログイン (seed STEP 1): ログインID and パスワード, both 必須.
import Link from "next/link";
import { useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { PasswordField } from "@/components/form/password-field";
import { RevealPasswordsCheckbox } from "@/components/form/reveal-passwords-checkbox";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { Button } from "@/components/ui/button";
import { loginAction } from "@/lib/actions/login";
import { applicantLoginSchema } from "@/lib/schemas/login";

export function LoginForm() {
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useActionForm({
    schema: applicantLoginSchema,
    action: loginAction,
    fields: ["loginId", "password"],
    defaultValues: { loginId: "", password: "" },
  });
  const [isRevealed, setRevealed] = useState(false);
  const errors = state.formError ? [...summary, { fieldId: "loginId", message: state.formError }] : summary;

  return (
    <form {...formProps} className="form">
      <ErrorSummary errors={errors} focusKey={focusKey} />
      <TextField
        id="loginId"
        label="ログインID"
        required
        inputMode="numeric"
        autoComplete="username"
        hint="メールで届いた申請ログインID（半角数字14桁）を入力してください。"
        error={errorFor("loginId")}
        {...field("loginId")}
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
      <p>
        <Link href="/password/forgot">パスワードを忘れた場合</Link>
      </p>
    </form>
  );
}
