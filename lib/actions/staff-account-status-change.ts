// What 利用停止, 利用停止の解除 and ロック解除 of a staff account share (not an action itself): the
// detail page's buttons post the account id; the answer comes back to that page as ?result= or
// ?error=. Each action checks the administrator session before it calls this.
import { notFound, redirect } from "next/navigation";
import { getRequestContext } from "@/lib/dal/request-context";
import type {
  StaffAccountChangeInput,
  StaffAccountChangeResult,
} from "@/lib/staff/change-staff-account-status";
import { staffIdSchema } from "@/lib/schemas/staff-account";

export async function changeStaffAccountStatus(
  actorId: string,
  formData: FormData,
  change: (input: StaffAccountChangeInput) => Promise<StaffAccountChangeResult>,
  done: "disabled" | "enabled" | "unlocked",
): Promise<never> {
  const staffId = staffIdSchema.safeParse(formData.get("staffId"));
  if (!staffId.success) notFound();
  const result = await change({ actorId, staffId: staffId.data, ip: (await getRequestContext()).ip });
  if (!result.ok && (result.reason === "forbidden" || result.reason === "not-found")) notFound();
  const query = result.ok ? `result=${done}` : `error=${result.reason}`;
  redirect(`/staff/accounts/${staffId.data}?${query}`);
}
