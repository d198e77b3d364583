// 申請一覧: sent applications (申請中 and later; 入力中 ones never), newest sending first,
// searched by 申請番号, 氏名 or 申請ログインID and filtered by status, in keyset pages of 50.
// The order (last_sent_at DESC, id ASC) is the one the existing indexes
// (status, last_sent_at DESC, id) and (last_sent_at DESC, id) already hold.
import "server-only";
import { Prisma, type ApplicationStatus, type RegistrationType } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { halfWidthDigits } from "@/lib/schemas/normalize";
import {
  buildListPage,
  decodeListCursor,
  startsWithPattern,
  type ListCursor,
  type ListPage,
} from "@/lib/staff/list-cursor";
import {
  STAFF_LIST_PAGE_SIZE,
  type ApplicationListParams,
  type ApplicationListStatus,
} from "@/lib/staff/list-params";

export interface ApplicationListRow {
  id: string;
  applicationNumber: string | null;
  status: ApplicationStatus;
  registrationType: RegistrationType | null;
  lastSentAt: Date;
  name: string;
  loginId: string;
}

const STATUS_FILTERS: Record<Exclude<ApplicationListStatus, "all">, ApplicationStatus> = {
  submitted: "SUBMITTED",
  returned: "RETURNED",
  resubmitted: "RESUBMITTED",
  completed: "COMPLETED",
  withdrawn: "WITHDRAWN",
};

function statusCondition(status: ApplicationListStatus): Prisma.Sql {
  // last_sent_at is set whenever an application is sent; the keyset needs it non-null anyway.
  if (status === "all") return Prisma.sql`a.status <> 'DRAFT' AND a.last_sent_at IS NOT NULL`;
  return Prisma.sql`a.status = ${STATUS_FILTERS[status]}::application_status AND a.last_sent_at IS NOT NULL`;
}

function cursorCondition(cursor: ListCursor | null): Prisma.Sql | null {
  if (!cursor) return null;
  const at = Prisma.sql`${cursor.sortKey}::timestamptz`;
  const id = Prisma.sql`${cursor.id}::uuid`;
  // Mixed directions (time descending, id ascending) rule out a row comparison; the first
  // half is the index condition, the second only sorts out rows sent at the same instant.
  return cursor.direction === "after"
    ? Prisma.sql`a.last_sent_at <= ${at} AND (a.last_sent_at < ${at} OR a.id > ${id})`
    : Prisma.sql`a.last_sent_at >= ${at} AND (a.last_sent_at > ${at} OR a.id < ${id})`;
}

/**
 * 申請番号 "YYYYMMDD-NNNNNN" as typed: digits and one hyphen after the date; 9 or more digits
 * without it get it back ("2026112600001" → "20261126-00001"). Null when q cannot be one.
 */
function applicationNumberPrefix(q: string): string | null {
  const value = halfWidthDigits(q.normalize("NFKC")).replace(/\s/g, "");
  if (/^\d{1,8}$/.test(value) || /^\d{8}-\d{0,6}$/.test(value)) return value;
  if (/^\d{9,14}$/.test(value)) return `${value.slice(0, 8)}-${value.slice(8)}`;
  return null;
}

/** 申請ログインID digits as typed (NFKC, spaces and hyphens ignored), or null. */
function loginIdPrefix(q: string): string | null {
  const value = q.normalize("NFKC").replace(/[\s-]/g, "");
  return /^\d{1,14}$/.test(value) ? value : null;
}

/** The page's SQL (one row more than a page, walked from the cursor); exported for EXPLAIN. */
export function buildApplicationListQuery(
  params: ApplicationListParams,
  cursor: ListCursor | null,
): Prisma.Sql {
  const isBackward = cursor?.direction === "before";
  const common = [statusCondition(params.status), cursorCondition(cursor)].filter(
    (condition): condition is Prisma.Sql => condition !== null,
  );
  const order = isBackward ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const idOrder = isBackward ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const limit = STAFF_LIST_PAGE_SIZE + 1;

  const select = (extra: Prisma.Sql | null) => Prisma.sql`
    SELECT a.id, a.application_number AS "applicationNumber", a.status,
           a.registration_type AS "registrationType", a.last_sent_at AS "lastSentAt",
           p.name, p.login_id AS "loginId"
    FROM application a
    JOIN applicant p ON p.id = a.applicant_id
    WHERE ${Prisma.join(extra ? [...common, extra] : common, " AND ")}
    ORDER BY a.last_sent_at ${order}, a.id ${idOrder}
    LIMIT ${limit}`;

  if (!params.q) return select(null);
  const onApplicant = [Prisma.sql`p.name LIKE ${startsWithPattern(params.q)}`];
  const loginId = loginIdPrefix(params.q);
  if (loginId) onApplicant.push(Prisma.sql`p.login_id LIKE ${startsWithPattern(loginId)}`);
  const applicantMatch = Prisma.sql`(${Prisma.join(onApplicant, " OR ")})`;
  const number = applicationNumberPrefix(params.q);
  if (!number) return select(applicantMatch);
  // An OR across the two tables defeats every index (a join of all rows, then a filter); the
  // best page of each side, merged, is the same page, and each side uses its own index.
  return Prisma.sql`
    SELECT * FROM (
      (${select(Prisma.sql`a.application_number LIKE ${startsWithPattern(number)}`)})
      UNION
      (${select(applicantMatch)})
    ) AS matched
    ORDER BY matched."lastSentAt" ${order}, matched.id ${idOrder}
    LIMIT ${limit}`;
}

export async function listApplications(params: ApplicationListParams): Promise<ListPage<ApplicationListRow>> {
  const cursor = decodeListCursor(params.cursor);
  const fetched = await db.$queryRaw<ApplicationListRow[]>(buildApplicationListQuery(params, cursor));
  return buildListPage(fetched, cursor, (row) => ({ sortKey: row.lastSentAt, id: row.id }));
}
