import { describe, expect, it } from "vitest";
import {
  DEFAULT_MAINTENANCE_WINDOWS,
  describeMaintenanceWindows,
  maintenanceWordingFrom,
  findMaintenanceWindow,
  parseMaintenanceWindows,
} from "@/lib/maintenance";
import { translatorFor } from "@/lib/i18n/translate";

// 2025-12-18 is a Thursday. JST = UTC+9.
const jst = (local: string) => new Date(`${local}+09:00`);

describe("parseMaintenanceWindows", () => {
  it("parses the default window", () => {
    expect(parseMaintenanceWindows(DEFAULT_MAINTENANCE_WINDOWS)).toEqual([
      { start: { weekday: 4, hour: 20, minute: 0 }, end: { weekday: 5, hour: 7, minute: 0 } },
    ]);
  });

  it("accepts several windows, any case and extra spaces", () => {
    const windows = parseMaintenanceWindows(" THU 20:00 - Fri 07:00 ,  sat 22:00-sun 02:30 ");
    expect(windows).toHaveLength(2);
    expect(windows[1]).toEqual({
      start: { weekday: 6, hour: 22, minute: 0 },
      end: { weekday: 0, hour: 2, minute: 30 },
    });
  });

  it("treats an empty spec as no windows", () => {
    expect(parseMaintenanceWindows("")).toEqual([]);
    expect(parseMaintenanceWindows("   ")).toEqual([]);
  });

  it.each([
    "thu 20:00",
    "thursday 20:00-fri 07:00",
    "xyz 20:00-fri 07:00",
    "thu 24:00-fri 07:00",
    "thu 20:60-fri 07:00",
    "thu 2000-fri 0700",
    "thu 20:00-fri 07:00,",
    "thu 20:00-thu 20:00",
    "every thursday",
  ])("rejects %j with a clear error", (spec) => {
    expect(() => parseMaintenanceWindows(spec)).toThrow(/Invalid maintenance window/);
  });
});

describe("findMaintenanceWindow", () => {
  const windows = parseMaintenanceWindows(DEFAULT_MAINTENANCE_WINDOWS);

  it("is closed just before Thursday 20:00 JST", () => {
    expect(findMaintenanceWindow(jst("2025-12-18T19:59:59.999"), windows)).toBeNull();
    expect(findMaintenanceWindow(jst("2025-12-18T19:59:59"), windows)).toBeNull();
  });

  it("starts at Thursday 20:00 JST (inclusive) and reports the Friday 07:00 end", () => {
    const active = findMaintenanceWindow(jst("2025-12-18T20:00:00"), windows);
    expect(active).toEqual({ start: jst("2025-12-18T20:00:00"), end: jst("2025-12-19T07:00:00") });
  });

  it("is still on at Friday 06:59 JST and ends at 07:00 (exclusive)", () => {
    const active = findMaintenanceWindow(jst("2025-12-19T06:59:59"), windows);
    expect(active?.end).toEqual(jst("2025-12-19T07:00:00"));
    expect(active?.start).toEqual(jst("2025-12-18T20:00:00"));
    expect(findMaintenanceWindow(jst("2025-12-19T07:00:00"), windows)).toBeNull();
  });

  it("evaluates UTC instants in Japan time", () => {
    // Thu 19:59:59 JST = Thu 10:59:59Z
    expect(findMaintenanceWindow(new Date("2025-12-18T10:59:59Z"), windows)).toBeNull();
    // Thu 20:00 JST = Thu 11:00Z
    expect(findMaintenanceWindow(new Date("2025-12-18T11:00:00Z"), windows)?.end).toEqual(
      new Date("2025-12-18T22:00:00Z"),
    );
    // Fri 06:59 JST = Thu 21:59Z (still Thursday in UTC)
    expect(findMaintenanceWindow(new Date("2025-12-18T21:59:00Z"), windows)).not.toBeNull();
    // Fri 07:00 JST = Thu 22:00Z
    expect(findMaintenanceWindow(new Date("2025-12-18T22:00:00Z"), windows)).toBeNull();
    // Thu 20:00 UTC is Fri 05:00 JST: inside. Wed 20:00 UTC is Thu 05:00 JST: outside.
    expect(findMaintenanceWindow(new Date("2025-12-18T20:00:00Z"), windows)).not.toBeNull();
    expect(findMaintenanceWindow(new Date("2025-12-17T20:00:00Z"), windows)).toBeNull();
  });

  it("gives a Retry-After that reaches exactly the end of the window", () => {
    const now = jst("2025-12-19T01:30:00");
    const active = findMaintenanceWindow(now, windows);
    expect(active).not.toBeNull();
    const retryAfterSeconds = Math.ceil(((active?.end.getTime() ?? 0) - now.getTime()) / 1000);
    expect(retryAfterSeconds).toBe(5.5 * 3600);
  });

  it("is closed on other days", () => {
    for (const local of ["2025-12-15T21:00:00", "2025-12-19T12:00:00", "2025-12-20T23:00:00"]) {
      expect(findMaintenanceWindow(jst(local), windows)).toBeNull();
    }
  });

  describe("a window over the week end (Sat 22:00 – Sun 02:00)", () => {
    const wrap = parseMaintenanceWindows("sat 22:00-sun 02:00");
    // 2025-12-20 is a Saturday.
    it("is on late Saturday and ends on Sunday", () => {
      expect(findMaintenanceWindow(jst("2025-12-20T21:59:59"), wrap)).toBeNull();
      expect(findMaintenanceWindow(jst("2025-12-20T22:00:00"), wrap)).toEqual({
        start: jst("2025-12-20T22:00:00"),
        end: jst("2025-12-21T02:00:00"),
      });
    });
    it("is on early Sunday with the start on the previous Saturday", () => {
      expect(findMaintenanceWindow(jst("2025-12-21T01:59:59"), wrap)).toEqual({
        start: jst("2025-12-20T22:00:00"),
        end: jst("2025-12-21T02:00:00"),
      });
      expect(findMaintenanceWindow(jst("2025-12-21T02:00:00"), wrap)).toBeNull();
    });
  });

  it("follows adjacent windows to the real end", () => {
    const chained = parseMaintenanceWindows("thu 20:00-fri 07:00, fri 07:00-fri 09:00");
    expect(findMaintenanceWindow(jst("2025-12-18T23:00:00"), chained)?.end).toEqual(
      jst("2025-12-19T09:00:00"),
    );
  });

  it("finds nothing without windows", () => {
    expect(findMaintenanceWindow(jst("2025-12-18T21:00:00"), [])).toBeNull();
  });
});

