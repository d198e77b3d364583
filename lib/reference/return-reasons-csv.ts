// 不備 reasons: the parser of data/return-reasons.csv and a reason's label in the applicant's
// language. Pure (no file access, not server-only); lib/reference/return-reasons.ts reads the file
// for the staff pages, lib/reference/return-reason-labels.ts for the 不備 email and 20_申請の修正.
import type { Locale } from "@/lib/i18n/locales";
import { contentGroups } from "@/lib/registration/content-groups";
import { failCsvLine, parseSimpleCsv, type Translations } from "@/lib/reference/simple-csv";
import { nameParts, type NameParts } from "@/lib/reference/translated-name";

export interface ReturnReason {
  /** "PI_NAME": what the review stores. */
  readonly code: string;
  /** A content-group key ("personal-info"): the group the reason points the applicant to. */
  readonly groupKey: string;
  /** The group's label in lib/registration/content-groups.ts ("本人情報"). */
  readonly groupLabel: string;
  /** "氏名が本人確認書類と一致しません": shown to staff and in the 不備 email. */
  readonly label: string;
  /** The label in other languages (label_<language> columns), when the file has them. */
  readonly labels?: Translations;
}

/** The reasons of one content group, for a fieldset of the staff form. */
export interface ReturnReasonGroup {
  groupKey: string;
  groupLabel: string;
  reasons: ReturnReason[];
}

export const RETURN_REASONS_CSV_HEADER = ["code", "group", "label"] as const;
/** The column that may have translation columns (label_en, label_vi, …; lib/reference/simple-csv.ts). */
export const RETURN_REASONS_TRANSLATABLE = ["label"] as const;

const CODE = /^[A-Z][A-Z0-9_]{0,31}$/;

/**
 * Parses the 不備 reasons CSV: header `code,group,label`, then optional translation columns
 * `label_<language>` (lib/reference/simple-csv.ts), the same plain CSV as job-types.csv.
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

  for (const { line, cells, translations } of parseSimpleCsv(
    text,
    source,
    RETURN_REASONS_CSV_HEADER,
    RETURN_REASONS_TRANSLATABLE,
  )) {
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
    reasons.push({
      code,
      groupKey,
      groupLabel,
      label,
      ...(translations.label ? { labels: translations.label } : {}),
    });
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

/**
 * A reason's label in `locale`: the file's translation with the Japanese label beside it; the
 * Japanese (lang "ja" in a page of another language) where the file has none. `reason` is
 * undefined for a stored label the file no longer has (shown as stored).
 */
export function reasonLabelParts(locale: Locale, label: string, reason: ReturnReason | undefined): NameParts {
  return nameParts(locale, label, locale === "ja" ? undefined : reason?.labels?.[locale]);
}
