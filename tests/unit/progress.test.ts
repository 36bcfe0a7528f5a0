import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayBuckets,
  localDate,
  mondayOf,
  offsetMinutes,
  startOfLocalDate,
  weekBuckets,
  weekdayOfDate,
} from "@/lib/domain/calendar";
import {
  currentStreak,
  describePainTrend,
  dueDates,
  rangeDates,
  rollingAverage,
  type WeekAdherence,
  weeklyAdherence,
} from "@/lib/domain/progress";

// An independent oracle: finds day boundaries by bisection over instants, using only Intl.
type SearchedDay = { date: string; start: Date; end: Date };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/** "YYYY-MM-DD" of an instant in a time zone; such strings sort in calendar order. */
function searchedLocalDate(instant: Date | number, timeZone: string): string {
  const parts = dateFormat(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

// No calendar day is longer than 36 hours, so the previous and next dates lie within this window.
const searchWindowMs = 36 * 3_600_000;

/** The first instant in (below, above] whose local date is at least `date`; dates never run backwards. */
function firstInstantOnOrAfter(date: string, timeZone: string, below: number, above: number): number {
  let low = below;
  let high = above;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (searchedLocalDate(middle, timeZone) >= date) high = middle;
    else low = middle;
  }
  return high;
}

function nextDate(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const next = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1));
  return next.toISOString().slice(0, 10);
}

/**
 * The local calendar day containing `instant` in `timeZone`. Found by searching the instants rather
 * than assuming the day starts at 00:00 and lasts 24 hours: a day can last 23 or 25 hours (summer
 * time), start at 01:00 (zones that skip midnight) or be skipped altogether (Samoa, 30 Dec 2011).
 */
function searchedLocalDay(instant: Date, timeZone: string): SearchedDay {
  const at = instant.getTime();
  const date = searchedLocalDate(at, timeZone);
  const start = firstInstantOnOrAfter(date, timeZone, at - searchWindowMs, at);
  const end = firstInstantOnOrAfter(nextDate(date), timeZone, at, at + searchWindowMs);
  return { date, start: new Date(start), end: new Date(end) };
}

describe("calendar days in a time zone", () => {
  it("gives the spring-forward day in London 23 hours and the autumn day 25", () => {
    const [spring] = dayBuckets("2026-03-29", "2026-03-29", "Europe/London");
    const [autumn] = dayBuckets("2026-10-25", "2026-10-25", "Europe/London");
    expect(spring?.start.toISOString()).toBe("2026-03-29T00:00:00.000Z");
    expect(spring?.end.toISOString()).toBe("2026-03-29T23:00:00.000Z");
    expect(autumn?.start.toISOString()).toBe("2026-10-24T23:00:00.000Z");
    expect(autumn?.end.toISOString()).toBe("2026-10-26T00:00:00.000Z");
  });

  it("starts a day at the jump when the zone skips midnight (Santiago, September 2026)", () => {
    // Chile moves its clocks from 00:00 to 01:00 on the first Sunday of September.
    const start = startOfLocalDate("2026-09-06", "America/Santiago");
    expect(localDate(start, "America/Santiago")).toBe("2026-09-06");
    expect(localDate(start.getTime() - 1, "America/Santiago")).toBe("2026-09-05");
  });

  it("agrees with an independent search-based calculation in many zones", () => {
    const zones = [
      "Europe/London",
      "America/New_York",
      "Pacific/Auckland",
      "Asia/Kolkata",
      "America/Santiago",
      "Australia/Lord_Howe",
      "UTC",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (zone, ms) => {
          const expected = searchedLocalDay(new Date(ms), zone);
          expect(localDate(ms, zone)).toBe(expected.date);
          expect(startOfLocalDate(expected.date, zone).getTime()).toBe(expected.start.getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("makes consecutive day buckets that tile the range without gaps or overlaps", () => {
    const days = dayBuckets("2026-03-01", "2026-11-30", "America/New_York");
    expect(days).toHaveLength(275);
    for (let i = 1; i < days.length; i++) expect(days[i]?.start.getTime()).toBe(days[i - 1]?.end.getTime());
  });

  it("makes Monday-to-Sunday weeks covering the range", () => {
    const weeks = weekBuckets("2026-03-19", "2026-04-01", "Europe/London");
    expect(weeks.map((w) => w.label)).toEqual(["2026-03-16", "2026-03-23", "2026-03-30"]);
    expect(weekdayOfDate("2026-03-16")).toBe(0);
    expect(mondayOf("2026-03-29")).toBe("2026-03-23");
    expect(offsetMinutes(Date.UTC(2026, 6, 1), "Asia/Kolkata")).toBe(330);
  });
});

describe("ranges", () => {
  it("cover 14, 91 and 365 days ending today, and 'all' from the first activity", () => {
    expect(rangeDates("2w", "2026-04-01", null)).toEqual({ from: "2026-03-19", to: "2026-04-01" });
    expect(rangeDates("3m", "2026-04-01", null)).toEqual({
      from: addDays("2026-04-01", -90),
      to: "2026-04-01",
    });
    expect(rangeDates("1y", "2026-04-01", null)).toEqual({ from: "2025-04-02", to: "2026-04-01" });
    expect(rangeDates("all", "2026-04-01", "2024-05-06")).toEqual({ from: "2024-05-06", to: "2026-04-01" });
    expect(rangeDates("all", "2026-04-01", null)).toEqual({ from: "2026-03-19", to: "2026-04-01" });
  });
});

describe("the 7-day rolling average", () => {
  it("averages the days with a value in the trailing week, skipping empty days", () => {
    expect(rollingAverage([6, null, 3, 4], 7)).toEqual([6, 6, 4.5, 4.3]);
    expect(rollingAverage([null, null], 7)).toEqual([null, null]);
  });

  it("uses the days before the range for its first points", () => {
    expect(rollingAverage([2], 7, [8, null, null, null, null, null])).toEqual([5]);
    expect(rollingAverage([2], 7, [8, null, null, null, null, null, null])).toEqual([2]);
  });

  it("stays within the range of the values it averages", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }), { maxLength: 60 }),
        (values) => {
          const averaged = rollingAverage(values);
          expect(averaged).toHaveLength(values.length);
          averaged.forEach((value, index) => {
            const window = values
              .slice(Math.max(0, index - 6), index + 1)
              .filter((v): v is number => v !== null);
            if (window.length === 0) expect(value).toBeNull();
            else {
              expect(value).toBeGreaterThanOrEqual(Math.min(...window) - 0.05);
              expect(value).toBeLessThanOrEqual(Math.max(...window) + 0.05);
            }
          });
        },
      ),
    );
  });
});

