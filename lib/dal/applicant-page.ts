// What every signed-in applicant page needs before it renders: the authorization check and
// the frame's data.
import "server-only";
import { requireApplicant } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";

export async function loadApplicantPage(currentPath: string) {
  const { applicant, session } = await requireApplicant();
  return {
    applicant,
    frame: {
      currentPath,
      applicantName: applicant.name,
      sessionSecondsLeft: Math.floor((session.expiresAt.getTime() - now().getTime()) / 1000),
      warningSeconds: getEnv().SESSION_WARNING_SECONDS,
    },
  };
}
