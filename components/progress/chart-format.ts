import type { ProgressRange } from "@/lib/domain/progress";

/**
 * Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. Yellow is kept
 * for filled shapes only (too light for a line on white).
 */
export const chartColours = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  grey: "#8C8C8C",
} as const;

export const axisTick = { fontSize: 12, fill: "#334155" } as const;
export const gridStroke = "#e2e8f0";
/** Room on the right for the last date label, centred on the last point, and below for the axis title. */
export const chartMargin = { top: 8, right: 20, bottom: 20, left: 0 } as const;

// Calendar dates ("2026-03-01") are shown as they are: formatted in UTC, they never shift a day.
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const dayMonth = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const fullDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "3 Mar 2026". */
export function formatDay(date: string): string {
  return fullDate.format(utc(date));
}

/** Tick labels for a date axis: "3 Mar" over a few months, "Mar 2026" over longer spans. */
export function dateTicks(dates: string[]): (date: string) => string {
  const first = dates[0];
  const last = dates.at(-1);
  const spanDays = first && last ? (utc(last).getTime() - utc(first).getTime()) / 86_400_000 : 0;
  const format = spanDays > 150 ? monthYear : dayMonth;
  return (date: string) => (date ? format.format(utc(date)) : "");
}

/** "+0.5", "-1.2", "0". */
export function formatChange(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** Who reads the chart: the patient gets a hint about what to do next, a physiotherapist does not. */
export type Audience = "patient" | "physio";

/** " in these 2 weeks", or nothing for "all". */
export function inPeriod(range: ProgressRange): string {
  return {
    "2w": " in these 2 weeks",
    "3m": " in these 3 months",
    "1y": " in this past year",
    all: "",
  }[range];
}
