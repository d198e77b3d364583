// 通知: writing them (inside the event's transaction), counting the unread, listing newest first
// and opening one, which marks it read. Every read is scoped to the applicant it belongs to.
import "server-only";
import type { Notice, NoticeKind } from "@/lib/generated/prisma/client";
import { db, type DbTransaction } from "@/lib/db";
import { now } from "@/lib/clock";
import { fromJsonRows } from "@/lib/db/json-rows";
import { storedNoticeText, type NoticeMessage } from "@/lib/notices/notice-message";

export const NOTICES_PER_PAGE = 20;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreateNoticeInput {
  applicantId: string;
  kind: NoticeKind;
  title: string;
  /** The Japanese text only. */
  body: string;
  /** The body in every language (lib/notices/notice-texts.ts words it); none: Japanese only. */
  message?: NoticeMessage;
  linkPath?: string | null;
  at?: Date;
}

/** Writes one notice; pass the transaction of the event it tells about. */
export async function createNotice(tx: DbTransaction | typeof db, input: CreateNoticeInput): Promise<void> {
  await tx.notice.create({
    data: {
      applicantId: input.applicantId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      ...(input.message ? { message: input.message } : {}),
      linkPath: input.linkPath ?? null,
      createdAt: input.at ?? now(),
    },
  });
}

export async function countUnreadNotices(applicantId: string): Promise<number> {
  return db.notice.count({ where: { applicantId, readAt: null } });
}

/** What the list shows of a notice (the body only on its own page). */
export type NoticeSummary = Pick<Notice, "id" | "kind" | "title" | "createdAt" | "readAt">;

const summarySelect = { id: true, kind: true, title: true, createdAt: true, readAt: true } as const;

// A cursor is the last shown notice's position: "<createdAt in ms>_<id>".
function encodeCursor(notice: { createdAt: Date; id: string }): string {
  return `${notice.createdAt.getTime()}_${notice.id}`;
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  const match = /^(\d{1,15})_(.+)$/.exec(cursor ?? "");
  if (!match?.[1] || !match[2] || !UUID_PATTERN.test(match[2])) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2].toLowerCase() };
}

/** One page of an applicant's notices, newest first; an unreadable cursor means the first page. */
export async function listNotices(
  applicantId: string,
  page: { before?: string },
): Promise<{ notices: NoticeSummary[]; nextCursor: string | null }> {
  const after = decodeCursor(page.before);
  const rows = await db.notice.findMany({
    where: {
      applicantId,
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTICES_PER_PAGE + 1,
    select: summarySelect,
  });
  const notices = rows.slice(0, NOTICES_PER_PAGE);
  const last = notices.at(-1);
  return {
    notices,
    nextCursor: rows.length > NOTICES_PER_PAGE && last ? encodeCursor(last) : null,
  };
}

/** A notice as its page shows it: the message checked for its shape (null when it has none). */
export type OpenedNotice = Omit<Notice, "message"> & { message: NoticeMessage | null; unreadAfter: number };

/**
 * The applicant's own notice, marked read on its first opening (a later opening keeps the first
 * time), with the applicant's unread count after it (the menu's). Null for a notice of someone
 * else, a missing one and a malformed id alike. One statement: the UPDATE, the row and the count.
 */
export async function openNotice(applicantId: string, noticeId: string): Promise<OpenedNotice | null> {
  if (!UUID_PATTERN.test(noticeId)) return null;
  // The SELECT sees the rows as they were before the UPDATE in the same statement: the notice's
  // read_at comes from the UPDATE when it set it, and the count leaves the notice it opened out.
  // The message (jsonb) comes apart from the row: it is the notice's words, not columns to rename.
  const rows = await db.$queryRaw<{ notice: unknown; message: unknown; unread_after: number }[]>`
    WITH opened AS (
      UPDATE notice SET read_at = ${now()}
      WHERE id = ${noticeId}::uuid AND applicant_id = ${applicantId}::uuid AND read_at IS NULL
      RETURNING id, read_at
    )
    SELECT (to_jsonb(n) - 'message') || jsonb_build_object('read_at', COALESCE(o.read_at, n.read_at)) AS notice,
           n.message,
           (SELECT count(*)::int FROM notice u WHERE u.applicant_id = ${applicantId}::uuid AND u.read_at IS NULL)
             - (SELECT count(*)::int FROM opened) AS unread_after
    FROM notice n LEFT JOIN opened o ON o.id = n.id
    WHERE n.id = ${noticeId}::uuid AND n.applicant_id = ${applicantId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  const notice = fromJsonRows(row.notice) as Omit<Notice, "message">;
  return { ...notice, ...storedNoticeText(notice.body, row.message), unreadAfter: row.unread_after };
}
