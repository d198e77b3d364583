"use server";
// 申請者の詳細 (staff): 利用を停止する.
import { requireStaff } from "@/lib/dal/session";
import { disableApplicant } from "@/lib/applicants/account-actions";
import { changeApplicantAccount } from "@/lib/actions/applicant-account-change";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function disableApplicantAction(formData: FormData): Promise<void> {
  await applyActionFault("disableApplicantAction");
  const { staff } = await requireStaff();
  await changeApplicantAccount(staff.id, formData, disableApplicant, "disabled", "confirm-disable");
}
