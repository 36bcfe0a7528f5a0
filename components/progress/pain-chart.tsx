"use client";

import Link from "next/link";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { PainPoint } from "@/lib/data/progress";
import { type PainRegion, painRegionLabels, painRegions } from "@/lib/validation/fields";
import { ChartCard, type LegendItem } from "./chart-card";
import {
  type ChartBaseProps,
  chartColours,
  chartFrameProps,
  dateXAxis,
  dayLabel,
  emptyFor,
  formatDay,
  gridLines,
  inPeriod,
  painYAxis,
  rowsByDate,
} from "./chart-format";

const regionStyle: Record<PainRegion, { colour: string; dash?: string }> = {
  LEFT_HIP: { colour: chartColours.blue },
  RIGHT_HIP: { colour: chartColours.orange, dash: "6 3" },
  LOWER_BACK: { colour: chartColours.reddishPurple, dash: "2 2" },
};
const averageColour = chartColours.black;

const legend: LegendItem[] = [
  ...painRegions.map((region) => ({
    label: painRegionLabels[region],
    colour: regionStyle[region].colour,
    shape: "line" as const,
    dash: regionStyle[region].dash,
  })),
  { label: "7-day average", colour: averageColour, shape: "bold-line" },
];

const title = "Pain over time";

type PainChartProps = ChartBaseProps & {
  points: PainPoint[];
};

/** Daily pain per area (thin lines) under the 7-day rolling average of all areas (bold). */
export function PainChart({ points, summary, range, audience = "patient" }: PainChartProps) {
  const rated = points.filter((point) => point.average !== null);
  const only = rated.length === 1 ? rated[0] : undefined;
  const showDots = points.length <= 31;
  const empty =
    rated.length > 0
      ? undefined
      : emptyFor(
          audience,
          <>
            No pain ratings{inPeriod(range)} yet — do a check-in from <Link href="/today">Today</Link>.
          </>,
          `No pain ratings${inPeriod(range)}.`,
        );
  const notice = only
    ? `A trend line needs ratings on two different days; so far there is one, on ${formatDay(only.date)}.${audience === "patient" ? " Check in again tomorrow." : ""}`
    : undefined;
  return (
    <ChartCard
      title={title}
      summary={summary}
      empty={empty}
      notice={notice}
      legend={legend}
      table={{
        caption: "Pain per day (0 to 10) by area, and the 7-day average of all areas, newest first",
        columns: ["Date", ...painRegions.map((region) => painRegionLabels[region]), "7-day average"],
        rows: rowsByDate(rated, "date", (point) => [
          ...painRegions.map((region) => point[region]),
          point.rolling,
        ]),
      }}
    >
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} {...chartFrameProps(title, summary)}>
          <CartesianGrid {...gridLines} />
          <XAxis {...dateXAxis(points, "date", "Date")} />
          <YAxis {...painYAxis} />
          <Tooltip labelFormatter={dayLabel} />
          {painRegions.map((region) => (
            <Line
              key={region}
              dataKey={region}
              name={painRegionLabels[region]}
              stroke={regionStyle[region].colour}
              strokeDasharray={regionStyle[region].dash}
              strokeWidth={1.5}
              strokeOpacity={0.8}
              dot={showDots ? { r: 2.5, fill: regionStyle[region].colour } : false}
              connectNulls
              isAnimationActive={false}
            />
          ))}
          <Line
            dataKey="rolling"
            name="7-day average"
            stroke={averageColour}
            strokeWidth={3.5}
            dot={false}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
