// The search parameters of the staff lists (申請者一覧, 申請一覧), read from the page URL.
// A list page must always render: a value that does not fit falls back to its default
// (no filter, first page) instead of failing.
import { z } from "zod";
import type { FeeStatus } from "@/lib/generated/prisma/client";
import { FEE_STATUS_LABELS } from "@/lib/payments/labels";

export const STAFF_LIST_PAGE_SIZE = 50;
export const STAFF_LIST_QUERY_MAX = 100;

export const APPLICANT_LIST_STATUSES = [
  "all",
  "must-change-password",
  "active",
  "locked",
  "disabled",
] as const;
export type ApplicantListStatus = (typeof APPLICANT_LIST_STATUSES)[number];

export const APPLICANT_LIST_STATUS_LABELS: Record<ApplicantListStatus, string> = {
  all: "すべて",
  "must-change-password": "パスワード変更前",
  active: "利用中",
  locked: "ロック中",
  disabled: "利用停止",
};

/** "all" is every sent application (申請中 and later); 入力中 ones are never listed. */
export const APPLICATION_LIST_STATUSES = [
  "all",
  "submitted",
  "returned",
  "resubmitted",
  "completed",
  "withdrawn",
] as const;
export type ApplicationListStatus = (typeof APPLICATION_LIST_STATUSES)[number];

export const APPLICATION_LIST_STATUS_LABELS: Record<ApplicationListStatus, string> = {
  all: "すべて",
  submitted: "申請中",
  returned: "不備",
  resubmitted: "再申請",
  completed: "登録完了",
  withdrawn: "取下げ",
};

/**
 * 申請一覧's 支払状況 (the status of the application's latest fee). The review queue shows paid
 * applications unless staff choose otherwise, so "paid" comes first: it is the default.
 */
export const APPLICATION_LIST_PAYMENT_FILTERS = [
  "paid",
  "unpaid",
  "expired",
  "refunded",
  "canceled",
  "all",
] as const;
export type ApplicationListPaymentFilter = (typeof APPLICATION_LIST_PAYMENT_FILTERS)[number];
export const DEFAULT_APPLICATION_LIST_PAYMENT: ApplicationListPaymentFilter = "paid";

/** The fee status each 支払状況 value lists ("all": every application, with a fee or not). */
export const APPLICATION_LIST_PAYMENT_STATUSES: Record<
  Exclude<ApplicationListPaymentFilter, "all">,
  FeeStatus
> = {
  paid: "PAID",
  unpaid: "UNPAID",
  expired: "EXPIRED",
  refunded: "REFUNDED",
  canceled: "CANCELED",
};

export const APPLICATION_LIST_PAYMENT_LABELS: Record<ApplicationListPaymentFilter, string> = {
  paid: FEE_STATUS_LABELS.PAID,
  unpaid: FEE_STATUS_LABELS.UNPAID,
  expired: FEE_STATUS_LABELS.EXPIRED,
  refunded: FEE_STATUS_LABELS.REFUNDED,
  canceled: FEE_STATUS_LABELS.CANCELED,
  all: "すべて",
};

/** What Next.js hands a page as searchParams. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A repeated parameter (?q=a&q=b) counts by its first value. */
export const firstValue = z.preprocess(
  (value: unknown): unknown => (Array.isArray(value) ? (value[0] as unknown) : value),
  z.unknown(),
);

/**
 * Trimmed, inner spaces (full-width too) collapsed; at most STAFF_LIST_QUERY_MAX characters.
 * Control characters count as spaces: PostgreSQL refuses a NUL in a text parameter, so a
 * `?q=%00` would otherwise fail the page's search query (found by the attack suite).
 */
const querySchema = firstValue.pipe(
  z
    .string()
    .transform((value) =>
      Array.from(
        value
          .normalize("NFC")
          .replace(/[\p{Cc}\s]+/gu, " ")
          .trim(),
      )
        .slice(0, STAFF_LIST_QUERY_MAX)
        .join("")
        .trim(),
    )
    .catch(""),
);

const cursorSchema = firstValue.pipe(z.string().max(200).optional().catch(undefined));

function statusSchema<const T extends readonly [string, ...string[]]>(values: T) {
  return firstValue.pipe(z.enum(values).catch(values[0]));
}

export const applicantListParamsSchema = z.object({
  q: querySchema,
  status: statusSchema(APPLICANT_LIST_STATUSES),
  cursor: cursorSchema,
});
export type ApplicantListParams = z.output<typeof applicantListParamsSchema>;

export const applicationListParamsSchema = z.object({
  q: querySchema,
  status: statusSchema(APPLICATION_LIST_STATUSES),
  payment: statusSchema(APPLICATION_LIST_PAYMENT_FILTERS),
  cursor: cursorSchema,
});
export type ApplicationListParams = z.output<typeof applicationListParamsSchema>;

export function parseApplicantListParams(searchParams: RawSearchParams): ApplicantListParams {
  return applicantListParamsSchema.parse(searchParams);
}

export function parseApplicationListParams(searchParams: RawSearchParams): ApplicationListParams {
  return applicationListParamsSchema.parse(searchParams);
}

/**
 * The list URL for these parameters; the defaults are left out so the first page is plain
 * (payment: 申請一覧's 支払状況, whose default is "paid").
 */
export function staffListHref(
  path: string,
  params: { q: string; status: string; payment?: string; cursor?: string | null },
): string {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.status !== "all") query.set("status", params.status);
  if (params.payment !== undefined && params.payment !== DEFAULT_APPLICATION_LIST_PAYMENT)
    query.set("payment", params.payment);
  if (params.cursor) query.set("cursor", params.cursor);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
