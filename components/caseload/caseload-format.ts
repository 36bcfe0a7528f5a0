import type { Adherence } from "@/lib/domain/caseload";

const shortDates = new Map<string, Intl.DateTimeFormat>();

/** "3 Mar", on the calendar of the zone given (the patient's, for the patient's data). */
export function formatShortDate(iso: string, timeZone: string): string {
  let format = shortDates.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone });
    shortDates.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

/** Days counted by the server in the patient's zone, so the browser's clock and zone play no part. */
export function lastActivityText(daysSinceActivity: number | null): string {
  if (daysSinceActivity === null) return "Nothing logged yet";
  if (daysSinceActivity === 0) return "Today";
  if (daysSinceActivity === 1) return "Yesterday";
  return `${daysSinceActivity} days ago`;
}

/** "4/5 (80%)": due days with a session out of due days. Null when nothing was due. */
export function adherenceText(adherence: Adherence): string | null {
  return adherence ? `${adherence.done}/${adherence.due} (${adherence.percent}%)` : null;
}
