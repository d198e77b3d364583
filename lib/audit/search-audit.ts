// 監査ログの検索: entries newest first (at DESC, id DESC) in keyset pages of 50, filtered by
// action, actor, target and period. Every filter has an index behind it: (action, at),
// (actor_id, at), (target_type, target_id) and (at).
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/audit-labels";
import type { AuditRow } from "@/lib/audit/describe-audit-entries";
import type { AuditSearchParams } from "@/lib/audit/audit-search-params";
import { jstDayEnd, jstDayStart } from "@/lib/format/jst-day";
import { buildListPage, type ListCursor, type ListPage } from "@/lib/staff/list-cursor";
import { STAFF_LIST_PAGE_SIZE } from "@/lib/staff/list-params";
import { emailKey } from "@/lib/schemas/normalize";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Audit ids are bigints, so the staff lists' cursor (uuid ids) is read by its own decoder. */
const auditCursorSchema = z.object({
  d: z.enum(["a", "b"]),
  t: z.iso.datetime(),
  i: z.string().regex(/^\d{1,19}$/),
});

export function decodeAuditCursor(text: string | undefined): ListCursor | null {
  if (!text || !/^[\w-]+$/.test(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = auditCursorSchema.safeParse(json);
  if (!parsed.success) return null;
  const { d, t, i } = parsed.data;
  return { direction: d === "a" ? "after" : "before", sortKey: new Date(t), id: i };
}

/**
 * The distinct values of an indexed column, one index probe each (a "loose index scan"): a
 * plain DISTINCT would read the whole table. Only the two columns below may be asked for.
 */
async function distinctValues(column: "action" | "target_type"): Promise<string[]> {
  const col = Prisma.raw(column);
  const rows = await db.$queryRaw<{ value: string | null }[]>`
    WITH RECURSIVE walk(value) AS (
      (SELECT ${col} FROM audit_log WHERE ${col} IS NOT NULL ORDER BY ${col} LIMIT 1)
      UNION ALL
      SELECT (SELECT ${col} FROM audit_log WHERE ${col} > walk.value ORDER BY ${col} LIMIT 1)
      FROM walk WHERE walk.value IS NOT NULL)
    SELECT value FROM walk WHERE value IS NOT NULL`;
  return rows.map((row) => row.value).filter((value): value is string => value !== null);
}

/** The 操作 choices: the known actions (in their label order), then any other recorded ones. */
export async function listAuditActions(): Promise<string[]> {
  const known = Object.keys(AUDIT_ACTION_LABELS);
  const recorded = await distinctValues("action");
  return [...known, ...recorded.filter((action) => !known.includes(action)).sort()];
}

const loginIdOf = (text: string) => {
  const digits = text.replace(/[\s-]/g, "");
  return /^\d{14}$/.test(digits) ? digits : null;
};

/**
 * 実行者 as typed → actor id: a staff e-mail, a 申請ログインID, or an id as it is.
 * undefined: no filter; null: nobody matches (the search then finds nothing).
 */
export async function resolveAuditActor(text: string): Promise<string | null | undefined> {
  if (!text) return undefined;
  if (UUID.test(text)) return text.toLowerCase();
  if (text.includes("@")) {
    const staff = await db.staffUser.findUnique({
      where: { email: emailKey(text) },
      select: { id: true },
    });
    return staff?.id ?? null;
  }
  const loginId = loginIdOf(text);
  if (!loginId) return null;
  const applicant = await db.applicant.findUnique({ where: { loginId }, select: { id: true } });
  return applicant?.id ?? null;
}

/** 対象ID as typed → target id: exact, except that a 申請ログインID stands for its applicant. */
async function resolveAuditTarget(text: string): Promise<string | undefined> {
  if (!text) return undefined;
  const loginId = loginIdOf(text);
  if (loginId) {
    const applicant = await db.applicant.findUnique({ where: { loginId }, select: { id: true } });
    if (applicant) return applicant.id;
  }
  return UUID.test(text) ? text.toLowerCase() : text;
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetId?: string;
  /** The known target types, so that (target_type, target_id) can be used for a bare id. */
  targetTypes?: string[];
  fromAt?: Date;
  toEnd?: Date;
}

/** The page's SQL (one row more than a page, walked from the cursor); exported for EXPLAIN. */
export function buildAuditQuery(filter: AuditFilter, cursor: ListCursor | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filter.action) conditions.push(Prisma.sql`action = ${filter.action}`);
  if (filter.actorId) conditions.push(Prisma.sql`actor_id = ${filter.actorId}`);
  if (filter.targetId) {
    conditions.push(Prisma.sql`target_type = ANY(${filter.targetTypes ?? []}::text[])`);
    conditions.push(Prisma.sql`target_id = ${filter.targetId}`);
  }
  if (filter.fromAt) conditions.push(Prisma.sql`at >= ${filter.fromAt}`);
  if (filter.toEnd) conditions.push(Prisma.sql`at < ${filter.toEnd}`);
  let order = Prisma.sql`at DESC, id DESC`;
  if (cursor) {
    const key = Prisma.sql`(${cursor.sortKey}::timestamptz, ${cursor.id}::bigint)`;
    if (cursor.direction === "after") {
      conditions.push(Prisma.sql`(at, id) < ${key}`);
    } else {
      conditions.push(Prisma.sql`(at, id) > ${key}`);
      order = Prisma.sql`at ASC, id ASC`;
    }
  }
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return Prisma.sql`
    SELECT id, at, actor_type AS "actorType", actor_id AS "actorId", action,
           target_type AS "targetType", target_id AS "targetId", ip, details
    FROM audit_log
    ${where}
    ORDER BY ${order}
    LIMIT ${STAFF_LIST_PAGE_SIZE + 1}`;
}

export type AuditSearchResult = ListPage<AuditRow> & { actorNotFound: boolean };

export async function searchAuditLog(params: AuditSearchParams): Promise<AuditSearchResult> {
  const cursor = decodeAuditCursor(params.cursor);
  const actorId = await resolveAuditActor(params.actor);
  if (actorId === null) {
    return {
      rows: [],
      nextCursor: null,
      previousCursor: null,
      isFirstPage: cursor === null,
      actorNotFound: true,
    };
  }
  const targetId = await resolveAuditTarget(params.target);
  const filter: AuditFilter = {
    action: params.action || undefined,
    actorId,
    targetId,
    targetTypes: targetId ? await distinctValues("target_type") : undefined,
    fromAt: params.from ? jstDayStart(params.from) : undefined,
    toEnd: params.to ? jstDayEnd(params.to) : undefined,
  };
  const fetched = await db.$queryRaw<AuditRow[]>(buildAuditQuery(filter, cursor));
  const page = buildListPage(fetched, cursor, (row) => ({ sortKey: row.at, id: row.id.toString() }));
  return { ...page, actorNotFound: false };
}
