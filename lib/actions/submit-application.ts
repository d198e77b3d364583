"use server";
// 申請内容送信 › 申請する. A second press (or a retry) after the first one went through lands on
// the completion page of the same application.
import { redirect } from "next/navigation";
import { requireApplicant } from "@/lib/dal/session";
import { getRequestContext } from "@/lib/dal/request-context";
import { submitApplication } from "@/lib/applications/submit-application";
import { checkOptions } from "@/lib/applications/check-options";
import { COMPLETION_PATH, requireStepReachable } from "@/lib/registration/progress";
import { errorState, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";
import { messageRef } from "@/lib/i18n/message-ref";

/** Why 申請する did not send (lib/applications/submit-application.ts SUBMIT_MESSAGES, in words). */
const SUBMIT_ERRORS = {
  incomplete: messageRef("review.submit.errors.incomplete"),
  changed: messageRef("review.submit.errors.changed"),
  "no-application": messageRef("review.submit.errors.noApplication"),
} as const;

/** The form state is not read: the action sends what is stored, whatever the form held. */
export async function submitApplicationAction(): Promise<FormState> {
  await applyActionFault("submitApplicationAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "confirm");
  const result = await submitApplication(applicant.id, checkOptions(), await getRequestContext());
  if (!result.ok) return errorState({ formError: SUBMIT_ERRORS[result.reason] });
  redirect(COMPLETION_PATH);
}
