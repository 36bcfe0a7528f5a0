"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekAdherence } from "@/lib/domain/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import {
  type ChartBaseProps,
  chartColours,
  chartFrameProps,
  dateXAxis,
  emptyFor,
  gridLines,
  inPeriod,
  rowsByDate,
  valueYAxis,
  weekLabel,
} from "./chart-format";

const dueColour = "#475569";
const doneColour = chartColours.bluishGreen;
const dayTicks = [0, 1, 2, 3, 4, 5, 6, 7];

const legend: LegendItem[] = [
  { label: "Days a session was due", colour: dueColour, shape: "bar", outline: true },
  { label: "Days with a session", colour: doneColour, shape: "bar" },
];

function weekStatus(week: WeekAdherence): string {
  if (week.due === 0) return "Nothing due";
  if (week.done >= week.due) return "Yes";
  return week.complete ? "No" : "In progress";
}

const title = "Sessions done and due";

type AdherenceChartProps = ChartBaseProps & {
  weeks: WeekAdherence[];
  streak: number;
};

/** Days with a session against days due, per Monday-to-Sunday week, and the streak of weeks on target. */
export function AdherenceChart({ weeks, streak, summary, range, audience = "patient" }: AdherenceChartProps) {
  const active = weeks.some((week) => week.due > 0 || week.done > 0);
  const empty = active
    ? undefined
    : emptyFor(
        audience,
        <>
          No sessions due or done{inPeriod(range)} yet — choose your exercises and days in your{" "}
          <Link href="/routine">routine</Link>.
        </>,
        `No sessions due or logged${inPeriod(range)}.`,
      );
  return (
    <ChartCard
      title={title}
      summary={summary}
      empty={empty}
      legend={legend}
      details={
        <p className="text-slate-800">
          Current streak:{" "}
          <strong className="font-semibold">
            {streak} {streak === 1 ? "week" : "weeks"} on target
          </strong>
        </p>
      }
      table={{
        caption: "Days with a session and days a session was due, per week (Monday to Sunday), newest first",
        columns: ["Week starting", "Days with a session", "Days due", "On target"],
        rows: rowsByDate(weeks, "weekStart", (week) => [week.done, week.due, weekStatus(week)]),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={weeks} barGap={1} {...chartFrameProps(title, summary)}>
          <CartesianGrid {...gridLines} />
          <XAxis {...dateXAxis(weeks, "weekStart", "Week starting")} />
          <YAxis domain={[0, 7]} ticks={dayTicks} allowDecimals={false} {...valueYAxis("Days per week")} />
          <Tooltip labelFormatter={weekLabel} />
          <Bar
            dataKey="due"
            name="Days due"
            fill="#ffffff"
            stroke={dueColour}
            strokeWidth={1.5}
            isAnimationActive={false}
          />
          <Bar dataKey="done" name="Days with a session" fill={doneColour} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
