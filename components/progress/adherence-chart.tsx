"use client";

import Link from "next/link";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProgressRange, WeekAdherence } from "@/lib/domain/progress";
import { ChartCard, type LegendItem } from "./chart-card";
import {
  type Audience,
  axisTick,
  chartColours,
  chartMargin,
  dateTicks,
  formatDay,
  gridStroke,
  inPeriod,
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

type AdherenceChartProps = {
  weeks: WeekAdherence[];
  streak: number;
  summary: string;
  range: ProgressRange;
  audience?: Audience;
};

/** Days with a session against days due, per Monday-to-Sunday week, and the streak of weeks on target. */
export function AdherenceChart({ weeks, streak, summary, range, audience = "patient" }: AdherenceChartProps) {
  const active = weeks.some((week) => week.due > 0 || week.done > 0);
  const formatTick = dateTicks(weeks.map((week) => week.weekStart));
  const empty = active ? undefined : audience === "patient" ? (
    <>
      No sessions due or done{inPeriod(range)} yet — choose your exercises and days in your{" "}
      <Link href="/routine">routine</Link>.
    </>
  ) : (
    `No sessions due or logged${inPeriod(range)}.`
  );
  return (
    <ChartCard
      title="Sessions done and due"
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
        rows: [...weeks].reverse().map((week) => ({
          key: week.weekStart,
          heading: formatDay(week.weekStart),
          cells: [week.done, week.due, weekStatus(week)],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart
          data={weeks}
          margin={chartMargin}
          barGap={1}
          accessibilityLayer={false}
          role="img"
          title="Sessions done and due"
          desc={summary}
        >
          <CartesianGrid stroke={gridStroke} vertical={false} />
          <XAxis
            dataKey="weekStart"
            tickFormatter={formatTick}
            tick={axisTick}
            interval="preserveStartEnd"
            minTickGap={24}
            label={{
              value: "Week starting",
              position: "insideBottom",
              offset: -12,
              fontSize: 12,
              fill: "#334155",
            }}
          />
          <YAxis
            domain={[0, 7]}
            ticks={dayTicks}
            allowDecimals={false}
            tick={axisTick}
            width={44}
            label={{
              value: "Days per week",
              angle: -90,
              position: "insideLeft",
              offset: 10,
              style: { textAnchor: "middle" },
              fontSize: 12,
              fill: "#334155",
            }}
          />
          <Tooltip labelFormatter={(label) => `Week starting ${formatDay(String(label))}`} />
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