describe("describeMaintenanceWindows", () => {
  it("describes the default window as 毎週木曜日 20:00 ～ 翌07:00", () => {
    expect(describeMaintenanceWindows(parseMaintenanceWindows(DEFAULT_MAINTENANCE_WINDOWS))).toBe(
      "毎週木曜日 20:00 ～ 翌07:00",
    );
  });

  it("uses 翌 for the next day, also over the week end", () => {
    expect(describeMaintenanceWindows(parseMaintenanceWindows("sat 22:00-sun 02:00"))).toBe(
      "毎週土曜日 22:00 ～ 翌02:00",
    );
  });

  it("names the end day when it is further away, and omits it on the same day", () => {
    expect(describeMaintenanceWindows(parseMaintenanceWindows("sat 22:00-mon 02:00"))).toBe(
      "毎週土曜日 22:00 ～ 月曜日 02:00",
    );
    expect(describeMaintenanceWindows(parseMaintenanceWindows("sun 01:00-sun 05:30"))).toBe(
      "毎週日曜日 01:00 ～ 05:30",
    );
  });

  it("joins several windows and is empty without any", () => {
    expect(
      describeMaintenanceWindows(parseMaintenanceWindows("thu 20:00-fri 07:00,sun 01:00-sun 05:00")),
    ).toBe("毎週木曜日 20:00 ～ 翌07:00、毎週日曜日 01:00 ～ 05:00");
    expect(describeMaintenanceWindows([])).toBe("");
  });
});

describe("describeMaintenanceWindows in the page's language (issue 15)", () => {
  const wordingIn = async (locale: "ja" | "en") => {
    const t = await translatorFor(locale);
    return maintenanceWordingFrom((part, values) => t(`unavailable.schedule.${part}`, values));
  };
  const specs = [
    DEFAULT_MAINTENANCE_WINDOWS,
    "sat 22:00-sun 02:00",
    "sat 22:00-mon 02:00",
    "sun 01:00-sun 05:30",
    "mon 01:00-mon 00:30",
    "thu 20:00-fri 07:00,sun 01:00-sun 05:00",
  ];

  it.each(specs)("the Japanese messages read exactly as the built-in Japanese: %s", async (spec) => {
    const windows = parseMaintenanceWindows(spec);
    expect(describeMaintenanceWindows(windows, await wordingIn("ja"))).toBe(
      describeMaintenanceWindows(windows),
    );
  });

  it("writes English", async () => {
    const en = await wordingIn("en");
    expect(describeMaintenanceWindows(parseMaintenanceWindows(DEFAULT_MAINTENANCE_WINDOWS), en)).toBe(
      "Every Thursday 20:00 to 07:00 the next day",
    );
    expect(
      describeMaintenanceWindows(parseMaintenanceWindows("sat 22:00-mon 02:00,mon 01:00-mon 00:30"), en),
    ).toBe("Every Saturday 22:00 to Monday 02:00; Every Monday 01:00 to Monday 00:30 the following week");
    expect(describeMaintenanceWindows([], en)).toBe("");
  });
});
