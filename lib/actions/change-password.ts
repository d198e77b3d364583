"use server";
// パスワード変更: the only applicant action allowed before the emailed password is replaced.
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/next-auth";
import { changeApplicantPassword } from "@/lib/applicants/change-password";
import { requireApplicant } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { makePasswordChangeSchema } from "@/lib/schemas/password";
import { errorState, fieldErrorsOf, formDataToStrings, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("changePasswordAction");
  const { applicant } = await requireApplicant({ allowPendingPasswordChange: true });
  const values = formDataToStrings(formData, ["currentPassword", "newPassword", "newPasswordConfirm"]);
  const parsed = makePasswordChangeSchema({ loginId: applicant.loginId }).safeParse(values);
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error) });

  const result = await changeApplicantPassword(
    applicant.id,
    parsed.data.currentPassword,
    parsed.data.newPassword,
    (await getRequestContext()).ip,
  );
  if (!result.ok) {
    if (result.reason === "locked") {
      // Locking ended every session; send the applicant to the login page with the reason.
      await signOut({ redirect: false });
      redirect("/login?reason=locked");
    }
    return errorState({
      fieldErrors: {
        currentPassword: [
          "現在のパスワードが正しくありません。メールで届いた申請用パスワード（変更済みの場合は現在のパスワード）を入力してください。",
        ],
      },
    });
  }
  await signOut({ redirect: false });
  redirect("/login?reason=password-changed");
}
