// 申請一覧: sent applications (申請中 and later; 入力中 ones never), newest sending first,
// searched by 申請番号, 氏名 or 申請ログインID and filtered by status, in keyset pages of 50.
// The order (last_sent_at DESC, id ASC) is the one the existing indexes
// (status, last_sent_at DESC, id) and (last_sent_at DESC, id) already hold.
// 支払状況 is the status of the application's latest fee (登録料, or 詳細型への移行's later one): a
// filtered list joins application_fee on application_id (one probe of its unique
// (application_id, purpose) index per application walked, or, for a rare status, the fees of that
// status from the (status, due_at) index joined to their applications).
import "server-only";
import {
  Prisma,
  type ApplicationStatus,
  type FeeStatus,
  type RegistrationType,
} from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { normalizeSearchQuery } from "@/lib/staff/search-query";
import {
  buildListPage,
  decodeListCursor,
  startsWithPattern,
  type ListCursor,
  type ListPage,
} from "@/lib/staff/list-cursor";
import {
  APPLICATION_LIST_PAYMENT_STATUSES,
  STAFF_LIST_PAGE_SIZE,
  type ApplicationListParams,
  type ApplicationListPaymentFilter,
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
  /** The latest fee's status; null for an application that owes none (sent before payment began). */
  paymentStatus: FeeStatus | null;
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

/**
 * The application's latest fee as `f` (joined after `application a`). With a 支払状況 filter an
 * inner join on that status, the NOT EXISTS keeping it to the latest fee (an application has one
 * or two); without one, a left join of the latest fee for the column.
 */
function feeJoin(payment: ApplicationListPaymentFilter): Prisma.Sql {
  if (payment === "all") {
    return Prisma.sql`LEFT JOIN LATERAL (
      SELECT latest.status FROM application_fee latest
      WHERE latest.application_id = a.id ORDER BY latest.created_at DESC LIMIT 1
    ) AS f ON true`;
  }
  const status = APPLICATION_LIST_PAYMENT_STATUSES[payment];
  return Prisma.sql`JOIN application_fee f ON f.application_id = a.id
    AND f.status = ${status}::fee_status
    AND NOT EXISTS (
      SELECT 1 FROM application_fee newer
      WHERE newer.application_id = a.id AND newer.created_at > f.created_at
    )`;
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
 * 申請番号 "YYYYMMDD-NNNNNN" (the serial may grow past six digits) as typed: digits and one
 * hyphen after the date; 9 or more digits without it get it back ("2026112600001" →
 * "20261126-00001"). Null when q cannot be the start of one.
 */
function applicationNumberPrefix(q: string): string | null {
  const value = normalizeSearchQuery(q).replace(/\s/g, "");
  if (/^\d{1,8}$/.test(value) || /^\d{8}-\d{0,11}$/.test(value)) return value;
  if (/^\d{9,19}$/.test(value)) return `${value.slice(0, 8)}-${value.slice(8)}`;
  return null;
}

/** 申請ログインID digits as typed (normalizeSearchQuery, spaces and hyphens ignored), or null. */
function loginIdPrefix(q: string): string | null {
  const value = normalizeSearchQuery(q).replace(/[\s-]/g, "");
  return /^\d{1,14}$/.test(value) ? value : null;
}

/** q's conditions on the applicant (alias p): 氏名 prefix, and 申請ログインID prefix for digits. */
function applicantMatch(q: string): Prisma.Sql {
  const conditions = [Prisma.sql`p.name LIKE ${startsWithPattern(q)}`];
  const loginId = loginIdPrefix(q);
  if (loginId) conditions.push(Prisma.sql`p.login_id LIKE ${startsWithPattern(loginId)}`);
  return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
}

/**
 * Below this many matching applicants, their applications are fetched one by one (an index
 * probe each) and sorted; from it on, the applications are walked in list order instead, which
 * meets a page of matches soon when they are that common.
 */
export const FEW_MATCHING_APPLICANTS = 500;

/** Counts matching applicants up to FEW_MATCHING_APPLICANTS: a few index entries, never more. */
async function hasFewMatchingApplicants(q: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
    FROM (SELECT 1 FROM applicant p WHERE ${applicantMatch(q)} LIMIT ${FEW_MATCHING_APPLICANTS}) AS capped`;
  return (row?.n ?? 0) < FEW_MATCHING_APPLICANTS;
}

/**
 * The page's SQL (one row more than a page, walked from the cursor). With q, how the
 * applicant side is joined depends on hasFewMatchingApplicants: the planner's own guess of how
 * common a name prefix is was measured off by enough to pick a 160 ms plan for a rare name.
 */
export function buildApplicationListQuery(
  params: ApplicationListParams,
  cursor: ListCursor | null,
  fewMatchingApplicants = false,
): Prisma.Sql {
  const isBackward = cursor?.direction === "before";
  const common = [statusCondition(params.status), cursorCondition(cursor)].filter(
    (condition): condition is Prisma.Sql => condition !== null,
  );
  const order = isBackward ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const idOrder = isBackward ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const limit = STAFF_LIST_PAGE_SIZE + 1;
  const columnsWith = (paymentStatus: Prisma.Sql) => Prisma.sql`
    a.id, a.application_number AS "applicationNumber", a.status,
    a.registration_type AS "registrationType", a.last_sent_at AS "lastSentAt",
    p.name, p.login_id AS "loginId", ${paymentStatus} AS "paymentStatus"`;
  const columns = columnsWith(Prisma.sql`f.status`);
  const fees = feeJoin(params.payment);
  const orderBy = Prisma.sql`ORDER BY a.last_sent_at ${order}, a.id ${idOrder} LIMIT ${limit}`;
  const walkApplications = (extra: Prisma.Sql | null) => Prisma.sql`
    SELECT ${columns}
    FROM application a
    JOIN applicant p ON p.id = a.applicant_id
    ${fees}
    WHERE ${Prisma.join(extra ? [...common, extra] : common, " AND ")}
    ${orderBy}`;

  if (!params.q) return walkApplications(null);
  // OFFSET 0 keeps each subquery as written: the few applicants first, then one index probe
  // for each one's application.
  const applicantSide = fewMatchingApplicants
    ? Prisma.sql`
        SELECT ${columnsWith(Prisma.sql`a.fee_status`)}
        FROM (SELECT p.id, p.name, p.login_id FROM applicant p WHERE ${applicantMatch(params.q)} OFFSET 0) AS p
        CROSS JOIN LATERAL (
          SELECT a.*, f.status AS fee_status FROM application a ${fees}
          WHERE a.applicant_id = p.id AND ${Prisma.join(common, " AND ")} OFFSET 0
        ) AS a
        ${orderBy}`
    : walkApplications(applicantMatch(params.q));
  const number = applicationNumberPrefix(params.q);
  if (!number) return applicantSide;
  // An OR across the two tables defeats every index (a join of all rows, then a filter); the
  // best page of each side, merged, is the same page, and each side uses its own index.
  return Prisma.sql`
    SELECT * FROM (
      (${walkApplications(Prisma.sql`a.application_number LIKE ${startsWithPattern(number)}`)})
      UNION
      (${applicantSide})
    ) AS matched
    ORDER BY matched."lastSentAt" ${order}, matched.id ${idOrder}
    LIMIT ${limit}`;
}

/** The SQL listApplications runs for these parameters (it may first count matches); for EXPLAIN. */
export async function planApplicationListQuery(
  params: ApplicationListParams,
  cursor: ListCursor | null,
): Promise<Prisma.Sql> {
  const fewMatchingApplicants = params.q ? await hasFewMatchingApplicants(params.q) : false;
  return buildApplicationListQuery(params, cursor, fewMatchingApplicants);
}

export async function listApplications(params: ApplicationListParams): Promise<ListPage<ApplicationListRow>> {
  const cursor = decodeListCursor(params.cursor);
  const query = await planApplicationListQuery(params, cursor);
  const fetched = await db.$queryRaw<ApplicationListRow[]>(query);
  return buildListPage(fetched, cursor, (row) => ({ sortKey: row.lastSentAt, id: row.id }));
}
