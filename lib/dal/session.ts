// Authorization for every page and server action: who is signed in, in which role, and whether
// an applicant still has to replace the emailed password. The proxy only redirects; this decides.
import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth/next-auth";
import {
  findSessionWithUser,
  withoutUser,
  type SessionWithUser,
  type ValidSession,
} from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { sessionPolicy } from "@/lib/auth/policies";

/**
 * The current valid session and its user, checked against the database once per request: one
 * query reads the session row, the user of its role and (for an applicant) the unread 通知 count.
 */
const getCurrentSessionWithUser = cache(async (): Promise<SessionWithUser | null> => {
  const jwtSession = await auth();
  const sessionId = jwtSession?.sessionId;
  if (!sessionId) return null;
  return findSessionWithUser(db, sessionId, sessionPolicy(), now());
});

/** The current valid session (either role). */
export const getCurrentSession = cache(async (): Promise<ValidSession | null> => {
  const current = await getCurrentSessionWithUser();
  return current && withoutUser(current);
});

/** The signed-in applicant (role APPLICANT only) and the count of their unread 通知. */
export const getCurrentApplicant = cache(async () => {
  const current = await getCurrentSessionWithUser();
  if (current?.role !== "APPLICANT") return null;
  const { unreadNotices, ...applicant } = current.applicant;
  return { session: withoutUser(current), applicant, unreadNotices };
});

/** The signed-in staff member (role STAFF only), including one who still has to replace a temporary password. */
const getSignedInStaff = cache(async () => {
  const current = await getCurrentSessionWithUser();
  if (current?.role !== "STAFF") return null;
  return { session: withoutUser(current), staff: current.staff };
});

/**
 * The signed-in staff member who may use the staff area: null before a temporary password is
 * replaced, so route handlers that check only this (images, CSV downloads) refuse such a session.
 */
export const getCurrentStaff = cache(async () => {
  const current = await getSignedInStaff();
  return current && !current.staff.mustChangePassword ? current : null;
});

/**
 * For applicant pages and actions. Until the emailed password is replaced, only the password
 * change itself (allowPendingPasswordChange) is allowed; everything else goes to the change page.
 */
export async function requireApplicant(options: { allowPendingPasswordChange?: boolean } = {}) {
  const current = await getCurrentApplicant();
  if (!current) redirect("/login?reason=signed-out");
  if (current.applicant.mustChangePassword && !options.allowPendingPasswordChange) {
    redirect("/password/change");
  }
  return current;
}

/**
 * For staff pages and actions. A disabled account has no valid session (findValidSession), so it
 * lands on the login page. Until an administrator-issued temporary password is replaced, only the
 * password change itself (allowPendingPasswordChange) is allowed.
 */
export async function requireStaff(options: { allowPendingPasswordChange?: boolean } = {}) {
  const current = await getSignedInStaff();
  if (!current) redirect("/staff/login?reason=signed-out");
  if (current.staff.mustChangePassword && !options.allowPendingPasswordChange) {
    redirect("/staff/password/change");
  }
  return current;
}

/**
 * For the administrators' pages and actions (職員アカウント). Anyone else signed in as staff gets
 * the plain 404 page, in pages and server actions alike: the answer neither shows data nor says
 * that an administrators' area exists.
 */
export async function requireAdmin() {
  const current = await requireStaff();
  if (current.staff.role !== "ADMIN") notFound();
  return current;
}
