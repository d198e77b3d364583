// メール送信状況: the outbox newest first, filtered by 状態 and searched by 宛先 (prefix,
// case-insensitive), in keyset pages of 50 ordered by (created_at DESC, id DESC).
// Indexes: the order walks email_outbox(created_at); a rare 状態 (送信失敗, 再送待ち …) can
// use (status, next_attempt_at) and sort its few rows. A 宛先 search uses
// email_outbox_to_address_lower_pattern_idx (lower(to_address) text_pattern_ops) and sorts its matches.
import "server-only";
import { Prisma, type EmailStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import {
  buildListPage,
  decodeListCursor,
  startsWithPattern,
  type ListCursor,
  type ListPage,
} from "@/lib/staff/list-cursor";
import { STAFF_LIST_PAGE_SIZE } from "@/lib/staff/list-params";
import {
  EMAIL_LIST_STATUS_VALUES,
  normalizeAddressQuery,
  type EmailListParams,
} from "@/lib/staff/email-list-params";

export interface EmailListRow {
  id: string;
  template: string;
  toAddress: string;
  status: EmailStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  /** Whether the encrypted secret part is still stored (never the secret itself). */
  hasSecret: boolean;
  /** The template data, read only for FAILED rows (to tell whether they can be sent again). */
  failedPayload: unknown;
  /** The applicant the email was about (FAILED rows with a loginId in their data), for a link. */
  applicantId: string | null;
}

/** The page's SQL (one row more than a page, walked from the cursor); exported for EXPLAIN. */
export function buildEmailListQuery(params: EmailListParams, cursor: ListCursor | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (params.status !== "all") {
    conditions.push(Prisma.sql`e.status = ${EMAIL_LIST_STATUS_VALUES[params.status]}::email_status`);
  }
  const address = normalizeAddressQuery(params.q);
  if (address) conditions.push(Prisma.sql`lower(e.to_address) LIKE ${startsWithPattern(address)}`);
  let order = Prisma.sql`e.created_at DESC, e.id DESC`;
  if (cursor) {
    const key = Prisma.sql`(${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`;
    if (cursor.direction === "after") {
      conditions.push(Prisma.sql`(e.created_at, e.id) < ${key}`);
    } else {
      conditions.push(Prisma.sql`(e.created_at, e.id) > ${key}`);
      order = Prisma.sql`e.created_at ASC, e.id ASC`;
    }
  }
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
  return Prisma.sql`
    SELECT e.id, e.template, e.to_address AS "toAddress", e.status, e.attempts,
           e.next_attempt_at AS "nextAttemptAt", e.last_error AS "lastError", e.sent_at AS "sentAt",
           e.created_at AS "createdAt", (e.secret_payload IS NOT NULL) AS "hasSecret",
           CASE WHEN e.status = 'FAILED' THEN e.payload END AS "failedPayload",
           p.id AS "applicantId"
    FROM email_outbox e
    LEFT JOIN applicant p ON e.status = 'FAILED' AND p.login_id = e.payload->>'loginId'
    ${where}
    ORDER BY ${order}
    LIMIT ${STAFF_LIST_PAGE_SIZE + 1}`;
}

export async function listEmails(params: EmailListParams): Promise<ListPage<EmailListRow>> {
  const cursor = decodeListCursor(params.cursor);
  const fetched = await db.$queryRaw<EmailListRow[]>(buildEmailListQuery(params, cursor));
  return buildListPage(fetched, cursor, (row) => ({ sortKey: row.createdAt, id: row.id }));
}
