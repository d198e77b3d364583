// data/return-reasons.csv read once per process, without the server-only guard, so that the outbox
// worker (tsx, outside React's server build) can put a 不備 reason into the applicant's language
// when it renders the 不備 email; lib/reference/return-reasons.ts (server-only) serves the pages
// from the same read.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/locales";
import { describeError, log } from "@/lib/log";
import {
  parseReturnReasonsCsv,
  reasonLabelParts,
  type ReturnReason,
} from "@/lib/reference/return-reasons-csv";
import { joinNameParts, type NameParts } from "@/lib/reference/translated-name";

export const returnReasonsCsvPath = path.join(process.cwd(), "data", "return-reasons.csv");

let cached: readonly ReturnReason[] | undefined;

/** The reasons from data/return-reasons.csv, in file order. Read on first use; throws if malformed. */
export function readReturnReasons(): readonly ReturnReason[] {
  cached ??= parseReturnReasonsCsv(readFileSync(returnReasonsCsvPath, "utf8"), returnReasonsCsvPath);
  return cached;
}

/** The file's reasons for putting a label into words; none (and one error logged) when it cannot be read. */
let unreadableLogged = false;
function reasonsForWords(): readonly ReturnReason[] {
  try {
    return readReturnReasons();
  } catch (error) {
    // The staff review page still refuses a malformed file (lib/reference/return-reasons.ts); an
    // applicant's page or email only loses the translation and shows the stored Japanese.
    if (!unreadableLogged) {
      unreadableLogged = true;
      log.error("return reasons unreadable: labels shown as stored", { error: describeError(error) });
    }
    return [];
  }
}

/**
 * A stored reason label (the Japanese, as the review kept it) in `locale`, looked up in the file
 * when the page or email is rendered: a label the file no longer has, or a file that cannot be
 * read, leaves it as stored. Japanese never reads the file.
 */
export function returnReasonLabelIn(locale: Locale, label: string): NameParts {
  if (locale === "ja") return reasonLabelParts(locale, label, undefined);
  return reasonLabelParts(
    locale,
    label,
    reasonsForWords().find((reason) => reason.label === label),
  );
}

/** The same as one text, for an email line: "Your name does not match … (氏名が…)". */
export function returnReasonTextIn(locale: Locale, label: string): string {
  return joinNameParts(locale, returnReasonLabelIn(locale, label));
}
