"use client";
// パスワードを忘れた場合: ログインID and the registered メールアドレス. Words from
// messages/<language>/auth.json (issue 15); the page passes "auth.passwordForgot" and the
// validation parts to ClientMessages.
import { useTranslations } from "next-intl";
import { FormFeedback } from "@/components/form/form-feedback";
import { TextField } from "@/components/form/text-field";
import { useServerForm } from "@/components/form/use-server-form";
import { Button } from "@/components/ui/button";
import { requestPasswordReissueAction } from "@/lib/actions/request-password-reissue";
import { withRuby } from "@/lib/i18n/ruby";

export function PasswordReissueForm() {
  const t = useTranslations("auth.passwordForgot");
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
        label={t("loginId")}
        required
        inputMode="numeric"
        autoComplete="username"
        hint={t("loginIdHint")}
        error={errorFor("loginId")}
        {...field("loginId")}
      />
      <TextField
        id="email"
        label={t("email")}
        required
        type="email"
        autoComplete="email"
        hint={t("emailHint")}
        error={errorFor("email")}
        {...field("email")}
      />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          {withRuby(t("submit"))}
        </Button>
      </div>
    </form>
  );
}
