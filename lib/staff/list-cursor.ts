// Keyset paging for the staff lists: an opaque cursor names a row by its sort key and id, and a
// page is the rows just after (older) or just before (newer) it. No OFFSET, so a deep page costs
// what the first one does, and rows added meanwhile never shift a page by one.
import "server-only";
import { z } from "zod";
import { STAFF_LIST_PAGE_SIZE } from "@/lib/staff/list-params";

/** "after": the next (older) rows; "before": the previous (newer) rows. */
export type ListDirection = "after" | "before";

export interface ListCursor {
  direction: ListDirection;
  sortKey: Date;
  id: string;
}

const cursorPayloadSchema = z.object({
  d: z.enum(["a", "b"]),
  t: z.iso.datetime(),
  i: z.guid(),
});

export function encodeListCursor(cursor: ListCursor): string {
  const payload = {
    d: cursor.direction === "after" ? "a" : "b",
    t: cursor.sortKey.toISOString(),
    i: cursor.id,
  };
  return Buffer.from(JSON.stringify(payload)).toString("base64url");
}

/** The cursor, or null for anything that is not one of ours (then the list shows its first page). */
export function decodeListCursor(text: string | undefined): ListCursor | null {
  if (!text || !/^[\w-]+$/.test(text)) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorPayloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const { d, t, i } = parsed.data;
  return { direction: d === "a" ? "after" : "before", sortKey: new Date(t), id: i.toLowerCase() };
}

export interface ListPage<Row> {
  /** Newest first, at most STAFF_LIST_PAGE_SIZE. */
  rows: Row[];
  /** Cursor for 「次の50件」 (older rows), or null on the last page. */
  nextCursor: string | null;
  /** Cursor for 「前の50件」 (newer rows), or null on the first page. */
  previousCursor: string | null;
  /** Read without a (valid) cursor. */
  isFirstPage: boolean;
}

/**
 * Turns what a query fetched (up to one row more than a page, in the order it walked from the
 * cursor) into a page in display order with its cursors. A page reached through a cursor
 * always has rows on the side it came from.
 */
export function buildListPage<Row>(
  fetched: Row[],
  cursor: ListCursor | null,
  keyOf: (row: Row) => { sortKey: Date; id: string },
): ListPage<Row> {
  const hasMore = fetched.length > STAFF_LIST_PAGE_SIZE;
  const rows = fetched.slice(0, STAFF_LIST_PAGE_SIZE);
  const isBackward = cursor?.direction === "before";
  if (isBackward) rows.reverse();
  const hasNext = isBackward ? true : hasMore;
  const hasPrevious = isBackward ? hasMore : cursor !== null;
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows,
    nextCursor: hasNext && last ? encodeListCursor({ direction: "after", ...keyOf(last) }) : null,
    previousCursor: hasPrevious && first ? encodeListCursor({ direction: "before", ...keyOf(first) }) : null,
    isFirstPage: cursor === null,
  };
}

/** `LIKE` pattern for "starts with value": the value's own %, _ and \ match only themselves. */
export function startsWithPattern(value: string): string {
  return `${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
