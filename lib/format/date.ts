// Japan-time display of instants stored as UTC. Japan has no daylight saving time, so a fixed
// +09:00 offset is exact and avoids depending on the runtime's ICU time-zone data.

export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

export interface JstParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields of `d` as read in Asia/Tokyo. Throws on an invalid Date. */
export function toJstParts(d: Date): JstParts {
  const time = d.getTime();
  if (Number.isNaN(time)) {
    throw new RangeError("Invalid Date cannot be formatted in Japan time");
  }
  const shifted = new Date(time + JST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** `2025/12/17` */
export function formatJstDate(d: Date): string {
  const p = toJstParts(d);
  return `${String(p.year).padStart(4, "0")}/${pad2(p.month)}/${pad2(p.day)}`;
}

/** `2025/12/17 15:53` */
export function formatJstDateTime(d: Date): string {
  const p = toJstParts(d);
  return `${formatJstDate(d)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** `2025年12月17日 15:53` */
export function formatJstDateTimeJa(d: Date): string {
  const p = toJstParts(d);
  return `${p.year}年${p.month}月${p.day}日 ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** A stored date "2025-12-07" → "2025年12月7日"; a month "2025-12" → "2025年12月"; else as given. */
export function formatDateStringJa(value: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  return day ? `${year}年${Number(month)}月${Number(day)}日` : `${year}年${Number(month)}月`;
}
