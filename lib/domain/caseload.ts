// Which patients on a caseload need a physiotherapist's attention first: a pain flare, missed
// sessions, or silence. Every "day" is a local calendar date in the patient's own zone, because a
// session at 23:30 belongs to the evening the patient lived, not to the UTC date.
import { addDays, dayNumber, localDate } from "./calendar";
import { dueDates, round1, type ScheduledItem } from "./progress";

export type CaseloadFlag = "PAIN_FLARE" | "INACTIVE" | "LOW_ADHERENCE";
export type FlagReason = { flag: CaseloadFlag; reason: string };

export type CaseloadInput = {
  timeZone: string;
  now: Date;
  pain: { at: Date; rating: number }[];
  sessionTimes: Date[];
  lastActivityAt: Date | null;
  routine: ScheduledItem[];
};

export type Adherence = { done: number; due: number; percent: number } | null;

export type CaseloadSummary = {
  latestPain: { rating: number; at: Date } | null;
  baseline: number | null;
  trend: "IMPROVING" | "WORSENING" | "STEADY" | null;
  adherence7: Adherence;
  adherence14: Adherence;
  adherence30: Adherence;
  daysSinceActivity: number | null;
  flags: FlagReason[];
  attention: number;
};

export const flagLabels: Record<CaseloadFlag, string> = {
  PAIN_FLARE: "Pain flare",
  INACTIVE: "Inactive",
  LOW_ADHERENCE: "Low adherence",
};

export const caseloadThresholds = {
  flarePain: 7,
  flareAboveBaseline: 2,
  inactiveDays: 5,
  lowAdherencePercent: 50,
  baselineDays: 14,
  adherenceFlagDays: 14,
} as const;

// Means of daily means are not exact in binary (6 - 4.1 is 1.9000000000000004), so a value that
// meets a threshold on paper must not miss it by a rounding error.
const epsilon = 1e-9;

export function summarisePatient(input: CaseloadInput): CaseloadSummary {
  const { timeZone } = input;
  const today = localDate(input.now, timeZone);

  const latestPain = latestEntry(input.pain);
  const latestDay = latestPain ? localDate(latestPain.at, timeZone) : null;
  const daily = dailyMeans(input.pain, timeZone);
  const baseline = latestDay
    ? meanOfDays(daily, addDays(latestDay, -caseloadThresholds.baselineDays), addDays(latestDay, -1))
    : null;
  const trend = latestDay ? painTrend(daily, latestDay) : null;

  const sessionDays = new Set(input.sessionTimes.map((at) => localDate(at, timeZone)));
  const adherence = (days: number) => adherenceOver(input.routine, sessionDays, today, days);
  const adherence14 = adherence(14);
  const flagWindow = adherence(caseloadThresholds.adherenceFlagDays);

  const lastActivity = latestInstant([input.lastActivityAt, latestPain?.at ?? null, ...input.sessionTimes]);
  // A clock slightly ahead on the patient's device can date an entry tomorrow; that is not -1 days.
  const daysSinceActivity = lastActivity
    ? Math.max(0, dayNumber(today) - dayNumber(localDate(lastActivity, timeZone)))
    : null;

  const shortDate = shortDateFormat(timeZone);
  const flags: FlagReason[] = [];

  if (latestPain) {
    const high = latestPain.rating >= caseloadThresholds.flarePain;
    const rise = baseline === null ? null : latestPain.rating - baseline;
    const risen = rise !== null && rise >= caseloadThresholds.flareAboveBaseline - epsilon;
    if (high || risen) {
      const rules = [
        high ? `at or above the flare level of ${caseloadThresholds.flarePain}/10` : null,
        risen && rise !== null && baseline !== null
          ? `${round1(rise)} above the ${caseloadThresholds.baselineDays}-day baseline of ${round1(baseline)}`
          : null,
      ].filter((rule) => rule !== null);
      flags.push({
        flag: "PAIN_FLARE",
        reason: `Latest pain ${latestPain.rating}/10 on ${shortDate.format(latestPain.at)}, ${rules.join(" and ")}.`,
      });
    }
  }

  if (flagWindow && 100 * flagWindow.done < caseloadThresholds.lowAdherencePercent * flagWindow.due) {
    const sessions = flagWindow.due === 1 ? "session" : "sessions";
    flags.push({
      flag: "LOW_ADHERENCE",
      reason: `Did ${flagWindow.done} of ${flagWindow.due} due ${sessions} in the last ${caseloadThresholds.adherenceFlagDays} days (${flagWindow.percent}%).`,
    });
  }

  if (!lastActivity) flags.push({ flag: "INACTIVE", reason: "Nothing logged yet." });
  else if (daysSinceActivity !== null && daysSinceActivity >= caseloadThresholds.inactiveDays) {
    flags.push({
      flag: "INACTIVE",
      reason: `Nothing logged for ${daysSinceActivity} days (last on ${shortDate.format(lastActivity)}).`,
    });
  }

  return {
    latestPain,
    baseline: baseline === null ? null : round1(baseline),
    trend,
    adherence7: adherence(7),
    adherence14,
    adherence30: adherence(30),
    daysSinceActivity,
    flags,
    attention: attentionScore(flags, latestPain?.rating ?? 0, daysSinceActivity),
  };
}

