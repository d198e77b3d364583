// The 同意日 filter of the consent export, shared by its page (the form) and its route (the CSV).
import { parseDateRange, type DateRangeResult } from "@/lib/schemas/date-range";

export const CONSENT_FILTER_LABELS = { from: "同意日（から）", to: "同意日（まで）" } as const;

export function parseConsentExportFilter(input: { from?: unknown; to?: unknown }): DateRangeResult {
  return parseDateRange(input, CONSENT_FILTER_LABELS);
}
