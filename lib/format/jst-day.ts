// Japan-time calendar days as UTC instants, for date filters ("2026-11-26" means that day in
// Japan), and a to-the-second Japan-time stamp for exports. Japan has no DST: +09:00 is exact.
import { JST_OFFSET_MS, toJstParts } from "@/lib/format/date";

const DAY_MS = 86_400_000;

/** The start of a "YYYY-MM-DD" day in Japan time. */
export function jstDayStart(ymd: string): Date {
  const [year, month, day] = ymd.split("-").map(Number);
  return new Date(Date.UTC(year ?? NaN, (month ?? NaN) - 1, day ?? NaN) - JST_OFFSET_MS);
}

/** The start of the day after a "YYYY-MM-DD" day in Japan time: the exclusive end of that day. */
export function jstDayEnd(ymd: string): Date {
  return new Date(jstDayStart(ymd).getTime() + DAY_MS);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** `2026/11/26 09:05:03` */
export function formatJstDateTimeSeconds(d: Date): string {
  const p = toJstParts(d);
  return `${p.year}/${pad2(p.month)}/${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

/** `20261126`, e.g. for a file name. */
export function formatJstCompactDate(d: Date): string {
  const p = toJstParts(d);
  return `${p.year}${pad2(p.month)}${pad2(p.day)}`;
}
