"use client";

import Link from "next/link";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BeforeAfterPoint } from "@/lib/data/progress";
import type { ProgressRange } from "@/lib/domain/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import {
  type Audience,
  axisTick,
  chartColours,
  chartMargin,
  dateTicks,
  formatChange,
  formatDay,
  gridStroke,
  inPeriod,
} from "./chart-format";

const beforeColour = chartColours.vermillion;
const afterColour = chartColours.blue;
const beforeDash = "6 3";
const painTicks = [0, 2, 4, 6, 8, 10];

const legend: LegendItem[] = [
  { label: "Before the session", colour: beforeColour, shape: "line", dash: beforeDash },
  { label: "After the session", colour: afterColour, shape: "line" },
];

type BeforeAfterChartProps = {
  points: BeforeAfterPoint[];
  summary: string;
  range: ProgressRange;
  audience?: Audience;
};

/** Pain rated before and after sessions, per day with sessions (a day's sessions averaged). */
export function BeforeAfterChart({ points, summary, range, audience = "patient" }: BeforeAfterChartProps) {
  const formatTick = dateTicks(points.map((point) => point.date));
  const showDots = points.length <= 45;
  const empty =
    points.length > 0 ? undefined : audience === "patient" ? (
      <>
        No sessions with pain rated before and after{inPeriod(range)} yet — rate your pain at the start and
        the end when you <Link href="/log">log a session</Link>.
      </>
    ) : (
      `No sessions with pain rated before and after${inPeriod(range)}.`
    );
  return (
    <ChartCard
      title="Pain before and after sessions"
      summary={summary}
      empty={empty}
      legend={legend}
      table={{
        caption: "Pain before and after sessions (0 to 10), per day, newest first",
        columns: ["Date", "Sessions", "Before", "After", "Change"],
        rows: [...points].reverse().map((point) => ({
          key: point.date,
          heading: formatDay(point.date),
          cells: [
            point.sessions,
            point.before,
            point.after,
            formatChange(Math.round((point.after - point.before) * 10) / 10),
          ],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart
          data={points}
          margin={chartMargin}
          accessibilityLayer={false}
          role="img"
          title="Pain before and after sessions"
          desc={summary}
        >
          <CartesianGrid stroke={gridStroke} vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={formatTick}
            tick={axisTick}
            interval="preserveStartEnd"
            minTickGap={24}
            padding={{ left: 8, right: 8 }}
            label={{
              value: "Date of session",
              position: "insideBottom",
              offset: -12,
              fontSize: 12,
              fill: "#334155",
            }}
          />
          <YAxis
            domain={[0, 10]}
            ticks={painTicks}
            tick={axisTick}
            width={44}
            label={{
              value: "Pain (0-10)",
              angle: -90,
              position: "insideLeft",
              offset: 10,
              style: { textAnchor: "middle" },
              fontSize: 12,
              fill: "#334155",
            }}
          />
          <Tooltip labelFormatter={(label) => formatDay(String(label))} />
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
