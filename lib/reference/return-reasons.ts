// 不備 reasons staff pick from when they return an application, from data/return-reasons.csv
// (operators replace the file; see data/README.md). Read once per process. The parser
// (parseReturnReasonsCsv) and groupReasons are pure so that they can be tested without files.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { contentGroups } from "@/lib/registration/content-groups";
import { failCsvLine, parseSimpleCsv } from "@/lib/reference/simple-csv";

export interface ReturnReason {
  /** "PI_NAME": what the review stores. */
  readonly code: string;
  /** A content-group key ("personal-info"): the group the reason points the applicant to. */
  readonly groupKey: string;
  /** The group's label in lib/registration/content-groups.ts ("本人情報"). */
  readonly groupLabel: string;
  /** "氏名が本人確認書類と一致しません": shown to staff and in the 不備 email. */
  readonly label: string;
}

/** The reasons of one content group, for a fieldset of the staff form. */
export interface ReturnReasonGroup {
  groupKey: string;
  groupLabel: string;
  reasons: ReturnReason[];
}

export const RETURN_REASONS_CSV_HEADER = ["code", "group", "label"] as const;

export const returnReasonsCsvPath = path.join(process.cwd(), "data", "return-reasons.csv");

const CODE = /^[A-Z][A-Z0-9_]{0,31}$/;

/**
 * Parses the 不備 reasons CSV: header `code,group,label`, the same plain CSV as job-types.csv.
 * A code is 1–32 of A–Z, 0–9 and `_`, starting with a letter, and appears once; a group is a
 * content-group key; a label appears once and is never part of another label (staff pages use
 * labels as accessible names, which must not contain each other). Anything else throws an Error
 * naming the line. `source` names the file in messages.
 */
export function parseReturnReasonsCsv(text: string, source = "return-reasons.csv"): ReturnReason[] {
  const groupLabels = new Map(contentGroups.map((group) => [group.key, group.label]));
  const reasons: ReturnReason[] = [];
  const lineOfCode = new Map<string, number>();
  const lineOfLabel = new Map<string, number>();

  for (const { line, cells } of parseSimpleCsv(text, source, RETURN_REASONS_CSV_HEADER)) {
    const [code = "", groupKey = "", label = ""] = cells;
    if (code === "") failCsvLine(source, line, "code is empty");
    if (groupKey === "") failCsvLine(source, line, "group is empty");
    if (label === "") failCsvLine(source, line, "label is empty");
    if (!CODE.test(code)) {
      failCsvLine(
        source,
        line,
        `code must be 1–32 of A–Z, 0–9 and "_", starting with a letter, found "${code}"`,
      );
    }
    const groupLabel = groupLabels.get(groupKey);
    if (groupLabel === undefined) {
      failCsvLine(
        source,
        line,
        `unknown group "${groupKey}"; use one of ${[...groupLabels.keys()].join(", ")}`,
      );
    }
    const codeLine = lineOfCode.get(code);
    if (codeLine !== undefined) failCsvLine(source, line, `code ${code} already appears on line ${codeLine}`);
    const labelLine = lineOfLabel.get(label);
    if (labelLine !== undefined) {
      failCsvLine(source, line, `label "${label}" already appears on line ${labelLine}`);
    }
    for (const [other, otherLine] of lineOfLabel) {
      if (other.includes(label)) {
        failCsvLine(source, line, `label "${label}" is part of the label on line ${otherLine} ("${other}")`);
      }
      if (label.includes(other)) {
        failCsvLine(source, line, `label "${label}" contains the label on line ${otherLine} ("${other}")`);
      }
    }
    lineOfCode.set(code, line);
    lineOfLabel.set(label, line);
    reasons.push({ code, groupKey, groupLabel, label });
  }
  return reasons;
}

/** The reasons by content group, in task-list order (file order within a group); empty groups left out. */
export function groupReasons(reasons: readonly ReturnReason[]): ReturnReasonGroup[] {
  return contentGroups.flatMap((group) => {
    const inGroup = reasons.filter((reason) => reason.groupKey === group.key);
    return inGroup.length === 0 ? [] : [{ groupKey: group.key, groupLabel: group.label, reasons: inGroup }];
  });
}

let cached: readonly ReturnReason[] | undefined;

/** The reasons from data/return-reasons.csv, in file order. Read on first use; throws if malformed. */
export function loadReturnReasons(): ReturnReason[] {
  cached ??= parseReturnReasonsCsv(readFileSync(returnReasonsCsvPath, "utf8"), returnReasonsCsvPath);
  // A copy: a caller that sorts or filters in place must not change the next caller's list.
  return [...cached];
}

/** A code's reason, e.g. to check what the staff form posted; undefined if not listed. */
export function findReturnReason(code: string): ReturnReason | undefined {
  return loadReturnReasons().find((reason) => reason.code === code);
}
