// "Better", "worse" or "about the same": one rule for every sentence and label, per area. Two
// windows of 7 local days are compared by the mean of their daily means; each needs ratings on
// enough days, and only a change of the meaningful size counts, the same both ways (sources in
// clinical-thresholds.ts).
import { addDays, dayNumber } from "./calendar";
import {
  atLeast,
  meaningfulChangePoints,
  minimumDaysPerTrendWindow,
  trendWindowDays,
} from "./clinical-thresholds";

export type PainTrend =
  | { direction: "better" | "worse" | "same"; earlier: number; later: number; change: number }
  | { direction: "too-few"; earlierDays: number; laterDays: number };

export const painTrendLabels: Record<PainTrend["direction"], string> = {
  better: "Better",
  worse: "Worse",
  same: "About the same",
  "too-few": "Too few ratings to compare",
};

/** Mean of the daily means present in a window, and on how many days there was one. */
function windowMean(daily: ReadonlyMap<string, number>, from: string): { mean: number | null; days: number } {
  let sum = 0;
  let days = 0;
  for (let offset = 0; offset < trendWindowDays; offset++) {
    const value = daily.get(addDays(from, offset));
    if (value === undefined) continue;
    sum += value;
    days++;
  }
  return { mean: days === 0 ? null : sum / days, days };
}

/** Compares the 7 days starting `earlierFrom` with the 7 days starting `laterFrom`. */
export function comparePainWindows(
  daily: ReadonlyMap<string, number>,
  earlierFrom: string,
  laterFrom: string,
): PainTrend {
  const earlier = windowMean(daily, earlierFrom);
  const later = windowMean(daily, laterFrom);
  if (
    earlier.mean === null ||
    later.mean === null ||
    earlier.days < minimumDaysPerTrendWindow ||
    later.days < minimumDaysPerTrendWindow
  ) {
    return { direction: "too-few", earlierDays: earlier.days, laterDays: later.days };
  }
  const change = later.mean - earlier.mean;
  const direction = atLeast(-change, meaningfulChangePoints)
    ? "better"
    : atLeast(change, meaningfulChangePoints)
      ? "worse"
      : "same";
  return { direction, earlier: earlier.mean, later: later.mean, change };
}

/** The 7 days ending `lastDay` against the 7 before them (the caseload's trend). */
export function painTrendEnding(daily: ReadonlyMap<string, number>, lastDay: string): PainTrend {
  return comparePainWindows(
    daily,
    addDays(lastDay, -(2 * trendWindowDays - 1)),
    addDays(lastDay, -(trendWindowDays - 1)),
  );
}

/**
 * A period's trend: its first 7 days against its last 7. A period shorter than two windows is
 * read as its last 7 days against the 7 before them, so the windows never overlap.
 */
export function painTrendOver(daily: ReadonlyMap<string, number>, from: string, to: string): PainTrend {
  const laterFrom = addDays(to, -(trendWindowDays - 1));
  const earlierFrom =
    dayNumber(laterFrom) - dayNumber(from) >= trendWindowDays ? from : addDays(laterFrom, -trendWindowDays);
  return comparePainWindows(daily, earlierFrom, laterFrom);
}

/** Daily means per local date from dated ratings, so a day with five ratings weighs as one with one. */
export function dailyMeans(ratings: { date: string; rating: number }[]): Map<string, number> {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const { date, rating } of ratings) {
    const total = totals.get(date) ?? { sum: 0, count: 0 };
    total.sum += rating;
    total.count++;
    totals.set(date, total);
  }
  return new Map([...totals].map(([date, { sum, count }]) => [date, sum / count]));
}

/** The rule in words, for the pages that use it. */
export const painTrendRule = `Better or worse means the ${trendWindowDays}-day average changed by ${meaningfulChangePoints} points or more (each ${trendWindowDays} days with ratings on at least ${minimumDaysPerTrendWindow} of them); a smaller change is within the scale's measurement error and is called about the same.`;
