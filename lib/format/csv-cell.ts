// The one formula guard for every CSV this portal writes (一括発行の結果, 同意記録). A spreadsheet
// runs a cell that starts with = + - @ (or a tab or line break) as a formula, so a 氏名 or user agent
// typed by anyone could run on a staff member's PC (OWASP "CSV Injection"). Japanese Excel also
// takes the full-width ＝ ＋ － ＠ (and the small and minus forms) that way, so those count too, as
// does a trigger behind leading spaces. A leading ' makes such a cell plain text.
// Browser-safe: no node-only imports.

/** Characters that start a formula, in every width: = + - @, ＝ ＋ － ＠, ﹦ ﹢ ﹣ ﹫, − (minus sign). */
const FORMULA_START = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B\u2212]/;
/** Control characters that a spreadsheet may skip before reading a formula. */
const CONTROL_START = /^[\t\r\n]/;
/** Spaces (half- and full-width) that may stand before a formula character. */
const LEADING_SPACES = /^[ \u3000\u00A0]+/;

/** Whether a spreadsheet could read `value` as a formula. */
export function isFormulaLike(value: string): boolean {
  if (CONTROL_START.test(value)) return true;
  return FORMULA_START.test(value.replace(LEADING_SPACES, ""));
}

/** `value` as a cell that a spreadsheet shows as text: a leading ' when it could be a formula. */
export function csvTextCell(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}
