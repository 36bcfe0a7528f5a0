import { describe, expect, it } from "vitest";
import { addDays, fromLocalDateTime } from "@/lib/domain/calendar";
import {
  type CaseloadInput,
  caseloadThresholds,
  compareByAttention,
  flagLabels,
  summarisePatient,
} from "@/lib/domain/caseload";
import type { ScheduledItem } from "@/lib/domain/progress";

// Los Angeles, with entries at 23:30 local: already the next day in UTC, so any slip from local
// dates to UTC dates moves an entry across a day boundary and fails a test.
const zone = "America/Los_Angeles";
const today = "2026-11-25"; // a Wednesday

function wall(value: string, timeZone = zone): Date {
  const instant = fromLocalDateTime(value, timeZone);
  if (!instant) throw new Error(`Unreadable local time ${value}`);
  return instant;
}

const now = wall(`${today}T23:45`);
const daysAgo = (days: number) => addDays(today, -days);
const lateOn = (date: string) => wall(`${date}T23:30`);

/** One entry per day at 23:30 local. */
function painOn(...entries: [date: string, rating: number][]) {
  return entries.map(([date, rating]) => ({ at: lateOn(date), rating }));
}

/** Several entries on one day, from 08:00 local every two hours, all before 23:30. */
function painDuring(date: string, ratings: number[]) {
  return ratings.map((rating, index) => ({
    at: wall(`${date}T${String(8 + 2 * index).padStart(2, "0")}:00`),
    rating,
  }));
}

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
    ...overrides,
  });
}

const flagsOf = (summary: { flags: { flag: string }[] }) => summary.flags.map(({ flag }) => flag);

describe("the fixture", () => {
  it("is a day where the local date and the UTC date differ", () => {
    expect(now.toISOString().slice(0, 10)).toBe("2026-11-26");
    expect(lateOn(today).toISOString()).toBe("2026-11-26T07:30:00.000Z");
  });
});

describe("pain flares", () => {
  it("flags a latest pain of 7 even without a baseline, dated in the patient's zone", () => {
    const summary = summarise({ pain: painOn([today, 7]) });
    expect(summary.baseline).toBeNull();
    expect(summary.flags).toEqual([
      { flag: "PAIN_FLARE", reason: "Latest pain 7/10 on 25 Nov, at or above the flare level of 7/10." },
    ]);
  });

  it("does not flag a latest pain of 6 without a baseline", () => {
    const summary = summarise({ pain: painOn([today, 6]) });
    expect(summary.latestPain).toEqual({ rating: 6, at: lateOn(today) });
    expect(summary.flags).toEqual([]);
  });

  it("flags a rise of exactly 2.0 above the 14-day baseline", () => {
    const summary = summarise({ pain: painOn([daysAgo(1), 4], [daysAgo(5), 4], [today, 6]) });
    expect(summary.baseline).toBe(4);
    expect(summary.flags).toEqual([
      { flag: "PAIN_FLARE", reason: "Latest pain 6/10 on 25 Nov, 2 above the 14-day baseline of 4." },
    ]);
  });

  it("does not flag a rise of 1.9 above the baseline", () => {
    // Nine days at 4 and one at 5: a baseline of 4.1.
    const baselineDays = Array.from({ length: 10 }, (_, index): [string, number] => [
      daysAgo(index + 1),
      index === 0 ? 5 : 4,
    ]);
    const summary = summarise({ pain: painOn(...baselineDays, [today, 6]) });
    expect(summary.baseline).toBe(4.1);
    expect(summary.flags).toEqual([]);
  });

  it("still flags a rise of exactly 2 when the floating-point baseline lands a hair above it", () => {
    const pain = [
      ...painDuring(daysAgo(3), [2]),
      ...painDuring(daysAgo(2), [5, 7, 8]),
      ...painDuring(daysAgo(1), [3, 3, 4]),
      ...painOn([today, 6]),
    ];
    // The true baseline is (2 + 20/3 + 10/3) / 3 = 4, but binary arithmetic makes it 4.000000000000001.
    expect(6 - (2 + 20 / 3 + 10 / 3) / 3).toBeLessThan(2);
    const summary = summarise({ pain });
    expect(summary.baseline).toBe(4);
    expect(flagsOf(summary)).toEqual(["PAIN_FLARE"]);
  });

  it("names both rules when the latest pain is high and well above the baseline", () => {
    const baselineDays = Array.from({ length: 10 }, (_, index): [string, number] => [
      daysAgo(index + 1),
      index === 0 ? 4 : 5,
    ]);
    const summary = summarise({ pain: painOn(...baselineDays, [today, 8]) });
    expect(summary.baseline).toBe(4.9);
    expect(summary.flags).toEqual([
      {
        flag: "PAIN_FLARE",
        reason:
          "Latest pain 8/10 on 25 Nov, at or above the flare level of 7/10 and 3.1 above the 14-day baseline of 4.9.",
      },
    ]);
  });

  it("takes the entry with the greatest time as the latest, whatever the order given", () => {
    const pain = [
      { at: wall(`${today}T09:00`), rating: 9 },
      { at: lateOn(today), rating: 3 },
      { at: lateOn(daysAgo(2)), rating: 8 },
    ];
    for (const order of [pain, [...pain].reverse()]) {
      const summary = summarise({ pain: order });
      expect(summary.latestPain).toEqual({ rating: 3, at: lateOn(today) });
      // The earlier entry on the latest day is not part of the baseline either.
      expect(summary.baseline).toBe(8);
    }
  });
});

