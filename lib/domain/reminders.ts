// When a patient's daily exercise reminder is due, and whether it goes out. Pure: the caller passes
// the clock, the patient's zone, the routine's days and whether today's session is logged.
import { addDays, fromLocalDateTime, localDate, offsetMinutes, weekdayOfDate } from "./calendar.ts";
import { isScheduledOn } from "./schedule.ts";

export const reminderChannels = ["PUSH", "EMAIL", "NONE"] as const;
export type ReminderChannel = (typeof reminderChannels)[number];

/** Minutes after local midnight; quiet hours run across midnight when start > end. */
export type QuietHours = { start: number; end: number };

/** What a new patient gets: no reminder in the evening or the night unless they change it. */
export const defaultQuietHours: QuietHours = { start: 21 * 60, end: 8 * 60 };
export const defaultReminderMinute = 18 * 60;

/**
 * How late a reminder may still go out after its time (the server was down, or a send failed and
 * its lease lapsed). Later than this it is dropped: a reminder hours late is noise.
 */
export const lateLimitMinutes = 120;

export function minuteLabel(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/** "HH:MM" (24-hour) to minutes after midnight, or null. */
export function parseMinute(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

export function inQuietHours(minute: number, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  return quiet.start < quiet.end
    ? minute >= quiet.start && minute < quiet.end
    : minute >= quiet.start || minute < quiet.end;
}

/**
 * The instant a reminder set for `minute` is due on a local date. A time the clocks skip (spring
 * forward) is read as the same clock time after the jump; a time that happens twice (autumn) is the
 * first one.
 */
export function reminderDueAt(date: string, minute: number, timeZone: string): Date {
  const due = fromLocalDateTime(`${date}T${minuteLabel(minute)}`, timeZone);
  if (!due) throw new Error(`Unreadable local date ${date}`);
  return due;
}

/** Minutes after local midnight of an instant, as a clock on the wall in the zone shows it. */
export function localMinuteOf(instant: Date, timeZone: string): number {
  const at = instant.getTime() + offsetMinutes(instant.getTime(), timeZone) * 60_000;
  return Math.floor((((at / 60_000) % 1440) + 1440) % 1440);
}

export type ReminderPlan = {
  channel: ReminderChannel;
  minuteOfDay: number;
  quiet: QuietHours | null;
  timeZone: string;
  /** The union of the routine's active items' days (bit mask, Monday = bit 0). */
  routineDays: number;
};

export type ReminderDecision =
  | { action: "none"; reason: "off" | "not a routine day" | "not yet" }
  | { action: "send"; localDate: string; dueAt: Date }
  | { action: "skip"; localDate: string; dueAt: Date; reason: "done" | "quiet hours" | "too late" };

/**
 * Today's reminder at `now`: nothing (off, not a routine day, not due yet), send it, or record it
 * as skipped (the session is already logged, the send time falls in quiet hours, or it is more
 * than `lateLimitMinutes` late). `loggedToday` is whether a session is logged on the local date.
 */
export function reminderDecision(plan: ReminderPlan, now: Date, loggedToday: boolean): ReminderDecision {
  if (plan.channel === "NONE") return { action: "none", reason: "off" };
  const date = localDate(now, plan.timeZone);
  if (!isScheduledOn(plan.routineDays, weekdayOfDate(date)))
    return { action: "none", reason: "not a routine day" };
  const dueAt = reminderDueAt(date, plan.minuteOfDay, plan.timeZone);
  if (now.getTime() < dueAt.getTime()) return { action: "none", reason: "not yet" };
  if (loggedToday) return { action: "skip", localDate: date, dueAt, reason: "done" };
  if (now.getTime() - dueAt.getTime() > lateLimitMinutes * 60_000) {
    return { action: "skip", localDate: date, dueAt, reason: "too late" };
  }
  if (inQuietHours(localMinuteOf(now, plan.timeZone), plan.quiet)) {
    return { action: "skip", localDate: date, dueAt, reason: "quiet hours" };
  }
  return { action: "send", localDate: date, dueAt };
}

/** The next time a reminder is due after `now` (for the settings page), or null when there is none. */
export function nextReminderAt(plan: ReminderPlan, now: Date): Date | null {
  if (plan.channel === "NONE" || (plan.routineDays & 0b1111111) === 0) return null;
  const today = localDate(now, plan.timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(today, offset);
    if (!isScheduledOn(plan.routineDays, weekdayOfDate(date))) continue;
    const dueAt = reminderDueAt(date, plan.minuteOfDay, plan.timeZone);
    if (dueAt.getTime() > now.getTime()) return dueAt;
  }
  return null;
}

/** The words every reminder uses: the time for the exercises, nothing about why. */
export const reminderWording = {
  title: "Time for your exercises",
  body: "Your exercises for today are ready when you are.",
  testTitle: "Time for your exercises (test)",
  testBody: "This is a test. Your reminders will look like this.",
} as const;
