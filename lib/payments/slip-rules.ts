// The words and names of 払込票の発送 that the page, its forms and the server share. Browser-safe.

export const SLIPS_PATH = "/staff/payments/slips";
/** The file input's name, and the id the error summary links to. */
export const SLIP_CSV_FIELD = "slipCsvFile";
export const SLIP_CSV_COLUMN = "申請番号";

export type SlipMarkOutcome = "marked" | "already-sent" | "not-found" | "no-slip" | "invalid" | "duplicate";

export const SLIP_MARK_OUTCOME_LABELS: Record<SlipMarkOutcome, string> = {
  marked: "発送済みにしました",
  "already-sent": "発送済みです（前に記録済みのため、変更していません）",
  "not-found": "この申請番号の申請はありません",
  "no-slip": "発送を待っている払込票がありません（別の方法で支払い済み、期限切れ、取消など）",
  invalid: "申請番号の形式ではありません（例：20261207-000001）",
  duplicate: "同じファイルの前の行と同じ申請番号です",
};

export interface SlipMarkResult {
  /** The row as Excel numbers it (CSV), or 1 for a single slip. */
  lineNumber: number;
  applicationNumber: string;
  outcome: SlipMarkOutcome;
}

export function isSlipMarkOutcome(value: unknown): value is SlipMarkOutcome {
  return typeof value === "string" && Object.hasOwn(SLIP_MARK_OUTCOME_LABELS, value);
}
