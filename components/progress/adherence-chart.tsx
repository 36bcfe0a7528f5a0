"use client";

import Link from "next/link";
import { daysNeeded, type WeekAdherence } from "@/lib/domain/adherence";
import { defaultWeeklyTargetPercent } from "@/lib/domain/clinical-thresholds";
import { plural } from "@/lib/format";
import { ChartCard, type LegendItem } from "./chart-card";
import { type ChartBaseProps, emptyFor, inPeriod, rowsByDate } from "./chart-format";
import { Plot } from "./plot";
import { adherenceColours, adherenceLabels } from "./plot-styles";

const { due: dueColour, done: doneColour, extra: extraColour } = adherenceColours;

const legend: LegendItem[] = [
  { label: adherenceLabels.due, colour: dueColour, shape: "bar", outline: true },
  { label: adherenceLabels.done, colour: doneColour, shape: "bar" },
  { label: adherenceLabels.extra, colour: extraColour, shape: "bar" },
];

function weekStatus(week: WeekAdherence): string {
  if (week.partial) return "Part of the week shown";
  if (week.due === 0) return "Nothing due";
  if (!week.complete) return week.onTarget ? "So far" : "In progress";
  return week.onTarget ? "Yes" : "No";
}

const title = "Sessions done and due";

type AdherenceChartProps = ChartBaseProps & {
  weeks: WeekAdherence[];
  streak: number;
  targetPercent: number;
};

/**
 * Due days with a session against days due, per Monday-to-Sunday week, sessions on other days
 * beside them, and the streak of weeks on target (over the whole history).
 */
export function AdherenceChart({
  weeks,
  streak,
  targetPercent,
  summary,
  range,
  audience = "patient",
}: AdherenceChartProps) {
  const active = weeks.some((week) => week.due > 0 || week.done > 0 || week.extra > 0);
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
        <div className="space-y-1">
          <p className="text-slate-800">
            Current streak: <strong className="font-semibold">{plural(streak, "week")} on target</strong>{" "}
            (complete weeks in a row up to last week, over all your history, so it can count weeks before the
            period shown)
          </p>
          <p className="text-sm text-slate-700">
            A week is on target when sessions were done on at least {targetPercent}% of its due days (
            {targetPercent === defaultWeeklyTargetPercent
              ? "the app's default, which the physiotherapist can change"
              : "set by the physiotherapist"}
            ): {daysNeeded(3, targetPercent)} of 3 days for a 3-day routine, {daysNeeded(5, targetPercent)} of
            5 for a 5-day one. Sessions on days that were not due are shown but not counted. Today counts as
            due once its session is done.
          </p>
        </div>
      }
      table={{
        caption:
          "Due days with a session, days due and sessions on other days, per week (Monday to Sunday), newest first",
        columns: ["Week starting", "Due days with a session", "Days due", "Other days", "On target"],
        rows: rowsByDate(weeks, "weekStart", (week) => [week.done, week.due, week.extra, weekStatus(week)]),
      }}
    >
      <Plot kind="adherence" props={{ weeks, height: 240, title, summary }} />
    </ChartCard>
  );
}
