// The private calendar feed (RFC 5545): one weekly event on the routine's days at the reminder
// time, in the patient's zone (DTSTART with TZID and a VTIMEZONE), so a calendar keeps the local
// time across summer-time changes. Calendar services store what they fetch: the text is neutral,
// with no exercise names and nothing about why.
import { createHash } from "node:crypto";
import ical, { ICalEventRepeatingFreq, ICalWeekday } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { addDays, localDate, weekdayOfDate } from "../domain/calendar.ts";
import { reminderDueAt } from "../domain/reminders.ts";
import { isScheduledOn } from "../domain/schedule.ts";

const weekdays = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
] as const;

export const feedWording = {
  calendarName: "Exercise time",
  summary: "Exercise time",
  description: "Time for your exercises.",
} as const;

export type FeedInput = {
  /** Any stable value per feed: the event's UID is derived from it (it does not reveal it). */
  feedKey: string;
  timeZone: string;
  minuteOfDay: number;
  /** Bit mask, Monday = bit 0. */
  routineDays: number;
  /** The feed's first day is the first routine day on or after this instant's local date. */
  since: Date;
  appUrl: string;
  /** Changes of time or days bump it, so calendars replace the event. */
  sequence: number;
  minutes?: number;
};

export function calendarFeed(input: FeedInput): string {
  const calendar = ical({
    name: feedWording.calendarName,
    prodId: { company: "exercise-time", product: "calendar-feed", language: "EN" },
    // Calendars that honour it fetch again every 6 hours (Google and others choose their own pace).
    ttl: 6 * 3600,
  });
  // Only a generator, no calendar-wide zone: events carry TZID and the VTIMEZONE is generated for
  // them, while DTSTAMP stays in UTC as RFC 5545 requires.
  calendar.timezone({ name: null, generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null });
  const days = weekdays.filter((_, index) => isScheduledOn(input.routineDays, index));
  if (days.length === 0) return calendar.toString();
  // DTSTART must be an occurrence of the rule (RFC 5545 section 3.3.10): the first routine day.
  let first = localDate(input.since, input.timeZone);
  while (!isScheduledOn(input.routineDays, weekdayOfDate(first))) first = addDays(first, 1);
  const start = reminderDueAt(first, input.minuteOfDay, input.timeZone);
  const uid = createHash("sha256").update(`calendar-feed\0${input.feedKey}`).digest("hex").slice(0, 24);
  calendar.createEvent({
    id: `${uid}@exercise-time`,
    sequence: input.sequence,
    start,
    end: new Date(start.getTime() + (input.minutes ?? 20) * 60_000),
    timezone: input.timeZone,
    summary: feedWording.summary,
    description: feedWording.description,
    url: `${input.appUrl}/today`,
    repeating: { freq: ICalEventRepeatingFreq.WEEKLY, byDay: [...days] },
  });
  return calendar.toString();
}