/** Attention descending, then name alphabetically (case and accents ignored). */
export function compareByAttention(
  a: { attention: number; name: string },
  b: { attention: number; name: string },
): number {
  return b.attention - a.attention || a.name.localeCompare(b.name, "en", { sensitivity: "base" });
}

/** The entry with the greatest `at`; on a tie the higher rating, so the order given does not matter. */
function latestEntry(pain: CaseloadInput["pain"]): CaseloadSummary["latestPain"] {
  let latest: CaseloadSummary["latestPain"] = null;
  for (const entry of pain) {
    const time = entry.at.getTime();
    const latestTime = latest?.at.getTime() ?? Number.NEGATIVE_INFINITY;
    if (!latest || time > latestTime || (time === latestTime && entry.rating > latest.rating)) {
      latest = { rating: entry.rating, at: entry.at };
    }
  }
  return latest;
}

function latestInstant(instants: (Date | null)[]): Date | null {
  let latest: Date | null = null;
  for (const instant of instants) if (instant && (!latest || instant > latest)) latest = instant;
  return latest;
}

/** One mean rating per local date, so a day with five entries weighs the same as a day with one. */
function dailyMeans(pain: CaseloadInput["pain"], timeZone: string): Map<string, number> {
  const totals = new Map<string, { sum: number; count: number }>();
  for (const entry of pain) {
    const date = localDate(entry.at, timeZone);
    const total = totals.get(date) ?? { sum: 0, count: 0 };
    total.sum += entry.rating;
    total.count += 1;
    totals.set(date, total);
  }
  return new Map([...totals].map(([date, { sum, count }]) => [date, sum / count]));
}

/** Mean of the daily means from `from` to `to` inclusive; days without an entry are skipped. */
function meanOfDays(daily: Map<string, number>, from: string, to: string): number | null {
  let sum = 0;
  let count = 0;
  for (let offset = 0; offset <= dayNumber(to) - dayNumber(from); offset++) {
    const value = daily.get(addDays(from, offset));
    if (value === undefined) continue;
    sum += value;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

/** The week ending on the latest entry's day against the week before it. */
function painTrend(daily: Map<string, number>, latestDay: string): CaseloadSummary["trend"] {
  const recent = meanOfDays(daily, addDays(latestDay, -6), latestDay);
  const earlier = meanOfDays(daily, addDays(latestDay, -13), addDays(latestDay, -7));
  if (recent === null || earlier === null) return null;
  const change = recent - earlier;
  if (change >= 1 - epsilon) return "WORSENING";
  if (change <= -1 + epsilon) return "IMPROVING";
  return "STEADY";
}

/**
 * Due days with at least one session over the last `days` local days. Today is still going on, so
 * it counts as due only once a session is done; an evening session should not show as missed at noon.
 */
function adherenceOver(routine: ScheduledItem[], sessionDays: Set<string>, today: string, days: number) {
  const due = dueDates(routine, addDays(today, -(days - 1)), today);
  if (!sessionDays.has(today)) due.delete(today);
  if (due.size === 0) return null;
  const done = [...due].filter((date) => sessionDays.has(date)).length;
  return { done, due: due.size, percent: Math.round((100 * done) / due.size) };
}

const flagWeights: Record<CaseloadFlag, number> = { PAIN_FLARE: 4, LOW_ADHERENCE: 2, INACTIVE: 1 };

// Read as decimal digits, most significant first: number of flags (x100,000), which flags as a
// sum of flare 4 + low adherence 2 + inactive 1 (x10,000, so equal counts rank by the worst flag),
// latest pain 0-10 (x100), days inactive capped at 99 (never logged counts as 99).
function attentionScore(flags: FlagReason[], latestRating: number, daysSinceActivity: number | null): number {
  const which = flags.reduce((sum, { flag }) => sum + flagWeights[flag], 0);
  const inactivity = Math.min(daysSinceActivity ?? 99, 99);
  return flags.length * 100_000 + which * 10_000 + latestRating * 100 + inactivity;
}

const shortDateFormats = new Map<string, Intl.DateTimeFormat>();

/** "25 Nov" in a zone; formats are costly to build, so one per zone is kept. */
function shortDateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = shortDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone });
    shortDateFormats.set(timeZone, format);
  }
  return format;
}
