import type { ReactNode } from "react";
import type { ProgressRange } from "@/lib/domain/progress";
import type { ChartTable } from "./chart-card";

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

// Calendar dates ("2026-03-01") are shown as they are, in British English: "3 Mar 2026". They are
// formatted from the date's own digits, not with Intl.DateTimeFormat: the first Intl date format a
// page creates loads the browser's locale data, 100-300 ms of blocked main thread on a mid-range
// phone, more than everything else the chart pages run (docs/performance.md, "Chart pages").
// tests/unit/chart-dates.test.ts checks these against Intl's "en-GB" output.
// "Sept", as ICU writes it in British English.
const monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
const calendarDate = /^(\d{4})-(\d{2})-(\d{2})$/;
function partsOf(date: string): { day: number; month: string; year: string } | undefined {
  const match = calendarDate.exec(date);
  const month = match ? monthNames[Number(match[2]) - 1] : undefined;
  return match?.[1] && match[3] && month ? { day: Number(match[3]), month, year: match[1] } : undefined;
}
const utc = (date: string) => new Date(`${date}T00:00:00Z`);

/** "3 Mar 2026". */
export function formatDay(date: string): string {
  const parts = partsOf(date);
  return parts ? `${parts.day} ${parts.month} ${parts.year}` : date;
}

/** "3 Mar". */
const dayMonth = (date: string) => {
  const parts = partsOf(date);
  return parts ? `${parts.day} ${parts.month}` : date;
};

/** "Mar 2026". */
const monthYear = (date: string) => {
  const parts = partsOf(date);
  return parts ? `${parts.month} ${parts.year}` : date;
};

/** Tick labels for a date axis: "3 Mar" over a few months, "Mar 2026" over longer spans. */
export function dateTicks(dates: string[]): (date: string) => string {
  const first = dates[0];
  const last = dates.at(-1);
  const spanDays = first && last ? (utc(last).getTime() - utc(first).getTime()) / 86_400_000 : 0;
  const format = spanDays > 150 ? monthYear : dayMonth;
  return (date: string) => (date ? format(date) : "");
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

/** Room a date label takes at the tick font size, with a gap: about 7 px a character, plus 24. */
const labelRoom = (label: string) => label.length * 7 + 24;
/** What the Y axis and the margins leave of a chart's width for the dates. */
const plotRoom = (width: number) => Math.max(0, width - 44 - chartMargin.left - chartMargin.right);

/**
 * How many dates to skip between two labels on a date axis, so that they fit a chart `width`
 * pixels wide: labels are placed by this count, never by measuring text in the page.
 */
export function dateTickInterval(count: number, sampleLabel: string, width: number): number {
  const fit = Math.max(2, Math.floor(plotRoom(width) / labelRoom(sampleLabel || "00 Mmm")));
  return Math.max(0, Math.ceil(count / fit) - 1);
}

/** What every progress chart is given besides its data. */
export type ChartBaseProps = { summary: string; range: ProgressRange; audience?: Audience };

/** The empty-state text for the reader: the patient's points to where to start, the physiotherapist's does not. */
export function emptyFor(audience: Audience, patient: ReactNode, physio: string): ReactNode {
  return audience === "patient" ? patient : physio;
}

/** Table rows for dated items, newest first, each headed by its date ("3 Mar 2026"). */
export function rowsByDate<K extends string, T extends Record<K, string>>(
  items: readonly T[],
  dateKey: K,
  cells: (item: T) => ChartTable["rows"][number]["cells"],
): ChartTable["rows"] {
  return [...items].reverse().map((item) => ({
    key: item[dateKey],
    heading: formatDay(item[dateKey]),
    cells: cells(item),
  }));
}
