"use client";

import Link from "next/link";
import type { PainResponse } from "@/lib/data/progress";
import { meaningfulChangePoints } from "@/lib/domain/clinical-thresholds";
import { round1 } from "@/lib/domain/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import { type ChartBaseProps, emptyFor, formatChange, inPeriod } from "./chart-format";
import { Plot } from "./plot";
import { painResponseColours } from "./plot-styles";

const { eased: easedColour, worse: worseColour, same: sameColour } = painResponseColours;

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

const title = "Pain response per exercise";

type PainResponseChartProps = ChartBaseProps & {
  rows: PainResponse[];
};

/**
 * Average change in pain from before to after the sessions that included each exercise. Below zero
 * is an improvement. Sessions usually hold several exercises, so this shows association only.
 */
export function PainResponseChart({ rows, summary, range, audience = "patient" }: PainResponseChartProps) {
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
      <Plot
        kind="painResponse"
        props={{ rows, height: Math.max(140, rows.length * 40 + 60), title, summary }}
      />
    </ChartCard>
  );
}
