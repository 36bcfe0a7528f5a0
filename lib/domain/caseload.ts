// Which patients on a caseload need a physiotherapist's attention first, by stated rules, shown as
// facts. Every "day" is a local calendar date in the patient's own zone, because a session at
// 23:30 belongs to the evening the patient lived, not to the UTC date. Thresholds and their
// sources: clinical-thresholds.ts; the per-area pain model: pain-status.ts.

import { instrumentFor } from "@/lib/instruments/index";
import { type Adherence, adherenceOver, type ScheduledItem } from "./adherence";
import { dayNumber, localDate, type Zone, zoneAt } from "./calendar";
import {
  adherenceFlagDays,
  flareBaselineDays,
  inactiveAfterDays,
  latestPainWindowDays,
  lowAdherencePercent,
  meaningfulChangePoints,
  minimumBaselineDays,
  severePainRating,
} from "./clinical-thresholds";
import { type OutcomeTrend, outcomeTrend, type ScoredResponse, worseOutcomeReason } from "./outcomes";
import {
  type AreaPain,
  type PainRating,
  painAreaNames,
  painByArea,
  painContextNames,
  worstRecentRating,
} from "./pain-status";
import { skippedDates } from "./zone-history";

export type { Adherence };
export type CaseloadFlag = "SEVERE_PAIN" | "PAIN_FLARE" | "WORSE_OUTCOME" | "LOW_ADHERENCE" | "INACTIVE";
export type FlagReason = { flag: CaseloadFlag; reason: string };

export type CaseloadInput = {
  /** The patient's zone history (or one zone): each instant is dated in the zone in force then. */
  timeZone: Zone;
  now: Date;
  pain: PainRating[];
  sessionTimes: Date[];
  lastActivityAt: Date | null;
  routine: ScheduledItem[];
  /** Since when the physiotherapist could expect logs: the later of linking and the routine's start. */
  watchedSince: Date | null;
  /** Every outcome-measure score the patient has (any instrument, any order). */
  outcomes?: ScoredResponse[];
};

export type CaseloadSummary = {
  /** Per area, worst first (see painByArea). */
  pain: AreaPain[];
  adherence7: Adherence;
  adherence14: Adherence;
  adherence30: Adherence;
  daysSinceActivity: number | null;
  flags: FlagReason[];
  attention: number;
  /** Per instrument answered, the change from its first to its latest score. */
  outcomes: OutcomeTrend[];
};

export const flagLabels: Record<CaseloadFlag, string> = {
  SEVERE_PAIN: "Severe pain",
  PAIN_FLARE: "Pain flare",
  WORSE_OUTCOME: "Worse outcome score",
  LOW_ADHERENCE: "Low adherence",
  INACTIVE: "Inactive",
};

/** The sort rules, as the caseload states them. */
export const triageRules = [
  `severe pain (a rating of ${severePainRating} or more in the last ${latestPainWindowDays} days) or a pain flare (an area's latest rating ${meaningfulChangePoints} or more points above its own ${flareBaselineDays}-day average, with ratings on at least ${minimumBaselineDays} of those days)`,
  "a worse outcome score (an instrument's latest score worse than its first by at least its published important change, or a global rating of change of -3 or less)",
  `low adherence (sessions on fewer than ${lowAdherencePercent}% of due days over the last ${adherenceFlagDays} days)`,
  `inactivity (nothing logged for ${inactiveAfterDays} days or more, never within ${inactiveAfterDays} days of linking or of the routine starting)`,
  `the highest pain rating of the last ${latestPainWindowDays} days`,
  "name",
] as const;

