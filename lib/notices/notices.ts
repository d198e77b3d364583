// 通知: writing them (inside the event's transaction), counting the unread, listing newest first
// and opening one, which marks it read. Every read is scoped to the applicant it belongs to.
import "server-only";
import type { Notice, NoticeKind } from "@/lib/generated/prisma/client";
import { db, type DbTransaction } from "@/lib/db";
import { now } from "@/lib/clock";

export const NOTICES_PER_PAGE = 20;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CreateNoticeInput {
  applicantId: string;
  kind: NoticeKind;
  title: string;
  body: string;
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

/**
 * The applicant's own notice, marked read on its first opening (a later opening keeps the first
 * time). Null for a notice of someone else, a missing one and a malformed id alike.
 */
export async function openNotice(applicantId: string, noticeId: string): Promise<Notice | null> {
  if (!UUID_PATTERN.test(noticeId)) return null;
  await db.notice.updateMany({
    where: { id: noticeId, applicantId, readAt: null },
    data: { readAt: now() },
  });
  return db.notice.findFirst({ where: { id: noticeId, applicantId } });
}
