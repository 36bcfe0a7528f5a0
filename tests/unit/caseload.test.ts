import { describe, expect, it } from "vitest";
import type { ScheduledItem } from "@/lib/domain/adherence";
import { addDays, fromLocalDateTime } from "@/lib/domain/calendar";
import { type CaseloadInput, compareByAttention, summarisePatient, triageRules } from "@/lib/domain/caseload";
import {
  flareBaselineDays,
  inactiveAfterDays,
  latestPainWindowDays,
  meaningfulChangePoints,
  minimumBaselineDays,
  severePainRating,
} from "@/lib/domain/clinical-thresholds";
import { type PainArea, type PainContext, type PainRating, painByArea } from "@/lib/domain/pain-status";

// Los Angeles, with ratings at 23:30 local: already the next day in UTC, so any slip from local
// dates to UTC dates moves a rating across a day boundary and fails a test. The fortnight before
// `today` spans the end of daylight saving time (1 Nov 2026).
const zone = "America/Los_Angeles";
const today = "2026-11-10"; // a Tuesday

function wall(value: string, timeZone = zone): Date {
  const instant = fromLocalDateTime(value, timeZone);
  if (!instant) throw new Error(`Unreadable local time ${value}`);
  return instant;
}

const now = wall(`${today}T23:45`);
const daysAgo = (days: number) => addDays(today, -days);
const lateOn = (date: string) => wall(`${date}T23:30`);

function rating(
  date: string,
  value: number,
  area: PainArea = "LOWER_BACK",
  context: PainContext = "CHECK_IN",
  sessionId: string | null = null,
): PainRating {
  return { at: lateOn(date), rating: value, area, context, sessionId };
}

/** The same rating on each of `days` days before `today` (not today). */
const steady = (value: number, days: number, area: PainArea = "LOWER_BACK") =>
  Array.from({ length: days }, (_, index) => rating(daysAgo(index + 1), value, area));

const everyDaySince = (activeFrom: string): ScheduledItem[] => [
  { daysOfWeek: 0b1111111, activeFrom, activeUntil: null },
];

function summarise(overrides: Partial<CaseloadInput> = {}) {
  return summarisePatient({
    timeZone: zone,
    now,
    pain: [],
    sessionTimes: [],
    lastActivityAt: lateOn(today),
    routine: [],
    watchedSince: wall("2026-01-01T09:00"),
    ...overrides,
  });
}

const flagsOf = (summary: { flags: { flag: string }[] }) => summary.flags.map(({ flag }) => flag);
const area = (areas: ReturnType<typeof painByArea>, name: PainArea) => areas.find((a) => a.area === name);

describe("the fixture", () => {
  it("is a day where the local date and the UTC date differ, two weeks after a clock change", () => {
    expect(now.toISOString().slice(0, 10)).toBe("2026-11-11");
    expect(lateOn(daysAgo(12)).toISOString()).toBe("2026-10-30T06:30:00.000Z"); // PDT, UTC-7
    expect(lateOn(daysAgo(8)).toISOString()).toBe("2026-11-03T07:30:00.000Z"); // PST, UTC-8
  });
});

