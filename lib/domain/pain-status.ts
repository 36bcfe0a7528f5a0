// "Latest pain" and the pain flags, one model for every screen (Today, caseload, record, charts).
// Every rating names its area; each area is judged against its own history. Check-ins and
// before-session ratings are pain data. After-session ratings are shown with their label but kept
// out of baselines and flares: a rise right after exercise is compared with the same session's
// before rating, and the next check-in or before-session rating shows whether it settled.
// Days are local calendar dates in the patient's zone. Thresholds and sources: clinical-thresholds.ts.
import { addDays, dayNumber, localDate, type Zone } from "./calendar";
import {
  atLeast,
  flareBaselineDays,
  latestPainWindowDays,
  meaningfulChangePoints,
  minimumBaselineDays,
  severePainRating,
} from "./clinical-thresholds";
import { dailyMeans, type PainTrend, painTrendEnding } from "./pain-trend";

export const painAreas = ["LEFT_HIP", "RIGHT_HIP", "LOWER_BACK", "NOT_GIVEN"] as const;
export type PainArea = (typeof painAreas)[number];
export type PainContext = "CHECK_IN" | "BEFORE_SESSION" | "AFTER_SESSION";

export const painAreaNames: Record<PainArea, string> = {
  LEFT_HIP: "left hip",
  RIGHT_HIP: "right hip",
  LOWER_BACK: "lower back",
  NOT_GIVEN: "area not given",
};
export const painContextNames: Record<PainContext, string> = {
  CHECK_IN: "check-in",
  BEFORE_SESSION: "before a session",
  AFTER_SESSION: "after a session",
};

export type PainRating = {
  at: Date;
  rating: number;
  area: PainArea;
  context: PainContext;
  sessionId: string | null;
};

export type Baseline =
  | { status: "ok"; mean: number; days: number }
  | { status: "too-few"; days: number }
  | { status: "none" };

export type AreaPain = {
  area: PainArea;
  /** The area's latest rating of any kind, after-session ones included (with their label). */
  latest: { rating: number; at: Date; context: PainContext };
  /** Within the 14-day window; an older rating is shown with its date and never flagged. */
  recent: boolean;
  /** The area's latest pain-data rating (check-in or before a session) in the window, which flares are judged on. */
  judged: { rating: number; at: Date; context: PainContext } | null;
  /** Mean of the area's daily means over the 14 days before the judged rating's day. */
  baseline: Baseline;
  /** judged - baseline, when there is a baseline. */
  rise: number | null;
  flare: boolean;
  severe: boolean;
  /** The latest rating is an after-session one at least 2 above the same session's before rating. */
  riseAfterSession: { before: number; after: number; at: Date } | null;
  /** Last 7 days against the 7 before, ending on the judged rating's day. */
  trend: PainTrend | null;
};

const isPainData = (rating: PainRating) => rating.context !== "AFTER_SESSION";

function later(a: PainRating, b: PainRating): boolean {
  const diff = a.at.getTime() - b.at.getTime();
  // At the same instant the higher rating wins, so the order given never matters.
  return diff > 0 || (diff === 0 && a.rating > b.rating);
}

function latestOf(ratings: PainRating[]): PainRating | null {
  let found: PainRating | null = null;
  for (const rating of ratings) if (!found || later(rating, found)) found = rating;
  return found;
}

/** Whether `at` falls within the last `latestPainWindowDays` local days, today included. */
export function withinPainWindow(at: Date, now: Date, timeZone: Zone): boolean {
  const age = dayNumber(localDate(now, timeZone)) - dayNumber(localDate(at, timeZone));
  return age < latestPainWindowDays;
}

/** The baseline for a rating on `day`: ratings from the 14 days before it, that day excluded. */
export function baselineBefore(daily: ReadonlyMap<string, number>, day: string): Baseline {
  let sum = 0;
  let days = 0;
  for (let offset = 1; offset <= flareBaselineDays; offset++) {
    const value = daily.get(addDays(day, -offset));
    if (value === undefined) continue;
    sum += value;
    days++;
  }
  if (days === 0) return { status: "none" };
  if (days < minimumBaselineDays) return { status: "too-few", days };
  return { status: "ok", mean: sum / days, days };
}

/**
 * Per area: the latest rating, its flags and the facts behind them. `ratings` should hold at least
 * the last 28 local days (window plus baseline) and each area's latest rating whatever its age.
 * Worst first: areas with a rating in the window before older ones, each group by rating, high first.
 */
