// Adherence: which days a session was due and which of them had one. One rule for the progress
// charts and the caseload: "done" counts due days with at least one session; sessions on days
// that were not due are shown as extra, never counted toward the target. Every date is a local
// calendar date ("YYYY-MM-DD") in the patient's zone.
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  localDate,
  mondayOf,
  weekdayOfDate,
  type Zone,
} from "./calendar";
import { defaultWeeklyTargetPercent } from "./clinical-thresholds";
import { isScheduledOn } from "./schedule";

/** One stretch of days on which an item had one schedule: from `activeFrom`, until before `activeUntil`. */
export type ScheduledItem = { daysOfWeek: number; activeFrom: string; activeUntil: string | null };

export type RoutineItemHistory = {
  createdAt: Date;
  stoppedAt: Date | null;
  daysOfWeek: number;
  /** The item's kept versions (any order); each holds the days of the week from its `createdAt` on. */
  versions: { version: number; change: string; daysOfWeek: number; createdAt: Date }[];
};

/**
 * The schedule an item had on each day, from its versions, so a change today never rewrites the
 * past. A change made during a day applies from that day on. An item without kept versions has
 * had its current days since it was created.
 */
export function scheduleOf(item: RoutineItemHistory, timeZone: Zone): ScheduledItem[] {
  const end = item.stoppedAt ? localDate(item.stoppedAt, timeZone) : null;
  const versions = [...item.versions].sort((a, b) => a.version - b.version);
  if (versions.length === 0) {
    return [
      { daysOfWeek: item.daysOfWeek, activeFrom: localDate(item.createdAt, timeZone), activeUntil: end },
    ];
  }
  const stretches: ScheduledItem[] = [];
  for (const [index, version] of versions.entries()) {
    if (version.change === "STOPPED") break;
    const next = versions[index + 1];
    const from = localDate(index === 0 ? item.createdAt : version.createdAt, timeZone);
    const until = next ? localDate(next.createdAt, timeZone) : end;
    stretches.push({ daysOfWeek: version.daysOfWeek, activeFrom: from, activeUntil: until });
  }
  return stretches;
}

/** Days a session was due: days on which at least one routine item was scheduled as it was then. */
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

export type DayCounts = {
  /** Due days with at least one session. */
  done: number;
  /** Due days, today only once a session is done (a day still going on is not yet missed). */
  due: number;
  /** Days with a session that were not due: shown, not counted toward the target. */
  extra: number;
};

/** The one counting rule, over the days from `from` to `to` (inclusive, none after today). */
export function countDays(
  due: ReadonlySet<string>,
  sessionDays: ReadonlySet<string>,
  from: string,
  to: string,
  today: string,
): DayCounts {
  const counts: DayCounts = { done: 0, due: 0, extra: 0 };
  const last = dayNumber(to < today ? to : today);
  for (let day = dayNumber(from); day <= last; day++) {
    const date = dateOfDayNumber(day);
    const had = sessionDays.has(date);
    if (!due.has(date)) {
      if (had) counts.extra++;
      continue;
    }
    if (date === today && !had) continue;
    counts.due++;
    if (had) counts.done++;
  }
  return counts;
}

/**
 * On target: sessions on at least `targetPercent` of the due days (integer arithmetic, so 80% of
 * 3 days needs all 3 and 80% of 5 needs 4). Nothing due is not "on target".
 */
export function isOnTarget(done: number, due: number, targetPercent = defaultWeeklyTargetPercent): boolean {
  return due > 0 && 100 * done >= targetPercent * due;
}

/** Due days needed for the target: 3 of 3 at 80%, 4 of 5. */
export function daysNeeded(due: number, targetPercent = defaultWeeklyTargetPercent): number {
  return Math.ceil((targetPercent * due) / 100);
}

export type WeekAdherence = DayCounts & {
  weekStart: string;
  /** The week ended before today. */
  complete: boolean;
  /** Only some of its days are in the period shown (the first week of a range). */
  partial: boolean;
  onTarget: boolean;
};

/** Adherence per Monday-to-Sunday week, counting only the days from `from` to `to`. */
export function weeklyAdherence(
  due: ReadonlySet<string>,
  sessionDays: ReadonlySet<string>,
  from: string,
  to: string,
  today: string,
  targetPercent = defaultWeeklyTargetPercent,
): WeekAdherence[] {
  const weeks: WeekAdherence[] = [];
  for (let monday = mondayOf(from); monday <= to; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const counts = countDays(
      due,
      sessionDays,
      monday < from ? from : monday,
      sunday > to ? to : sunday,
      today,
    );
    weeks.push({
      weekStart: monday,
      ...counts,
      complete: sunday < today,
      partial: monday < from,
      onTarget: isOnTarget(counts.done, counts.due, targetPercent),
    });
  }
  return weeks;
}

/**
 * Consecutive complete weeks on target, counted back from the latest complete week. Weeks with
 * nothing due neither break nor extend it; the week in progress is not counted yet. Give it every
 * week of the history, whatever period is shown.
 */
export function currentStreak(weeks: WeekAdherence[]): number {
  let streak = 0;
  for (let index = weeks.length - 1; index >= 0; index--) {
    const week = weeks[index];
    if (!week) break;
    if (!week.complete || week.due === 0) continue;
    if (!week.onTarget) break;
    streak++;
  }
  return streak;
}

export type Adherence = { done: number; due: number; percent: number } | null;

/** Done against due over the last `days` local days ending today; null when nothing was due. */
export function adherenceOver(
  routine: ScheduledItem[],
  sessionDays: ReadonlySet<string>,
  today: string,
  days: number,
  /** Dates never lived (skipped by a change of time zone): not due, whatever the routine says. */
  notDue: ReadonlySet<string> = new Set(),
): Adherence {
  const from = addDays(today, -(days - 1));
  const dueDays = dueDates(routine, from, today);
  for (const date of notDue) dueDays.delete(date);
  const { done, due } = countDays(dueDays, sessionDays, from, today, today);
  if (due === 0) return null;
  return { done, due, percent: Math.round((100 * done) / due) };
}

/** Bounds of the weekly target a physiotherapist may set: a share of the week's due days. */
export const weeklyTargetLimits = { min: 10, max: 100 } as const;
