"use server";
// 職員アカウントのロック解除 (administrators only). The lib function checks the actor's role once more.
import { requireAdmin } from "@/lib/dal/session";
import { unlockStaffAccount } from "@/lib/staff/change-staff-account-status";
import { changeStaffAccountStatus } from "@/lib/actions/staff-account-status-change";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function unlockStaffAccountAction(formData: FormData): Promise<void> {
  await applyActionFault("unlockStaffAccountAction");
  const { staff } = await requireAdmin();
  await changeStaffAccountStatus(staff.id, formData, unlockStaffAccount, "unlocked");
}