describe("a flare compares an area with its own baseline", () => {
  it("is raised at a rise of exactly 2 over the mean of daily means, at 2.1, not at 1.9", () => {
    const at2 = painByArea([...steady(4, 14), rating(today, 6)], now, zone);
    expect(area(at2, "LOWER_BACK")).toMatchObject({
      flare: true,
      rise: 2,
      baseline: { status: "ok", mean: 4 },
    });
    // Nine days at 4 and one at 5: baseline 4.1, so 6 is 1.9 above it.
    const at19 = painByArea([...steady(4, 9), rating(daysAgo(10), 5), rating(today, 6)], now, zone);
    expect(area(at19, "LOWER_BACK")).toMatchObject({ flare: false, baseline: { status: "ok", days: 10 } });
    // Nine days at 4 and one at 3: baseline 3.9, so 6 is 2.1 above it.
    const at21 = painByArea([...steady(4, 9), rating(daysAgo(10), 3), rating(today, 6)], now, zone);
    expect(area(at21, "LOWER_BACK")?.flare).toBe(true);
  });

  it("uses the mean of daily means, so five ratings on one day weigh as one", () => {
    const busyDay = Array.from({ length: 5 }, () => rating(daysAgo(1), 0));
    const areas = painByArea(
      [...busyDay, ...steady(4, 4).slice(1), rating(daysAgo(5), 4), rating(today, 5)],
      now,
      zone,
    );
    // Days: 0 (five ratings), 4, 4, 4, 4 -> 3.2; 5 - 3.2 = 1.8, no flare.
    expect(area(areas, "LOWER_BACK")).toMatchObject({ flare: false, baseline: { status: "ok", days: 5 } });
  });

  it("never compares one area with another: back 5 and hips 1 every day is no flare", () => {
    const ratings = Array.from({ length: 8 }, (_, index) => {
      const date = daysAgo(7 - index);
      return [rating(date, 5), rating(date, 1, "LEFT_HIP"), rating(date, 1, "RIGHT_HIP")];
    }).flat();
    const summary = summarise({ pain: ratings });
    expect(flagsOf(summary)).not.toContain("PAIN_FLARE");
    expect(summary.pain.map((a) => [a.area, a.latest.rating, a.flare])).toEqual([
      ["LOWER_BACK", 5, false],
      ["LEFT_HIP", 1, false],
      ["RIGHT_HIP", 1, false],
    ]);
  });

  it(`needs ratings on at least ${minimumBaselineDays} of the ${flareBaselineDays} days before, otherwise says there are too few`, () => {
    const three = painByArea([...steady(2, 3), rating(today, 8)], now, zone);
    expect(area(three, "LOWER_BACK")).toMatchObject({
      flare: false,
      baseline: { status: "too-few", days: 3 },
    });
    const four = painByArea([...steady(2, 4), rating(today, 8)], now, zone);
    expect(area(four, "LOWER_BACK")).toMatchObject({ flare: true, baseline: { status: "ok", days: 4 } });
  });

  it("takes the baseline from the 14 days before the rating's day, excluding that day and day 15", () => {
    const ratings = [
      rating(today, 3), // earlier the same day: not part of the baseline
      rating(daysAgo(15), 9), // outside the 14 days
      ...steady(1, 14),
      { ...rating(today, 4), at: wall(`${today}T23:40`) },
    ];
    expect(area(painByArea(ratings, now, zone), "LOWER_BACK")).toMatchObject({
      judged: { rating: 4 },
      baseline: { status: "ok", mean: 1, days: 14 },
      flare: true,
    });
  });

  it("leaves after-session ratings out of baselines and flares, and compares them with the same session's before rating", () => {
    const ratings = [
      ...steady(4, 10),
      rating(today, 4, "LOWER_BACK", "BEFORE_SESSION", "s1"),
      { ...rating(today, 6, "LOWER_BACK", "AFTER_SESSION", "s1"), at: wall(`${today}T23:40`) },
    ];
    const summary = summarise({ pain: ratings });
    expect(flagsOf(summary)).toEqual([]);
    expect(summary.pain[0]).toMatchObject({
      latest: { rating: 6, context: "AFTER_SESSION" },
      judged: { rating: 4, context: "BEFORE_SESSION" },
      flare: false,
      riseAfterSession: { before: 4, after: 6 },
    });
    // One point up after exercise is not called a rise.
    const small = painByArea(
      [
        rating(today, 4, "LOWER_BACK", "BEFORE_SESSION", "s2"),
        { ...rating(today, 5, "LOWER_BACK", "AFTER_SESSION", "s2"), at: wall(`${today}T23:40`) },
      ],
      now,
      zone,
    );
    expect(small[0]?.riseAfterSession).toBeNull();
  });

  it("gives ratings without an area no baseline and no flare, but shows them", () => {
    const ratings = [...steady(1, 10, "NOT_GIVEN"), rating(today, 6, "NOT_GIVEN", "BEFORE_SESSION", "s3")];
    expect(painByArea(ratings, now, zone)).toMatchObject([
      { area: "NOT_GIVEN", latest: { rating: 6 }, flare: false, baseline: { status: "none" } },
    ]);
  });
});

