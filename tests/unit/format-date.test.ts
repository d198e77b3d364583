import { describe, expect, it } from "vitest";
import { formatJstDate, formatJstDateTime, formatJstDateTimeJa, toJstParts } from "@/lib/format/date";

describe("Japan-time formatting", () => {
  it("shows the Japan date for an instant that is still the previous day in UTC", () => {
    const d = new Date("2025-12-16T15:30:00Z");
    expect(formatJstDate(d)).toBe("2025/12/17");
    expect(formatJstDateTime(d)).toBe("2025/12/17 00:30");
    expect(formatJstDateTimeJa(d)).toBe("2025年12月17日 00:30");
  });

  it("writes the emails' dates as 2025/12/17 and 2025年12月17日 15:53 (Japan time)", () => {
    const d = new Date("2025-12-17T06:53:52Z");
    expect(formatJstDate(d)).toBe("2025/12/17");
    expect(formatJstDateTimeJa(d)).toBe("2025年12月17日 15:53");
  });

  it("pads month, day, hour and minute in the numeric forms only", () => {
    const d = new Date("2026-01-04T15:05:00Z"); // 2026-01-05 00:05 JST
    expect(formatJstDate(d)).toBe("2026/01/05");
    expect(formatJstDateTime(d)).toBe("2026/01/05 00:05");
    expect(formatJstDateTimeJa(d)).toBe("2026年1月5日 00:05");
  });

  it("rolls over the year in Japan time before UTC", () => {
    const d = new Date("2025-12-31T15:00:00Z");
    expect(formatJstDateTime(d)).toBe("2026/01/01 00:00");
    expect(formatJstDateTime(new Date("2025-12-31T14:59:59Z"))).toBe("2025/12/31 23:59");
  });

  it("agrees with Intl Asia/Tokyo", () => {
    const intl = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    for (const iso of ["2024-02-28T20:00:00Z", "2024-06-30T23:59:00Z", "2023-03-12T10:30:00Z"]) {
      const d = new Date(iso);
      const parts = Object.fromEntries(intl.formatToParts(d).map((p) => [p.type, p.value]));
      expect(formatJstDateTime(d)).toBe(
        `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`,
      );
    }
  });

  it("reports the Japan weekday", () => {
    // 2025-12-18 is a Thursday; 11:00Z is 20:00 JST the same day.
    expect(toJstParts(new Date("2025-12-18T11:00:00Z")).weekday).toBe(4);
    // 2025-12-18T15:00Z is already Friday in Japan.
    expect(toJstParts(new Date("2025-12-18T15:00:00Z")).weekday).toBe(5);
  });

  it("refuses an invalid Date", () => {
    expect(() => formatJstDate(new Date("nope"))).toThrow(RangeError);
  });
});
