// パスワード変更: forced after logging in with the 申請用パスワード.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordChangeForm } from "@/components/auth/password-change-form";
import { PublicShell } from "@/components/layout/public-shell";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { logoutAction } from "@/lib/actions/logout";
import { requireApplicant } from "@/lib/dal/session";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getMessageText } from "@/lib/i18n/get-message-text";
import { withRuby, withoutRuby } from "@/lib/i18n/ruby";
import { passwordRuleMessages } from "@/lib/schemas/password";
import { PASSWORD_CHANGE_MESSAGES } from "@/lib/schemas/password-fields";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.passwordChange");
  return { title: withoutRuby(t("title")) };
}

export default async function PasswordChangePage() {
  const { applicant } = await requireApplicant({ allowPendingPasswordChange: true });
  const t = await getTranslations("auth.passwordChange");
  const text = await getMessageText();
  return (
    <PublicShell>
      <h1 className="page-title">{withRuby(t("title"))}</h1>
      {applicant.mustChangePassword ? <p>{withRuby(t("pendingIntro"))}</p> : null}
      <Notice tone="warning" title={t("rulesTitle")}>
        <ul className="rule-list">
          {passwordRuleMessages.map((message) => (
            <li key={message}>{withRuby(text(message))}</li>
          ))}
        </ul>
      </Notice>
      <ClientMessages paths={PASSWORD_CHANGE_MESSAGES}>
        <PasswordChangeForm
          loginId={applicant.loginId}
          cancel={
            <form action={logoutAction}>
              <Button type="submit" variant="secondary">
                {withRuby(t("cancel"))}
              </Button>
            </form>
          }
        />
      </ClientMessages>
    </PublicShell>
  );
}
