// パスワード変更: forced after logging in with the 申請用パスワード.
import type { Metadata } from "next";
import { PasswordChangeForm } from "@/components/auth/password-change-form";
import { PublicShell } from "@/components/layout/public-shell";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { logoutAction } from "@/lib/actions/logout";
import { requireApplicant } from "@/lib/dal/session";
import { passwordRuleTexts } from "@/lib/schemas/password";

export const metadata: Metadata = { title: "パスワード変更" };

export default async function PasswordChangePage() {
  const { applicant } = await requireApplicant({ allowPendingPasswordChange: true });
  return (
    <PublicShell>
      <h1 className="page-title">パスワード変更</h1>
      {applicant.mustChangePassword ? (
        <p>
          申請用パスワードでログインしました。続けるには、パスワードを変更してください。変更後、新しいパスワードでもう一度ログインします。
        </p>
      ) : null}
      <Notice tone="warning" title="注意事項">
        <ul className="rule-list">
          {passwordRuleTexts.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </Notice>
      <PasswordChangeForm
        loginId={applicant.loginId}
        cancel={
          <form action={logoutAction}>
            <Button type="submit" variant="secondary">
              キャンセル
            </Button>
          </form>
        }
      />
    </PublicShell>
  );
}
