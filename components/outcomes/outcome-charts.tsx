"use client";

import Link from "next/link";
import { ChartCard, type LegendItem } from "@/components/progress/chart-card";
import { type Audience, chartColours, formatDay } from "@/components/progress/chart-format";
import { Plot } from "@/components/progress/plot";
import type { OutcomeSeries } from "@/lib/data/outcomes";
import { formatScoreChange, outcomeDirectionLabels } from "@/lib/domain/outcomes";
import { instrumentFor, instrumentSlug } from "@/lib/instruments/index";
import type { InstrumentDefinition } from "@/lib/instruments/types";

const activityStyles = [
  { colour: chartColours.orange, dash: "6 3" },
  { colour: chartColours.reddishPurple, dash: "2 2" },
  { colour: chartColours.bluishGreen, dash: "8 2 2 2" },
  { colour: chartColours.vermillion, dash: "4 4" },
  { colour: chartColours.skyBlue, dash: "1 3" },
];

/** "PSFS mean 5.5 on 30 Nov 2026, +2 points since the first score (3.5 on 2 Nov 2026): an important improvement (rule: …)." */
export function outcomeSummary(series: OutcomeSeries, instrument: InstrumentDefinition): string {
  const trend = series.trend;
  const last = series.points.at(-1);
  if (!last || !trend) return "No answers yet.";
  const latest = `${instrument.shortName} ${last.score} on ${formatDay(last.date)}`;
  if (instrument.importantRating) {
    return `${latest}: ${outcomeDirectionLabels[trend.direction].toLowerCase()} (rule: ${instrument.importantRating.rule})`;
  }
  const first = series.points[0];
  if (trend.change === null || !first) {
    return series.points.length === 1
      ? `${latest}, the first score. The change shows from the next answer on.`
      : `${latest}. No activity was rated both times, so there is no change to show.`;
  }
  const since = `${formatScoreChange(trend.change)} since the first score (${first.score} on ${formatDay(first.date)})`;
  if (!instrument.importantChange)
    return `${latest}, ${since}. No published threshold fits, so it is not labelled.`;
  return `${latest}, ${since}: ${outcomeDirectionLabels[trend.direction].toLowerCase()}. ${instrument.importantChange.rule}`;
}

/** One chart per instrument answered, in the progress charts' frame; PSFS shows each activity too. */
export function OutcomeCharts({ series, audience }: { series: OutcomeSeries[]; audience: Audience }) {
  return (
    <section aria-labelledby="outcomes-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="outcomes-heading" className="text-xl font-semibold">
          Questionnaire scores
        </h2>
        {audience === "patient" ? (
          <p className="text-slate-700">
            You can fill in the <Link href="/outcomes/psfs">Patient-Specific Functional Scale</Link> whenever
            you like; your physiotherapist may ask for others.
          </p>
        ) : null}
      </div>
      {series.length === 0 ? (
        <p className="rounded-lg bg-slate-50 px-3 py-4">No questionnaires answered yet.</p>
      ) : (
        series.map((one) => <OutcomeChart key={one.instrument} series={one} audience={audience} />)
      )}
    </section>
  );
}

/** "Answer again" is for the patient only: the questionnaire pages are the patient's own. */
function OutcomeChart({ series, audience }: { series: OutcomeSeries; audience: Audience }) {
  const instrument = instrumentFor(series.instrument);
  if (!instrument) return null;
  const title = `${instrument.name} (${instrument.range.min} to ${instrument.range.max}, ${instrument.range.higherIsBetter ? "higher is better" : "lower is better"})`;
  const summary = outcomeSummary(series, instrument);
  const first = series.points[0];
  const threshold = instrument.importantChange?.points;
  const activityNames = [
    ...new Set(series.points.flatMap((point) => point.activities.map((activity) => activity.name))),
  ].slice(0, activityStyles.length);
  const rows = series.points.map((point, index) => ({
    key: `${point.date}-${index}`,
    date: point.date,
    score: point.score,
    ...Object.fromEntries(
      point.activities.map((activity) => [`activity:${activity.name}`, activity.rating] as const),
    ),
  }));
  const band =
    threshold !== undefined && first
      ? {
          y1: Math.max(instrument.range.min, first.score - threshold),
          y2: Math.min(instrument.range.max, first.score + threshold),
        }
      : instrument.importantRating
        ? { y1: -instrument.importantRating.points + 1, y2: instrument.importantRating.points - 1 }
        : null;
  const scoreLabel = instrument.id === "PSFS" ? "Mean" : "Score";
  const legend: LegendItem[] = [
    { label: scoreLabel, colour: chartColours.blue, shape: "bold-line" },
    ...activityNames.map((name, index) => ({
      label: name,
      colour: activityStyles[index]?.colour ?? chartColours.grey,
      shape: "line" as const,
      dash: activityStyles[index]?.dash,
    })),
    ...(band
      ? [
          {
            label: instrument.importantRating
              ? `Not an important change (-${instrument.importantRating.points - 1} to +${instrument.importantRating.points - 1})`
              : `Within ${threshold} points of the first score: not an important change`,
            colour: chartColours.grey,
            shape: "bar" as const,
            outline: true,
          },
        ]
      : []),
  ];
  const change = (score: number) =>
    first && !instrument.importantRating
      ? formatScoreChange(Math.round((score - first.score) * 100) / 100)
      : null;
  return (
    <ChartCard
      title={title}
      headingLevel={3}
      summary={summary}
      legend={legend}
      details={
        <p className="text-sm text-slate-700">
          Source: {instrument.importantChange?.citation ?? instrument.importantRating?.citation}{" "}
          {audience === "patient" && instrument.patientMayStart ? (
            <Link href={`/outcomes/${instrumentSlug(instrument)}`}>Answer again</Link>
          ) : null}
        </p>
      }
      table={{
        caption: `${instrument.name}: each answer, newest first`,
        columns: [
          "Date",
          scoreLabel,
          ...(instrument.importantRating ? [] : ["Change since first"]),
          ...activityNames,
        ],
        rows: [...series.points]
          .map((point, index) => ({
            key: `${point.id}-${index}`,
            heading: formatDay(point.date),
            cells: [
              point.score,
              ...(instrument.importantRating ? [] : [change(point.score)]),
              ...activityNames.map(
                (name) => point.activities.find((activity) => activity.name === name)?.rating ?? null,
              ),
            ],
          }))
          .reverse(),
      }}
    >
      <Plot
        kind="outcome"
        props={{
          rows,
          domain: [instrument.range.min, instrument.range.max],
          band,
          scoreLabel,
          activities: activityNames.map((name, index) => ({
            name,
            colour: activityStyles[index]?.colour,
            dash: activityStyles[index]?.dash,
          })),
          height: 260,
          title,
          summary,
        }}
      />
    </ChartCard>
  );
}