describe("the pain baseline", () => {
  it("averages daily means, so a day with three entries weighs as much as a day with one", () => {
    const pain = [...painDuring(daysAgo(1), [2, 2, 2]), ...painOn([daysAgo(2), 8], [today, 5])];
    expect(summarise({ pain }).baseline).toBe(5);
  });

  it("skips days without entries instead of counting them as zero", () => {
    const summary = summarise({ pain: painOn([daysAgo(3), 3], [daysAgo(10), 6], [today, 4]) });
    expect(summary.baseline).toBe(4.5);
  });

  it("covers the 14 local days before the latest entry's day, by local date", () => {
    // At 23:30 in Los Angeles, 15 days back is 14 days back in UTC and the day before is today in UTC.
    const pain = painOn([daysAgo(15), 10], [daysAgo(14), 2], [daysAgo(1), 4], [today, 3]);
    expect(caseloadThresholds.baselineDays).toBe(14);
    expect(summarise({ pain }).baseline).toBe(3);
  });

  it("is measured back from the latest entry's day, not from today", () => {
    const summary = summarise({
      pain: painOn([daysAgo(25), 2], [daysAgo(24), 9], [daysAgo(10), 6]),
      lastActivityAt: lateOn(daysAgo(10)),
    });
    expect(summary.latestPain?.rating).toBe(6);
    expect(summary.baseline).toBe(9);
  });

  it("is rounded to one decimal for display and null when the 14 days are empty", () => {
    expect(
      summarise({ pain: painOn([daysAgo(1), 4], [daysAgo(2), 4], [daysAgo(3), 5], [today, 4]) }).baseline,
    ).toBe(4.3);
    expect(summarise({ pain: painOn([daysAgo(15), 4], [today, 4]) }).baseline).toBeNull();
  });
});

describe("the pain trend", () => {
  const earlierWeek = painOn([daysAgo(13), 4], [daysAgo(7), 4]);

  it.each([
    { latestDay: [5], trend: "WORSENING" },
    { latestDay: [4, 5], trend: "STEADY" },
    { latestDay: [4], trend: "STEADY" },
    { latestDay: [3, 4], trend: "STEADY" },
    { latestDay: [3], trend: "IMPROVING" },
  ])("is $trend when the last week averages $latestDay against 4 the week before", ({ latestDay, trend }) => {
    const [last, ...others] = [...latestDay].reverse();
    const pain = [...earlierWeek, ...painDuring(today, others), ...painOn([today, last ?? 0])];
    expect(summarise({ pain }).trend).toBe(trend);
  });

  it("splits the halves between 6 and 7 days before the latest entry and ignores 14 days back", () => {
    const pain = painOn([daysAgo(14), 9], [daysAgo(7), 4], [daysAgo(6), 8], [today, 2]);
    // Recent week: 8 and 2, mean 5; week before: 4 alone.
    expect(summarise({ pain }).trend).toBe("WORSENING");
  });

  it("is null when either week has no entries", () => {
    expect(summarise({ pain: painOn([daysAgo(6), 8], [today, 2]) }).trend).toBeNull();
    expect(summarise({ pain: painOn([daysAgo(14), 8], [today, 2]) }).trend).toBeNull();
    expect(summarise({ pain: [] }).trend).toBeNull();
  });
});

