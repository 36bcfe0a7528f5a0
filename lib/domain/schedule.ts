// Routine days are a bit mask, Monday = bit 0 ... Sunday = bit 6.
export const weekdayNames = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

const weekdayIndexByShortName: Record<string, number> = {
  Mon: 0,
  Tue: 1,
  Wed: 2,
  Thu: 3,
  Fri: 4,
  Sat: 5,
  Sun: 6,
};

/** The weekday (Monday = 0) of an instant, as a person in `timeZone` would name it. */
export function weekdayIn(instant: Date, timeZone: string): number {
  const short = new Intl.DateTimeFormat("en-US", { weekday: "short", timeZone }).format(instant);
  const index = weekdayIndexByShortName[short];
  if (index === undefined) throw new Error(`Unexpected weekday ${short}`);
  return index;
}

export function isScheduledOn(daysOfWeek: number, weekday: number): boolean {
  return (daysOfWeek & (1 << weekday)) !== 0;
}

export function describeDays(daysOfWeek: number): string {
  if ((daysOfWeek & 0b1111111) === 0b1111111) return "Every day";
  if ((daysOfWeek & 0b1111111) === 0b0011111) return "Weekdays";
  return weekdayNames
    .filter((_, index) => isScheduledOn(daysOfWeek, index))
    .map((name) => name.slice(0, 3))
    .join(", ");
}
