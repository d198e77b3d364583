"use server";
// 払込票の発送 (staff): 「発送済みにする」 on one row. Answers by redirecting back to the list with
// what happened (works without JavaScript).
import { redirect } from "next/navigation";
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { markSlipSent } from "@/lib/payments/slips";
import { SLIPS_PATH } from "@/lib/payments/slip-rules";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function markSlipSentAction(formData: FormData): Promise<void> {
  await applyActionFault("markSlipSentAction");
  const { staff } = await requireStaff();
  const value = formData.get("applicationNumber");
  const result = await markSlipSent(typeof value === "string" ? value.slice(0, 40) : "", {
    staffId: staff.id,
    ip: (await getRequestContext()).ip,
  });
  const query = new URLSearchParams({ result: result.outcome, number: result.applicationNumber });
  redirect(`${SLIPS_PATH}?${query.toString()}`);
}
