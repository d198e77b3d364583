// The search parameters of 監査ログ, read from the page URL: 操作 (an action code), 実行者 (staff
// e-mail or 申請ログインID), 対象ID, 期間 (Japan-time days) and the page cursor.
import { parseDateRange, type DateRangeResult } from "@/lib/schemas/date-range";
import type { RawSearchParams } from "@/lib/staff/list-params";
import { normalizeSearchQuery } from "@/lib/staff/search-query";

export const AUDIT_PERIOD_LABELS = { from: "期間（から）", to: "期間（まで）" } as const;

export interface AuditSearchParams {
  /** An exact action code, or "" for every action. */
  action: string;
  /** As typed: a staff e-mail, a 申請ログインID or an id; "" for anyone. */
  actor: string;
  /** As typed: a target id (or a 申請ログインID); "" for any target. */
  target: string;
  from: string | null;
  to: string | null;
  cursor: string | undefined;
}

export interface ParsedAuditSearch {
  params: AuditSearchParams;
  /** What goes back into the form fields. */
  values: { action: string; actor: string; target: string; from: string; to: string };
  errors: DateRangeResult["errors"];
}

const first = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value) ?? "";

const text = (value: string | string[] | undefined, max: number) =>
  Array.from(normalizeSearchQuery(first(value)))
    .slice(0, max)
    .join("");

export function parseAuditSearchParams(searchParams: RawSearchParams): ParsedAuditSearch {
  const actionText = first(searchParams.action).trim();
  const action = /^[A-Za-z0-9._-]{1,64}$/.test(actionText) ? actionText : "";
  const actor = text(searchParams.actor, 254);
  const target = text(searchParams.target, 64);
  const period = parseDateRange({ from: searchParams.from, to: searchParams.to }, AUDIT_PERIOD_LABELS);
  const cursorText = first(searchParams.cursor);
  return {
    params: {
      action,
      actor,
      target,
      from: period.range.from,
      to: period.range.to,
      cursor: cursorText && cursorText.length <= 200 ? cursorText : undefined,
    },
    values: { action, actor, target, from: period.values.from, to: period.values.to },
    errors: period.errors,
  };
}

/** The page URL for these parameters; empty ones are left out. */
export function auditSearchHref(params: AuditSearchParams, cursor?: string | null): string {
  const query = new URLSearchParams();
  if (params.action) query.set("action", params.action);
  if (params.actor) query.set("actor", params.actor);
  if (params.target) query.set("target", params.target);
  if (params.from) query.set("from", params.from);
  if (params.to) query.set("to", params.to);
  if (cursor) query.set("cursor", cursor);
  const search = query.toString();
  return search ? `/staff/audit?${search}` : "/staff/audit";
}
