// Server-side session rows. The next-auth JWT only names a row; every request checks the row,
// the user's session version, the idle limit and the absolute lifetime, so logout, password
// change and 利用停止 end sessions at once (a lockout only stops new sign-ins).
import { createHash, randomBytes } from "node:crypto";
import type { SessionRole, StaffRole } from "@/lib/generated/prisma/client";
import type { DbClient } from "@/lib/db";

type Client = Pick<DbClient, "authSession" | "$queryRaw">;

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

/** The signed-in applicant's own columns, read with the session row. */
export interface SessionApplicant {
  id: string;
  loginId: string;
  name: string;
  email: string;
  mustChangePassword: boolean;
  /** The language chosen with the switcher (lib/i18n/locales.ts), null if never chosen. */
  preferredLocale: string | null;
  /** 通知 not yet opened (the menu's count), counted in the same statement. */
  unreadNotices: number;
}

/** The signed-in staff member's own columns, read with the session row. */
export interface SessionStaff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  mustChangePassword: boolean;
}

export type SessionWithUser = ValidSession &
  ({ role: "APPLICANT"; applicant: SessionApplicant } | { role: "STAFF"; staff: SessionStaff });

interface SessionUserRow {
  id: string;
  role: SessionRole;
  applicant_id: string | null;
  staff_id: string | null;
  session_version: number;
  created_at: Date;
  last_seen_at: Date;
  revoked_at: Date | null;
  has_ticket: boolean;
  user_session_version: number | null;
  user_disabled_at: Date | null;
  user_email: string | null;
  user_name: string | null;
  user_must_change_password: boolean | null;
  applicant_login_id: string | null;
  applicant_preferred_locale: string | null;
  staff_role: StaffRole | null;
  unread_notices: number | null;
}

/**
 * The session row and its user's row in one round trip: only the relation of the session's role
 * is joined (an applicant session never reads staff_user, and the other way round), and only the
 * columns the checks and the pages need. The checks themselves stay in findSessionWithUser.
 */
async function readSessionRow(client: Client, sessionId: string): Promise<SessionUserRow | null> {
  const rows = await client.$queryRaw<SessionUserRow[]>`
    SELECT s.id::text AS id, s.role::text AS role, s.applicant_id::text AS applicant_id,
           s.staff_id::text AS staff_id, s.session_version, s.created_at, s.last_seen_at,
           s.revoked_at, s.ticket_hash IS NOT NULL AS has_ticket,
           COALESCE(a.session_version, st.session_version) AS user_session_version,
           COALESCE(a.disabled_at, st.disabled_at) AS user_disabled_at,
           COALESCE(a.email, st.email) AS user_email,
           COALESCE(a.name, st.name) AS user_name,
           COALESCE(a.must_change_password, st.must_change_password) AS user_must_change_password,
           a.login_id AS applicant_login_id, a.preferred_locale AS applicant_preferred_locale,
           st.role::text AS staff_role,
           CASE WHEN a.id IS NULL THEN NULL ELSE (
             SELECT count(*)::int FROM notice n WHERE n.applicant_id = a.id AND n.read_at IS NULL
           ) END AS unread_notices
    FROM auth_session s
    LEFT JOIN applicant a ON s.role = 'APPLICANT' AND a.id = s.applicant_id
    LEFT JOIN staff_user st ON s.role = 'STAFF' AND st.id = s.staff_id
    WHERE s.id = ${sessionId}::uuid`;
  return rows[0] ?? null;
}

/**
 * The session if it is still valid — not revoked, its ticket used, the user neither disabled nor
 * past a session-version bump, within the idle limit and the absolute lifetime — with the user of
 * its role. Touches lastSeenAt at most once a minute.
 */
export async function findSessionWithUser(
  client: Client,
  sessionId: string,
  policy: SessionPolicy,
  at: Date,
  options: { touch: boolean } = { touch: true },
): Promise<SessionWithUser | null> {
  const row = await readSessionRow(client, sessionId);
  if (!row || row.revoked_at || row.has_ticket) return null;
  const userId = row.role === "APPLICANT" ? row.applicant_id : row.staff_id;
  if (
    !userId ||
    row.user_session_version === null ||
    row.user_disabled_at ||
    row.user_session_version !== row.session_version
  ) {
    return null;
  }
  const expiresAt = sessionExpiry(row.created_at, row.last_seen_at, policy);
  if (expiresAt <= at) return null;

  let lastSeenAt = row.last_seen_at;
  if (options.touch && at.getTime() - row.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
    await client.authSession.update({ where: { id: row.id }, data: { lastSeenAt: at } });
    lastSeenAt = at;
  }
  const session: ValidSession = {
    id: row.id,
    role: row.role,
    userId,
    createdAt: row.created_at,
    lastSeenAt,
    expiresAt: sessionExpiry(row.created_at, lastSeenAt, policy),
  };
  const common = {
    id: userId,
    email: row.user_email ?? "",
    name: row.user_name ?? "",
    mustChangePassword: row.user_must_change_password === true,
  };
  return row.role === "APPLICANT"
    ? {
        ...session,
        role: "APPLICANT",
        applicant: {
          ...common,
          loginId: row.applicant_login_id ?? "",
          preferredLocale: row.applicant_preferred_locale,
          unreadNotices: row.unread_notices ?? 0,
        },
      }
    : { ...session, role: "STAFF", staff: { ...common, role: row.staff_role ?? "STAFF" } };
}

/** findSessionWithUser without the user (the same single query and the same checks). */
export async function findValidSession(
  client: Client,
  sessionId: string,
  policy: SessionPolicy,
  at: Date,
  options: { touch: boolean } = { touch: true },
): Promise<ValidSession | null> {
  const found = await findSessionWithUser(client, sessionId, policy, at, options);
  return found && withoutUser(found);
}

/** The session of a SessionWithUser, without the user's columns. */
export function withoutUser(found: SessionWithUser): ValidSession {
  const { id, role, userId, createdAt, lastSeenAt, expiresAt } = found;
  return { id, role, userId, createdAt, lastSeenAt, expiresAt };
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
