// What every signed-in applicant page needs before it renders: the authorization check and
// the frame's data.
import "server-only";
import { requireApplicant } from "@/lib/dal/session";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";

export interface ApplicantPageOptions {
  /**
   * False leaves the menu's unread count out (undefined), for a page that changes it after the
   * check (opening a notice marks it read) and counts afterwards itself.
   */
  countUnreadNotices?: boolean;
}

export async function loadApplicantPage(currentPath: string, options: ApplicantPageOptions = {}) {
  // The unread count comes with the session check (one query, lib/auth/sessions.ts).
  const { applicant, session, unreadNotices: counted } = await requireApplicant();
  const unreadNotices = options.countUnreadNotices === false ? undefined : counted;
  return {
    applicant,
    frame: {
      currentPath,
      applicantName: applicant.name,
      sessionSecondsLeft: Math.floor((session.expiresAt.getTime() - now().getTime()) / 1000),
      warningSeconds: getEnv().SESSION_WARNING_SECONDS,
      unreadNotices,
    },
  };
}
