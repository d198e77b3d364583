"use server";
// メール送信状況 (staff): 再送する for one FAILED email. Answers by redirecting back to the list
// as it was (same 宛先, 状態 and page) with ?retried=… (works without JavaScript).
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { retryFailedEmail } from "@/lib/mail/retry-failed-email";
import { parseEmailListParams } from "@/lib/staff/email-list-params";
import { staffListHref } from "@/lib/staff/list-params";
import { applyActionFault } from "@/lib/test-kit/faults";

const PATH = "/staff/emails";

export async function retryEmailAction(formData: FormData): Promise<void> {
  await applyActionFault("retryEmailAction");
  const { staff } = await requireStaff();
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const list = parseEmailListParams({ q: field("q"), status: field("status"), cursor: field("cursor") });
  const back = staffListHref(PATH, list);
  const withFlag = (flag: string) => `${back}${back.includes("?") ? "&" : "?"}retried=${flag}`;
  const parsed = z.object({ emailId: z.uuid() }).safeParse({ emailId: formData.get("emailId") });
  if (!parsed.success) redirect(withFlag("not-found"));
  const result = await retryFailedEmail(parsed.data.emailId, {
    staffId: staff.id,
    ip: (await getRequestContext()).ip,
  });
  redirect(withFlag(result.ok ? "ok" : result.reason));
}
