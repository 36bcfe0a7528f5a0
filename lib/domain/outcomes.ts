// Outcome measures over time: when a scheduled measure is due (in the patient's own calendar),
// and how a score changed since the first one, judged only by the instrument's published
// threshold. Pure: dates and `today` come in as arguments.
import { type InstrumentDefinition, instrumentFor } from "@/lib/instruments/index";
import { psfsChange } from "@/lib/instruments/psfs";
import { roundHalfUp } from "@/lib/instruments/scoring";
import { addDays, dayNumber } from "./calendar";

export type Schedule = { firstDueDate: string; everyWeeks: number | null; untilDate: string | null };

/**
 * The occurrence a schedule has open on `today` (a local date): the latest due date on or before
 * today and within the end date. It stays open until the next one starts, so a patient who
 * answers a few days late still answers it (a one-off stays open from its date on). null before
 * the first date. After the end date the last occurrence stays open: whether it was answered is
 * the caller's question.
 */
export function openOccurrence(schedule: Schedule, today: string): string | null {
  const first = dayNumber(schedule.firstDueDate);
  const now = dayNumber(today);
  if (now < first) return null;
  if (schedule.untilDate && schedule.untilDate < schedule.firstDueDate) return null;
  if (!schedule.everyWeeks) return schedule.firstDueDate;
  const step = schedule.everyWeeks * 7;
  let occurrence = first + Math.floor((now - first) / step) * step;
  if (schedule.untilDate) {
    const last = dayNumber(schedule.untilDate);
    while (occurrence > last) occurrence -= step;
  }
  return addDays(schedule.firstDueDate, occurrence - first);
}

/** The next due date after `today`, or null when the schedule has none left. */
export function nextOccurrence(schedule: Schedule, today: string): string | null {
  const first = dayNumber(schedule.firstDueDate);
  const now = dayNumber(today);
  if (now < first) return schedule.firstDueDate;
  if (!schedule.everyWeeks) return null;
  const step = schedule.everyWeeks * 7;
  const next = first + (Math.floor((now - first) / step) + 1) * step;
  if (schedule.untilDate && next > dayNumber(schedule.untilDate)) return null;
  return addDays(schedule.firstDueDate, next - first);
}

export type ScoredResponse = {
  instrument: string;
  score: number;
  completedAt: Date;
  activities?: { name: string; rating: number }[];
};

export type OutcomeDirection = "IMPROVED" | "WORSE" | "NO_IMPORTANT_CHANGE" | "NOT_JUDGED";

export type OutcomeTrend = {
  instrument: string;
  first: { score: number; at: Date };
  latest: { score: number; at: Date };
  /** latest minus first, in the instrument's points; PSFS: over activities rated both times. */
  change: number | null;
  /** Reaches the instrument's published important change (or rating, for a change scale). */
  important: boolean;
  direction: OutcomeDirection;
  /** The rule the direction was judged by, stated with the fact. */
  rule: string | null;
  count: number;
};

/**
 * The change from the first to the latest answer of one instrument ("improving" only when it
 * reaches the published threshold). A change scale (GROC) is judged on its latest answer alone.
 * Responses must be one instrument's, in any order.
 */
export function outcomeTrend(responses: readonly ScoredResponse[]): OutcomeTrend | null {
  if (responses.length === 0) return null;
  const sorted = [...responses].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  const first = sorted[0] as ScoredResponse;
  const latest = sorted.at(-1) as ScoredResponse;
  const instrument = instrumentFor(first.instrument);
  const base = {
    instrument: first.instrument,
    first: { score: first.score, at: first.completedAt },
    latest: { score: latest.score, at: latest.completedAt },
    count: sorted.length,
  };
  if (!instrument) return { ...base, change: null, important: false, direction: "NOT_JUDGED", rule: null };
  if (instrument.importantRating) {
    const threshold = instrument.importantRating.points;
    const important = Math.abs(latest.score) >= threshold;
    return {
      ...base,
      change: latest.score,
      important,
      direction: !important ? "NO_IMPORTANT_CHANGE" : latest.score > 0 ? "IMPROVED" : "WORSE",
      rule: instrument.importantRating.rule,
    };
  }
  if (sorted.length < 2)
    return { ...base, change: null, important: false, direction: "NOT_JUDGED", rule: null };
  let change: number;
  let important: boolean;
  if (first.activities && latest.activities) {
    const result = psfsChange(first.activities, latest.activities);
    if (result.meanChange === null) {
      return { ...base, change: null, important: false, direction: "NOT_JUDGED", rule: null };
    }
    change = result.meanChange;
    important = result.important;
  } else {
    change = roundHalfUp(latest.score - first.score, instrument.range.decimals);
    important =
      instrument.importantChange !== null &&
      Math.abs(latest.score - first.score) >= instrument.importantChange.points;
  }
  if (!instrument.importantChange) {
    return { ...base, change, important: false, direction: "NOT_JUDGED", rule: null };
  }
  const better = instrument.range.higherIsBetter ? change > 0 : change < 0;
  return {
    ...base,
    change,
    important,
    direction: !important ? "NO_IMPORTANT_CHANGE" : better ? "IMPROVED" : "WORSE",
    rule: instrument.importantChange.rule,
  };
}

export const outcomeDirectionLabels: Record<OutcomeDirection, string> = {
  IMPROVED: "Improved (an important change)",
  WORSE: "Worse (an important change)",
  NO_IMPORTANT_CHANGE: "No important change",
  NOT_JUDGED: "Not judged",
};

/** "+2.5 points", "-1 point", "0 points". */
export function formatScoreChange(change: number): string {
  const sign = change > 0 ? "+" : "";
  return `${sign}${change} point${Math.abs(change) === 1 ? "" : "s"}`;
}

/** One sentence per instrument for the caseload's "Worse outcome score" flag, with its rule. */
export function worseOutcomeReason(
  trend: OutcomeTrend,
  instrument: InstrumentDefinition,
  shortDate: (at: Date) => string,
): string {
  const threshold = instrument.importantRating?.points ?? instrument.importantChange?.points ?? 0;
  if (instrument.importantRating) {
    return `${instrument.shortName} ${trend.latest.score > 0 ? "+" : ""}${trend.latest.score} on ${shortDate(trend.latest.at)} (rule: -${threshold} or less)`;
  }
  return `${instrument.shortName} ${formatScoreChange(trend.change ?? 0)} since ${shortDate(trend.first.at)} (${trend.first.score} to ${trend.latest.score} on ${shortDate(trend.latest.at)}; rule: a fall of ${threshold} or more)`;
}
