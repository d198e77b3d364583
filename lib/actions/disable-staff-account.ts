"use server";
// 職員アカウントの利用停止 (administrators only). The lib function checks the actor's role once more.
import { requireAdmin } from "@/lib/dal/session";
import { disableStaffAccount } from "@/lib/staff/change-staff-account-status";
import { changeStaffAccountStatus } from "@/lib/actions/staff-account-status-change";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function disableStaffAccountAction(formData: FormData): Promise<void> {
  await applyActionFault("disableStaffAccountAction");
  const { staff } = await requireAdmin();
  await changeStaffAccountStatus(staff.id, formData, disableStaffAccount, "disabled");
}
