// What every signed-in applicant page needs before it renders: the authorization check and
// the frame's data.
import "server-only";
import { requireApplicant } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";

export async function loadApplicantPage(currentPath: string) {
  const { applicant, session } = await requireApplicant();
  return {
    applicant,
    frame: {
      currentPath,
      applicantName: applicant.name,
      sessionExpiresAt: session.expiresAt,
      warningSeconds: getEnv().SESSION_WARNING_SECONDS,
    },
  };
}
