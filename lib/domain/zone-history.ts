// A person's time zones over time. Changing the zone in settings takes effect from that moment:
// every rating and session keeps the date its zone in force showed when it was made, so past days,
// weeks, streaks and adherence never move. The calendar functions (lib/domain/calendar.ts) accept a
// history wherever they accept a zone name, and read each instant in the zone in force then.
//
// How a change counts (docs/decisions.md):
// - Moving west turns the clock back: the date shown may go back to one already lived ("reopened").
//   What is done after the change is dated with that date again and adds to what was done on it.
// - Moving east turns the clock forward: a date may never be shown at all ("skipped", crossing the
//   date line westward-to-eastward). Nothing can be dated on it, so it is not a due day.

import { addDays, dayNumber, localDate, localDayOf, startOfLocalDate, zoneAt } from "./calendar";

/** One change: `timeZone` is in force from the instant `from` (ms since 1970) to the next change. */
export type ZoneChange = { readonly timeZone: string; readonly from: number };

/**
 * The changes sorted by `from`; never empty. The first zone also covers every instant before its
 * `from`, so a log dated before the first recorded change is read in the first zone.
 */
export type ZoneHistory = { readonly changes: readonly ZoneChange[] };

/** Builds a history from stored rows; without rows, the user's one zone covers all time. */
export function zoneHistoryOf(
  rows: readonly { timeZone: string; validFrom: Date | number }[],
  currentZone: string,
): ZoneHistory {
  const changes = rows
    .map((row) => ({
      timeZone: row.timeZone,
      from: typeof row.validFrom === "number" ? row.validFrom : row.validFrom.getTime(),
    }))
    .sort((a, b) => a.from - b.from);
  return { changes: changes.length > 0 ? changes : [{ timeZone: currentZone, from: 0 }] };
}

/** The zone in force at an instant. */
export function zoneInForce(history: ZoneHistory, instant: Date | number): string {
  return zoneAt(history, typeof instant === "number" ? instant : instant.getTime());
}

/** The zone in force now (the last change). */
export function currentZone(history: ZoneHistory): string {
  return history.changes.at(-1)?.timeZone ?? "UTC";
}

/** The history with a new zone in force from `at`; a later change (a clock gone wrong) is dropped. */
export function withChange(history: ZoneHistory, timeZone: string, at: Date | number): ZoneHistory {
  const from = typeof at === "number" ? at : at.getTime();
  const kept = history.changes.filter((change) => change.from < from);
  return { changes: [...kept, { timeZone, from }] };
}

/** The local date of an instant, read in the zone in force at that instant. */
export function localDateAt(history: ZoneHistory, instant: Date | number): string {
  return localDate(instant, history);
}

export type DateShift = {
  /** The instant of the change. */
  at: number;
  /** The date shown just before and just after the change. */
  before: string;
  after: string;
  /** Dates that had ended before the change and are shown again after it (moving west). */
  reopened: string[];
  /** Dates never shown because of the change (moving east across the date line). */
  skipped: string[];
};

/** What each change did to the calendar: which dates it reopened or skipped. */
export function dateShifts(history: ZoneHistory): DateShift[] {
  return history.changes.slice(1).map((change) => {
    const before = localDate(change.from - 1, history);
    const after = localDate(change.from, history);
    const gap = dayNumber(after) - dayNumber(before);
    // Dates already closed before the change and shown again after it (from `after` up to the day
    // before `before`), and dates jumped over.
    const reopened: string[] = [];
    const skipped: string[] = [];
    for (let step = 0; step < -gap; step++) reopened.push(addDays(after, step));
    for (let step = 1; step < gap; step++) skipped.push(addDays(before, step));
    return { at: change.from, before, after, reopened, skipped };
  });
}

/** Every date no change of zone let the person live: never a due day. */
export function skippedDates(history: ZoneHistory): Set<string> {
  return new Set(dateShifts(history).flatMap((shift) => shift.skipped));
}

/**
 * Every instant dated `date` lies in this window; after a change of zone the date's instants may
 * be two stretches (a reopened date), so a query over the window is filtered with `localDateAt`.
 */
export function dayWindow(history: ZoneHistory, date: string): { start: Date; end: Date } {
  const zones = [...new Set(history.changes.map((change) => change.timeZone))];
  const days = zones.map((zone) => localDayOf(new Date(startOfLocalDate(date, zone)), zone));
  return {
    start: new Date(Math.min(...days.map((day) => day.start.getTime()))),
    end: new Date(Math.max(...days.map((day) => day.end.getTime()))),
  };
}
