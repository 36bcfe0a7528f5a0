// Calendar arithmetic in a person's time zone, for ranges of days and weeks. Day lengths vary
// (23 or 25 hours around summer-time changes), so every boundary is computed, never added.
// A zone is an IANA name, or a person's zone history (lib/domain/zone-history.ts): then each
// instant is read in the zone that was in force at that instant.

import type { ZoneHistory } from "./zone-history";

export type Zone = string | ZoneHistory;

/** The IANA zone in force at an instant: the last change at or before it, else the first zone. */
export function zoneAt(zone: Zone, instant: number): string {
  if (typeof zone === "string") return zone;
  const { changes } = zone;
  let low = 0;
  let high = changes.length - 1;
  // Binary search for the last change with from <= instant (changes are sorted by from).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((changes[middle]?.from ?? 0) <= instant) low = middle;
    else high = middle - 1;
  }
  return changes[low]?.timeZone ?? "UTC";
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

// Reading an offset through Intl is slow (microseconds), and a caseload reads thousands. Zones
// change offset at most a few times a year, so a UTC day whose first and last millisecond share an
// offset has that offset throughout; only the rare day with a change is read instant by instant.
const steadyDayOffsets = new Map<string, number | null>();
const steadyDayOffsetsLimit = 50_000;

/** Minutes the zone is ahead of UTC at an instant ("GMT+05:30" -> 330). */
export function offsetMinutes(instant: number, zone: Zone): number {
  const timeZone = zoneAt(zone, instant);
  const day = Math.floor(instant / 86_400_000);
  const key = `${timeZone}|${day}`;
  let steady = steadyDayOffsets.get(key);
  if (steady === undefined) {
    const first = readOffsetMinutes(day * 86_400_000, timeZone);
    const last = readOffsetMinutes(day * 86_400_000 + 86_399_999, timeZone);
    steady = first === last ? first : null;
    if (steadyDayOffsets.size >= steadyDayOffsetsLimit) steadyDayOffsets.clear();
    steadyDayOffsets.set(key, steady);
  }
  return steady ?? readOffsetMinutes(instant, timeZone);
}

function readOffsetMinutes(instant: number, timeZone: string): number {
  const name = offsetFormat(timeZone)
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

// Date strings and day numbers are converted back and forth thousands of times per caseload; the
// few hundred distinct days involved are remembered (and forgotten wholesale past a limit).
const dayNumbers = new Map<string, number>();
const datesOfDays = new Map<number, string>();
const conversionsLimit = 50_000;

/** Days since 1970-01-01 of a "YYYY-MM-DD" date, and back. */
export function dayNumber(date: string): number {
  let day = dayNumbers.get(date);
  if (day === undefined) {
    const [year, month, dayOfMonth] = date.split("-").map(Number);
    day = Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, dayOfMonth ?? 1) / 86_400_000);
    if (dayNumbers.size >= conversionsLimit) dayNumbers.clear();
    dayNumbers.set(date, day);
  }
  return day;
}

export function dateOfDayNumber(day: number): string {
  let date = datesOfDays.get(day);
  if (date === undefined) {
    date = new Date(day * 86_400_000).toISOString().slice(0, 10);
    if (datesOfDays.size >= conversionsLimit) datesOfDays.clear();
    datesOfDays.set(day, date);
  }
  return date;
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Monday = 0 ... Sunday = 6 of a calendar date. */
export function weekdayOfDate(date: string): number {
  return (dayNumber(date) + 3) % 7;
}

/** The Monday on or before a date. */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayOfDate(date));
}

/**
 * The first instant of a local calendar date: local midnight (the earlier one if midnight happens
 * twice), or the moment the clocks jump forward when the zone skips midnight.
 */
export function startOfLocalDate(date: string, timeZone: Zone): Date {
  const midnightAsUtc = dayNumber(date) * 86_400_000;
  const firstOffset = offsetMinutes(midnightAsUtc, timeZone);
  const candidates = [firstOffset, offsetMinutes(midnightAsUtc - firstOffset * 60_000, timeZone)]
    .map((offset) => midnightAsUtc - offset * 60_000)
    .filter((instant) => midnightAsUtc - offsetMinutes(instant, timeZone) * 60_000 === instant);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  // Midnight does not exist that day: the day starts at the transition, found by bisection
  // between the two readings of midnight.
  const readings = [firstOffset, offsetMinutes(midnightAsUtc - firstOffset * 60_000, timeZone)].map(
    (offset) => midnightAsUtc - offset * 60_000,
  );
  let low = Math.min(...readings);
  let high = Math.max(...readings);
  const before = offsetMinutes(low, timeZone);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (offsetMinutes(middle, timeZone) === before) low = middle;
    else high = middle;
  }
  return new Date(high);
}

/** "YYYY-MM-DD" of an instant in a zone. */
export function localDate(instant: Date | number, timeZone: Zone): string {
  const at = typeof instant === "number" ? instant : instant.getTime();
  return dateOfDayNumber(Math.floor((at + offsetMinutes(at, timeZone) * 60_000) / 86_400_000));
}

export type Bucket = { label: string; start: Date; end: Date };

/** Consecutive local days from `from` to `to` inclusive. */
export function dayBuckets(from: string, to: string, timeZone: Zone): Bucket[] {
  const buckets: Bucket[] = [];
  let start = startOfLocalDate(from, timeZone);
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    const label = dateOfDayNumber(day);
    const end = startOfLocalDate(dateOfDayNumber(day + 1), timeZone);
    buckets.push({ label, start, end });
    start = end;
  }
  return buckets;
}

/** Consecutive Monday-to-Sunday weeks covering `from` to `to`; labelled by their Monday. */
export function weekBuckets(from: string, to: string, timeZone: Zone): Bucket[] {
  const buckets: Bucket[] = [];
  const last = dayNumber(mondayOf(to));
  let start = startOfLocalDate(mondayOf(from), timeZone);
  for (let day = dayNumber(mondayOf(from)); day <= last; day += 7) {
    const end = startOfLocalDate(dateOfDayNumber(day + 7), timeZone);
    buckets.push({ label: dateOfDayNumber(day), start, end });
    start = end;
  }
  return buckets;
}

/** A calendar day as a person in one time zone lives it: [start, end) in UTC instants. */
export type LocalDay = { date: string; start: Date; end: Date };

/**
 * The local calendar day containing `instant`. A day can last 23 or 25 hours (summer time), start
 * after midnight (zones that skip it), or be skipped altogether (Samoa, 30 December 2011).
 */
export function localDayOf(instant: Date, timeZone: Zone): LocalDay {
  const date = localDate(instant, timeZone);
  return { date, start: startOfLocalDate(date, timeZone), end: startOfLocalDate(addDays(date, 1), timeZone) };
}

/**
 * The instant a wall-clock reading ("2026-03-29T08:30", a datetime-local value) names in a zone.
 * A time skipped by a summer-time jump is read as the same clock time after the jump; a time that
 * happens twice is read as the first. Returns null for an unreadable value.
 */
export function fromLocalDateTime(value: string, timeZone: Zone): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number);
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0);
  const candidates = [
    offsetMinutes(wall, timeZone),
    offsetMinutes(wall - 86_400_000, timeZone),
    offsetMinutes(wall + 86_400_000, timeZone),
  ]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => instant + offsetMinutes(instant, timeZone) * 60_000 === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - offsetMinutes(wall - 86_400_000, timeZone) * 60_000);
}
