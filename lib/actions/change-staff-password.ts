"use server";
// 職員のパスワード変更: the only staff action allowed before the temporary password is replaced.
import { requireStaff } from "@/lib/dal/session";
import { submitPasswordChange } from "@/lib/actions/submit-password-change";
import type { FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function changeStaffPasswordAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await applyActionFault("changeStaffPasswordAction");
  const { staff } = await requireStaff({ allowPendingPasswordChange: true });
  // Staff have no applicant login ID to keep out of the password (as staffPasswordSchema).
  return submitPasswordChange("staff", { id: staff.id, loginId: "" }, formData);
}
