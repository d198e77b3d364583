// next-auth (v5, Credentials, JWT). The JWT carries only the id of a server-side session row
// (lib/auth/sessions.ts); credentials are checked by lib/auth/authenticate.ts before signIn,
// which hands over a one-time ticket so the callback endpoint cannot be used to guess passwords.
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { consumeSessionTicket } from "@/lib/auth/sessions";

export const SESSION_PROVIDER_ID = "session-ticket";

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  return {
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        id: SESSION_PROVIDER_ID,
        credentials: { sessionId: {}, ticket: {} },
        authorize: async (credentials) => {
          const sessionId = typeof credentials.sessionId === "string" ? credentials.sessionId : "";
          const ticket = typeof credentials.ticket === "string" ? credentials.ticket : "";
          if (!/^[0-9a-f-]{36}$/.test(sessionId) || !ticket) return null;
          return (await consumeSessionTicket(db, sessionId, ticket)) ? { id: sessionId } : null;
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => {
        if (user?.id) token.sid = user.id;
        return token;
      },
      session: ({ session, token }) => ({
        expires: session.expires,
        sessionId: typeof token.sid === "string" ? token.sid : undefined,
      }),
    },
  };
});

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
}
