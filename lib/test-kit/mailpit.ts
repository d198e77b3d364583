// The captured emails (test_captured_email) in Mailpit's API v1 shapes (issue 10), so a suite's
// Mailpit helpers work against <app>/__test__/mail: MessagesSummary, MessageSummary and Message
// with Mailpit's field names and types (github.com/axllent/mailpit, internal/storage/structs.go,
// server/apiv1/structs.go), and a subset of Mailpit's search syntax.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export interface MailpitAddress {
  Name: string;
  Address: string;
}

export interface MailpitMessageSummary {
  ID: string;
  MessageID: string;
  Read: boolean;
  From: MailpitAddress;
  To: MailpitAddress[];
  Cc: MailpitAddress[];
  Bcc: MailpitAddress[];
  ReplyTo: MailpitAddress[];
  Subject: string;
  Created: string;
  Username: string;
  Tags: string[];
  Size: number;
  Attachments: number;
  Snippet: string;
}

export interface MailpitMessage {
  ID: string;
  MessageID: string;
  From: MailpitAddress;
  To: MailpitAddress[];
  Cc: MailpitAddress[];
  Bcc: MailpitAddress[];
  ReplyTo: MailpitAddress[];
  ReturnPath: string;
  Subject: string;
  ListUnsubscribe: { Header: string; Links: string[]; Errors: string; HeaderPost: string };
  Date: string;
  Tags: string[];
  Username: string;
  Text: string;
  HTML: string;
  Size: number;
  Inline: never[];
  Attachments: never[];
}

export interface MailpitMessagesSummary {
  total: number;
  unread: number;
  count: number;
  messages_count: number;
  start: number;
  tags: string[];
  messages: MailpitMessageSummary[];
}

/** `"名前 <a@b>"`, `"<a@b>"` or `"a@b"` → Mailpit's address object. */
export function parseAddress(value: string): MailpitAddress {
  const match = /^\s*(.*?)\s*<([^<>]+)>\s*$/.exec(value);
  if (!match) return { Name: "", Address: value.trim() };
  return { Name: (match[1] ?? "").replace(/^"(.*)"$/, "$1"), Address: (match[2] ?? "").trim() };
}

/** Mailpit's snippet: the text with whitespace collapsed, up to 250 characters. */
export function snippetOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 250 ? `${flat.slice(0, 250)}...` : flat;
}

type CapturedRow = Prisma.TestCapturedEmailGetPayload<object>;

const sizeOf = (row: CapturedRow) =>
  Buffer.byteLength(row.subject) + Buffer.byteLength(row.text) + Buffer.byteLength(row.html);

/** The Message-ID as Mailpit shows it: without the angle brackets. */
const bareMessageId = (value: string | null) => (value ?? "").replace(/^<(.*)>$/, "$1");

export function toSummary(row: CapturedRow): MailpitMessageSummary {
  return {
    ID: row.id,
    MessageID: bareMessageId(row.messageId),
    Read: row.readAt !== null,
    From: parseAddress(row.fromAddress),
    To: [parseAddress(row.toAddress)],
    Cc: [],
    Bcc: [],
    ReplyTo: [],
    Subject: row.subject,
    Created: row.createdAt.toISOString(),
    Username: "",
    Tags: [],
    Size: sizeOf(row),
    Attachments: 0,
    Snippet: snippetOf(row.text),
  };
}

export function toMessage(row: CapturedRow): MailpitMessage {
  const from = parseAddress(row.fromAddress);
  return {
    ID: row.id,
    MessageID: bareMessageId(row.messageId),
    From: from,
    To: [parseAddress(row.toAddress)],
    Cc: [],
    Bcc: [],
    ReplyTo: [],
    ReturnPath: from.Address,
    Subject: row.subject,
    ListUnsubscribe: { Header: "", Links: [], Errors: "", HeaderPost: "" },
    Date: row.createdAt.toISOString(),
    Tags: [],
    Username: "",
    Text: row.text,
    HTML: row.html,
    Size: sizeOf(row),
    Inline: [],
    Attachments: [],
  };
}

// ---- search query (Mailpit syntax subset) ----

export interface SearchTerm {
  field: "to" | "from" | "subject" | "any";
  value: string;
  /** A leading "-" or "!": messages NOT matching. */
  negate: boolean;
}