describe("adherence", () => {
  const sessionsOn = (...dates: string[]) => dates.map(lateOn);
  const lastDays = (count: number) => Array.from({ length: count }, (_, index) => daysAgo(index + 1));

  it.each([
    { done: 4, percent: 40, flagged: true },
    { done: 5, percent: 50, flagged: false },
    { done: 6, percent: 60, flagged: false },
  ])(
    "with $done of 10 due sessions done ($percent%), low adherence is flagged: $flagged",
    ({ done, percent, flagged }) => {
      // Due every day for the last 10 days; today has no session yet, so it is not due.
      const summary = summarise({
        routine: everyDaySince(daysAgo(10)),
        sessionTimes: sessionsOn(...lastDays(done)),
      });
      expect(summary.adherence14).toEqual({ done, due: 10, percent });
      expect(flagsOf(summary)).toEqual(flagged ? ["LOW_ADHERENCE"] : []);
    },
  );

  it("explains low adherence in a sentence", () => {
    const summary = summarise({
      routine: everyDaySince(daysAgo(10)),
      sessionTimes: sessionsOn(...lastDays(4)),
    });
    expect(summary.flags).toEqual([
      { flag: "LOW_ADHERENCE", reason: "Did 4 of 10 due sessions in the last 14 days (40%)." },
    ]);
  });

  it("reaches exactly 50% with today's session and falls just under without it", () => {
    // With 14 days the nearest a count gets below 50% is 6 of 13 (46%); 49% cannot happen.
    const routine = everyDaySince("2026-01-01");
    const without = summarise({ routine, sessionTimes: sessionsOn(...lastDays(6)) });
    expect(without.adherence14).toEqual({ done: 6, due: 13, percent: 46 });
    expect(flagsOf(without)).toEqual(["LOW_ADHERENCE"]);
    const withToday = summarise({ routine, sessionTimes: sessionsOn(today, ...lastDays(6)) });
    expect(withToday.adherence14).toEqual({ done: 7, due: 14, percent: 50 });
    expect(flagsOf(withToday)).toEqual([]);
  });

  it("does not count today as missed while the day is not over", () => {
    const summary = summarise({ routine: everyDaySince(today) });
    expect(summary.adherence7).toBeNull();
    expect(summary.adherence14).toBeNull();
    expect(flagsOf(summary)).toEqual([]);
  });

  it("counts today as done once today's session is logged", () => {
    const summary = summarise({ routine: everyDaySince(today), sessionTimes: sessionsOn(today) });
    expect(summary.adherence7).toEqual({ done: 1, due: 1, percent: 100 });
  });

  it("counts yesterday as missed", () => {
    const summary = summarise({ routine: everyDaySince(daysAgo(1)) });
    expect(summary.adherence7).toEqual({ done: 0, due: 1, percent: 0 });
    expect(summary.flags).toEqual([
      { flag: "LOW_ADHERENCE", reason: "Did 0 of 1 due session in the last 14 days (0%)." },
    ]);
  });

  it("counts a day once however many sessions it has, and ignores sessions on days not due", () => {
    const mondays: ScheduledItem[] = [{ daysOfWeek: 0b0000001, activeFrom: "2026-01-01", activeUntil: null }];
    const summary = summarise({
      routine: mondays,
      sessionTimes: [wall("2026-11-23T08:00"), lateOn("2026-11-23"), lateOn("2026-11-24")],
    });
    expect(summary.adherence14).toEqual({ done: 1, due: 2, percent: 50 });
  });

  it("counts a Monday 23:30 session on Monday, though it is Tuesday in UTC", () => {
    const mondays: ScheduledItem[] = [{ daysOfWeek: 0b0000001, activeFrom: "2026-01-01", activeUntil: null }];
    const summary = summarise({ routine: mondays, sessionTimes: sessionsOn("2026-11-16", "2026-11-23") });
    expect(lateOn("2026-11-16").getUTCDay()).toBe(2);
    expect(summary.adherence14).toEqual({ done: 2, due: 2, percent: 100 });
  });

  it("looks back 7, 14 and 30 local days including today", () => {
    const summary = summarise({
      routine: everyDaySince("2026-01-01"),
      sessionTimes: sessionsOn(daysAgo(6), daysAgo(7), daysAgo(29), daysAgo(30)),
    });
    expect(summary.adherence7).toEqual({ done: 1, due: 6, percent: 17 });
    expect(summary.adherence14).toEqual({ done: 2, due: 13, percent: 15 });
    expect(summary.adherence30).toEqual({ done: 3, due: 29, percent: 10 });
  });

  it("is null and never flagged when nothing was due", () => {
    const ended: ScheduledItem[] = [
      { daysOfWeek: 0b1111111, activeFrom: "2026-01-01", activeUntil: daysAgo(30) },
    ];
    for (const routine of [[], ended, everyDaySince(addDays(today, 1))]) {
      const summary = summarise({ routine });
      expect([summary.adherence7, summary.adherence14, summary.adherence30]).toEqual([null, null, null]);
      expect(flagsOf(summary)).toEqual([]);
    }
  });
});

