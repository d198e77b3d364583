"use server";
// 申請内容登録: choosing 簡略型 or 詳細型.
import { redirect } from "next/navigation";
import { requireApplicant } from "@/lib/dal/session";
import { setRegistrationType } from "@/lib/applications/draft-application";
import { requireStepReachable } from "@/lib/registration/progress";
import { registrationTypeSchema } from "@/lib/schemas/registration-type";
import { errorState, fieldErrorsOf, type FormState } from "@/lib/actions/form-state";
import { applyActionFault } from "@/lib/test-kit/faults";
import { messageRef } from "@/lib/i18n/message-ref";

export async function chooseRegistrationTypeAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState> {
  await applyActionFault("chooseRegistrationTypeAction");
  const { applicant } = await requireApplicant();
  await requireStepReachable(applicant.id, "content");
  const parsed = registrationTypeSchema.safeParse({
    registrationType: formData.get("registrationType") ?? undefined,
  });
  if (!parsed.success) return errorState({ fieldErrors: fieldErrorsOf(parsed.error) });
  if (!(await setRegistrationType(applicant.id, parsed.data.registrationType))) {
    return errorState({ formError: messageRef("registration.type.errors.sent") });
  }
  redirect("/registration/content");
}
