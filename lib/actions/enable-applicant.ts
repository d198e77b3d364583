"use server";
// 申請者の詳細 (staff): 利用停止を解除する.
import { requireStaff } from "@/lib/dal/session";
import { enableApplicant } from "@/lib/applicants/account-actions";
import { changeApplicantAccount } from "@/lib/actions/applicant-account-change";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function enableApplicantAction(formData: FormData): Promise<void> {
  await applyActionFault("enableApplicantAction");
  const { staff } = await requireStaff();
  await changeApplicantAccount(staff.id, formData, enableApplicant, "enabled");
}