export function summarisePatient(input: CaseloadInput): CaseloadSummary {
  const { timeZone, now } = input;
  const today = localDate(now, timeZone);
  // Dates in reasons are written as the patient's calendar shows them now.
  const shortDate = shortDateFormat(zoneAt(timeZone, now.getTime()));

  const pain = painByArea(input.pain, now, timeZone);

  const sessionDays = new Set(input.sessionTimes.map((at) => localDate(at, timeZone)));
  const notDue = typeof timeZone === "string" ? new Set<string>() : skippedDates(timeZone);
  const adherence = (days: number) => adherenceOver(input.routine, sessionDays, today, days, notDue);
  const flagWindow = adherence(adherenceFlagDays);

  const lastActivity = latestInstant([
    input.lastActivityAt,
    ...pain.map((area) => area.latest.at),
    ...input.sessionTimes,
  ]);
  const daysAgo = (instant: Date) =>
    // A clock slightly ahead on the patient's device can date an entry tomorrow; that is not -1 days.
    Math.max(0, dayNumber(today) - dayNumber(localDate(instant, timeZone)));
  const daysSinceActivity = lastActivity ? daysAgo(lastActivity) : null;

  const flags: FlagReason[] = [];
  const severe = pain.filter((area) => area.severe);
  if (severe.length > 0) {
    flags.push({
      flag: "SEVERE_PAIN",
      reason: `${severe
        .map((area) => {
          const shown = area.judged && area.judged.rating >= area.latest.rating ? area.judged : area.latest;
          return `${capitalise(painAreaNames[area.area])} ${shown.rating}/10 ${painContextNames[shown.context]} on ${shortDate.format(shown.at)}`;
        })
        .join("; ")} (rule: ${severePainRating} or more).`,
    });
  }
  const flaring = pain.filter((area) => area.flare);
  if (flaring.length > 0) {
    flags.push({
      flag: "PAIN_FLARE",
      reason: `${flaring
        .map((area) => {
          const baseline = area.baseline.status === "ok" ? area.baseline.mean : 0;
          return `${capitalise(painAreaNames[area.area])} ${area.judged?.rating}/10 on ${area.judged ? shortDate.format(area.judged.at) : ""}; ${flareBaselineDays}-day average ${baseline.toFixed(1)}`;
        })
        .join("; ")} (rule: ${meaningfulChangePoints} or more above the area's own average).`,
    });
  }

  const outcomes = outcomeTrends(input.outcomes ?? []);
  const worse = outcomes.filter((trend) => trend.direction === "WORSE");
  if (worse.length > 0) {
    flags.push({
      flag: "WORSE_OUTCOME",
      reason: `${worse
        .map((trend) => {
          const instrument = instrumentFor(trend.instrument);
          return instrument
            ? worseOutcomeReason(trend, instrument, (at) => shortDate.format(at))
            : trend.instrument;
        })
        .join("; ")}.`,
    });
  }

  if (flagWindow && 100 * flagWindow.done < lowAdherencePercent * flagWindow.due) {
    flags.push({
      flag: "LOW_ADHERENCE",
      reason: `Sessions on ${flagWindow.done} of ${flagWindow.due} due days in the last ${adherenceFlagDays} days (${flagWindow.percent}%; rule: under ${lowAdherencePercent}%).`,
    });
  }

  // Nobody is called inactive before there has been time to log anything since linking or the
  // routine starting.
  const watchedDays = input.watchedSince ? daysAgo(input.watchedSince) : Number.POSITIVE_INFINITY;
  if (watchedDays >= inactiveAfterDays) {
    if (!lastActivity) {
      flags.push({
        flag: "INACTIVE",
        reason: Number.isFinite(watchedDays)
          ? `Nothing logged in the ${watchedDays} days since ${shortDate.format(input.watchedSince as Date)}.`
          : "Nothing logged yet.",
      });
    } else if (daysSinceActivity !== null && daysSinceActivity >= inactiveAfterDays) {
      flags.push({
        flag: "INACTIVE",
        reason: `Nothing logged for ${daysSinceActivity} days (last on ${shortDate.format(lastActivity)}).`,
      });
    }
  }

  return {
    pain,
    adherence7: adherence(7),
    adherence14: adherence(14),
    adherence30: adherence(30),
    daysSinceActivity,
    flags,
    attention: attentionScore(flags, worstRecentRating(pain) ?? 0, daysSinceActivity),
    outcomes,
  };
}

/** One trend per instrument answered, in the order instruments are listed. */
function outcomeTrends(responses: readonly ScoredResponse[]): OutcomeTrend[] {
  const byInstrument = new Map<string, ScoredResponse[]>();
  for (const response of responses) {
    byInstrument.set(response.instrument, [...(byInstrument.get(response.instrument) ?? []), response]);
  }
  return [...byInstrument.values()].flatMap((list) => {
    const trend = outcomeTrend(list);
    return trend ? [trend] : [];
  });
}

/** Attention descending, then name alphabetically (case and accents ignored). */
export function compareByAttention(
  a: { attention: number; name: string },
  b: { attention: number; name: string },
): number {
  return b.attention - a.attention || a.name.localeCompare(b.name, "en", { sensitivity: "base" });
}

function latestInstant(instants: (Date | null)[]): Date | null {
  let latest: Date | null = null;
  for (const instant of instants) if (instant && (!latest || instant > latest)) latest = instant;
  return latest;
}

// The triage rules as one number, read as decimal digits, most significant first: safety (severe
// pain or a flare) x10^7; a worse outcome score x10^6; low adherence x10^5; inactivity x10^4; the highest recent pain 0-10 x100; days
// since anything was logged, capped at 99 (never logged counts as 99).
function attentionScore(flags: FlagReason[], worstRating: number, daysSinceActivity: number | null): number {
  const has = (flag: CaseloadFlag) => flags.some((reason) => reason.flag === flag);
  const safety = has("SEVERE_PAIN") || has("PAIN_FLARE") ? 1 : 0;
  const worseningOutcomes = has("WORSE_OUTCOME") ? 1 : 0;
  return (
    safety * 10_000_000 +
    worseningOutcomes * 1_000_000 +
    (has("LOW_ADHERENCE") ? 1 : 0) * 100_000 +
    (has("INACTIVE") ? 1 : 0) * 10_000 +
    worstRating * 100 +
    Math.min(daysSinceActivity ?? 99, 99)
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const shortDateFormats = new Map<string, Intl.DateTimeFormat>();

/** "25 Nov" in a zone; formats are costly to build, so one per zone is kept. */
export function shortDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = shortDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone });
    shortDateFormats.set(timeZone, format);
  }
  return format;
}
