// A from/to filter of whole days in Japan time (同意日, 監査ログの期間), read from a URL.
// Either end may be left empty. Typed dates are forgiving: full-width digits, "/" or ".", and
// one-digit months and days are accepted ("２０２６/1/5" → "2026-01-05").
export interface DateRange {
  from: string | null;
  to: string | null;
}

export interface DateRangeResult {
  range: DateRange;
  /** Messages by field ("from" / "to"); empty when the range can be used. */
  errors: Partial<Record<keyof DateRange, string>>;
  /** What was typed, to put back into the fields. */
  values: Record<keyof DateRange, string>;
}

const firstString = (value: unknown): string =>
  typeof (Array.isArray(value) ? value[0] : value) === "string"
    ? String(Array.isArray(value) ? value[0] : value)
    : "";

/** "YYYY-MM-DD" for a real calendar date, or null. */
export function normalizeDate(text: string): string | null {
  const value = text.normalize("NFKC").trim();
  const match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function parseDateRange(
  input: { from?: unknown; to?: unknown },
  labels: Record<keyof DateRange, string>,
): DateRangeResult {
  const values = { from: firstString(input.from).slice(0, 40), to: firstString(input.to).slice(0, 40) };
  const errors: DateRangeResult["errors"] = {};
  const read = (key: keyof DateRange): string | null => {
    if (values[key].trim() === "") return null;
    const date = normalizeDate(values[key]);
    if (!date)
      errors[key] = `${labels[key]}は、2026-04-01 のように年-月-日で、実在する日付を入力してください。`;
    return date;
  };
  const from = read("from");
  const to = read("to");
  if (from && to && from > to)
    errors.to = `${labels.to}は、${labels.from}と同じ日か、それより後の日付を入力してください。`;
  return { range: { from, to }, errors, values };
}
