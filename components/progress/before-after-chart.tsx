"use client";

import Link from "next/link";
import type { BeforeAfterPoint } from "@/lib/data/progress";
import { formatPain, round1 } from "@/lib/domain/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import { type ChartBaseProps, emptyFor, formatChange, inPeriod, rowsByDate } from "./chart-format";
import { Plot } from "./plot";
import { beforeAfterStyle } from "./plot-styles";

const { beforeColour, afterColour, beforeDash } = beforeAfterStyle;

const legend: LegendItem[] = [
  { label: "Before the session", colour: beforeColour, shape: "line", dash: beforeDash },
  { label: "After the session", colour: afterColour, shape: "line" },
];

const title = "Pain before and after sessions";

type BeforeAfterChartProps = ChartBaseProps & {
  points: BeforeAfterPoint[];
};

/**
 * Pain rated before and after sessions, per day with sessions (a day's sessions averaged); the
 * summary weighs every session the same.
 */
export function BeforeAfterChart({ points, summary, range, audience = "patient" }: BeforeAfterChartProps) {
  const empty =
    points.length > 0
      ? undefined
      : emptyFor(
          audience,
          <>
            No sessions with pain rated before and after{inPeriod(range)} yet — rate your pain at the start
            and the end when you <Link href="/log">log a session</Link>.
          </>,
          `No sessions with pain rated before and after${inPeriod(range)}.`,
        );
  return (
    <ChartCard
      title={title}
      summary={summary}
      empty={empty}
      legend={legend}
      table={{
        caption: "Pain before and after sessions (0 to 10), per day, newest first",
        columns: ["Date", "Sessions", "Before", "After", "Change"],
        rows: rowsByDate(points, "date", (point) => [
          point.sessions,
          formatPain(point.before),
          formatPain(point.after),
          formatChange(round1(point.after - point.before)),
        ]),
      }}
    >
      <Plot kind="beforeAfter" props={{ points, height: 240, title, summary }} />
    </ChartCard>
  );
}
