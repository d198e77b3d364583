"use server";
// The idle-timeout dialog's 「ログイン状態を延長する」: counts as activity.
import { extendSession } from "@/lib/auth/sessions";
import { getCurrentSession, sessionPolicy } from "@/lib/dal/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { sessionExpiry } from "@/lib/auth/sessions";

/** Returns the new expiry (ISO), or null when the session has already ended. */
export async function extendSessionAction(): Promise<string | null> {
  const session = await getCurrentSession();
  if (!session) return null;
  const at = now();
  await extendSession(db, session.id, at);
  return sessionExpiry(session.createdAt, at, sessionPolicy()).toISOString();
}
