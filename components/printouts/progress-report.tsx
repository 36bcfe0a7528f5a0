import { formatDay } from "@/components/progress/chart-format";
import { RoutineChanges } from "@/components/routine/routine-changes";
import type { ProgressReport } from "@/lib/data/printouts";
import { formatScoreChange, outcomeDirectionLabels } from "@/lib/domain/outcomes";
import { painTrendLabels } from "@/lib/domain/pain-trend";
import { averageKey, chartAreaLabels, countOf, formatPain } from "@/lib/domain/progress";
import { formatDate } from "@/lib/format";
import { instrumentFor } from "@/lib/instruments";
import { PrintButton } from "./print-button";
import { AdherenceBarsChart, PainLinesChart } from "./report-charts";

function Table({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: string[];
  rows: { key: string; cells: (string | number)[] }[];
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls in this named region, and keyboard users must focus it to scroll (WCAG 2.1.1)
    <section className="max-w-full overflow-x-auto" tabIndex={0} aria-label={caption}>
      <table className="w-full border-collapse text-sm">
        <caption className="py-1 text-left font-medium">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th
                key={column}
                scope="col"
                className={`border-b border-slate-400 px-2 py-1 align-bottom ${index === 0 ? "text-left" : "text-right"}`}
              >
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-200">
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={columns[index]} scope="row" className="px-2 py-1 text-left font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={columns[index]} className="px-2 py-1 text-right tabular-nums">
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const section = "space-y-3 rounded-xl border border-slate-300 bg-white p-4";
const dash = "–";

/** A progress report for a period: the charts' figures and words, on paper. */
export function ProgressReportView({ report }: { report: ProgressReport }) {
  const { progress, patient, period } = report;
  const { pain, adherence } = progress;
  const rated = pain.points.some((point) => pain.areas.some((area) => point[area] !== null));
  // The table beside the pain chart: the 7-day average at the end of each week of the period (or
  // of each week or month a long period's chart shows), the same numbers the chart draws.
  const painRows =
    pain.resolution === "day"
      ? pain.points.filter((_, index) => (pain.points.length - 1 - index) % 7 === 0)
      : pain.points;
  const rowLabel =
    pain.resolution === "day"
      ? (date: string) => `7 days to ${formatDay(date)}`
      : (date: string) => `${pain.resolution === "week" ? "Week" : "Month"} from ${formatDay(date)}`;
  const whose = report.audience === "patient" ? "your" : "their";
  return (
    <article data-print-view="" className="max-w-3xl space-y-5">
      <header className="space-y-1 border-b border-slate-300 pb-3">
        <h1 className="text-2xl font-bold">Progress report</h1>
        <p className="text-slate-800">
          {patient.name} · {formatDay(period.from)} to {formatDay(period.to)} · printed{" "}
          {formatDate(report.printedAt, patient.timeZone)}
        </p>
        <p className="text-sm text-slate-700">
          Days are {whose} local days (time zone {patient.timeZone}). Figures are worked out from every rating
          and session logged in the app; only the words and tables round them.
        </p>
      </header>
      <div data-print-hide="">
        <PrintButton />
      </div>

      <section aria-labelledby="adherence-heading" className={section}>
        <h2 id="adherence-heading" className="text-lg font-semibold">
          Sessions on due days
        </h2>
        <p>{adherence.summary}</p>
        <p className="text-sm">
          Current run of complete weeks on target, over the whole history: {countOf(adherence.streak, "week")}
          .
        </p>
        {adherence.weeks.length > 0 ? (
          <>
            <AdherenceBarsChart weeks={adherence.weeks} />
            <Table
              caption="Sessions on due days, per week"
              columns={[
                "Week starting",
                "Days due",
                "Due days with a session",
                "Other days with a session",
                "On target",
              ]}
              rows={adherence.weeks.map((week) => ({
                key: week.weekStart,
                cells: [
                  formatDay(week.weekStart),
                  week.due,
                  week.done,
                  week.extra,
                  !week.complete
                    ? "Not over yet"
                    : week.partial
                      ? "Part of the week"
                      : week.due === 0
                        ? dash
                        : week.onTarget
                          ? "Yes"
                          : "No",
                ],
              }))}
            />
          </>
        ) : null}
      </section>

      <section aria-labelledby="pain-heading" className={section}>
        <h2 id="pain-heading" className="text-lg font-semibold">
          Pain by area
        </h2>
        <p>{pain.summary}</p>
        {rated ? (
          <>
            <PainLinesChart points={pain.points} areas={pain.areas} />
            <Table
              caption="Trend per area: the first 7 days of the period against the last 7"
              columns={["Area", "First 7 days", "Last 7 days", "Trend"]}
              rows={pain.trends.map(({ area, trend }) => ({
                key: area,
                cells: [
                  chartAreaLabels[area],
                  trend.direction === "too-few"
                    ? `${trend.earlierDays} days rated`
                    : formatPain(trend.earlier),
                  trend.direction === "too-few" ? `${trend.laterDays} days rated` : formatPain(trend.later),
                  painTrendLabels[trend.direction],
                ],
              }))}
            />
            <Table
              caption="7-day average of pain (0-10) per area"
              columns={["Period", ...pain.areas.map((area) => chartAreaLabels[area])]}
              rows={painRows.map((point) => ({
                key: point.date,
                cells: [
                  rowLabel(point.date),
                  ...pain.areas.map((area) => {
                    const value = point[averageKey(area)];
                    return value === null ? dash : formatPain(value);
                  }),
                ],
              }))}
            />
          </>
        ) : null}
        <p className="text-sm">{progress.beforeAfter.summary}</p>
        <p className="text-sm">{progress.painResponse.summary}</p>
      </section>

      <section aria-labelledby="outcomes-heading" className={section}>
        <h2 id="outcomes-heading" className="text-lg font-semibold">
          Questionnaire scores
        </h2>
        {report.outcomes.length === 0 ? (
          <p>No questionnaires answered in this period.</p>
        ) : (
          report.outcomes.map((series) => {
            const instrument = instrumentFor(series.instrument);
            const trend = series.trend;
            return (
              <div key={series.instrument} className="space-y-2">
                <h3 className="font-semibold">{instrument?.name ?? series.instrument}</h3>
                {trend ? (
                  <p className="text-sm">
                    {instrument?.importantRating
                      ? // A change scale is already a change: its latest answer is judged on its own.
                        `Latest answer ${trend.latest.score > 0 ? "+" : ""}${trend.latest.score}: ${outcomeDirectionLabels[trend.direction].toLowerCase()}.`
                      : trend.change === null
                        ? `${countOf(trend.count, "answer")} in this period; ${outcomeDirectionLabels[trend.direction].toLowerCase()}.`
                        : `${formatScoreChange(trend.change)} from the first answer in this period to the latest: ${outcomeDirectionLabels[trend.direction].toLowerCase()}.`}
                    {trend.rule ? ` ${trend.rule}` : ""}
                  </p>
                ) : null}
                <Table
                  caption={`${instrument?.shortName ?? series.instrument} scores in this period`}
                  columns={["Date", "Score"]}
                  rows={series.points.map((point) => ({
                    key: point.id,
                    cells: [formatDay(point.date), point.score],
                  }))}
                />
              </div>
            );
          })
        )}
      </section>

      <section aria-labelledby="changes-heading" className={section}>
        <h2 id="changes-heading" className="text-lg font-semibold">
          Routine changes in this period
        </h2>
        {report.routineChanges.length === 0 ? (
          <p>The routine did not change in this period.</p>
        ) : (
          <RoutineChanges
            changes={report.routineChanges}
            timeZone={patient.timeZone}
            audience={report.audience}
          />
        )}
      </section>

      {report.notes ? (
        <section aria-labelledby="notes-heading" className={section}>
          <h2 id="notes-heading" className="text-lg font-semibold">
            Your clinical notes from this period
          </h2>
          {report.notesOutside > 0 ? (
            <p data-print-hide="" className="rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-800">
              {report.notesOutside === 1
                ? "One other note of yours about"
                : `${report.notesOutside} other notes of yours about`}{" "}
              {patient.name} {report.notesOutside === 1 ? "was" : "were"} written outside this period. Change
              the dates above to include {report.notesOutside === 1 ? "it" : "them"}.
            </p>
          ) : null}
          {report.notes.length === 0 ? (
            <p>You wrote no clinical notes about {patient.name} in this period.</p>
          ) : (
            <ol className="space-y-3">
              {report.notes.map((note) => (
                <li key={note.id} data-print-unit="" className="space-y-1">
                  <p className="text-sm font-medium">{formatDate(note.createdAt, patient.timeZone)}</p>
                  <p className="whitespace-pre-line">{note.body}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
      ) : null}
    </article>
  );
}
