import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adherenceOver,
  countDays,
  currentStreak,
  daysNeeded,
  dueDates,
  isOnTarget,
  scheduleOf,
  type WeekAdherence,
  weeklyAdherence,
} from "@/lib/domain/adherence";
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
  meaningfulChangePoints,
  minimumDaysPerTrendWindow,
  minimumSessionsPerExercise,
} from "@/lib/domain/clinical-thresholds";
import { comparePainWindows, dailyMeans, painTrendEnding, painTrendOver } from "@/lib/domain/pain-trend";
import {
  describeBeforeAfter,
  describeExerciseResponses,
  describePainTrends,
  rangeDates,
  rollingAverage,
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
  it("averages the days with a value in the trailing week, skipping empty days, at full precision", () => {
    expect(rollingAverage([6, null, 3, 4], 7)).toEqual([6, 6, 4.5, 13 / 3]);
    expect(rollingAverage([null, null], 7)).toEqual([null, null]);
  });

  it("is never built from rounded figures", () => {
    // Rounded first, 1.25 and 1.35 would become 1.3 and 1.4 and average 1.35, shown as 1.4.
    expect(rollingAverage([1.25, 1.35])[1]).toBeCloseTo(1.3, 12);
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
              expect(value).toBeGreaterThanOrEqual(Math.min(...window) - 1e-9);
              expect(value).toBeLessThanOrEqual(Math.max(...window) + 1e-9);
            }
          });
        },
      ),
    );
  });
});

const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => addDays(from, i));

describe("adherence: due days with a session", () => {
  // Monday to Wednesday from 1 March 2026.
  const items = [{ daysOfWeek: 0b0000111, activeFrom: "2026-03-01", activeUntil: null }];

  it("takes due days from the items active on each day", () => {
    expect([...dueDates(items, "2026-03-23", "2026-03-29")]).toEqual([
      "2026-03-23",
      "2026-03-24",
      "2026-03-25",
    ]);
    const stopped = [{ daysOfWeek: 0b1111111, activeFrom: "2026-03-24", activeUntil: "2026-03-26" }];
    expect([...dueDates(stopped, "2026-03-23", "2026-03-29")]).toEqual(["2026-03-24", "2026-03-25"]);
  });

  it("counts a session on a day that was not due as extra, never toward the target", () => {
    const due = dueDates(items, "2026-03-23", "2026-03-29");
    // Monday and Saturday and Sunday: one due day done, two extra.
    const sessions = new Set(["2026-03-23", "2026-03-28", "2026-03-29"]);
    expect(countDays(due, sessions, "2026-03-23", "2026-03-29", "2026-04-10")).toEqual({
      done: 1,
      due: 3,
      extra: 2,
    });
  });

  it("counts today as due only once its session is done", () => {
    const due = dueDates(items, "2026-03-23", "2026-03-25");
    const twoDone = new Set(["2026-03-23", "2026-03-24"]);
    expect(countDays(due, twoDone, "2026-03-23", "2026-03-25", "2026-03-25")).toEqual({
      done: 2,
      due: 2,
      extra: 0,
    });
    twoDone.add("2026-03-25");
    expect(countDays(due, twoDone, "2026-03-23", "2026-03-25", "2026-03-25")).toEqual({
      done: 3,
      due: 3,
      extra: 0,
    });
  });

  it("is the same count for the caseload's windows and the charts' weeks", () => {
    const sessions = new Set(["2026-03-16", "2026-03-18", "2026-03-21", "2026-03-23", "2026-03-24"]);
    const window = adherenceOver(items, sessions, "2026-03-29", 14);
    const weeks = weeklyAdherence(
      dueDates(items, "2026-03-16", "2026-03-29"),
      sessions,
      "2026-03-16",
      "2026-03-29",
      "2026-03-29",
    );
    expect(window).toEqual({
      done: weeks.reduce((n, w) => n + w.done, 0),
      due: weeks.reduce((n, w) => n + w.due, 0),
      percent: 67,
    });
    expect(weeks.map((w) => w.extra)).toEqual([1, 0]);
  });
});

