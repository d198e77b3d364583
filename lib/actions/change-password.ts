"use server";
// パスワード変更: the only applicant action allowed before the emailed password is replaced.
import { requireApplicant } from "@/lib/dal/session";
import { submitPasswordChange } from "@/lib/actions/submit-password-change";
import type { FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  await applyActionFault("changePasswordAction");
  const { applicant } = await requireApplicant({ allowPendingPasswordChange: true });
  return submitPasswordChange("applicant", applicant, formData);
}