describe("inactivity", () => {
  it.each([
    { days: 4, reason: null },
    { days: 5, reason: "Nothing logged for 5 days (last on 20 Nov)." },
    { days: 6, reason: "Nothing logged for 6 days (last on 19 Nov)." },
  ])("after $days days since a 23:30 entry the reason is $reason", ({ days, reason }) => {
    const summary = summarise({ lastActivityAt: lateOn(daysAgo(days)) });
    expect(summary.daysSinceActivity).toBe(days);
    expect(summary.flags).toEqual(reason ? [{ flag: "INACTIVE", reason }] : []);
  });

  it("flags a patient who never logged anything, and has no pain or adherence figures", () => {
    const summary = summarise({ lastActivityAt: null });
    expect(summary).toEqual({
      latestPain: null,
      baseline: null,
      trend: null,
      adherence7: null,
      adherence14: null,
      adherence30: null,
      daysSinceActivity: null,
      flags: [{ flag: "INACTIVE", reason: "Nothing logged yet." }],
      attention: expect.any(Number),
    });
  });

  it("flags low adherence before inactivity for a patient who never started a routine", () => {
    const summary = summarise({ lastActivityAt: null, routine: everyDaySince("2026-01-01") });
    expect(summary.flags).toEqual([
      { flag: "LOW_ADHERENCE", reason: "Did 0 of 13 due sessions in the last 14 days (0%)." },
      { flag: "INACTIVE", reason: "Nothing logged yet." },
    ]);
  });

  it("uses the latest entry it was given when the last activity passed in is older", () => {
    const summary = summarise({ lastActivityAt: lateOn(daysAgo(9)), sessionTimes: [lateOn(daysAgo(2))] });
    expect(summary.daysSinceActivity).toBe(2);
    expect(flagsOf(summary)).toEqual([]);
  });

  it("counts an entry dated after now as activity today", () => {
    const summary = summarise({ lastActivityAt: wall(`${addDays(today, 1)}T00:10`) });
    expect(summary.daysSinceActivity).toBe(0);
  });
});

