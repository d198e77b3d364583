// Where an applicant stands in 登録申請: steps are done in order, and a later step's page opened
// early sends the applicant to the first unfinished one. Once the application is sent, the
// wizard's pages lead to the completion page (the application is read-only until staff return it).
import "server-only";
import { redirect } from "next/navigation";
import { findApplicationOf } from "@/lib/applications/draft-application";
import { findConsentState } from "@/lib/consents/consent-documents";
import { groupsFor } from "@/lib/registration/content-groups";
import { groupStatus } from "@/lib/registration/content-status";
import { registrationSteps, stepByKey, type RegistrationStepKey } from "@/lib/registration/steps";

/** The page that shows a sent application's 申請番号 and what happens next. */
export const COMPLETION_PATH = "/registration/complete";

type Position = { step: RegistrationStepKey; isSent: boolean };

async function findPosition(applicantId: string): Promise<Position> {
  const [consents, application] = await Promise.all([
    findConsentState(applicantId),
    findApplicationOf(applicantId),
  ]);
  const isSent = application !== null && application.status !== "DRAFT";
  if (!consents.PERSONAL_INFO) return { step: "personal-info", isSent };
  if (!consents.TERMS) return { step: "terms", isSent };
  const type = application?.registrationType;
  if (!application || !type) return { step: "content", isSent };
  const allDone = groupsFor(type).every((group) => groupStatus(group, application) === "done");
  return { step: allDone ? "confirm" : "content", isSent };
}

export async function findFirstUnfinishedStep(applicantId: string): Promise<RegistrationStepKey> {
  return (await findPosition(applicantId)).step;
}

/** Where 10_登録申請 (after the notice) and a finished consent continue. */
export async function findResumePath(applicantId: string): Promise<string> {
  const position = await findPosition(applicantId);
  if (position.isSent) return COMPLETION_PATH;
  return stepByKey(position.step).path;
}

/**
 * For a step's page and action: the steps before it must be done, or the applicant is sent back;
 * 申請内容登録 and 申請内容送信 of a sent application lead to the completion page.
 */
export async function requireStepReachable(applicantId: string, step: RegistrationStepKey) {
  const position = await findPosition(applicantId);
  if (position.isSent && (step === "content" || step === "confirm")) redirect(COMPLETION_PATH);
  const index = (key: RegistrationStepKey) => registrationSteps.findIndex((s) => s.key === key);
  if (index(step) > index(position.step)) redirect(stepByKey(position.step).path);
  return { firstUnfinished: position.step };
}
