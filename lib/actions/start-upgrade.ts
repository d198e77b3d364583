"use server";
// 詳細型への移行 › 移行を始める: opens the six 詳細型 pages of a completed 簡略型 registration.
import { redirect } from "next/navigation";
import { requireApplicant } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { START_UPGRADE_MESSAGES, startUpgrade } from "@/lib/applications/upgrade";
import { errorState, type FormState } from "@/lib/actions/form-state";
import { UPGRADE_PATH } from "@/lib/registration/return-to";
import { applyActionFault } from "@/lib/test-kit/faults";

/** The form posts nothing but the press: the applicant is the signed-in one. */
export async function startUpgradeAction(): Promise<FormState> {
  await applyActionFault("startUpgradeAction");
  const { applicant } = await requireApplicant();
  const result = await startUpgrade(applicant.id, await getRequestContext());
  if (!result.ok) return errorState({ formError: START_UPGRADE_MESSAGES[result.reason] });
  redirect(UPGRADE_PATH);
}
