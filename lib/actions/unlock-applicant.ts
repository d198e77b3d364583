"use server";
// 申請者の詳細 (staff): ロックを解除する.
import { requireStaff } from "@/lib/dal/session";
import { unlockApplicant } from "@/lib/applicants/account-actions";
import { changeApplicantAccount } from "@/lib/actions/applicant-account-change";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function unlockApplicantAction(formData: FormData): Promise<void> {
  await applyActionFault("unlockApplicantAction");
  const { staff } = await requireStaff();
  await changeApplicantAccount(staff.id, formData, unlockApplicant, "unlocked");
}
