// GET /__test__/sign-in/<ticket> (issue 10): the one-time sign-in URL a scenario returns. No
// Bearer token: the 256-bit ticket is the credential (valid 10 minutes, once). Opens a session
// exactly as a login does (server-side session row, next-auth signIn with its one-time session
// ticket, the login.succeeded audit entry), sets ccus_test_ns and answers 303 to the landing path
// (or ?next=, same-origin paths only). A used, expired or unknown ticket: the ordinary 404.
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { createSession } from "@/lib/auth/sessions";
import { signIn, SESSION_PROVIDER_ID } from "@/lib/auth/next-auth";
import { getRequestContext } from "@/lib/dal/request-context";
import { isHttpsAppUrl } from "@/lib/net/app-url";
import { requireTestKit } from "@/lib/test-kit/gate";
import { kitHandle } from "@/lib/test-kit/kit-json";
import { TEST_NAMESPACE_COOKIE } from "@/lib/test-kit/request-namespace";
import { consumeSignInTicket, safeNextPath } from "@/lib/test-kit/sign-in-ticket";

export const dynamic = "force-dynamic";

type Account = {
  sessionVersion: number;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
};

export async function GET(request: Request, context: { params: Promise<{ ticket: string }> }) {
  requireTestKit(request);
  const { ticket } = await context.params;
  const taken = await kitHandle(async () => {
    const found = await consumeSignInTicket(ticket);
    if (!found) return new Response(null, { status: 404 });
    const at = now();
    const isApplicant = found.role === "APPLICANT";
    const select = {
      sessionVersion: true,
      disabledAt: true,
      lockedUntil: true,
      mustChangePassword: true,
    } as const;
    const account: Account | null = isApplicant
      ? await db.applicant.findUnique({ where: { id: found.accountId }, select })
      : await db.staffUser.findUnique({ where: { id: found.accountId }, select });
    // What a login would refuse, the ticket refuses too.
    if (!account || account.disabledAt || (account.lockedUntil && account.lockedUntil > at)) {
      return new Response(null, { status: 404 });
    }
    if (isApplicant && account.mustChangePassword) {
      // As at a login with the 申請用パスワード: it is now used (the change form still takes it).
      const marked = await db.applicant.updateMany({
        where: { id: found.accountId, tempPasswordUsedAt: null },
        data: { tempPasswordUsedAt: at },
      });
      if (marked.count !== 1) return new Response(null, { status: 404 });
    }
    const requestContext = await getRequestContext();
    const session = await createSession(db, {
      role: found.role,
      userId: found.accountId,
      sessionVersion: account.sessionVersion,
      ip: requestContext.ip,
      userAgent: requestContext.userAgent,
      at,
    });
    await recordAudit(db, {
      actorType: isApplicant ? "applicant" : "staff",
      actorId: found.accountId,
      action: "login.succeeded",
      ip: requestContext.ip,
      at,
      details: { via: "test kit sign-in URL", ns: found.ns },
    });
    await signIn(SESSION_PROVIDER_ID, {
      sessionId: session.sessionId,
      ticket: session.ticket,
      redirect: false,
    });
    const env = getEnv();
    (await cookies()).set(TEST_NAMESPACE_COOKIE, found.ns, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: isHttpsAppUrl(env.APP_URL),
    });
    const fallback = isApplicant ? (account.mustChangePassword ? "/password/change" : "/menu") : "/staff";
    const landing = safeNextPath(new URL(request.url).searchParams.get("next"), fallback);
    return new Response(null, {
      status: 303,
      headers: { Location: `${env.APP_URL}${landing}`, "Cache-Control": "no-store" },
    });
  });
  if (taken.status === 404) notFound();
  return taken;
}
