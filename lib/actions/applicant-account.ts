"use server";
// 申請者の詳細 (staff): ロックを解除する, パスワードを再発行する, 利用を停止する, 利用停止を解除する.
// Each checks the staff session first, reads the applicant id from a hidden field, and answers
// by redirecting back to the page with ?done=… or ?error=… (works without JavaScript).
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import {
  disableApplicant,
  enableApplicant,
  reissuePasswordByStaff,
  unlockApplicant,
  type AccountActionResult,
  type StaffActor,
} from "@/lib/applicants/account-actions";
import type { AccountDoneFlag, AccountErrorFlag } from "@/lib/staff/applicant-account-messages";
import { applyActionFault } from "@/lib/test-kit/faults";

const targetSchema = z.object({ applicantId: z.uuid() });

const detailPath = (applicantId: string) => `/staff/applicants/${applicantId}`;

/** The staff member, the applicant id and where to answer; a broken id goes back to the list. */
async function begin(formData: FormData): Promise<{ applicantId: string; actor: StaffActor }> {
  const { staff } = await requireStaff();
  const parsed = targetSchema.safeParse({ applicantId: formData.get("applicantId") });
  if (!parsed.success) redirect("/staff/applicants");
  return {
    applicantId: parsed.data.applicantId,
    actor: { staffId: staff.id, ip: (await getRequestContext()).ip },
  };
}

function answer(applicantId: string, result: AccountActionResult, done: AccountDoneFlag): never {
  if (result.ok) redirect(`${detailPath(applicantId)}?done=${done}`);
  // not-found: the page itself answers 404.
  const error: AccountErrorFlag | null = result.reason === "not-found" ? null : result.reason;
  redirect(error ? `${detailPath(applicantId)}?error=${error}` : detailPath(applicantId));
}

/** The confirmation checkbox guards against a stray click on a change that cannot be undone. */
const isConfirmed = (formData: FormData) => formData.get("confirm") === "yes";

export async function unlockApplicantAction(formData: FormData): Promise<void> {
  await applyActionFault("unlockApplicantAction");
  const { applicantId, actor } = await begin(formData);
  answer(applicantId, await unlockApplicant(applicantId, actor), "unlocked");
}

export async function reissueApplicantPasswordAction(formData: FormData): Promise<void> {
  await applyActionFault("reissueApplicantPasswordAction");
  const { applicantId, actor } = await begin(formData);
  if (!isConfirmed(formData)) redirect(`${detailPath(applicantId)}?error=confirm-reissue`);
  answer(applicantId, await reissuePasswordByStaff(applicantId, actor), "reissued");
}

export async function disableApplicantAction(formData: FormData): Promise<void> {
  await applyActionFault("disableApplicantAction");
  const { applicantId, actor } = await begin(formData);
  if (!isConfirmed(formData)) redirect(`${detailPath(applicantId)}?error=confirm-disable`);
  answer(applicantId, await disableApplicant(applicantId, actor), "disabled");
}

export async function enableApplicantAction(formData: FormData): Promise<void> {
  await applyActionFault("enableApplicantAction");
  const { applicantId, actor } = await begin(formData);
  answer(applicantId, await enableApplicant(applicantId, actor), "enabled");
}
