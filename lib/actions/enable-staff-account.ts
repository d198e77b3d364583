"use server";
// 職員アカウントの利用停止の解除 (administrators only). The lib function checks the actor's role once more.
import { requireAdmin } from "@/lib/dal/session";
import { enableStaffAccount } from "@/lib/staff/change-staff-account-status";
import { changeStaffAccountStatus } from "@/lib/actions/staff-account-status-change";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function enableStaffAccountAction(formData: FormData): Promise<void> {
  await applyActionFault("enableStaffAccountAction");
  const { staff } = await requireAdmin();
  await changeStaffAccountStatus(staff.id, formData, enableStaffAccount, "enabled");
}
