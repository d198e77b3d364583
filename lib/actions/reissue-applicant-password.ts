"use server";
// 申請者の詳細 (staff): パスワードを再発行する.
import { requireStaff } from "@/lib/dal/session";
import { reissuePasswordByStaff } from "@/lib/applicants/account-actions";
import { changeApplicantAccount } from "@/lib/actions/applicant-account-change";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function reissueApplicantPasswordAction(formData: FormData): Promise<void> {
  await applyActionFault("reissueApplicantPasswordAction");
  const { staff } = await requireStaff();
  await changeApplicantAccount(staff.id, formData, reissuePasswordByStaff, "reissued", "confirm-reissue");
}
