// The weekly maintenance window (Japan time) as data: parsed from a configuration string such as
// "thu 20:00-fri 07:00", evaluated against an instant, and described for the login page notice.
import { JST_OFFSET_MS } from "@/lib/format/date";

export const DEFAULT_MAINTENANCE_WINDOWS = "thu 20:00-fri 07:00";

export interface WeeklyTime {
  /** 0 = Sunday … 6 = Saturday, Japan time */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
}

export interface MaintenanceWindow {
  /** Inclusive. */
  readonly start: WeeklyTime;
  /** Exclusive. When it is not after `start` in the week, the window wraps over the week end. */
  readonly end: WeeklyTime;
}

export interface ActiveMaintenanceWindow {
  start: Date;
  end: Date;
}

const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const WEEKDAY_JA = ["日", "月", "火", "水", "木", "金", "土"] as const;

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const WEEK_MS = 7 * DAY_MS;

const WINDOW_PATTERN = /^([a-z]{3})\s+(\d{1,2}):(\d{2})\s*-\s*([a-z]{3})\s+(\d{1,2}):(\d{2})$/i;

function parseWeekday(token: string, entry: string): number {
  const index = WEEKDAY_KEYS.findIndex((key) => key === token.toLowerCase());
  if (index < 0) {
    throw new Error(
      `Invalid maintenance window "${entry}": unknown weekday "${token}" (use sun, mon, tue, wed, thu, fri or sat)`,
    );
  }
  return index;
}

function parseTime(hourText: string, minuteText: string, entry: string): { hour: number; minute: number } {
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59) {
    throw new Error(
      `Invalid maintenance window "${entry}": time ${hourText}:${minuteText} is not a valid 24-hour HH:MM`,
    );
  }
  return { hour, minute };
}

function minuteOfWeek(t: WeeklyTime): number {
  return (t.weekday * 24 + t.hour) * 60 + t.minute;
}

/** Start and end as milliseconds from Sunday 00:00 JST; `end` exceeds one week when the window wraps. */
function windowSpanMs(w: MaintenanceWindow): { startMs: number; endMs: number } {
  const startMs = minuteOfWeek(w.start) * MINUTE_MS;
  let endMs = minuteOfWeek(w.end) * MINUTE_MS;
  if (endMs <= startMs) endMs += WEEK_MS;
  return { startMs, endMs };
}

/**
 * Parses `"thu 20:00-fri 07:00"`, several separated by commas. Weekdays are sun..sat
 * (case-insensitive), times HH:MM in 24-hour Japan time. An empty string means no windows.
 */
export function parseMaintenanceWindows(spec: string): MaintenanceWindow[] {
  if (spec.trim() === "") return [];
  return spec.split(",").map((raw) => {
    const entry = raw.trim();
    const match = WINDOW_PATTERN.exec(entry);
    if (!match) {
      throw new Error(
        `Invalid maintenance window "${entry}": expected "<day> HH:MM-<day> HH:MM", e.g. "thu 20:00-fri 07:00"`,
      );
    }
    const [, startDay = "", startHour = "", startMinute = "", endDay = "", endHour = "", endMinute = ""] =
      match;
    const window: MaintenanceWindow = {
      start: { weekday: parseWeekday(startDay, entry), ...parseTime(startHour, startMinute, entry) },
      end: { weekday: parseWeekday(endDay, entry), ...parseTime(endHour, endMinute, entry) },
    };
    if (minuteOfWeek(window.start) === minuteOfWeek(window.end)) {
      throw new Error(`Invalid maintenance window "${entry}": start and end are the same time`);
    }
    return window;
  });
}

/**
 * The window `now` falls in (start inclusive, end exclusive), evaluated in Japan time, with its
 * absolute start and end. Windows that touch or overlap are followed so that `end` is when the
 * system is really available again (the value for Retry-After).
 */
