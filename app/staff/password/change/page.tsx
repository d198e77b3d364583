// 職員のパスワード変更: forced after signing in with the temporary password of a new account;
// the same rules and form as the applicants' パスワード変更.
import type { Metadata } from "next";
import { PasswordChangeForm } from "@/components/auth/password-change-form";
import { PublicShell } from "@/components/layout/public-shell";
import { StaffFrame } from "@/components/layout/staff-frame";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { changeStaffPasswordAction } from "@/lib/actions/change-staff-password";
import { logoutAction } from "@/lib/actions/logout";
import { requireStaff } from "@/lib/dal/session";
import { loadStaffPage } from "@/lib/dal/staff-page";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { getMessageText } from "@/lib/i18n/get-message-text";
import { passwordRuleMessages } from "@/lib/schemas/password";
import { PASSWORD_CHANGE_MESSAGES } from "@/lib/schemas/password-fields";

export const metadata: Metadata = { title: "パスワード変更（職員）" };

const PATH = "/staff/password/change";

export default async function StaffPasswordChangePage() {
  const { staff } = await requireStaff({ allowPendingPasswordChange: true });
  const isPending = staff.mustChangePassword;
  // The rules and the form's words are the applicants' messages; staff pages render them in Japanese.
  const text = await getMessageText();
  const content = (
    <>
      <h1 className="page-title">パスワード変更</h1>
      {isPending ? (
        <p>
          仮パスワードでログインしました。続けるには、パスワードを変更してください。変更後、新しいパスワードでもう一度ログインします。
        </p>
      ) : (
        <p>変更後は、すべての端末でログアウトします。新しいパスワードでもう一度ログインしてください。</p>
      )}
      <Notice tone="warning" title="注意事項">
        <ul className="rule-list">
          {passwordRuleMessages.map((message) => (
            <li key={message}>{text(message)}</li>
          ))}
        </ul>
      </Notice>
      <ClientMessages paths={PASSWORD_CHANGE_MESSAGES}>
        <PasswordChangeForm
          loginId=""
          action={changeStaffPasswordAction}
          currentPasswordHint="はじめてのときは、メールで届いた仮パスワードを入力してください。"
          cancel={
            <form action={logoutAction}>
              <input type="hidden" name="area" value="staff" />
              <Button type="submit" variant="secondary">
                キャンセル
              </Button>
            </form>
          }
        />
      </ClientMessages>
    </>
  );
  // Until the temporary password is replaced nothing else is reachable, so no staff menu either.
  if (isPending) return <PublicShell languageSwitcher={false}>{content}</PublicShell>;
  const { frame } = await loadStaffPage(PATH);
  return <StaffFrame {...frame}>{content}</StaffFrame>;
}
