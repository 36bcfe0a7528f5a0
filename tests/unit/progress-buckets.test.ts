import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/calendar";
import { bucketPoints, resolutionFor } from "@/lib/domain/progress";

/** One point a day from `from`, LOWER_BACK rising by one each day, its 7-day average the day's value too. */
function daily(from: string, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    date: addDays(from, index),
    LOWER_BACK: index % 3 === 2 ? null : index,
    LOWER_BACK_7d: index,
  }));
}

describe("points of a long range", () => {
  it("are daily up to 183 days, weekly up to 731, monthly beyond", () => {
    expect([1, 183, 184, 731, 732, 20_789].map(resolutionFor)).toEqual([
      "day",
      "day",
      "week",
      "week",
      "month",
      "month",
    ]);
  });

  it("merge a week into its mean, dated by its first day, keeping the average where it ends", () => {
    const weeks = bucketPoints(daily("2026-01-01", 10), "week");
    expect(weeks).toEqual([
      { date: "2026-01-01", LOWER_BACK: (0 + 1 + 3 + 4 + 6) / 5, LOWER_BACK_7d: 6 },
      { date: "2026-01-08", LOWER_BACK: (7 + 9) / 2, LOWER_BACK_7d: 9 },
    ]);
  });

  it("merge calendar months, and keep a point per month however long the range", () => {
    const points = daily("2000-01-15", 56 * 365);
    const months = bucketPoints(points, resolutionFor(points.length));
    expect(months[0]?.date).toBe("2000-01-15");
    expect(months[1]?.date).toBe("2000-02-01");
    expect(months.length).toBeLessThanOrEqual(56 * 12 + 1);
  });

  it("leave a short range as it is, and a bucket without ratings empty", () => {
    const points = daily("2026-01-01", 3);
    expect(bucketPoints(points, "day")).toBe(points);
    expect(bucketPoints([{ date: "2026-01-01", LOWER_BACK: null, LOWER_BACK_7d: null }], "month")).toEqual([
      { date: "2026-01-01", LOWER_BACK: null, LOWER_BACK_7d: null },
    ]);
  });
});
