// Pure rules behind the progress charts. Inputs are small arrays already aggregated by the
// database (one row per day, week or exercise); nothing here reads a clock or a database. Figures
// keep full precision; only the words and tables round, to one decimal.
import { plural } from "@/lib/format";
import { addDays } from "./calendar";
import {
  atLeast,
  meaningfulChangePoints,
  minimumSessionsPerExercise,
  trendWindowDays,
} from "./clinical-thresholds";
import { painRegionLabels, painRegions } from "./pain-areas";
import { type PainTrend, painTrendRule } from "./pain-trend";

/** The areas a chart can show: the three of the scale, and ratings stored before areas were asked. */
export const chartAreas = [...painRegions, "NOT_GIVEN"] as const;
export type ChartArea = (typeof chartAreas)[number];
export const chartAreaLabels: Record<ChartArea, string> = {
  ...painRegionLabels,
  NOT_GIVEN: "Area not given",
};
export const averageKey = (area: ChartArea) => `${area}_7d` as const;

// Adherence moved to adherence.ts; kept reachable here until every caller imports it from there.
export { dueDates, type ScheduledItem } from "./adherence";

export const progressRanges = ["2w", "3m", "1y", "all"] as const;
export type ProgressRange = (typeof progressRanges)[number];
export const progressRangeLabels: Record<ProgressRange, string> = {
  "2w": "2 weeks",
  "3m": "3 months",
  "1y": "1 year",
  all: "All",
};

/** First and last local dates a range covers, ending today. "all" starts at the first activity. */
export function rangeDates(
  range: ProgressRange,
  today: string,
  firstActivity: string | null,
): { from: string; to: string } {
  const days = { "2w": 14, "3m": 91, "1y": 365 } as const;
  if (range === "all") {
    const from = firstActivity && firstActivity < today ? firstActivity : addDays(today, -13);
    return { from, to: today };
  }
  return { from: addDays(today, -(days[range] - 1)), to: today };
}

/**
 * Trailing mean over `window` days of the values present (missing days are skipped, not zero).
 * `values[i]` belongs to day i; days before index 0 are given as `lead` (oldest first).
 */
export function rollingAverage(
  values: (number | null)[],
  window = trendWindowDays,
  lead: (number | null)[] = [],
): (number | null)[] {
  const all = [...lead, ...values];
  return values.map((_, index) => {
    const end = lead.length + index;
    const slice = all
      .slice(Math.max(0, end - window + 1), end + 1)
      .filter((value): value is number => value !== null);
    return slice.length === 0 ? null : slice.reduce((sum, value) => sum + value, 0) / slice.length;
  });
}

/** For display only: one decimal. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A pain figure as shown in words: always one decimal ("6.0", "3.3"). */
export function formatPain(value: number): string {
  return round1(value).toFixed(1);
}

/** "1 session", "2 sessions": the app's one pluralisation rule. */
export const countOf = plural;

