"use server";
// 職員のパスワード変更: the only staff action allowed before the temporary password is replaced.
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/next-auth";
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { changeStaffPassword } from "@/lib/staff/change-staff-password";
import { makePasswordChangeSchema } from "@/lib/schemas/password";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function changeStaffPasswordAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await applyActionFault("changeStaffPasswordAction");
  const { staff } = await requireStaff({ allowPendingPasswordChange: true });
  const values = formDataToStrings(formData, ["currentPassword", "newPassword", "newPasswordConfirm"]);
  // Staff have no applicant login ID to keep out of the password (as staffPasswordSchema).
  const parsed = makePasswordChangeSchema({ loginId: "" }).safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error) });

  const result = await changeStaffPassword(
    staff.id,
    parsed.data.currentPassword,
    parsed.data.newPassword,
    (await getRequestContext()).ip,
  );
  if (!result.ok) {
    if (result.reason === "locked") {
      // Locking ended every session; send the staff member to the login page with the reason.
      await signOut({ redirect: false });
      redirect("/staff/login?reason=locked");
    }
    return errorState({
      fieldErrors: {
        currentPassword: [
          "現在のパスワードが正しくありません。メールで届いた仮パスワード（変更済みの場合は現在のパスワード）を入力してください。",
        ],
      },
    });
  }
  await signOut({ redirect: false });
  redirect("/staff/login?reason=password-changed");
}
