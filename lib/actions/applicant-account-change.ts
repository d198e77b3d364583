// What ロックを解除する, パスワードを再発行する, 利用を停止する and 利用停止を解除する on 申請者の詳細 share (not
// an action itself): each reads the applicant id from a hidden field and answers by redirecting
// back to the page with ?done=… or ?error=… (works without JavaScript). Each action checks the
// staff session before it calls this.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getRequestContext } from "@/lib/dal/request-context";
import type { AccountActionResult, StaffActor } from "@/lib/applicants/account-actions";
import type { AccountDoneFlag, AccountErrorFlag } from "@/lib/staff/applicant-account-messages";

const targetSchema = z.object({ applicantId: z.uuid() });

const detailPath = (applicantId: string) => `/staff/applicants/${applicantId}`;

/**
 * `unconfirmed` is the answer when the confirmation checkbox is not ticked: a change that cannot be
 * undone asks for it, to guard against a stray click.
 */
export async function changeApplicantAccount(
  staffId: string,
  formData: FormData,
  change: (applicantId: string, actor: StaffActor) => Promise<AccountActionResult>,
  done: AccountDoneFlag,
  unconfirmed?: Extract<AccountErrorFlag, `confirm-${string}`>,
): Promise<never> {
  const parsed = targetSchema.safeParse({ applicantId: formData.get("applicantId") });
  if (!parsed.success) redirect("/staff/applicants");
  const { applicantId } = parsed.data;
  const actor = { staffId, ip: (await getRequestContext()).ip };
  if (unconfirmed && formData.get("confirm") !== "yes")
    redirect(`${detailPath(applicantId)}?error=${unconfirmed}`);
  const result = await change(applicantId, actor);
  if (result.ok) redirect(`${detailPath(applicantId)}?done=${done}`);
  // not-found: the page itself answers 404.
  const error: AccountErrorFlag | null = result.reason === "not-found" ? null : result.reason;
  redirect(error ? `${detailPath(applicantId)}?error=${error}` : detailPath(applicantId));
}
