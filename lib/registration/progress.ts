// Where an applicant stands in 登録申請: steps are done in order, and a later step's page opened
// early sends the applicant to the first unfinished one.
import "server-only";
import { redirect } from "next/navigation";
import { findConsentState } from "@/lib/consents/consent-documents";
import { registrationSteps, stepByKey, type RegistrationStepKey } from "@/lib/registration/steps";

export async function findFirstUnfinishedStep(applicantId: string): Promise<RegistrationStepKey> {
  const consents = await findConsentState(applicantId);
  if (!consents.PERSONAL_INFO) return "personal-info";
  if (!consents.TERMS) return "terms";
  // 申請内容登録 is the next part to be built; until then every applicant stops there.
  return "content";
}

/** For a step's page: the steps before it must be done, or the applicant is sent back. */
export async function requireStepReachable(applicantId: string, step: RegistrationStepKey) {
  const firstUnfinished = await findFirstUnfinishedStep(applicantId);
  const index = (key: RegistrationStepKey) => registrationSteps.findIndex((s) => s.key === key);
  if (index(step) > index(firstUnfinished)) redirect(stepByKey(firstUnfinished).path);
  return { firstUnfinished };
}
