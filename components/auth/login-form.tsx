"use client";
// The login form of both kinds of account: 申請者 (ログインID) and 職員 (メールアドレス), each with
// パスワード, both 必須. Only the identifier field, the action and the 申請者's
// パスワードを忘れた場合 link differ.
import Link from "next/link";
import { useState } from "react";
import { ErrorSummary } from "@/components/form/error-summary";
import { PasswordField } from "@/components/form/password-field";
import { RevealPasswordsCheckbox } from "@/components/form/reveal-passwords-checkbox";
import { TextField, type TextFieldProps } from "@/components/form/text-field";
import { useServerForm, type ClientSchema } from "@/components/form/use-server-form";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { loginAction } from "@/lib/actions/login";
import { staffLoginAction } from "@/lib/actions/staff-login";
import type { FormState } from "@/lib/actions/form-state";
import { withRuby } from "@/lib/i18n/ruby";

export type LoginKind = "applicant" | "staff";

interface LoginKindForm {
  /** The action's schema, loaded when the form is first used (docs/architecture.md). */
  loadSchema: () => Promise<ClientSchema>;
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The identifier field: its name (and id), label and input attributes. */
  identifier: "loginId" | "email";
  /** The applicant's words come from messages/<language>/auth.json (issue 15); the staff area's are Japanese. */
  label: (t: LoginText) => string;
  input: Pick<TextFieldProps, "type" | "inputMode" | "autoComplete">;
  hint?: (t: LoginText) => string;
  hasForgotPasswordLink: boolean;
}

const KINDS: Readonly<Record<LoginKind, LoginKindForm>> = {
  applicant: {
    loadSchema: () => import("@/lib/schemas/login").then((m) => m.applicantLoginSchema),
    action: loginAction,
    identifier: "loginId",
    label: (t) => t("loginId"),
    input: { inputMode: "numeric", autoComplete: "username" },
    hint: (t) => t("loginIdHint"),
    hasForgotPasswordLink: true,
  },
  staff: {
    loadSchema: () => import("@/lib/schemas/login").then((m) => m.staffLoginSchema),
    action: staffLoginAction,
    identifier: "email",
    label: () => "メールアドレス",
    // The address is the staff member's user name: autocomplete="username" (what password managers
    // pair with the password) on a text input with the e-mail keyboard. The HTML standard also
    // allows username on type=email since 2020, but HTML_CodeSniffer (pa11y) still refuses it.
    input: { inputMode: "email", autoComplete: "username" },
    // Staff have no パスワードを忘れた場合: an administrator issues their temporary passwords.
    hasForgotPasswordLink: false,
  },
};

type LoginText = ReturnType<typeof useTranslations<"auth.login">>;

export function LoginForm({ kind }: { kind: LoginKind }) {
  const t = useTranslations("auth.login");
  const { loadSchema, action, identifier, label, input, hint, hasForgotPasswordLink } = KINDS[kind];
  const { field, state, isPending, errorFor, summary, focusKey, formProps } = useServerForm({
    loadSchema,
    action,
    fields: [identifier, "password"],
    defaultValues: { [identifier]: "", password: "" },
  });
  const [isRevealed, setRevealed] = useState(false);
  const errors = state.formError ? [...summary, { fieldId: identifier, message: state.formError }] : summary;

  return (
    <form {...formProps} className="form">
      <ErrorSummary errors={errors} focusKey={focusKey} />
      <TextField
        id={identifier}
        label={label(t)}
        required
        {...input}
        hint={hint?.(t)}
        error={errorFor(identifier)}
        {...field(identifier)}
      />
      <PasswordField
        isRevealed={isRevealed}
        id="password"
        label={t("password")}
        required
        autoComplete="current-password"
        error={errorFor("password")}
        {...field("password")}
      />
      <RevealPasswordsCheckbox checked={isRevealed} onChange={setRevealed} />
      <div className="form__actions">
        <Button type="submit" disabled={isPending}>
          {withRuby(t("submit"))}
        </Button>
      </div>
      {hasForgotPasswordLink ? (
        <p>
          <Link href="/password/forgot">{withRuby(t("forgotPassword"))}</Link>
        </p>
      ) : null}
    </form>
  );
}
