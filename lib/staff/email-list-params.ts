// The search parameters of メール送信状況, read from the page URL: 宛先 prefix, 状態, cursor.
// Like the other staff lists, a value that does not fit falls back to its default.
import { z } from "zod";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { EMAIL_STATUS_LABELS } from "@/lib/labels";
import { applicantListParamsSchema, firstValue, type RawSearchParams } from "@/lib/staff/list-params";
import { emailKey } from "@/lib/schemas/normalize";
import { normalizeSearchQuery } from "@/lib/staff/search-query";

export const EMAIL_LIST_STATUSES = ["all", "queued", "sending", "retrying", "sent", "failed"] as const;
export type EmailListStatus = (typeof EMAIL_LIST_STATUSES)[number];

export const EMAIL_LIST_STATUS_VALUES: Record<Exclude<EmailListStatus, "all">, EmailStatus> = {
  queued: "QUEUED",
  sending: "SENDING",
  retrying: "RETRYING",
  sent: "SENT",
  failed: "FAILED",
};

export const EMAIL_LIST_STATUS_LABELS: Record<EmailListStatus, string> = {
  all: "すべて",
  queued: EMAIL_STATUS_LABELS.QUEUED,
  sending: EMAIL_STATUS_LABELS.SENDING,
  retrying: EMAIL_STATUS_LABELS.RETRYING,
  sent: EMAIL_STATUS_LABELS.SENT,
  failed: EMAIL_STATUS_LABELS.FAILED,
};

// q and cursor read exactly as the other staff lists read them.
const { q: querySchema, cursor: cursorSchema } = applicantListParamsSchema.shape;

export const emailListParamsSchema = z.object({
  q: querySchema,
  status: firstValue.pipe(z.enum(EMAIL_LIST_STATUSES).catch("all")),
  cursor: cursorSchema,
});
export type EmailListParams = z.output<typeof emailListParamsSchema>;

export function parseEmailListParams(searchParams: RawSearchParams): EmailListParams {
  return emailListParamsSchema.parse(searchParams);
}

/** 宛先 as searched: normalizeSearchQuery, no spaces, compared by emailKey (any case). */
export function normalizeAddressQuery(q: string): string {
  return emailKey(normalizeSearchQuery(q).replace(/\s/g, ""));
}