export function findMaintenanceWindow(
  now: Date,
  windows: readonly MaintenanceWindow[],
): ActiveMaintenanceWindow | null {
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new RangeError("Invalid Date");

  // Offset of an instant from the most recent Sunday 00:00 JST.
  const offsetInWeek = (instantMs: number): number => {
    const local = instantMs + JST_OFFSET_MS;
    const dayIndex = Math.floor(local / DAY_MS);
    // 1970-01-01 was a Thursday (weekday 4).
    const weekday = (((dayIndex + 4) % 7) + 7) % 7;
    return weekday * DAY_MS + (((local % DAY_MS) + DAY_MS) % DAY_MS);
  };

  // The containing occurrence of any window at `instantMs`, as absolute start/end.
  const containing = (instantMs: number): { start: number; end: number } | null => {
    const offset = offsetInWeek(instantMs);
    let best: { start: number; end: number } | null = null;
    for (const w of windows) {
      const { startMs, endMs } = windowSpanMs(w);
      for (const position of [offset, offset + WEEK_MS]) {
        if (position >= startMs && position < endMs) {
          const start = instantMs - (position - startMs);
          const end = start + (endMs - startMs);
          if (!best || end > best.end) best = { start, end };
        }
      }
    }
    return best;
  };

  const first = containing(nowMs);
  if (!first) return null;
  const { start } = first;
  let { end } = first;
  // Follow adjacent windows; bounded so that windows covering the whole week cannot loop forever.
  for (let i = 0; i < windows.length; i++) {
    const next = containing(end);
    if (!next || next.end <= end) break;
    end = next.end;
  }
  return { start: new Date(start), end: new Date(end) };
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function formatClock(t: WeeklyTime): string {
  return `${pad2(t.hour)}:${pad2(t.minute)}`;
}

export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/**
 * The words a description is made of. Japanese is built in (the maintenance page of proxy.ts and
 * the staff's uses); the applicant's login page and the maintenance page pass their language's
 * unavailable.schedule messages (issue 15), whose Japanese reads exactly as these.
 */
export interface MaintenanceWording {
  weekday(day: WeekdayKey): string;
  /** A weekday and a time: `木曜日 20:00`. */
  dayTime(day: string, time: string): string;
  /** The next day's time: `翌07:00`. */
  nextDay(time: string): string;
  /** A time a week later: `翌週木曜日 07:00`. */
  nextWeek(day: string, time: string): string;
  /** `毎週木曜日 20:00 ～ 翌07:00` */
  window(start: string, end: string): string;
  /** Two descriptions in a row: `…、…`. */
  join(first: string, rest: string): string;
}

export const JAPANESE_MAINTENANCE_WORDING: MaintenanceWording = {
  weekday: (day) => `${WEEKDAY_JA[WEEKDAY_KEYS.indexOf(day)] ?? "?"}曜日`,
  dayTime: (day, time) => `${day} ${time}`,
  nextDay: (time) => `翌${time}`,
  nextWeek: (day, time) => `翌週${day} ${time}`,
  window: (start, end) => `毎週${start} ～ ${end}`,
  join: (first, rest) => `${first}、${rest}`,
};

/** A wording from messages named after its parts (unavailable.schedule: day.thu, dayTime, …). */
export function maintenanceWordingFrom(
  say: (
    part: `day.${WeekdayKey}` | "dayTime" | "nextDay" | "nextWeek" | "window" | "separator",
    values?: Record<string, string>,
  ) => string,
): MaintenanceWording {
  return {
    weekday: (day) => say(`day.${day}`),
    dayTime: (day, time) => say("dayTime", { day, time }),
    nextDay: (time) => say("nextDay", { time }),
    nextWeek: (day, time) => say("nextWeek", { day, time }),
    window: (start, end) => say("window", { start, end }),
    join: (first, rest) => say("separator", { first, rest }),
  };
}

/** `毎週木曜日 20:00 ～ 翌07:00` */
export function describeMaintenanceWindow(
  w: MaintenanceWindow,
  words: MaintenanceWording = JAPANESE_MAINTENANCE_WORDING,
): string {
  const { startMs, endMs } = windowSpanMs(w);
  const dayDifference = Math.floor(endMs / DAY_MS) - Math.floor(startMs / DAY_MS);
  const day = (weekday: number) => words.weekday(WEEKDAY_KEYS[weekday] ?? "sun");
  let endText: string;
  if (dayDifference === 0) endText = formatClock(w.end);
  else if (dayDifference === 1) endText = words.nextDay(formatClock(w.end));
  else if (dayDifference === 7) endText = words.nextWeek(day(w.end.weekday), formatClock(w.end));
  else endText = words.dayTime(day(w.end.weekday), formatClock(w.end));
  return words.window(words.dayTime(day(w.start.weekday), formatClock(w.start)), endText);
}

/** Every window described, joined with 「、」 (in Japanese); an empty string when there are none. */
export function describeMaintenanceWindows(
  windows: readonly MaintenanceWindow[],
  words: MaintenanceWording = JAPANESE_MAINTENANCE_WORDING,
): string {
  const described = windows.map((w) => describeMaintenanceWindow(w, words));
  return described.length === 0 ? "" : described.reduce((first, rest) => words.join(first, rest));
}
