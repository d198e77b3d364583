// next-auth (v5, Credentials, JWT). The JWT carries only the id of a server-side session row
// (lib/auth/sessions.ts); credentials are checked by lib/auth/authenticate.ts before signIn,
// which hands over a one-time ticket so the callback endpoint cannot be used to guess passwords.
// next-auth's own endpoints: POST /api/auth/signout ends the server-side row too (events.signOut),
// and GET /api/auth/session shows the browser only the cookie's expiry — never the row's id.
import { cookies } from "next/headers";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { now } from "@/lib/clock";
import { recordAudit } from "@/lib/audit/record-audit";
import { consumeSessionTicket, revokeSession } from "@/lib/auth/sessions";
import { authUrlFor, isHttpsAppUrl } from "@/lib/net/app-url";
import { readSessionJwt } from "@/lib/auth/session-cookie";

export const SESSION_PROVIDER_ID = "session-ticket";

const SESSION_ID_PATTERN = /^[0-9a-f-]{36}$/;

const sessionIdOf = (token: unknown): string | null => {
  const sid = typeof token === "object" && token !== null && "sid" in token ? token.sid : undefined;
  return typeof sid === "string" && SESSION_ID_PATTERN.test(sid) ? sid : null;
};

const nextAuth = NextAuth(() => {
  const env = getEnv();
  // next-auth builds its own URLs (and so the cookies' Secure flag and __Secure- prefix) from
  // AUTH_URL, else from the request's X-Forwarded-Host/-Proto, which a client can send. APP_URL is
  // the operator's word: it wins, read here at run time. next-auth reads AUTH_URL only from
  // process.env, right after this function returns.
  process.env.AUTH_URL = authUrlFor(env.APP_URL);
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: isHttpsAppUrl(env.APP_URL),
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        id: SESSION_PROVIDER_ID,
        credentials: { sessionId: {}, ticket: {} },
        authorize: async (credentials) => {
          const sessionId = typeof credentials.sessionId === "string" ? credentials.sessionId : "";
          const ticket = typeof credentials.ticket === "string" ? credentials.ticket : "";
          if (!SESSION_ID_PATTERN.test(sessionId) || !ticket) return null;
          return (await consumeSessionTicket(db, sessionId, ticket)) ? { id: sessionId } : null;
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => {
        if (user?.id) token.sid = user.id;
        return token;
      },
      // This is all GET /api/auth/session returns; no page needs more in the browser.
      session: ({ session }) => ({ expires: session.expires }),
    },
    events: {
      // Our own logout and password change revoke the row before calling signOut(); next-auth's
      // POST /api/auth/signout (CSRF-checked, reachable from its GET page) reaches only this.
      signOut: async (message) => {
        const sessionId = sessionIdOf("token" in message ? message.token : null);
        if (!sessionId) return;
        const at = now();
        const ended = await revokeSession(db, sessionId, at);
        if (!ended) return;
        await recordAudit(db, {
          actorType: ended.role === "STAFF" ? "staff" : "applicant",
          actorId: ended.userId,
          action: "logout",
          at,
          details: { via: "next-auth-signout" },
        });
      },
    },
  };
});

export const { handlers, signIn, signOut } = nextAuth;

/**
 * Server side only: the session row the request's JWT names, read from next-auth's session cookie
 * as next-auth's own auth() reads it, without its detour through a whole session endpoint request
 * (lib/auth/session-cookie.ts). Anything unexpected reads as signed out.
 */
export async function auth(): Promise<{ sessionId: string } | null> {
  const env = getEnv();
  const payload = await readSessionJwt((await cookies()).getAll(), {
    secret: env.AUTH_SECRET,
    secure: isHttpsAppUrl(env.APP_URL),
  });
  const sessionId = sessionIdOf(payload);
  return sessionId ? { sessionId } : null;
}
