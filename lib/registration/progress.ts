// Where an applicant stands in 登録申請: steps are done in order, and a later step's page opened
// early sends the applicant to the first unfinished one. Once the application is sent, the
// wizard's pages lead to the completion page (the application is read-only while staff have it).
// An application returned with 不備 is editable again: its 申請内容登録 and 申請内容送信 pages
// open, and 10_登録申請 leads to 20_申請の修正, which lists what to fix.
import "server-only";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import {
  findApplicationOf,
  isEditableStatus,
  type ApplicationWithContent,
} from "@/lib/applications/draft-application";
import { findConsentState } from "@/lib/consents/consent-documents";
import { groupsFor } from "@/lib/registration/content-groups";
import { groupStatus } from "@/lib/registration/content-status";
import { CORRECTION_PATH } from "@/lib/registration/return-to";
import { registrationSteps, stepByKey, type RegistrationStepKey } from "@/lib/registration/steps";

/** The page that shows a sent application's 申請番号 and what happens next. */
export const COMPLETION_PATH = "/registration/complete";

type Position = {
  step: RegistrationStepKey;
  /** Sent and not returned: staff have it, or it is done. The applicant cannot change it. */
  isSent: boolean;
  isReturned: boolean;
  /** The application with every group, when it was read to decide the step. */
  content?: ApplicationWithContent | null;
};

/**
 * How far the applicant got. Whether every group of 申請内容登録 is done (step "confirm") is
 * worked out only when `withGroups` asks for it: the pages and background saves of step 3 only
 * need to know that step 3 is open, and they run often.
 */
async function findPosition(applicantId: string, withGroups: boolean): Promise<Position> {
  const [consents, application] = await Promise.all([
    findConsentState(applicantId),
    db.application.findUnique({ where: { applicantId }, select: { status: true, registrationType: true } }),
  ]);
  const isSent = application !== null && !isEditableStatus(application.status);
  const isReturned = application?.status === "RETURNED";
  if (!consents.PERSONAL_INFO) return { step: "personal-info", isSent, isReturned };
  if (!consents.TERMS) return { step: "terms", isSent, isReturned };
  const type = application?.registrationType;
  if (!type || !withGroups) return { step: "content", isSent, isReturned };
  const content = await findApplicationOf(applicantId);
  const allDone =
    content !== null && groupsFor(type).every((group) => groupStatus(group, content) === "done");
  return { step: allDone ? "confirm" : "content", isSent, isReturned, content };
}

/** Where 10_登録申請 (after the notice) and a finished consent continue. */
export async function findResumePath(applicantId: string): Promise<string> {
  const position = await findPosition(applicantId, true);
  if (position.isSent) return COMPLETION_PATH;
  if (position.isReturned) return CORRECTION_PATH;
  return stepByKey(position.step).path;
}

/**
 * For a step's page and action: the steps before it must be done, or the applicant is sent back;
 * 申請内容登録 and 申請内容送信 of a sent application lead to the completion page.
 */
export async function requireStepReachable(
  applicantId: string,
  step: RegistrationStepKey,
): Promise<{ content: ApplicationWithContent | null }> {
  const position = await findPosition(applicantId, step === "confirm");
  if (position.isSent && (step === "content" || step === "confirm")) redirect(COMPLETION_PATH);
  const index = (key: RegistrationStepKey) => registrationSteps.findIndex((s) => s.key === key);
  if (index(step) > index(position.step)) redirect(stepByKey(position.step).path);
  // For "confirm" the whole application was read already: the check page uses it.
  return { content: position.content ?? null };
}