/**
 * Parses a Mailpit search: `to:a@b from:x subject:"ID のお知らせ" word "a phrase"`, `-`/`!` to
 * negate a term. A bare word or phrase matches the subject or the text. Unknown `field:` prefixes
 * are kept as bare words (as Mailpit does). Matching is case-insensitive substring matching.
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const pattern = /([-!]?)(?:(to|from|subject):)?(?:"([^"]*)"|(\S+))/gi;
  for (const match of query.matchAll(pattern)) {
    const negate = match[1] !== "";
    const field = (match[2]?.toLowerCase() as SearchTerm["field"] | undefined) ?? "any";
    const value = (match[3] ?? match[4] ?? "").trim();
    if (value === "") continue;
    terms.push({ field, value, negate });
  }
  return terms;
}

function termWhere(term: SearchTerm): Prisma.TestCapturedEmailWhereInput {
  const contains = { contains: term.value, mode: "insensitive" as const };
  const where: Prisma.TestCapturedEmailWhereInput =
    term.field === "to"
      ? { toAddress: contains }
      : term.field === "from"
        ? { fromAddress: contains }
        : term.field === "subject"
          ? { subject: contains }
          : { OR: [{ subject: contains }, { text: contains }] };
  return term.negate ? { NOT: where } : where;
}

export function searchWhere(terms: SearchTerm[]): Prisma.TestCapturedEmailWhereInput {
  return { AND: terms.map(termWhere) };
}

// ---- queries ----

export interface ListOptions {
  start: number;
  limit: number;
  where?: Prisma.TestCapturedEmailWhereInput;
}

/** Newest first, as Mailpit lists. */
export async function listMessages({
  start,
  limit,
  where = {},
}: ListOptions): Promise<MailpitMessagesSummary> {
  const [total, unread, matching, rows] = await Promise.all([
    db.testCapturedEmail.count(),
    db.testCapturedEmail.count({ where: { readAt: null } }),
    db.testCapturedEmail.count({ where }),
    db.testCapturedEmail.findMany({ where, orderBy: { seq: "desc" }, skip: start, take: limit }),
  ]);
  return {
    total,
    unread,
    count: rows.length,
    messages_count: matching,
    start,
    tags: [],
    messages: rows.map(toSummary),
  };
}

/** One message by ID or "latest"; marks it read (as Mailpit does). Null when there is none. */
export async function readMessage(id: string): Promise<MailpitMessage | null> {
  const row =
    id === "latest"
      ? await db.testCapturedEmail.findFirst({ orderBy: { seq: "desc" } })
      : /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
        ? await db.testCapturedEmail.findUnique({ where: { id } })
        : null;
  if (!row) return null;
  if (row.readAt === null) {
    await db.testCapturedEmail.update({ where: { id: row.id }, data: { readAt: new Date() } });
  }
  return toMessage(row);
}

/** Deletes the given messages, or all (of one namespace when `ns` is given). */
export async function deleteMessages({ ids, ns }: { ids?: string[]; ns?: string }): Promise<number> {
  const where: Prisma.TestCapturedEmailWhereInput = {};
  if (ids && ids.length > 0) where.id = { in: ids };
  if (ns !== undefined) where.ns = ns;
  const { count } = await db.testCapturedEmail.deleteMany({ where });
  return count;
}

// ---- server-side wait (GET /__test__/mail/wait) ----

export interface WaitCriteria {
  to?: string;
  /** A substring of the subject. */
  subject?: string;
  ns?: string;
  /** Only emails captured after this instant. */
  after?: Date;
}

export function waitWhere(criteria: WaitCriteria): Prisma.TestCapturedEmailWhereInput {
  const where: Prisma.TestCapturedEmailWhereInput[] = [];
  if (criteria.to) where.push({ toAddress: { equals: criteria.to.trim(), mode: "insensitive" } });
  if (criteria.subject) where.push({ subject: { contains: criteria.subject } });
  if (criteria.ns) where.push({ ns: criteria.ns });
  if (criteria.after) where.push({ createdAt: { gt: criteria.after } });
  return { AND: where };
}

export const WAIT_POLL_MS = 200;

/**
 * Polls the captured emails until one matches (the newest matching is answered, marked read) or
 * `timeoutMs` passes (null). Stops early when `signal` aborts (the client went away).
 */
export async function waitForMessage(
  criteria: WaitCriteria,
  { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal },
): Promise<CapturedRow | null> {
  const where = waitWhere(criteria);
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.testCapturedEmail.findFirst({ where, orderBy: { seq: "desc" } });
    if (row) {
      if (row.readAt === null) {
        await db.testCapturedEmail.update({ where: { id: row.id }, data: { readAt: new Date() } });
      }
      return row;
    }
    const left = giveUpAt - Date.now();
    if (left <= 0 || signal?.aborted) return null;
    await new Promise((resolve) => setTimeout(resolve, Math.min(WAIT_POLL_MS, left)));
  }
}
