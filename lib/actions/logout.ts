"use server";
// ログアウト (both roles): ends the server-side session and clears the cookie.
import { redirect } from "next/navigation";
import { auth, signOut } from "@/lib/auth/next-auth";
import { revokeSession } from "@/lib/auth/sessions";
import { getCurrentSession } from "@/lib/dal/session";
import { now } from "@/lib/clock";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { getRequestContext } from "@/lib/dal/request-context";
import { applyActionFault } from "@/lib/test-kit/faults";

export async function logoutAction(formData: FormData): Promise<void> {
  await applyActionFault("logoutAction");
  const session = await getCurrentSession();
  const isStaff = session?.role === "STAFF" || formData.get("area") === "staff";
  if (session) {
    await revokeSession(db, session.id, now());
    await recordAudit(db, {
      actorType: session.role === "STAFF" ? "staff" : "applicant",
      actorId: session.userId,
      action: "logout",
      ip: (await getRequestContext()).ip,
    });
  } else {
    // A session that already timed out: its row ends quietly here, so that signOut()'s event
    // (lib/auth/next-auth.ts) does not record it as a sign-out through next-auth's endpoint.
    const named = await auth();
    if (named) await revokeSession(db, named.sessionId, now());
  }
  await signOut({ redirect: false });
  const reason = formData.get("reason") === "idle" ? "idle" : "logged-out";
  redirect(`${isStaff ? "/staff/login" : "/login"}?reason=${reason}`);
}
