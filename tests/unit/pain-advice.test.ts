import { describe, expect, it } from "vitest";
import { addDays, fromLocalDateTime } from "@/lib/domain/calendar";
import {
  latestPainWindowDays,
  meaningfulChangePoints,
  minimumBaselineDays,
  severePainRating,
} from "@/lib/domain/clinical-thresholds";
import { type PainArea, type PainContext, type PainRating, painAdviceFor } from "@/lib/domain/pain-status";

// Auckland at 00:30 local is still the day before in UTC, so a rating judged by UTC dates would
// count its own day in the baseline. The fortnight before `today` spans the start of daylight
// saving time there (27 Sep 2026).
const zone = "Pacific/Auckland";
const today = "2026-10-02";

function wall(value: string): Date {
  const instant = fromLocalDateTime(value, zone);
  if (!instant) throw new Error(`Unreadable local time ${value}`);
  return instant;
}

const now = wall(`${today}T08:00`);
const daysAgo = (days: number) => addDays(today, -days);

function rating(
  date: string,
  value: number,
  area: PainArea = "LOWER_BACK",
  context: PainContext = "CHECK_IN",
): PainRating {
  return { at: wall(`${date}T00:30`), rating: value, area, context, sessionId: null };
}

/** The same rating on each of `days` days before `today`. */
const steady = (value: number, days: number, area: PainArea = "LOWER_BACK") =>
  Array.from({ length: days }, (_, index) => rating(daysAgo(index + 1), value, area));

describe("the advice after a rating is saved", () => {
  it.each([
    [severePainRating - 1, false],
    [severePainRating, true],
    [severePainRating + 1, true],
  ])("a check-in of %i with no history is severe: %s", (value, severe) => {
    const advice = painAdviceFor([rating(today, value)], [], now, zone);
    expect(advice.length > 0).toBe(severe);
    if (severe) expect(advice[0]).toMatchObject({ rating: value, severe: true, flareOver: null });
  });

  it("an after-session rating of 7 shows the advice; of 6 it does not, even far above the baseline", () => {
    const history = steady(2, 10);
    expect(painAdviceFor([rating(today, 7, "LOWER_BACK", "AFTER_SESSION")], history, now, zone)).toEqual([
      { area: "LOWER_BACK", rating: 7, context: "AFTER_SESSION", severe: true, flareOver: null },
    ]);
    expect(painAdviceFor([rating(today, 6, "LOWER_BACK", "AFTER_SESSION")], history, now, zone)).toEqual([]);
  });

  it.each([
    [3 + meaningfulChangePoints - 1, false],
    [3 + meaningfulChangePoints, true],
    [3 + meaningfulChangePoints + 1, true],
  ])("a check-in of %i over a steady 3 is a rise of 2 or more: %s", (value, flare) => {
    const advice = painAdviceFor([rating(today, value)], steady(3, 14), now, zone);
    expect(advice).toEqual(
      flare ? [{ area: "LOWER_BACK", rating: value, context: "CHECK_IN", severe: false, flareOver: 3 }] : [],
    );
  });

  it("a before-session rating is judged against the baseline like a check-in", () => {
    expect(
      painAdviceFor([rating(today, 5, "LOWER_BACK", "BEFORE_SESSION")], steady(3, 5), now, zone),
    ).toEqual([{ area: "LOWER_BACK", rating: 5, context: "BEFORE_SESSION", severe: false, flareOver: 3 }]);
  });

  it.each([
    [minimumBaselineDays - 1, false],
    [minimumBaselineDays, true],
  ])("a baseline needs ratings on 4 of the 14 days before (%i days: %s)", (days, flare) => {
    expect(painAdviceFor([rating(today, 6)], steady(3, days), now, zone).length > 0).toBe(flare);
  });

  it("compares an area with its own baseline, not with the others", () => {
    // Lower back always 5, hips always 1: a back check-in of 5 is not a rise, a hip at 3 is.
    const history = [...steady(5, 8), ...steady(1, 8, "LEFT_HIP")];
    expect(painAdviceFor([rating(today, 5), rating(today, 2, "LEFT_HIP")], history, now, zone)).toEqual([]);
    expect(painAdviceFor([rating(today, 5), rating(today, 3, "LEFT_HIP")], history, now, zone)).toEqual([
      { area: "LEFT_HIP", rating: 3, context: "CHECK_IN", severe: false, flareOver: 1 },
    ]);
  });

  it("leaves the rating's own day and after-session ratings out of the baseline", () => {
    const history = [
      ...steady(3, 6),
      rating(today, 9),
      ...Array.from({ length: 6 }, (_, index) =>
        rating(daysAgo(index + 1), 9, "LOWER_BACK", "AFTER_SESSION"),
      ),
    ];
    expect(painAdviceFor([rating(today, 5)], history, now, zone)).toEqual([
      { area: "LOWER_BACK", rating: 5, context: "CHECK_IN", severe: false, flareOver: 3 },
    ]);
  });

  it("a rating without an area can be severe but never a rise", () => {
    const history = steady(1, 10, "NOT_GIVEN");
    expect(painAdviceFor([rating(today, 6, "NOT_GIVEN")], history, now, zone)).toEqual([]);
    expect(painAdviceFor([rating(today, 8, "NOT_GIVEN")], history, now, zone)).toEqual([
      { area: "NOT_GIVEN", rating: 8, context: "CHECK_IN", severe: true, flareOver: null },
    ]);
  });

  it("a rating dated before the 14-day window raises nothing; one on its last day does", () => {
    const lastDay = daysAgo(latestPainWindowDays - 1);
    const before = daysAgo(latestPainWindowDays);
    expect(painAdviceFor([rating(lastDay, 9)], [], now, zone)).toHaveLength(1);
    expect(painAdviceFor([rating(before, 9)], [], now, zone)).toEqual([]);
  });

  it("lists the worst rating first", () => {
    const advice = painAdviceFor(
      [rating(today, 7, "RIGHT_HIP"), rating(today, 9, "LEFT_HIP")],
      [],
      now,
      zone,
    );
    expect(advice.map((reason) => reason.rating)).toEqual([9, 7]);
  });
});