export function painByArea(ratings: PainRating[], now: Date, timeZone: Zone): AreaPain[] {
  const areas: AreaPain[] = [];
  for (const area of painAreas) {
    const own = ratings.filter((rating) => rating.area === area);
    const latest = latestOf(own);
    if (!latest) continue;
    const recent = withinPainWindow(latest.at, now, timeZone);
    const painData = own.filter(isPainData);
    const judgedRating = latestOf(painData.filter((rating) => withinPainWindow(rating.at, now, timeZone)));
    // Ratings without an area have no per-area history to compare with.
    const daily =
      area === "NOT_GIVEN"
        ? new Map<string, number>()
        : dailyMeans(
            painData.map((rating) => ({ date: localDate(rating.at, timeZone), rating: rating.rating })),
          );
    const judgedDay = judgedRating ? localDate(judgedRating.at, timeZone) : null;
    const baseline: Baseline =
      judgedDay && area !== "NOT_GIVEN" ? baselineBefore(daily, judgedDay) : { status: "none" };
    const rise = judgedRating && baseline.status === "ok" ? judgedRating.rating - baseline.mean : null;
    const flare = rise !== null && atLeast(rise, meaningfulChangePoints);
    const severe =
      (recent && latest.rating >= severePainRating) ||
      (judgedRating !== null && judgedRating.rating >= severePainRating);

    let riseAfterSession: AreaPain["riseAfterSession"] = null;
    if (recent && latest.context === "AFTER_SESSION" && latest.sessionId) {
      const before = own.find(
        (rating) => rating.sessionId === latest.sessionId && rating.context === "BEFORE_SESSION",
      );
      if (before && atLeast(latest.rating - before.rating, meaningfulChangePoints)) {
        riseAfterSession = { before: before.rating, after: latest.rating, at: latest.at };
      }
    }

    areas.push({
      area,
      latest: { rating: latest.rating, at: latest.at, context: latest.context },
      recent,
      judged: judgedRating
        ? { rating: judgedRating.rating, at: judgedRating.at, context: judgedRating.context }
        : null,
      baseline,
      rise,
      flare,
      severe,
      riseAfterSession,
      trend: judgedDay && area !== "NOT_GIVEN" ? painTrendEnding(daily, judgedDay) : null,
    });
  }
  return areas.sort(
    (a, b) =>
      Number(b.recent) - Number(a.recent) ||
      b.latest.rating - a.latest.rating ||
      b.latest.at.getTime() - a.latest.at.getTime() ||
      painAreas.indexOf(a.area) - painAreas.indexOf(b.area),
  );
}

/** The highest latest rating within the window, for triage by how high the pain is. */
export function worstRecentRating(areas: AreaPain[]): number | null {
  const recent = areas.filter((area) => area.recent).map((area) => area.latest.rating);
  return recent.length === 0 ? null : Math.max(...recent);
}

/**
 * Whether a new rating calls for the general safety advice: 7 or more (after a session too), or a
 * rise of 2 or more over the area's own baseline.
 */
export function needsSafetyAdvice(areas: AreaPain[]): boolean {
  return areas.some((area) => area.recent && (area.severe || area.flare));
}

/**
 * Why a rating just saved shows the general safety advice, as facts about the rating (never advice
 * about the person). `flareOver` is the area's baseline when the rating is 2 or more above it.
 */
export type PainAdviceReason = {
  area: PainArea;
  rating: number;
  context: PainContext;
  severe: boolean;
  flareOver: number | null;
};

/**
 * The same rules as the flags, for ratings the patient has just saved: 7 or more (after a session
 * too), or a check-in or before-session rating 2 or more above its area's own 14-day baseline.
 * After-session ratings and ratings without an area have no baseline to rise over; a rating
 * older than the 14-day window raises nothing. `history` holds the area's earlier ratings.
 */
export function painAdviceFor(
  saved: PainRating[],
  history: PainRating[],
  now: Date,
  timeZone: Zone,
): PainAdviceReason[] {
  const reasons: PainAdviceReason[] = [];
  for (const rating of saved) {
    if (!withinPainWindow(rating.at, now, timeZone)) continue;
    const severe = rating.rating >= severePainRating;
    let flareOver: number | null = null;
    if (isPainData(rating) && rating.area !== "NOT_GIVEN") {
      const daily = dailyMeans(
        history
          .filter((earlier) => earlier.area === rating.area && isPainData(earlier))
          .map((earlier) => ({ date: localDate(earlier.at, timeZone), rating: earlier.rating })),
      );
      const baseline = baselineBefore(daily, localDate(rating.at, timeZone));
      if (baseline.status === "ok" && atLeast(rating.rating - baseline.mean, meaningfulChangePoints)) {
        flareOver = baseline.mean;
      }
    }
    if (severe || flareOver !== null) {
      reasons.push({ area: rating.area, rating: rating.rating, context: rating.context, severe, flareOver });
    }
  }
  // Worst first, as everywhere else.
  return reasons.sort((a, b) => b.rating - a.rating);
}
