// 申請者一覧: applicants newest first, searched by 申請ログインID, メールアドレス or 氏名 and
// filtered by 状態, in keyset pages of 50. Every condition here has an index behind it (see the
// migration 20261126122557_staff_list_indexes); scripts/bench/staff-lists.ts measures them.
import "server-only";
import { Prisma, type ApplicationStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { now } from "@/lib/clock";
import { emailKey } from "@/lib/schemas/normalize";
import { normalizeSearchQuery } from "@/lib/staff/search-query";
import {
  buildListPage,
  decodeListCursor,
  startsWithPattern,
  type ListCursor,
  type ListPage,
} from "@/lib/staff/list-cursor";
import {
  STAFF_LIST_PAGE_SIZE,
  type ApplicantListParams,
  type ApplicantListStatus,
} from "@/lib/staff/list-params";

export interface ApplicantListRow {
  id: string;
  loginId: string;
  name: string;
  email: string;
  issuedAt: Date;
  mustChangePassword: boolean;
  lockedUntil: Date | null;
  disabledAt: Date | null;
  /** Whether lockedUntil is still ahead at the instant the list was read. */
  isLocked: boolean;
  applicationId: string | null;
  applicationStatus: ApplicationStatus | null;
}

/** The 状態 column: 利用停止 wins over the password state. */
export function applicantStateLabel(
  row: Pick<ApplicantListRow, "disabledAt" | "mustChangePassword">,
): string {
  if (row.disabledAt) return "利用停止";
  return row.mustChangePassword ? "パスワード変更前" : "利用中";
}

/**
 * q matches the start of 申請ログインID (digits, after normalizeSearchQuery; spaces and hyphens
 * ignored), of メールアドレス (normalizeSearchQuery, compared by emailKey) or of 氏名 (as issued:
 * NFC, one space between words).
 * A whole value is a prefix of itself, so an exact value matches too.
 */
function searchCondition(q: string): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`p.name LIKE ${startsWithPattern(q)}`];
  const compatible = normalizeSearchQuery(q);
  const digits = compatible.replace(/[\s-]/g, "");
  if (/^\d{1,14}$/.test(digits)) conditions.push(Prisma.sql`p.login_id LIKE ${startsWithPattern(digits)}`);
  if (!/\s/.test(compatible)) {
    conditions.push(Prisma.sql`lower(p.email) LIKE ${startsWithPattern(emailKey(compatible))}`);
  }
  return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
}

function statusCondition(status: ApplicantListStatus, at: Date): Prisma.Sql | null {
  switch (status) {
    case "must-change-password":
      return Prisma.sql`p.must_change_password AND p.disabled_at IS NULL`;
    case "active":
      return Prisma.sql`NOT p.must_change_password AND p.disabled_at IS NULL`;
    case "locked":
      return Prisma.sql`p.locked_until > ${at}::timestamptz`;
    case "disabled":
      return Prisma.sql`p.disabled_at IS NOT NULL`;
    case "all":
      return null;
  }
}

type ApplicantQueryRow = Omit<ApplicantListRow, "isLocked">;

/** The page's SQL (one row more than a page, walked from the cursor); exported for EXPLAIN. */
export function buildApplicantListQuery(
  params: ApplicantListParams,
  cursor: ListCursor | null,
  at: Date,
): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const status = statusCondition(params.status, at);
  if (status) conditions.push(status);
  if (params.q) conditions.push(searchCondition(params.q));
  let order = Prisma.sql`p.issued_at DESC, p.id DESC`;
  if (cursor) {
    const key = Prisma.sql`(${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`;
    if (cursor.direction === "after") {
      conditions.push(Prisma.sql`(p.issued_at, p.id) < ${key}`);
    } else {
      conditions.push(Prisma.sql`(p.issued_at, p.id) > ${key}`);
      order = Prisma.sql`p.issued_at ASC, p.id ASC`;
    }
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return Prisma.sql`
    SELECT p.id, p.login_id AS "loginId", p.name, p.email, p.issued_at AS "issuedAt",
           p.must_change_password AS "mustChangePassword", p.locked_until AS "lockedUntil",
           p.disabled_at AS "disabledAt", a.id AS "applicationId", a.status AS "applicationStatus"
    FROM applicant p
    LEFT JOIN application a ON a.applicant_id = p.id
    ${where}
    ORDER BY ${order}
    LIMIT ${STAFF_LIST_PAGE_SIZE + 1}`;
}

export async function listApplicants(params: ApplicantListParams): Promise<ListPage<ApplicantListRow>> {
  const at = now();
  const cursor = decodeListCursor(params.cursor);
  const fetched = await db.$queryRaw<ApplicantQueryRow[]>(buildApplicantListQuery(params, cursor, at));
  const rows = fetched.map((row) => ({
    ...row,
    isLocked: row.lockedUntil !== null && row.lockedUntil > at,
  }));
  return buildListPage(rows, cursor, (row) => ({ sortKey: row.issuedAt, id: row.id }));
}