describe("a week on target", () => {
  it("needs the set share of due days: at 80%, all 3 of 3 and 4 of 5", () => {
    expect(isOnTarget(2, 3)).toBe(false);
    expect(isOnTarget(3, 3)).toBe(true);
    expect(isOnTarget(3, 5)).toBe(false);
    expect(isOnTarget(4, 5)).toBe(true);
    expect([daysNeeded(3), daysNeeded(5), daysNeeded(7)]).toEqual([3, 4, 6]);
  });

  it("turns at exactly the share, one percent either side", () => {
    // 4 of 5 is exactly 80%.
    expect(isOnTarget(4, 5, 79)).toBe(true);
    expect(isOnTarget(4, 5, 80)).toBe(true);
    expect(isOnTarget(4, 5, 81)).toBe(false);
    // 2 of 3 is 66.7%.
    expect(isOnTarget(2, 3, 66)).toBe(true);
    expect(isOnTarget(2, 3, 67)).toBe(false);
  });

  it("is never met when nothing was due", () => {
    expect(isOnTarget(0, 0)).toBe(false);
  });
});

describe("weeks of a range", () => {
  const items = [{ daysOfWeek: 0b1111111, activeFrom: "2026-01-01", activeUntil: null }];

  it("count only the days inside the range in a partial first week, and say it is partial", () => {
    // A range starting on Thursday 19 March: its first week holds Thursday to Sunday only.
    const sessions = new Set(["2026-03-16", "2026-03-17", "2026-03-19", "2026-03-20"]);
    const [first] = weeklyAdherence(
      dueDates(items, "2026-03-19", "2026-03-22"),
      sessions,
      "2026-03-19",
      "2026-03-22",
      "2026-04-01",
    );
    expect(first).toMatchObject({ weekStart: "2026-03-16", done: 2, due: 4, extra: 0, partial: true });
  });

  it("mark the week in progress and do not count days after today", () => {
    const weeks = weeklyAdherence(
      dueDates(items, "2026-03-30", "2026-04-05"),
      new Set(["2026-03-30"]),
      "2026-03-30",
      "2026-04-05",
      "2026-04-01",
    );
    expect(weeks).toEqual([
      {
        weekStart: "2026-03-30",
        done: 1,
        due: 2,
        extra: 0,
        complete: false,
        partial: false,
        onTarget: false,
      },
    ]);
  });
});

describe("the streak", () => {
  const week = (done: number, due: number, complete = true): WeekAdherence => ({
    weekStart: "x",
    done,
    due,
    extra: 0,
    complete,
    partial: false,
    onTarget: isOnTarget(done, due),
  });

  it("counts complete weeks on target back from the latest, skipping weeks with nothing due", () => {
    expect(currentStreak([week(3, 3), week(1, 3), week(3, 3), week(4, 5)])).toBe(2);
    expect(currentStreak([week(3, 3), week(0, 0), week(2, 2)])).toBe(2);
    expect(currentStreak([])).toBe(0);
  });

  it("does not count the week in progress, on target or not", () => {
    expect(currentStreak([week(3, 3), week(3, 3), week(0, 3, false)])).toBe(2);
    expect(currentStreak([week(3, 3), week(3, 3, false)])).toBe(1);
  });

  it("counts a 3-day week with 2 sessions as a break at the default 80%", () => {
    expect(currentStreak([week(3, 3), week(2, 3), week(3, 3)])).toBe(1);
  });

  it("reaches back past any range shown: ten weeks on target give ten", () => {
    const items = [{ daysOfWeek: 0b0000111, activeFrom: "2026-01-05", activeUntil: null }];
    const sessions = new Set([...dueDates(items, "2026-01-05", "2026-03-15")]);
    const weeks = weeklyAdherence(
      dueDates(items, "2026-01-05", "2026-03-18"),
      sessions,
      "2026-01-05",
      "2026-03-18",
      "2026-03-18",
    );
    expect(currentStreak(weeks)).toBe(10);
  });
});