describe(`severe pain (${severePainRating} or more) is its own flag`, () => {
  it("is raised at 7, not at 6, whatever the baseline", () => {
    expect(flagsOf(summarise({ pain: [...steady(7, 10), rating(today, 7)] }))).toEqual(["SEVERE_PAIN"]);
    expect(flagsOf(summarise({ pain: [...steady(6, 10), rating(today, 6)] }))).toEqual([]);
  });

  it("counts a 9 given only before a session, which is the latest pain", () => {
    const summary = summarise({ pain: [rating(today, 9, "LOWER_BACK", "BEFORE_SESSION", "s4")] });
    expect(flagsOf(summary)).toEqual(["SEVERE_PAIN"]);
    expect(summary.pain[0]?.latest.rating).toBe(9);
    expect(summary.flags[0]?.reason).toMatch(
      /^Lower back 9\/10 before a session on 10 Nov \(rule: 7 or more\)\.$/,
    );
  });

  it("counts a 7 after a session too", () => {
    expect(flagsOf(summarise({ pain: [rating(today, 7, "LEFT_HIP", "AFTER_SESSION", "s5")] }))).toEqual([
      "SEVERE_PAIN",
    ]);
  });

  it(`flags only ratings from the last ${latestPainWindowDays} local days; older ones are shown with their date`, () => {
    const inside = summarise({ pain: [rating(daysAgo(latestPainWindowDays - 1), 9)] });
    expect(flagsOf(inside)).toContain("SEVERE_PAIN");
    const outside = summarise({ pain: [rating(daysAgo(latestPainWindowDays), 9)] });
    expect(flagsOf(outside)).not.toContain("SEVERE_PAIN");
    expect(outside.pain[0]).toMatchObject({ recent: false, latest: { rating: 9 } });
  });
});

describe("latest pain is per area, worst first", () => {
  it("puts a left hip at 6 above a lower back at 2 from the same check-in", () => {
    const summary = summarise({ pain: [rating(today, 2), rating(today, 6, "LEFT_HIP")] });
    expect(summary.pain.map((a) => [a.area, a.latest.rating])).toEqual([
      ["LEFT_HIP", 6],
      ["LOWER_BACK", 2],
    ]);
  });

  it("lists areas rated within the window before older ones, even milder ones", () => {
    const summary = summarise({ pain: [rating(daysAgo(20), 8, "RIGHT_HIP"), rating(today, 3)] });
    expect(summary.pain.map((a) => [a.area, a.recent])).toEqual([
      ["LOWER_BACK", true],
      ["RIGHT_HIP", false],
    ]);
  });

  it("judges the day in the patient's zone: a rating at 23:30 in Kiritimati belongs to that local day", () => {
    const kiritimati = "Pacific/Kiritimati"; // UTC+14
    const at = wall("2026-11-10T23:30", kiritimati);
    expect(at.toISOString()).toBe("2026-11-10T09:30:00.000Z");
    const baseline = Array.from({ length: 14 }, (_, index) => ({
      ...rating("2026-11-01", 2),
      at: wall(`${addDays("2026-11-10", -(index + 1))}T23:30`, kiritimati),
    }));
    const areas = painByArea(
      [...baseline, { ...rating(today, 5), at }],
      wall("2026-11-11T08:00", kiritimati),
      kiritimati,
    );
    expect(areas[0]).toMatchObject({ flare: true, baseline: { status: "ok", days: 14, mean: 2 } });
  });
});