/** Mean of the numbers present, or null. */
export function mean(values: (number | null | undefined)[]): number | null {
  const present = values.filter((value): value is number => typeof value === "number");
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/** Which two weeks a period's trend compares, in words. */
export function trendWindowsLabel(range: ProgressRange, rangeLabel: string): string {
  return range === "2w"
    ? `the last ${trendWindowDays} days against the ${trendWindowDays} before`
    : `the first ${trendWindowDays} days of ${rangeLabel} against the last ${trendWindowDays}`;
}

function trendClause(trend: PainTrend): string {
  switch (trend.direction) {
    case "too-few":
      return `too few ratings to compare (rated on ${trend.earlierDays} and ${trend.laterDays} of ${trendWindowDays} days)`;
    case "same":
      return `about the same (${formatPain(trend.earlier)} to ${formatPain(trend.later)})`;
    default:
      return `${trend.direction} (${formatPain(trend.earlier)} to ${formatPain(trend.later)})`;
  }
}

/**
 * "Comparing ...: Lower back better (6.1 to 3.4); Right hip about the same (3.0 to 2.6)." One
 * clause per area with ratings in the period, by the rule in pain-trend.ts.
 */
export function describePainTrends(areas: { label: string; trend: PainTrend }[], windows: string): string {
  if (areas.length === 0) return "No pain ratings in this period yet.";
  const clauses = areas.map(({ label, trend }) => `${label} ${trendClause(trend)}`);
  return `Comparing ${windows}: ${clauses.join("; ")}. ${painTrendRule}`;
}

/** The before/after summary, per session: the mean of every paired session's ratings. */
export function describeBeforeAfter(sessions: number, beforeTotal: number, afterTotal: number): string {
  if (sessions === 0) return "No sessions with pain rated before and after in this period.";
  return `On average pain went from ${formatPain(beforeTotal / sessions)} before a session to ${formatPain(afterTotal / sessions)} after it (${countOf(sessions, "session")} with both ratings).`;
}

export type ExerciseResponse = { exerciseId: string; name: string; sessions: number; totalChange: number };

/**
 * Names exercises only when their sessions went with a meaningful change (2 points or more, the
 * same rule as the trends) over enough sessions. Every exercise that qualifies is named, in
 * alphabetical order, so none is picked among equals; the words say association, not cause.
 */
export function describeExerciseResponses(rows: ExerciseResponse[]): string {
  if (rows.length === 0) return "No sessions with pain rated before and after in this period.";
  const qualifying = rows
    .filter(
      (row) =>
        row.sessions >= minimumSessionsPerExercise &&
        atLeast(Math.abs(row.totalChange / row.sessions), meaningfulChangePoints),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
  const rule = `of ${meaningfulChangePoints} points or more over at least ${minimumSessionsPerExercise} sessions`;
  if (qualifying.length === 0) {
    return `No exercise went with a change in pain ${rule}; smaller differences are within the scale's measurement error.`;
  }
  const list = (direction: "lower" | "higher") => {
    const named = qualifying
      .filter((row) => (direction === "lower" ? row.totalChange < 0 : row.totalChange > 0))
      .map(
        (row) =>
          `${row.name} (${formatPain(Math.abs(row.totalChange / row.sessions))} points ${direction}, ${countOf(row.sessions, "session")})`,
      );
    if (named.length === 0) return null;
    return `Sessions that included ${joinNames(named)} went with pain ${direction} afterwards.`;
  };
  const sentences = [list("lower"), list("higher")].filter((sentence) => sentence !== null);
  return `${sentences.join(" ")} This is an association: a session holds several exercises, so it does not show which one made the difference.`;
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Longer ranges are drawn in weeks, then months, so "all" stays a few hundred points whatever its length. */
export type PointResolution = "day" | "week" | "month";
export const weeklyAfterDays = 183;
export const monthlyAfterDays = 731;

/** The resolution for a range of this many days: daily up to 183, weekly up to 731, monthly beyond. */
export function resolutionFor(dayCount: number): PointResolution {
  if (dayCount > monthlyAfterDays) return "month";
  if (dayCount > weeklyAfterDays) return "week";
  return "day";
}

type DatedPoint = { date: string } & Record<string, number | string | null>;

/**
 * Daily chart points merged into weeks (7 days from the first) or calendar months, each dated by its
 * first day. A plain value becomes the mean of the days that have one; a 7-day average (`*_7d`)
 * keeps its last value in the bucket, the trailing average where the bucket ends.
 */
export function bucketPoints<P extends DatedPoint>(points: P[], resolution: PointResolution): P[] {
  if (resolution === "day") return points;
  const groups: P[][] = [];
  let key = "";
  points.forEach((point, index) => {
    const next = resolution === "week" ? String(Math.floor(index / 7)) : point.date.slice(0, 7);
    if (next !== key || groups.length === 0) groups.push([]);
    key = next;
    groups.at(-1)?.push(point);
  });
  return groups.map((group) => {
    const merged: Record<string, number | string | null> = { date: group[0]?.date ?? "" };
    for (const field of Object.keys(group[0] ?? {})) {
      if (field === "date") continue;
      const values = group
        .map((point) => point[field])
        .filter((value): value is number => typeof value === "number");
      merged[field] = field.endsWith("_7d")
        ? (values.at(-1) ?? null)
        : values.length === 0
          ? null
          : values.reduce((sum, value) => sum + value, 0) / values.length;
    }
    return merged as P;
  });
}
