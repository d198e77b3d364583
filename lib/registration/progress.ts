// Where an applicant stands in 登録申請: steps are done in order, and a later step's page opened
// early sends the applicant to the first unfinished one. Once the application is sent, the
// wizard's pages lead to the completion page (the application is read-only while staff have it).
// An application returned with 不備 is editable again: its 申請内容登録 and 申請内容送信 pages
// open, and 10_登録申請 leads to 20_申請の修正, which lists what to fix.
import "server-only";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import {
  applicationContentSql,
  applicationFromJson,
  isEditableStatus,
  isUpgrading,
  type ApplicationWithContent,
} from "@/lib/applications/draft-application";
import { consentGivenSql, ensurePublished } from "@/lib/consents/consent-documents";
import { effectiveRegistrationType, groupsFor, isDetailedOnlyGroup } from "@/lib/registration/content-groups";
import { groupStatus } from "@/lib/registration/content-status";
import { CORRECTION_PATH, UPGRADE_PATH } from "@/lib/registration/return-to";
import { registrationSteps, stepByKey, type RegistrationStepKey } from "@/lib/registration/steps";

/** The page that shows a sent application's 申請番号 and what happens next. */
export const COMPLETION_PATH = "/registration/complete";

type Position = {
  step: RegistrationStepKey;
  /** Sent and not returned: staff have it, or it is done. The applicant cannot change it. */
  isSent: boolean;
  isReturned: boolean;
  /** 詳細型への移行 under way (completed 簡略型, 移行を始める pressed, not yet sent). */
  isUpgrading: boolean;
  /** The application with every group (null before the draft exists). */
  content: ApplicationWithContent | null;
};

/**
 * How far the applicant got, from one query: the consents to the current documents and the
 * application with every group (the pages of steps 3 and 4 use it; nothing reads it again).
 */
async function findPosition(applicantId: string): Promise<Position> {
  await ensurePublished();
  const at = now();
  const [row] = await db.$queryRaw<{ personal_info: boolean; terms: boolean; content: unknown }[]>`
    SELECT ${consentGivenSql(applicantId, "PERSONAL_INFO", at)} AS personal_info,
           ${consentGivenSql(applicantId, "TERMS", at)} AS terms,
           (SELECT ${applicationContentSql} FROM application a WHERE a.applicant_id = ${applicantId}::uuid) AS content`;
  const application = row?.content ? applicationFromJson(row.content) : null;
  const flags = {
    isSent: application !== null && !isEditableStatus(application.status),
    isReturned: application?.status === "RETURNED",
    isUpgrading: application !== null && isUpgrading(application),
    content: application,
  };
  if (row?.personal_info !== true) return { step: "personal-info", ...flags };
  if (row.terms !== true) return { step: "terms", ...flags };
  const type = application && effectiveRegistrationType(application);
  if (!type) return { step: "content", ...flags };
  const allDone = groupsFor(type).every((group) => groupStatus(group, application) === "done");
  return { step: allDone ? "confirm" : "content", ...flags };
}

/** Where 10_登録申請 (after the notice) and a finished consent continue (詳細型への移行: its page). */
export async function findResumePath(applicantId: string): Promise<string> {
  const position = await findPosition(applicantId);
  if (position.isUpgrading) return UPGRADE_PATH;
  if (position.isSent) return COMPLETION_PATH;
  if (position.isReturned) return CORRECTION_PATH;
  return stepByKey(position.step).path;
}

/**
 * For a step's page and action: the steps before it must be done, or the applicant is sent back;
 * 申請内容登録 and 申請内容送信 of a sent application lead to the completion page. During
 * 詳細型への移行 only the 詳細型 groups' pages (`group`) and 申請内容送信 open; everything else of
 * 申請内容登録 leads to the 詳細型への移行 page (the 簡略型 groups stay as approved).
 */
export async function requireStepReachable(
  applicantId: string,
  step: RegistrationStepKey,
  options: { group?: string | null } = {},
): Promise<{ content: ApplicationWithContent | null }> {
  // STEP 1 is open to every signed-in applicant in every state: nothing to read.
  if (step === "personal-info") return { content: null };
  const position = await findPosition(applicantId);
  if (position.isUpgrading && (step === "content" || step === "confirm")) {
    if (step === "content" && !isDetailedOnlyGroup(options.group)) redirect(UPGRADE_PATH);
    if (step === "confirm" && position.step !== "confirm") redirect(UPGRADE_PATH);
    return { content: position.content };
  }
  if (position.isSent && (step === "content" || step === "confirm")) redirect(COMPLETION_PATH);
  const index = (key: RegistrationStepKey) => registrationSteps.findIndex((s) => s.key === key);
  if (index(step) > index(position.step)) redirect(stepByKey(position.step).path);
  // The whole application was read already: the pages of steps 3 and 4 use it.
  return { content: position.content };
}
