"use client";

import Link from "next/link";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AreaTrend, PainPoint } from "@/lib/data/progress";
import { painTrendLabels } from "@/lib/domain/pain-trend";
import { averageKey, type ChartArea, chartAreaLabels, formatPain } from "@/lib/domain/progress";
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

const areaStyle: Record<ChartArea, { colour: string; dash?: string }> = {
  LEFT_HIP: { colour: chartColours.blue },
  RIGHT_HIP: { colour: chartColours.orange, dash: "6 3" },
  LOWER_BACK: { colour: chartColours.reddishPurple, dash: "2 2" },
  NOT_GIVEN: { colour: chartColours.black, dash: "8 2 2 2" },
};

const title = "Pain over time";

type PainChartProps = ChartBaseProps & {
  points: PainPoint[];
  areas: ChartArea[];
  trends: AreaTrend[];
};

const shown = (value: number | null) => (value === null ? null : formatPain(value));

/**
 * Per area: the 7-day average (bold) over each day's mean (thin). Areas are never averaged
 * together; each has its own trend. Ratings right after a session are in the before/after chart.
 */
export function PainChart({ points, areas, trends, summary, range, audience = "patient" }: PainChartProps) {
  const rated = points.filter((point) => areas.some((area) => point[area] !== null));
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
  const legend: LegendItem[] = areas.flatMap((area) => [
    {
      label: `${chartAreaLabels[area]}: 7-day average`,
      colour: areaStyle[area].colour,
      shape: "bold-line" as const,
      dash: areaStyle[area].dash,
    },
    {
      label: `${chartAreaLabels[area]}: each day`,
      colour: areaStyle[area].colour,
      shape: "line" as const,
      dash: areaStyle[area].dash,
    },
  ]);
  return (
    <ChartCard
      title={title}
      summary={summary}
      empty={empty}
      notice={notice}
      legend={legend}
      details={
        <div className="space-y-1 text-sm text-slate-700">
          {trends.length > 0 ? (
            <ul aria-label="Trend per area" className="flex flex-wrap gap-x-4">
              {trends.map(({ area, trend }) => (
                <li key={area}>
                  {chartAreaLabels[area]}:{" "}
                  <strong className="font-semibold">{painTrendLabels[trend.direction]}</strong>
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            Check-ins and ratings before a session count here; ratings right after a session are in the
            before-and-after chart.
          </p>
        </div>
      }
      table={{
        caption: "Pain per day (0 to 10) and its 7-day average, per area, newest first",
        columns: [
          "Date",
          ...areas.flatMap((area) => [chartAreaLabels[area], `${chartAreaLabels[area]}, 7-day average`]),
        ],
        rows: rowsByDate(rated, "date", (point) =>
          areas.flatMap((area) => [shown(point[area]), shown(point[averageKey(area)])]),
        ),
      }}
    >
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} {...chartFrameProps(title, summary)}>
          <CartesianGrid {...gridLines} />
          <XAxis {...dateXAxis(points, "date", "Date")} />
          <YAxis {...painYAxis} />
          <Tooltip labelFormatter={dayLabel} formatter={(value) => formatPain(Number(value))} />
          {areas.flatMap((area) => [
            <Line
              key={area}
              dataKey={area}
              name={`${chartAreaLabels[area]}, that day`}
              stroke={areaStyle[area].colour}
              strokeDasharray={areaStyle[area].dash}
              strokeWidth={1}
              strokeOpacity={0.55}
              dot={showDots ? { r: 2.5, fill: areaStyle[area].colour } : false}
              connectNulls
              isAnimationActive={false}
            />,
            <Line
              key={averageKey(area)}
              dataKey={averageKey(area)}
              name={`${chartAreaLabels[area]}, 7-day average`}
              stroke={areaStyle[area].colour}
              strokeDasharray={areaStyle[area].dash}
              strokeWidth={3}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />,
          ])}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
