"use client";
// パスワードを忘れた場合: ログインID and the registered メールアドレス.
import { FormFeedback } from "@/components/form/form-feedback";
import { TextField } from "@/components/form/text-field";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { requestPasswordReissueAction } from "@/lib/actions/request-password-reissue";

export function PasswordReissueForm() {
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useServerForm({
    loadSchema: () => import("@/lib/schemas/login").then((m) => m.passwordReissueRequestSchema),
    action: requestPasswordReissueAction,
    fields: ["loginId", "email"],
    defaultValues: { loginId: "", email: "" },
  });
  return (
    <form {...formProps} className="form">
      <FormFeedback summary={summary} focusKey={focusKey} state={state} />
      <TextField
        id="loginId"
        label="ログインID"
        required
        inputMode="numeric"
        autoComplete="username"
        hint="メールで届いた申請ログインID（半角数字14桁）"
        error={errorFor("loginId")}
        {...field("loginId")}
      />
      <TextField
        id="email"
        label="メールアドレス"
        required
        type="email"
        autoComplete="email"
        hint="申請ログインIDを受け取ったメールアドレス"
        error={errorFor("email")}
        {...field("email")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          申請用パスワードを再発行する
        </Button>
      </div>
    </form>
  );
}