describe("adherence", () => {
  const items = [{ daysOfWeek: 0b0000111, activeFrom: "2026-03-01", activeUntil: null }];

  it("counts due days from the routine items active on each day", () => {
    expect([...dueDates(items, "2026-03-23", "2026-03-29")]).toEqual([
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
    ]);
    const stopped = [{ daysOfWeek: 0b1111111, activeFrom: "2026-03-24", activeUntil: "2026-03-26" }];
    expect([...dueDates(stopped, "2026-03-23", "2026-03-29")]).toEqual(["2026-03-24", "2026-03-25"]);
  });

  it("counts at most one session per day and marks the week in progress", () => {
    const weeks = weeklyAdherence(
      new Set(["2026-03-23", "2026-03-24", "2026-03-30"]),
      dueDates(items, "2026-03-23", "2026-04-01"),
      "2026-03-23",
      "2026-04-01",
      "2026-04-01",
    );
    expect(weeks).toEqual([
      { weekStart: "2026-03-23", done: 2, due: 3, complete: true },
      { weekStart: "2026-03-30", done: 1, due: 3, complete: false },
    ]);
  });

  const week = (done: number, due: number, complete = true): WeekAdherence => ({
    weekStart: "x",
    done,
    due,
    complete,
  });

  it("counts the streak of complete weeks on target back from the latest", () => {
    expect(currentStreak([week(3, 3), week(1, 3), week(3, 3), week(4, 3)])).toBe(2);
    expect(currentStreak([week(3, 3), week(3, 3), week(0, 3, false)])).toBe(2);
    expect(currentStreak([week(3, 3), week(3, 3, false)])).toBe(2);
    expect(currentStreak([week(3, 3), week(0, 0), week(2, 2)])).toBe(2);
    expect(currentStreak([])).toBe(0);
  });
});

describe("the pain trend sentence", () => {
  it("compares the first and last week of ratings", () => {
    const falling = [6, 6, 6, 6, 6, 6, 6, null, 3, 3, 3, 3, 3, 3, 4];
    expect(describePainTrend(falling, "3 months")).toBe("Average pain fell from 6 to 3.1 over 3 months.");
    expect(describePainTrend([2, 5], "2 weeks")).toBe(
      "Average pain stayed about the same (3.5 to 3.5) over 2 weeks.",
    );
    expect(describePainTrend([null, 4, null], "2 weeks")).toBe(
      "One pain rating in this period: 4 out of 10.",
    );
    expect(describePainTrend([], "1 year")).toBe("No pain ratings in this period yet.");
  });
});
