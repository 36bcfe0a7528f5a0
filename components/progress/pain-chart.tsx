"use client";

import Link from "next/link";
import type { AreaTrend, PainPoint } from "@/lib/data/progress";
import { painTrendLabels } from "@/lib/domain/pain-trend";
import { averageKey, type ChartArea, chartAreaLabels, formatPain } from "@/lib/domain/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import { type ChartBaseProps, emptyFor, formatDay, inPeriod, rowsByDate } from "./chart-format";
import { Plot } from "./plot";
import { painAreaStyle as areaStyle } from "./plot-styles";

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
      <Plot kind="pain" props={{ points, areas, height: 280, title, summary }} />
    </ChartCard>
  );
}
