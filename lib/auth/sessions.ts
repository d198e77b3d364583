// Server-side session rows. The next-auth JWT only names a row; every request checks the row,
// the user's session version, the idle limit and the absolute lifetime, so logout, password
// change and 利用停止 end sessions at once (a lockout only stops new sign-ins).
import { createHash, randomBytes } from "node:crypto";
import type { SessionRole } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";

type Client = Pick<DbClient, "authSession">;

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

export interface ValidSession {
  id: string;
  role: SessionRole;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** When the session ends if nothing happens (idle limit or absolute lifetime, whichever is first). */
  expiresAt: Date;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Touching lastSeenAt on every request would write on every page view; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  client: Client,
  input: {
    role: SessionRole;
    userId: string;
    sessionVersion: number;
    ip: string | null;
    userAgent: string | null;
    at: Date;
  },
): Promise<{ sessionId: string; ticket: string }> {
  const ticket = randomBytes(32).toString("base64url");
  const row = await client.authSession.create({
    data: {
      role: input.role,
      applicantId: input.role === "APPLICANT" ? input.userId : null,
      staffId: input.role === "STAFF" ? input.userId : null,
      sessionVersion: input.sessionVersion,
      createdAt: input.at,
      lastSeenAt: input.at,
      ticketHash: sha256(ticket),
      ip: input.ip?.slice(0, 64) ?? null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
    },
    select: { id: true },
  });
  return { sessionId: row.id, ticket };
}

/** next-auth's authorize(): accepts a ticket once, for a session that is still fresh. */
export async function consumeSessionTicket(
  client: Client,
  sessionId: string,
  ticket: string,
): Promise<boolean> {
  const result = await client.authSession.updateMany({
    where: { id: sessionId, ticketHash: sha256(ticket), revokedAt: null },
    data: { ticketHash: null },
  });
  return result.count === 1;
}

export function sessionExpiry(createdAt: Date, lastSeenAt: Date, policy: SessionPolicy): Date {
  return new Date(Math.min(lastSeenAt.getTime() + policy.idleMs, createdAt.getTime() + policy.maxMs));
}

export async function findValidSession(
  client: Client,
  sessionId: string,
  policy: SessionPolicy,
  at: Date,
  options: { touch: boolean } = { touch: true },
): Promise<ValidSession | null> {
  const row = await client.authSession.findUnique({
    where: { id: sessionId },
    include: {
      applicant: { select: { sessionVersion: true, disabledAt: true } },
      staff: { select: { sessionVersion: true, disabledAt: true } },
    },
  });
  if (!row || row.revokedAt || row.ticketHash) return null;
  const user = row.role === "APPLICANT" ? row.applicant : row.staff;
  const userId = row.role === "APPLICANT" ? row.applicantId : row.staffId;
  if (!user || !userId || user.disabledAt || user.sessionVersion !== row.sessionVersion) return null;
  const expiresAt = sessionExpiry(row.createdAt, row.lastSeenAt, policy);
  if (expiresAt <= at) return null;

  let lastSeenAt = row.lastSeenAt;
  if (options.touch && at.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await client.authSession.update({ where: { id: row.id }, data: { lastSeenAt: at } });
    lastSeenAt = at;
  }
  return {
    id: row.id,
    role: row.role,
    userId,
    createdAt: row.createdAt,
    lastSeenAt,
    expiresAt: sessionExpiry(row.createdAt, lastSeenAt, policy),
  };
}

/** The idle-warning dialog's 延長: counts as activity now. */
export async function extendSession(client: Client, sessionId: string, at: Date): Promise<void> {
  await client.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { lastSeenAt: at },
  });
}

/** Ends one session; returns whose it was, or null when it had already ended (or never existed). */
export async function revokeSession(
  client: Client,
  sessionId: string,
  at: Date,
): Promise<{ role: SessionRole; userId: string } | null> {
  const rows = await client.authSession.updateManyAndReturn({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: at },
    select: { role: true, applicantId: true, staffId: true },
  });
  const row = rows[0];
  const userId = row?.applicantId ?? row?.staffId;
  return row && userId ? { role: row.role, userId } : null;
}

export async function revokeAllSessions(
  client: Client,
  role: SessionRole,
  userId: string,
  at: Date,
): Promise<void> {
  await client.authSession.updateMany({
    where: {
      revokedAt: null,
      ...(role === "APPLICANT" ? { applicantId: userId } : { staffId: userId }),
    },
    data: { revokedAt: at },
  });
}
