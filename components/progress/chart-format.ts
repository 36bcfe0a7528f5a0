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

// Recharts props the charts share: spread them onto the elements and state only what differs.

/** Axis title under the X axis, in the tick style. */
export function xAxisLabel(value: string) {
  return { value, position: "insideBottom", offset: -12, ...axisTick } as const;
}

/** Axis title along the Y axis, read bottom to top, in the tick style. */
export function yAxisLabel(value: string, offset = 10) {
  return {
    value,
    angle: -90,
    position: "insideLeft",
    offset,
    style: { textAnchor: "middle" },
    ...axisTick,
  } as const;
}

/**
 * X axis over calendar dates (`dataKey` of each row), for a chart `width` pixels wide: every n-th
 * date is labelled, n chosen so the labels fit. A number for `interval` spares Recharts measuring
 * every date's label in the page to thin them itself ("preserveStartEnd" does, and each
 * measurement forces a layout of the whole page: the chart pages' main cost, docs/performance.md).
 */
export function dateXAxis<K extends string>(
  rows: readonly Record<K, string>[],
  dataKey: K,
  title: string,
  width: number,
) {
  const dates = rows.map((row) => row[dataKey]);
  const format = dateTicks(dates);
  return {
    dataKey,
    tickFormatter: format,
    tick: axisTick,
    interval: dateTickInterval(dates.length, format(dates[0] ?? ""), width),
    label: xAxisLabel(title),
  } as const;
}

/** Room a date label takes at the tick font size, with a gap: about 7 px a character, plus 24. */
const labelRoom = (label: string) => label.length * 7 + 24;
/** What the Y axis and the margins leave of a chart's width for the dates. */
const plotRoom = (width: number) => Math.max(0, width - 44 - chartMargin.left - chartMargin.right);

/** Recharts' `interval`: how many dates to skip between two labels, so that they fit. */
export function dateTickInterval(count: number, sampleLabel: string, width: number): number {
  const fit = Math.max(2, Math.floor(plotRoom(width) / labelRoom(sampleLabel || "00 Mmm")));
  return Math.max(0, Math.ceil(count / fit) - 1);
}

/** Y axis of values; `labelOffset` moves the title off wider tick labels. */
export function valueYAxis(title: string, { width = 44, labelOffset = 10 } = {}) {
  // Every value tick is shown (there are few): `interval: 0` spares Recharts measuring them.
  return { tick: axisTick, width, interval: 0, label: yAxisLabel(title, labelOffset) } as const;
}

/** Y axis of pain ratings, 0 to 10. */
export const painYAxis = { domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], ...valueYAxis("Pain (0-10)") };

/** Horizontal grid lines only. */
export const gridLines = { stroke: gridStroke, vertical: false } as const;

/**
 * Props for the chart element inside the ResponsiveContainer: the SVG is one image named by the
 * chart's title and described by its summary (the table under "Show table" carries the numbers).
 */
export function chartFrameProps(title: string, summary: string, margin: Margin = chartMargin) {
  return { margin, accessibilityLayer: false, role: "img", title, desc: summary } as const;
}

type Margin = { top: number; right: number; bottom: number; left: number };

/** Tooltip heading for a point on a date axis: "3 Mar 2026". */
export const dayLabel = (label: unknown) => formatDay(String(label));

/** Tooltip heading for a bar on a week axis: "Week starting 3 Mar 2026". */
export const weekLabel = (label: unknown) => `Week starting ${formatDay(String(label))}`;

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
