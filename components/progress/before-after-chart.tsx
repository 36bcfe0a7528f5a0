"use client";

import Link from "next/link";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BeforeAfterPoint } from "@/lib/data/progress";
import { formatPain, round1 } from "@/lib/domain/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import {
  type ChartBaseProps,
  chartColours,
  chartFrameProps,
  dateXAxis,
  dayLabel,
  emptyFor,
  formatChange,
  gridLines,
  inPeriod,
  painYAxis,
  rowsByDate,
} from "./chart-format";

const beforeColour = chartColours.vermillion;
const afterColour = chartColours.blue;
const beforeDash = "6 3";

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
  const showDots = points.length <= 45;
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
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={points} {...chartFrameProps(title, summary)}>
          <CartesianGrid {...gridLines} />
          <XAxis {...dateXAxis(points, "date", "Date of session")} padding={{ left: 8, right: 8 }} />
          <YAxis {...painYAxis} />
          <Tooltip labelFormatter={dayLabel} formatter={(value) => formatPain(Number(value))} />
          <Line
            dataKey="before"
            name="Before"
            stroke={beforeColour}
            strokeDasharray={beforeDash}
            strokeWidth={2}
            dot={showDots ? { r: 3, fill: "#ffffff", strokeDasharray: "" } : false}
            isAnimationActive={false}
          />
          <Line
            dataKey="after"
            name="After"
            stroke={afterColour}
            strokeWidth={2}
            dot={showDots ? { r: 3, fill: afterColour } : false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