describe("across the end of summer time (London, 25 October 2026)", () => {
  const london = "Europe/London";
  const londonNow = wall("2026-10-30T12:00", london);
  const inLondon = (overrides: Partial<CaseloadInput>) =>
    summarisePatient({
      timeZone: london,
      now: londonNow,
      pain: [],
      sessionTimes: [],
      lastActivityAt: londonNow,
      routine: [],
      ...overrides,
    });

  it("counts 5 days since 00:30 on the 25-hour day, which was still the 24th in UTC", () => {
    const lastActivityAt = wall("2026-10-25T00:30", london);
    expect(lastActivityAt.toISOString()).toBe("2026-10-24T23:30:00.000Z");
    expect(inLondon({ lastActivityAt }).flags).toEqual([
      { flag: "INACTIVE", reason: "Nothing logged for 5 days (last on 25 Oct)." },
    ]);
    const dayLater = inLondon({ lastActivityAt: wall("2026-10-26T00:30", london) });
    expect(dayLater.daysSinceActivity).toBe(4);
    expect(dayLater.flags).toEqual([]);
  });

  it("counts each local day's 00:30 session on its own day either side of the change", () => {
    const days = ["2026-10-24", "2026-10-25", "2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29"];
    const summary = inLondon({
      routine: [{ daysOfWeek: 0b1111111, activeFrom: "2026-10-01", activeUntil: null }],
      sessionTimes: days.map((date) => wall(`${date}T00:30`, london)),
    });
    expect(summary.adherence7).toEqual({ done: 6, due: 6, percent: 100 });
  });

  it("keeps a pain entry from 14 local days before in the baseline though it is 15 days back in UTC", () => {
    const pain = [
      { at: wall("2026-10-16T00:30", london), rating: 3 },
      { at: wall("2026-10-30T09:00", london), rating: 5 },
    ];
    const summary = inLondon({ pain });
    expect(summary.baseline).toBe(3);
    expect(summary.flags).toEqual([
      { flag: "PAIN_FLARE", reason: "Latest pain 5/10 on 30 Oct, 2 above the 14-day baseline of 3." },
    ]);
  });
});

describe("ordering the caseload", () => {
  const routineMissed = everyDaySince(daysAgo(10));
  const patients: { name: string; input: Partial<CaseloadInput> }[] = [
    { name: "Flare and low adherence", input: { pain: painOn([today, 8]), routine: routineMissed } },
    {
      name: "Flare and inactive",
      input: { pain: painOn([daysAgo(6), 8]), lastActivityAt: lateOn(daysAgo(6)) },
    },
    {
      name: "Low adherence and inactive",
      input: { pain: painOn([daysAgo(6), 3]), lastActivityAt: lateOn(daysAgo(6)), routine: routineMissed },
    },
    { name: "Flare at 9", input: { pain: painOn([today, 9]) } },
    { name: "Flare at 7", input: { pain: painOn([today, 7]) } },
    { name: "Low adherence", input: { pain: painOn([today, 6]), routine: routineMissed } },
    {
      name: "Inactive for a month",
      input: { pain: painOn([daysAgo(30), 6]), lastActivityAt: lateOn(daysAgo(30)) },
    },
    { name: "Pain 6", input: { pain: painOn([today, 6]) } },
    {
      name: "Pain 5, quiet for 4 days",
      input: { pain: painOn([daysAgo(4), 5]), lastActivityAt: lateOn(daysAgo(4)) },
    },
    { name: "Pain 5, active today", input: { pain: painOn([today, 5]) } },
  ];

  it("puts more flags first, then the worse flag, then higher pain, then longer inactivity", () => {
    const rows = patients.map(({ name, input }) => ({ name, attention: summarise(input).attention }));
    const sorted = [...rows].reverse().sort(compareByAttention);
    expect(sorted.map(({ name }) => name)).toEqual(patients.map(({ name }) => name));
  });

  it("lists a patient's flags in severity order", () => {
    const summary = summarise({
      pain: painOn([daysAgo(6), 9]),
      lastActivityAt: lateOn(daysAgo(6)),
      routine: routineMissed,
    });
    expect(flagsOf(summary)).toEqual(["PAIN_FLARE", "LOW_ADHERENCE", "INACTIVE"]);
    expect(summary.flags.map(({ flag }) => flagLabels[flag])).toEqual([
      "Pain flare",
      "Low adherence",
      "Inactive",
    ]);
  });

  it("breaks ties by name, ignoring case and accents", () => {
    const rows = [
      { name: "Zoë", attention: 10 },
      { name: "émile", attention: 10 },
      { name: "Bob", attention: 20 },
      { name: "Amir", attention: 10 },
    ];
    expect([...rows].sort(compareByAttention).map(({ name }) => name)).toEqual([
      "Bob",
      "Amir",
      "émile",
      "Zoë",
    ]);
    expect(compareByAttention({ name: "Emile", attention: 1 }, { name: "émile", attention: 1 })).toBe(0);
  });
});
