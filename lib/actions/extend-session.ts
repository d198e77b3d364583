"use server";
// The idle-timeout dialog's 「ログイン状態を延長する」: counts as activity.
import { extendSession, sessionExpiry } from "@/lib/auth/sessions";
import { getCurrentSession } from "@/lib/dal/session";
import { sessionPolicy } from "@/lib/auth/policies";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { applyActionFault } from "@/lib/test-kit/faults";

/** Returns the seconds left after extending, or null when the session has already ended. */
export async function extendSessionAction(): Promise<number | null> {
  await applyActionFault("extendSessionAction");
  const session = await getCurrentSession();
  if (!session) return null;
  const at = now();
  await extendSession(db, session.id, at);
  const expiresAt = sessionExpiry(session.createdAt, at, sessionPolicy());
  return Math.floor((expiresAt.getTime() - at.getTime()) / 1000);
}
