"use client";

import Link from "next/link";
import type { VolumePoint, VolumeSeries } from "@/lib/data/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import { type ChartBaseProps, chartColours, emptyFor, inPeriod, rowsByDate } from "./chart-format";
import { Plot } from "./plot";
import type { VolumeStack as Stack } from "./plot-styles";

const palette = [
  chartColours.blue,
  chartColours.orange,
  chartColours.bluishGreen,
  chartColours.reddishPurple,
  chartColours.skyBlue,
  chartColours.vermillion,
  chartColours.yellow,
];
const otherColour = chartColours.grey;

/**
 * One stacked bar segment per exercise. Past the seven distinguishable colours the smallest
 * exercises share an "Other exercises" segment; the table still lists each one.
 */
function stacksOf(series: VolumeSeries[], points: VolumePoint[]): Stack[] {
  const total = (id: string) => points.reduce((sum, point) => sum + (point.values[id] ?? 0), 0);
  const own =
    series.length <= palette.length
      ? series
      : [...series].sort((a, b) => total(b.exerciseId) - total(a.exerciseId)).slice(0, palette.length - 1);
  const ownIds = new Set(own.map((item) => item.exerciseId));
  const stacks: Stack[] = series
    .filter((item) => ownIds.has(item.exerciseId))
    .map((item, index) => ({
      key: `s${index}`,
      name: item.name,
      colour: palette[index] ?? otherColour,
      ids: [item.exerciseId],
    }));
  const rest = series.filter((item) => !ownIds.has(item.exerciseId)).map((item) => item.exerciseId);
  if (rest.length > 0) stacks.push({ key: "other", name: "Other exercises", colour: otherColour, ids: rest });
  return stacks;
}

const title = "Exercise volume per week";

type VolumeChartProps = ChartBaseProps & {
  series: VolumeSeries[];
  points: VolumePoint[];
};

/** Holds or repetitions done per week (sets x repetitions, both sides counted), stacked by exercise. */
export function VolumeChart({ series, points, summary, range, audience = "patient" }: VolumeChartProps) {
  const stacks = stacksOf(series, points);
  const rows = points.map((point) => ({
    weekStart: point.weekStart,
    ...Object.fromEntries(
      stacks.map((stack) => [stack.key, stack.ids.reduce((sum, id) => sum + (point.values[id] ?? 0), 0)]),
    ),
  }));
  const empty =
    series.length > 0
      ? undefined
      : emptyFor(
          audience,
          <>
            No exercises logged{inPeriod(range)} yet — <Link href="/log">log a session</Link> or start one
            from <Link href="/today">Today</Link>.
          </>,
          `No exercises logged${inPeriod(range)}.`,
        );
  const legend: LegendItem[] = stacks.map((stack) => ({
    label: stack.name,
    colour: stack.colour,
    shape: "bar",
  }));
  return (
    <ChartCard
      title={title}
      summary={summary}
      empty={empty}
      legend={legend}
      table={{
        caption: "Holds or repetitions per week and exercise, newest first",
        columns: ["Week starting", ...series.map((item) => item.name), "Total"],
        rows: rowsByDate(points, "weekStart", (point) => {
          const cells = series.map((item) => point.values[item.exerciseId] ?? 0);
          return [...cells, cells.reduce((sum, value) => sum + value, 0)];
        }),
      }}
    >
      <Plot kind="volume" props={{ rows, stacks, height: 260, title, summary }} />
    </ChartCard>
  );
}
