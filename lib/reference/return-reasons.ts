// 不備 reasons staff pick from when they return an application, from data/return-reasons.csv
// (operators replace the file; see data/README.md). Read once per process. The parser, groupReasons
// and the labels in other languages are in lib/reference/return-reasons-csv.ts (pure).
import "server-only";
import { readReturnReasons } from "@/lib/reference/return-reason-labels";
import type { ReturnReason } from "@/lib/reference/return-reasons-csv";

export {
  RETURN_REASONS_CSV_HEADER,
  RETURN_REASONS_TRANSLATABLE,
  groupReasons,
  parseReturnReasonsCsv,
  reasonLabelParts,
  type ReturnReason,
  type ReturnReasonGroup,
} from "@/lib/reference/return-reasons-csv";

export { returnReasonsCsvPath } from "@/lib/reference/return-reason-labels";

/** The reasons from data/return-reasons.csv, in file order. Read on first use; throws if malformed. */
export function loadReturnReasons(): ReturnReason[] {
  // A copy: a caller that sorts or filters in place must not change the next caller's list.
  return [...readReturnReasons()];
}

/** A code's reason, e.g. to check what the staff form posted; undefined if not listed. */
export function findReturnReason(code: string): ReturnReason | undefined {
  return loadReturnReasons().find((reason) => reason.code === code);
}