describe("the routine as it was on each day", () => {
  const version = (v: number, change: string, daysOfWeek: number, at: string) => ({
    version: v,
    change,
    daysOfWeek,
    createdAt: new Date(at),
  });

  it("keeps past due days when the schedule changes later", () => {
    const item = {
      createdAt: new Date("2026-03-02T09:00:00Z"),
      stoppedAt: null,
      daysOfWeek: 0b1111111,
      versions: [
        version(2, "UPDATED", 0b1111111, "2026-03-18T09:00:00Z"),
        version(1, "CREATED", 0b0000001, "2026-03-02T09:00:00Z"),
      ],
    };
    const schedule = scheduleOf(item, "Europe/London");
    // Mondays only until Wednesday 18 March, every day from then on.
    expect([...dueDates(schedule, "2026-03-09", "2026-03-20")]).toEqual([
      "2026-03-09",
      "2026-03-16",
      "2026-03-18",
      "2026-03-19",
      "2026-03-20",
    ]);
  });

  it("ends at a stop; an item without kept versions has its current days since it was created", () => {
    const stopped = {
      createdAt: new Date("2026-03-02T09:00:00Z"),
      stoppedAt: new Date("2026-03-04T09:00:00Z"),
      daysOfWeek: 0b1111111,
      versions: [
        version(1, "CREATED", 0b1111111, "2026-03-02T09:00:00Z"),
        version(2, "STOPPED", 0b1111111, "2026-03-04T09:00:00Z"),
      ],
    };
    expect([...dueDates(scheduleOf(stopped, "UTC"), "2026-03-01", "2026-03-10")]).toEqual([
      "2026-03-02",
      "2026-03-03",
    ]);
    const unversioned = { ...stopped, stoppedAt: null, versions: [] };
    expect(dueDates(scheduleOf(unversioned, "UTC"), "2026-03-01", "2026-03-10").size).toBe(9);
  });

  it("dates a change by the patient's own day, in a far time zone and across a clock change", () => {
    const item = (at: string) => ({
      createdAt: new Date("2026-03-02T09:00:00Z"),
      stoppedAt: null,
      daysOfWeek: 0,
      versions: [version(1, "CREATED", 0b1111111, "2026-03-02T09:00:00Z"), version(2, "UPDATED", 0, at)],
    });
    // 11:00 UTC on 10 March is already 01:00 on 11 March in Kiritimati (UTC+14).
    expect([
      ...dueDates(scheduleOf(item("2026-03-10T11:00:00Z"), "Pacific/Kiritimati"), "2026-03-09", "2026-03-12"),
    ]).toEqual(["2026-03-09", "2026-03-10"]);
    expect([
      ...dueDates(scheduleOf(item("2026-03-10T11:00:00Z"), "UTC"), "2026-03-09", "2026-03-12"),
    ]).toEqual(["2026-03-09"]);
    // 23:30 UTC on 29 March is 00:30 on the 30th in London, the first night of summer time.
    expect([
      ...dueDates(scheduleOf(item("2026-03-29T23:30:00Z"), "Europe/London"), "2026-03-28", "2026-03-31"),
    ]).toEqual(["2026-03-28", "2026-03-29"]);
  });
});

describe("better, worse or about the same", () => {
  /** Daily means: `earlier` on the first `earlierDays` days of 1-7 March, `later` on 8-14 March. */
  function fortnight(earlier: number, later: number, earlierDays = 7, laterDays = 7) {
    const daily = new Map<string, number>();
    for (const date of days("2026-03-01", earlierDays)) daily.set(date, earlier);
    for (const date of days("2026-03-08", laterDays)) daily.set(date, later);
    return daily;
  }
  const compare = (daily: Map<string, number>) => painTrendEnding(daily, "2026-03-14").direction;

  it("calls a change of 2 points better or worse, and 1.9 about the same, both ways", () => {
    expect(meaningfulChangePoints).toBe(2);
    expect(compare(fortnight(6, 4))).toBe("better");
    expect(compare(fortnight(6, 4.1))).toBe("same");
    expect(compare(fortnight(6, 3.9))).toBe("better");
    expect(compare(fortnight(4, 6))).toBe("worse");
    expect(compare(fortnight(4.1, 6))).toBe("same");
    expect(compare(fortnight(3.9, 6))).toBe("worse");
  });

  it("does not miss the threshold by a binary rounding error (7.3 to 5.3)", () => {
    const daily = fortnight(7.3, 5.3);
    const trend = painTrendEnding(daily, "2026-03-14");
    // Seven 5.3s averaged less seven 7.3s averaged is -1.9999999999999991 in binary.
    expect(trend.direction === "too-few" ? null : trend.change).toBeGreaterThan(-2);
    expect(trend.direction).toBe("better");
    expect(compare(fortnight(5.3, 7.3))).toBe("worse");
  });

  it("calls half a point about the same, never a fall", () => {
    expect(painTrendEnding(fortnight(4, 3.5), "2026-03-14")).toMatchObject({
      direction: "same",
      change: -0.5,
    });
  });

  it("needs ratings on 4 of the 7 days in each window", () => {
    expect(minimumDaysPerTrendWindow).toBe(4);
    expect(compare(fortnight(8, 2, 4, 4))).toBe("better");
    expect(compare(fortnight(8, 2, 3, 7))).toBe("too-few");
    expect(compare(fortnight(8, 2, 7, 3))).toBe("too-few");
    expect(compare(fortnight(8, 2, 5, 5))).toBe("better");
    expect(painTrendEnding(fortnight(8, 2, 3, 7), "2026-03-14")).toEqual({
      direction: "too-few",
      earlierDays: 3,
      laterDays: 7,
    });
  });

  it("compares the first and last 7 days of a longer period", () => {
    const daily = new Map<string, number>();
    for (const date of days("2026-01-01", 7)) daily.set(date, 7);
    for (const date of days("2026-01-08", 76)) daily.set(date, 5);
    for (const date of days("2026-03-25", 7)) daily.set(date, 3);
    expect(painTrendOver(daily, "2026-01-01", "2026-03-31")).toEqual({
      direction: "better",
      earlier: 7,
      later: 3,
      change: -4,
    });
    // The caseload's fortnight (5, then 3) is a different comparison with its own answer.
    expect(painTrendEnding(daily, "2026-03-31")).toMatchObject({ earlier: 5, later: 3 });
  });

  it("reads a period shorter than two weeks as its last 7 days against the 7 before", () => {
    const daily = fortnight(6, 3);
    expect(painTrendOver(daily, "2026-03-10", "2026-03-14")).toEqual(painTrendEnding(daily, "2026-03-14"));
  });

  it("weighs each day once, however many ratings it has", () => {
    const means = dailyMeans([
      { date: "2026-03-01", rating: 2 },
      { date: "2026-03-01", rating: 3 },
      { date: "2026-03-01", rating: 3 },
      { date: "2026-03-02", rating: 9 },
    ]);
    expect(means.get("2026-03-01")).toBeCloseTo(8 / 3, 12);
    expect(comparePainWindows(means, "2026-02-20", "2026-02-27")).toMatchObject({ direction: "too-few" });
  });
});

