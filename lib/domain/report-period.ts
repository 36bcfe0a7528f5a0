// The period of a printed progress report: two local dates from the address bar (`from`, `to`),
// checked here so a wrong date is a sentence on the page, never an error page.
import { addDays, dayNumber } from "./calendar";
import { trendWindowDays } from "./clinical-thresholds";

/** Two 7-day windows fit in the shortest period, so its pain trend compares two different weeks. */
export const minimumReportDays = 2 * trendWindowDays;
/** About two years: the charts then show months, and the print stays a few pages long. */
export const maximumReportDays = 731;
/** Without a period, the last 3 months, as the progress page opens. */
export const defaultReportDays = 91;

export type ReportPeriod = { from: string; to: string };
export type ReportPeriodResult =
  | { ok: true; period: ReportPeriod }
  | { ok: false; errors: Partial<Record<keyof ReportPeriod, string>>; values: ReportPeriod };

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!isoDate.test(value)) return false;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();

/**
 * `from` and `to` as given (either may be missing: `to` is then today, `from` 3 months before
 * `to`), checked against the patient's `today`.
 */
export function parseReportPeriod(
  query: { from?: string | string[]; to?: string | string[] },
  today: string,
): ReportPeriodResult {
  const rawTo = firstOf(query.to) || today;
  const rawFrom =
    firstOf(query.from) || (isCalendarDate(rawTo) ? addDays(rawTo, -(defaultReportDays - 1)) : "");
  const values = { from: rawFrom.slice(0, 40), to: rawTo.slice(0, 40) };
  const errors: Partial<Record<keyof ReportPeriod, string>> = {};
  if (!isCalendarDate(values.from)) errors.from = "Enter the first day as a date, for example 2026-09-01.";
  if (!isCalendarDate(values.to)) errors.to = "Enter the last day as a date, for example 2026-11-30.";
  else if (values.to > today) errors.to = "The last day cannot be after today.";
  if (!errors.from && !errors.to) {
    const days = dayNumber(values.to) - dayNumber(values.from) + 1;
    if (days < 1) errors.from = "The first day must come before the last day.";
    else if (days < minimumReportDays)
      errors.from = `Choose at least ${minimumReportDays} days, so the pain trend can compare two different weeks.`;
    else if (days > maximumReportDays) errors.from = "Choose a period of two years or less.";
  }
  if (errors.from || errors.to) return { ok: false, errors, values };
  return { ok: true, period: values };
}
