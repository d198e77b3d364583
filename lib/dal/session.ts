// Authorization for every page and server action: who is signed in, in which role, and whether
// an applicant still has to replace the emailed password. The proxy only redirects; this decides.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/next-auth";
import { findValidSession, type ValidSession } from "@/lib/auth/sessions";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export function sessionPolicy() {
  const env = getEnv();
  return { idleMs: env.SESSION_IDLE_MINUTES * 60_000, maxMs: env.SESSION_MAX_HOURS * 3_600_000 };
}

/** The current valid session, checked against the database once per request. */
export const getCurrentSession = cache(async (): Promise<ValidSession | null> => {
  const jwtSession = await auth();
  const sessionId = jwtSession?.sessionId;
  if (!sessionId) return null;
  return findValidSession(db, sessionId, sessionPolicy(), now());
});

export const getCurrentApplicant = cache(async () => {
  const session = await getCurrentSession();
  if (!session || session.role !== "APPLICANT") return null;
  const applicant = await db.applicant.findUnique({
    where: { id: session.userId },
    select: { id: true, loginId: true, name: true, email: true, mustChangePassword: true },
  });
  return applicant ? { session, applicant } : null;
});

export const getCurrentStaff = cache(async () => {
  const session = await getCurrentSession();
  if (!session || session.role !== "STAFF") return null;
  const staff = await db.staffUser.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true },
  });
  return staff ? { session, staff } : null;
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

/** For staff pages and actions. */
export async function requireStaff() {
  const current = await getCurrentStaff();
  if (!current) redirect("/staff/login?reason=signed-out");
  return current;
}