describe("inactivity", () => {
  const quiet = { lastActivityAt: lateOn(daysAgo(inactiveAfterDays)), routine: everyDaySince(daysAgo(60)) };

  it(`is flagged after ${inactiveAfterDays} days with nothing logged, not after ${inactiveAfterDays - 1}`, () => {
    expect(flagsOf(summarise({ lastActivityAt: lateOn(daysAgo(inactiveAfterDays)) }))).toEqual(["INACTIVE"]);
    expect(flagsOf(summarise({ lastActivityAt: lateOn(daysAgo(inactiveAfterDays - 1)) }))).toEqual([]);
  });

  it("is never said of a patient linked today, or whose routine started 4 days ago", () => {
    expect(flagsOf(summarise({ lastActivityAt: null, watchedSince: wall(`${today}T09:00`) }))).toEqual([]);
    expect(
      flagsOf(summarise({ ...quiet, watchedSince: wall(`${daysAgo(inactiveAfterDays - 1)}T09:00`) })),
    ).not.toContain("INACTIVE");
    expect(
      flagsOf(summarise({ lastActivityAt: null, watchedSince: wall(`${daysAgo(inactiveAfterDays)}T09:00`) })),
    ).toEqual(["INACTIVE"]);
  });
});

describe("triage", () => {
  const row = (name: string, overrides: Partial<CaseloadInput>) => ({ name, ...summarise(overrides) });

  it("puts severe pain and flares first, then low adherence, then inactivity, then how high the pain is", () => {
    const flaring = row("Flaring", { pain: [...steady(3, 10), rating(today, 8)] });
    const lowAdherence = row("Low adherence", {
      routine: everyDaySince(daysAgo(30)),
      sessionTimes: [lateOn(daysAgo(1))],
      pain: [rating(today, 5)],
    });
    const inactive = row("Inactive", { lastActivityAt: lateOn(daysAgo(9)), pain: [rating(daysAgo(9), 6)] });
    const high = row("Higher pain", { pain: [rating(today, 6)] });
    const low = row("Lower pain", { pain: [rating(today, 2)] });
    expect(flagsOf(flaring)).toEqual(["SEVERE_PAIN", "PAIN_FLARE"]);
    expect(flagsOf(lowAdherence)).toEqual(["LOW_ADHERENCE"]);
    expect(flagsOf(inactive)).toEqual(["INACTIVE"]);
    const sorted = [low, inactive, high, lowAdherence, flaring].sort(compareByAttention);
    expect(sorted.map((r) => r.name)).toEqual([
      "Flaring",
      "Low adherence",
      "Inactive",
      "Higher pain",
      "Lower pain",
    ]);
  });

  it("ranks an inactive patient with low adherence below a patient at 8/10 and worsening", () => {
    const both = row("Inactive and missing sessions", {
      routine: everyDaySince(daysAgo(30)),
      lastActivityAt: lateOn(daysAgo(12)),
    });
    const worse = row("At 8", { pain: [...steady(5, 10), rating(today, 8)] });
    expect([both, worse].sort(compareByAttention).map((r) => r.name)).toEqual([
      "At 8",
      "Inactive and missing sessions",
    ]);
  });

  it("states its rules in order, safety first, with the thresholds it uses", () => {
    expect(triageRules[0]).toContain(`${severePainRating} or more`);
    expect(triageRules[0]).toContain(
      `${meaningfulChangePoints} or more points above its own ${flareBaselineDays}-day average`,
    );
    expect(triageRules.slice(1).map((rule) => rule.split(" (")[0])).toEqual([
      "a worse outcome score",
      "low adherence",
      "inactivity",
      "the highest pain rating of the last 14 days",
      "name",
    ]);
  });

  it("states a flare as facts: the rating, its date and the area's 14-day average", () => {
    const summary = summarise({ pain: [...steady(4, 9), rating(daysAgo(10), 5), rating(today, 8)] });
    expect(summary.flags.find((f) => f.flag === "PAIN_FLARE")?.reason).toBe(
      "Lower back 8/10 on 10 Nov; 14-day average 4.1 (rule: 2 or more above the area's own average).",
    );
  });
});
