// Pure rules behind the progress charts. Inputs are small arrays already aggregated by the
// database (one row per day or week); nothing here reads a clock or a database.
import { addDays, dateOfDayNumber, dayNumber, mondayOf, weekdayOfDate } from "./calendar";
import { isScheduledOn } from "./schedule";

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
  window = 7,
  lead: (number | null)[] = [],
): (number | null)[] {
  const all = [...lead, ...values];
  return values.map((_, index) => {
    const end = lead.length + index;
    const slice = all
      .slice(Math.max(0, end - window + 1), end + 1)
      .filter((value): value is number => value !== null);
    return slice.length === 0 ? null : round1(slice.reduce((sum, value) => sum + value, 0) / slice.length);
  });
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export type ScheduledItem = { daysOfWeek: number; activeFrom: string; activeUntil: string | null };

/** Days a session was due: days on which at least one active routine item was scheduled. */
export function dueDates(items: ScheduledItem[], from: string, to: string): Set<string> {
  const due = new Set<string>();
  const last = dayNumber(to);
  for (let day = dayNumber(from); day <= last; day++) {
    const date = dateOfDayNumber(day);
    const weekday = weekdayOfDate(date);
    const scheduled = items.some(
      (item) =>
        item.activeFrom <= date &&
        (item.activeUntil === null || date < item.activeUntil) &&
        isScheduledOn(item.daysOfWeek, weekday),
    );
    if (scheduled) due.add(date);
  }
  return due;
}

export type WeekAdherence = { weekStart: string; done: number; due: number; complete: boolean };

/**
 * Sessions done (days with at least one session, at most one per day) against days due, per
 * Monday-to-Sunday week. A week still in progress is marked incomplete.
 */
export function weeklyAdherence(
  sessionDates: Set<string>,
  due: Set<string>,
  from: string,
  to: string,
  today: string,
): WeekAdherence[] {
  const weeks: WeekAdherence[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    let done = 0;
    let dueCount = 0;
    for (let offset = 0; offset < 7; offset++) {
      const date = addDays(monday, offset);
      if (date < from || date > to) continue;
      if (sessionDates.has(date)) done++;
      if (due.has(date)) dueCount++;
    }
    weeks.push({ weekStart: monday, done, due: dueCount, complete: addDays(monday, 6) < today });
  }
  return weeks;
}

/**
 * Consecutive weeks on target (done >= due, with something due), counted back from the latest
 * complete week; the week in progress extends the streak only once it is already on target.
 * Weeks with nothing due neither break nor extend it.
 */
export function currentStreak(weeks: WeekAdherence[]): number {
  let streak = 0;
  for (let index = weeks.length - 1; index >= 0; index--) {
    const week = weeks[index];
    if (!week) break;
    if (week.due === 0) continue;
    const onTarget = week.done >= week.due;
    if (!week.complete) {
      if (onTarget) streak++;
      continue;
    }
    if (!onTarget) break;
    streak++;
  }
  return streak;
}

/** Mean of the numbers present, or null. */
export function mean(values: (number | null | undefined)[]): number | null {
  const present = values.filter((value): value is number => typeof value === "number");
  return present.length === 0 ? null : present.reduce((sum, value) => sum + value, 0) / present.length;
}

/**
 * "Average pain fell from 6.1 to 3.4 over 3 months": the first and last week of data compared
 * (a week each, so one bad day does not decide it).
 */
export function describePainTrend(daily: (number | null)[], rangeLabel: string): string {
  const present = daily.map((value, index) => ({ value, index })).filter((point) => point.value !== null);
  if (present.length === 0) return "No pain ratings in this period yet.";
  if (present.length === 1)
    return `One pain rating in this period: ${round1(present[0]?.value ?? 0)} out of 10.`;
  const first = mean(present.slice(0, 7).map((point) => point.value));
  const last = mean(present.slice(-7).map((point) => point.value));
  if (first === null || last === null) return "Not enough pain ratings to show a trend.";
  const from = round1(first);
  const to = round1(last);
  if (Math.abs(to - from) < 0.5)
    return `Average pain stayed about the same (${from} to ${to}) over ${rangeLabel}.`;
  return `Average pain ${to < from ? "fell" : "rose"} from ${from} to ${to} over ${rangeLabel}.`;
}
