import { chartColours, formatDay } from "@/components/progress/chart-format";
import { painAreaStyle } from "@/components/progress/plot-styles";
import type { PainPoint } from "@/lib/data/progress";
import type { WeekAdherence } from "@/lib/domain/adherence";
import { averageKey, type ChartArea, chartAreaLabels } from "@/lib/domain/progress";

// Charts drawn on the server as plain SVG: they print exactly as they show, with no script, no
// animation and no measuring of the page. Each comes with a table of the same numbers. Each area has
// the colour and dash it has on screen (plot-styles), so a printed chart reads like the one in the app.

const width = 640;
const height = 220;
const frame = { left: 36, right: 12, top: 10, bottom: 34 };
const plotWidth = width - frame.left - frame.right;
const plotHeight = height - frame.top - frame.bottom;

function xOf(index: number, count: number): number {
  return frame.left + (count <= 1 ? plotWidth / 2 : (index / (count - 1)) * plotWidth);
}

function DateAxis({ dates }: { dates: string[] }) {
  if (dates.length === 0) return null;
  const picks = [...new Set([0, Math.floor((dates.length - 1) / 2), dates.length - 1])];
  return (
    <g fontSize="12" fill="#334155">
      {picks.map((index, order) => (
        <text
          key={index}
          x={xOf(index, dates.length)}
          y={height - 12}
          textAnchor={order === 0 ? "start" : order === picks.length - 1 ? "end" : "middle"}
        >
          {formatDay(dates[index] ?? "")}
        </text>
      ))}
    </g>
  );
}

/** Each area's 7-day average of pain (0-10) over the period: one line per area, never averaged together. */
export function PainLinesChart({ points, areas }: { points: PainPoint[]; areas: ChartArea[] }) {
  const y = (value: number) => frame.top + plotHeight - (value / 10) * plotHeight;
  return (
    <figure data-print-unit="" className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label="Pain over the period, each area's 7-day average; the table below has the same numbers"
        className="max-w-full"
      >
        {[0, 2, 4, 6, 8, 10].map((tick) => (
          <g key={tick}>
            <line x1={frame.left} x2={width - frame.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={frame.left - 6} y={y(tick) + 4} fontSize="12" fill="#334155" textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {areas.map((area) => {
          const key = averageKey(area);
          // A gap in the ratings is a gap in the line, not a line drawn across it.
          const runs: string[][] = [[]];
          points.forEach((point, index) => {
            const value = point[key];
            if (value === null) {
              if ((runs.at(-1) ?? []).length > 0) runs.push([]);
              return;
            }
            runs.at(-1)?.push(`${xOf(index, points.length).toFixed(1)},${y(value).toFixed(1)}`);
          });
          return runs
            .filter((run) => run.length > 0)
            .map((run) =>
              run.length === 1 ? (
                <circle
                  key={`${area}-${run[0]}`}
                  cx={run[0]?.split(",")[0]}
                  cy={run[0]?.split(",")[1]}
                  r="3"
                  fill={painAreaStyle[area].colour}
                />
              ) : (
                <polyline
                  key={`${area}-${run[0]}`}
                  points={run.join(" ")}
                  fill="none"
                  stroke={painAreaStyle[area].colour}
                  strokeWidth="3"
                  strokeDasharray={painAreaStyle[area].dash}
                />
              ),
            );
        })}
        <DateAxis dates={points.map((point) => point.date)} />
      </svg>
      <figcaption>
        <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {areas.map((area) => (
            <li key={area} className="flex items-center gap-2">
              <svg aria-hidden="true" width="28" height="10" viewBox="0 0 28 10">
                <line
                  x1="1"
                  x2="27"
                  y1="5"
                  y2="5"
                  stroke={painAreaStyle[area].colour}
                  strokeWidth="3"
                  strokeDasharray={painAreaStyle[area].dash}
                />
              </svg>
              {chartAreaLabels[area]}: 7-day average (0-10)
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}

/** Due days and due days with a session, per week. */
export function AdherenceBarsChart({ weeks }: { weeks: WeekAdherence[] }) {
  const most = Math.max(1, ...weeks.map((week) => week.due));
  const y = (value: number) => frame.top + plotHeight - (value / most) * plotHeight;
  const slot = plotWidth / Math.max(1, weeks.length);
  const bar = Math.max(2, Math.min(28, slot * 0.35));
  return (
    <figure data-print-unit="" className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label="Due days and days with a session per week; the table below has the same numbers"
        className="max-w-full"
      >
        {[...new Set([0, Math.ceil(most / 2), most])].map((tick) => (
          <g key={tick}>
            <line x1={frame.left} x2={width - frame.right} y1={y(tick)} y2={y(tick)} stroke="#e2e8f0" />
            <text x={frame.left - 6} y={y(tick) + 4} fontSize="12" fill="#334155" textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {weeks.map((week, index) => {
          const centre = frame.left + slot * index + slot / 2;
          return (
            <g key={week.weekStart}>
              <rect
                x={centre - bar}
                y={y(week.due)}
                width={bar}
                height={y(0) - y(week.due)}
                fill="#ffffff"
                stroke={chartColours.blue}
                strokeWidth="2"
              />
              <rect
                x={centre}
                y={y(week.done)}
                width={bar}
                height={y(0) - y(week.done)}
                fill={week.onTarget ? chartColours.bluishGreen : chartColours.orange}
              />
            </g>
          );
        })}
        <g fontSize="12" fill="#334155">
          {weeks.length > 0 ? (
            <>
              <text x={frame.left} y={height - 12}>
                Week of {formatDay(weeks[0]?.weekStart ?? "")}
              </text>
              <text x={width - frame.right} y={height - 12} textAnchor="end">
                Week of {formatDay(weeks.at(-1)?.weekStart ?? "")}
              </text>
            </>
          ) : null}
        </g>
      </svg>
      <figcaption>
        <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li className="flex items-center gap-2">
            <svg aria-hidden="true" width="20" height="12" viewBox="0 0 20 12">
              <rect
                x="1"
                y="1"
                width="18"
                height="10"
                fill="#ffffff"
                stroke={chartColours.blue}
                strokeWidth="2"
              />
            </svg>
            Days due
          </li>
          <li className="flex items-center gap-2">
            <svg aria-hidden="true" width="20" height="12" viewBox="0 0 20 12">
              <rect x="1" y="1" width="18" height="10" fill={chartColours.bluishGreen} />
            </svg>
            Due days with a session, week on target
          </li>
          <li className="flex items-center gap-2">
            <svg aria-hidden="true" width="20" height="12" viewBox="0 0 20 12">
              <rect x="1" y="1" width="18" height="10" fill={chartColours.orange} />
            </svg>
            Due days with a session, week not on target (or not over yet)
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