describe("the words on the progress page", () => {
  it("say better, worse or about the same per area, with the rule", () => {
    const sentence = describePainTrends(
      [
        { label: "Lower back", trend: { direction: "better", earlier: 6.06, later: 3.44, change: -2.62 } },
        { label: "Right hip", trend: { direction: "same", earlier: 4, later: 3.5, change: -0.5 } },
        { label: "Left hip", trend: { direction: "too-few", earlierDays: 2, laterDays: 3 } },
      ],
      "the last 7 days against the 7 before",
    );
    expect(sentence).toContain(
      "Comparing the last 7 days against the 7 before: Lower back better (6.1 to 3.4); Right hip about the same (4.0 to 3.5); Left hip too few ratings to compare (rated on 2 and 3 of 7 days).",
    );
    expect(sentence).toContain("2 points or more");
    expect(sentence).not.toMatch(/fell|rose|improv/i);
  });

  it("give the before/after summary per session, with one decimal", () => {
    // Two days: 6 -> 2 and 6 -> 4 on one, 6 -> 4 on the other. Per day the after means are 3 and 4
    // (3.5); per session they are 2, 4, 4 (3.3).
    expect(describeBeforeAfter(3, 18, 10)).toBe(
      "On average pain went from 6.0 before a session to 3.3 after it (3 sessions with both ratings).",
    );
    expect(describeBeforeAfter(1, 5, 3)).toContain("(1 session with both ratings)");
    expect(describeBeforeAfter(0, 0, 0)).toBe("No sessions with pain rated before and after in this period.");
  });

  const response = (name: string, sessions: number, totalChange: number) => ({
    exerciseId: name,
    name,
    sessions,
    totalChange,
  });

  it("name an exercise only for a change of 2 points over at least 5 sessions", () => {
    expect(minimumSessionsPerExercise).toBe(5);
    expect(describeExerciseResponses([response("Clamshell", 5, -10)])).toMatch(
      /^Sessions that included Clamshell \(2\.0 points lower, 5 sessions\) went with pain lower afterwards\. This is an association/,
    );
    expect(describeExerciseResponses([response("Clamshell", 4, -8)])).toMatch(/^No exercise/);
    expect(describeExerciseResponses([response("Clamshell", 10, -19)])).toMatch(/^No exercise/);
    expect(describeExerciseResponses([response("Clamshell", 10, 20)])).toContain(
      "went with pain higher afterwards",
    );
  });

  it("never pick one among ties, and never rank", () => {
    const sentence = describeExerciseResponses([
      response("Glute bridge", 8, -24),
      response("Clamshell", 8, -24),
      response("Pelvic tilt", 8, -4),
    ]);
    expect(sentence).toContain(
      "Clamshell (3.0 points lower, 8 sessions) and Glute bridge (3.0 points lower, 8 sessions)",
    );
    expect(sentence).not.toContain("Pelvic tilt");
    expect(sentence).not.toMatch(/most|best|after Clamshell/);
    expect(sentence).toContain("does not show which one made the difference");
  });
});
