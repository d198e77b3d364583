// What the applicant's and the staff member's パスワード変更 share (not an action itself): each
// action checks its own session first, then hands the form here.
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/next-auth";
import { accountSource, type AccountKind } from "@/lib/auth/accounts";
import { changePassword } from "@/lib/auth/change-password";
import { getRequestContext } from "@/lib/dal/request-context";
import { makePasswordChangeSchema } from "@/lib/schemas/password";
import { messageRef } from "@/lib/i18n/message-ref";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";

/** The applicant's is a reference (issue 15: in the page's language); the staff area's is Japanese. */
const WRONG_CURRENT_MESSAGES: Readonly<Record<AccountKind, string>> = {
  applicant: messageRef("validation.password.wrongCurrent"),
  staff:
    "現在のパスワードが正しくありません。メールで届いた仮パスワード（変更済みの場合は現在のパスワード）を入力してください。",
};

/**
 * `loginId` is kept out of the new password (staff have none: "" as in staffPasswordSchema).
 * A success or a lock ends every session, so both answer on the kind's login page.
 */
export async function submitPasswordChange(
  kind: AccountKind,
  account: { id: string; loginId: string },
  formData: FormData,
): Promise<FormState> {
  const values = formDataToStrings(formData, ["currentPassword", "newPassword", "newPasswordConfirm"]);
  const parsed = makePasswordChangeSchema({ loginId: account.loginId }).safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error) });

  const result = await changePassword(
    kind,
    account.id,
    parsed.data.currentPassword,
    parsed.data.newPassword,
    (await getRequestContext()).ip,
  );
  const { loginPath } = accountSource(kind);
  if (!result.ok) {
    if (result.reason === "locked") {
      // Locking ended every session; send the owner to the login page with the reason.
      await signOut({ redirect: false });
      redirect(`${loginPath}?reason=locked`);
    }
    return errorState({ fieldErrors: { currentPassword: [WRONG_CURRENT_MESSAGES[kind]] } });
  }
  await signOut({ redirect: false });
  redirect(`${loginPath}?reason=password-changed`);
}
