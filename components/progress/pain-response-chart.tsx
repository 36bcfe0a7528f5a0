"use client";

import Link from "next/link";
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { PainResponse } from "@/lib/data/progress";
import { atLeast, meaningfulChangePoints } from "@/lib/domain/clinical-thresholds";
import { round1 } from "@/lib/domain/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import {
  axisTick,
  type ChartBaseProps,
  chartColours,
  chartFrameProps,
  emptyFor,
  formatChange,
  gridStroke,
  inPeriod,
  xAxisLabel,
} from "./chart-format";

const easedColour = chartColours.bluishGreen;
const worseColour = chartColours.vermillion;
const sameColour = chartColours.grey;

const legend: LegendItem[] = [
  {
    label: `Pain ${meaningfulChangePoints} or more lower after (left of 0)`,
    colour: easedColour,
    shape: "bar",
  },
  {
    label: `Pain ${meaningfulChangePoints} or more higher after (right of 0)`,
    colour: worseColour,
    shape: "bar",
  },
  { label: `Less than ${meaningfulChangePoints} either way`, colour: sameColour, shape: "bar" },
];

// Only a change of the meaningful size gets a direction's colour, as in the words.
const colourOf = (change: number) =>
  atLeast(-change, meaningfulChangePoints)
    ? easedColour
    : atLeast(change, meaningfulChangePoints)
      ? worseColour
      : sameColour;

const title = "Pain response per exercise";

type PainResponseChartProps = ChartBaseProps & {
  rows: PainResponse[];
};

/**
 * Average change in pain from before to after the sessions that included each exercise. Below zero
 * is an improvement. Sessions usually hold several exercises, so this shows association only.
 */
export function PainResponseChart({ rows, summary, range, audience = "patient" }: PainResponseChartProps) {
  const reach = Math.max(1, ...rows.map((row) => Math.ceil(Math.abs(row.averageChange))));
  const empty =
    rows.length > 0
      ? undefined
      : emptyFor(
          audience,
          <>
            No sessions with pain rated before and after{inPeriod(range)} yet — when you{" "}
            <Link href="/log">log a session</Link>, rate your pain at the start and the end to see how it
            changes.
          </>,
          `No sessions with pain rated before and after${inPeriod(range)}.`,
        );
  return (
    <ChartCard
      title={title}
      summary={summary}
      empty={empty}
      legend={legend}
      details={
        <p className="text-sm text-slate-700">
          Each bar is the average change in pain (0 to 10) from before to after the sessions that included the
          exercise. A negative number, a bar to the left of 0, means pain was lower afterwards. Sessions often
          include several exercises, so a bar shows what went with a change, not what caused it. A change
          smaller than {meaningfulChangePoints} points is within the scale&apos;s measurement error.
        </p>
      }
      table={{
        caption:
          "Average change in pain from before to after sessions with each exercise (negative is better)",
        columns: ["Exercise", "Sessions", "Average change"],
        rows: rows.map((row) => ({
          key: row.exerciseId,
          heading: row.name,
          cells: [row.sessions, formatChange(round1(row.averageChange))],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={Math.max(140, rows.length * 40 + 60)}>
        <BarChart
          data={rows}
          layout="vertical"
          {...chartFrameProps(title, summary, { top: 8, right: 16, bottom: 20, left: 0 })}
        >
          <CartesianGrid stroke={gridStroke} horizontal={false} />
          <XAxis
            type="number"
            dataKey="averageChange"
            domain={[-reach, reach]}
            allowDecimals={false}
            tickFormatter={(value: number) => formatChange(value)}
            tick={axisTick}
            label={xAxisLabel("Change in pain (points)")}
          />
          <YAxis type="category" dataKey="name" tick={axisTick} width={112} interval={0} />
          <ReferenceLine x={0} stroke="#334155" />
          <Tooltip formatter={(value) => formatChange(round1(Number(value)))} />
          <Bar
            dataKey="averageChange"
            name="Average change"
            isAnimationActive={false}
            maxBarSize={24}
            shape={(bar: BarShapeProps) => (
              <Rectangle
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                fill={colourOf(Number(bar.value))}
              />
            )}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
