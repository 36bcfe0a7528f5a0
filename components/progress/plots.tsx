// Every drawing of the progress charts, as plain SVG built with d3-scale and d3-shape. The drawings
// are pure functions of the numbers and a width, so the server puts the first period's charts in
// the page's HTML and the browser draws another period with the same code: no chart library runs
// in the browser, nothing measures the page, and no chart waits for a script. Recharts 3 was used
// before and cannot draw on the server (docs/decisions.md, "Charts drawn as SVG"; figures in
// docs/performance.md, "Chart pages").
import { scaleBand, scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { ReactNode } from "react";
import type { BeforeAfterPoint, PainPoint, PainResponse } from "@/lib/data/progress";
import type { WeekAdherence } from "@/lib/domain/adherence";
import { atLeast, meaningfulChangePoints } from "@/lib/domain/clinical-thresholds";
import { averageKey, type ChartArea, chartAreaLabels, formatPain, round1 } from "@/lib/domain/progress";
import {
  axisTick,
  chartColours,
  chartMargin,
  dateTickInterval,
  dateTicks,
  formatChange,
  formatDay,
  gridStroke,
} from "./chart-format";
import {
  adherenceColours,
  adherenceLabels,
  beforeAfterStyle,
  painAreaStyle,
  painResponseColours,
  type VolumeStack,
} from "./plot-styles";

/** What every drawing is given: its size and the words that name and describe the SVG. */
type Frame = { width: number; height: number; title: string; summary: string };

/** One value under the pointer, as the tooltip lists it. */
export type HitItem = { name: string; value: string; colour: string };
/** Where a date (or bar) sits along the chart, in the drawing's units, and what it shows. */
export type Hit = { at: number; heading: string; items: HitItem[] };
/**
 * A chart drawn: the SVG, and its points for the tooltip, found along x (dates) or along y (the
 * rows of a horizontal bar chart).
 */
export type Drawing = { svg: ReactNode; hits: Hit[]; along: "x" | "y" };

/** Height of the date axis under the plot: tick marks and labels. The title sits in the margin. */
const xAxisHeight = 30;
const axisStroke = "#666666";
const textFill = axisTick.fill;

type Box = { left: number; right: number; top: number; bottom: number };

type Margin = { top: number; right: number; bottom: number; left: number };

function plotBox(width: number, height: number, yAxisWidth = 44, margin: Margin = chartMargin): Box {
  return {
    left: margin.left + yAxisWidth,
    right: Math.max(margin.left + yAxisWidth + 1, width - margin.right),
    top: margin.top,
    bottom: Math.max(margin.top + 1, height - margin.bottom - xAxisHeight),
  };
}

const fixed = (value: number) => Math.round(value * 10) / 10;

function Svg({ width, height, title, summary, children }: Frame & { children: ReactNode }) {
  return (
    <svg
      role="img"
      viewBox={`0 0 ${width} ${height}`}
      className="block h-auto w-full overflow-visible"
      fontFamily="inherit"
    >
      <title>{title}</title>
      <desc>{summary}</desc>
      {children}
    </svg>
  );
}

/** Horizontal grid lines at the value ticks. */
function Grid({ box, ys }: { box: Box; ys: number[] }) {
  return (
    <g stroke={gridStroke}>
      {ys.map((y) => (
        <line key={y} x1={box.left} x2={box.right} y1={fixed(y)} y2={fixed(y)} />
      ))}
    </g>
  );
}

/** A value axis on the left: its line, ticks, labels and title (read bottom to top). */
function ValueAxis({
  box,
  ticks,
  y,
  title,
  titleOffset = 10,
  format = String,
}: {
  box: Box;
  ticks: number[];
  y: (value: number) => number;
  title: string;
  titleOffset?: number;
  format?: (value: number) => string;
}) {
  return (
    <g fontSize={axisTick.fontSize} fill={textFill}>
      <line x1={box.left} x2={box.left} y1={box.top} y2={box.bottom} stroke={axisStroke} />
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={box.left - 6} x2={box.left} y1={fixed(y(tick))} y2={fixed(y(tick))} stroke={axisStroke} />
          <text x={box.left - 8} y={fixed(y(tick))} dy="0.355em" textAnchor="end">
            {format(tick)}
          </text>
        </g>
      ))}
      <text
        transform={`translate(${titleOffset + 8} ${fixed((box.top + box.bottom) / 2)}) rotate(-90)`}
        textAnchor="middle"
      >
        {title}
      </text>
    </g>
  );
}

/** A date axis along the bottom: every n-th date labelled so that the labels fit the width. */
function DateAxis({
  box,
  height,
  dates,
  x,
  width,
  title,
}: {
  box: Box;
  height: number;
  dates: string[];
  x: (index: number) => number;
  width: number;
  title: string;
}) {
  const format = dateTicks(dates);
  const step = dateTickInterval(dates.length, format(dates[0] ?? ""), width) + 1;
  return (
    <g fontSize={axisTick.fontSize} fill={textFill}>
      <line x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} stroke={axisStroke} />
      {dates.map((date, index) =>
        index % step === 0 ? <BottomTick key={date} box={box} at={x(index)} label={format(date)} /> : null,
      )}
      <AxisTitle box={box} height={height} title={title} />
    </g>
  );
}

/** A tick mark and its label under the plot, at `at` along the bottom axis. */
function BottomTick({ box, at, label }: { box: Box; at: number; label: string }) {
  return (
    <g>
      <line x1={fixed(at)} x2={fixed(at)} y1={box.bottom} y2={box.bottom + 6} stroke={axisStroke} />
      <text x={fixed(at)} y={box.bottom + 8} dy="0.71em" textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

function AxisTitle({ box, height, title }: { box: Box; height: number; title: string }) {
  return (
    <text x={fixed((box.left + box.right) / 2)} y={height - 4} textAnchor="middle">
      {title}
    </text>
  );
}

/** A chart over dates: its frame, value grid and axes, then what it draws (`under` goes beneath the grid). */
function DatedChart({
  frame,
  box,
  ticks,
  y,
  valueTitle,
  valueTitleOffset,
  dates,
  x,
  dateTitle,
  under,
  children,
}: {
  frame: Frame;
  box: Box;
  ticks: number[];
  y: (value: number) => number;
  valueTitle: string;
  valueTitleOffset?: number;
  dates: string[];
  x: (index: number) => number;
  dateTitle: string;
  under?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Svg {...frame}>
      {under}
      <Grid box={box} ys={ticks.map(y)} />
      <ValueAxis box={box} ticks={ticks} y={y} title={valueTitle} titleOffset={valueTitleOffset} />
      <DateAxis box={box} height={frame.height} dates={dates} x={x} width={frame.width} title={dateTitle} />
      {children}
    </Svg>
  );
}

type Series = {
  values: (number | null)[];
  colour: string;
  dash?: string;
  width: number;
  opacity?: number;
  /** Dots on each value: their radius and fill (the line's colour unless given). */
  dot?: { r: number; fill?: string };
};

/** A line through the values that are there: a missing value is skipped, not drawn as 0. */
function SeriesLine({
  series,
  x,
  y,
}: {
  series: Series;
  x: (index: number) => number;
  y: (v: number) => number;
}) {
  const points = series.values.flatMap((value, index) =>
    value === null ? [] : [[fixed(x(index)), fixed(y(value))] as [number, number]],
  );
  const path = line()(points) ?? "";
  return (
    <g>
      <path
        d={path}
        fill="none"
        stroke={series.colour}
        strokeWidth={series.width}
        strokeDasharray={series.dash}
        strokeOpacity={series.opacity}
        strokeLinejoin="round"
      />
      {series.dot
        ? points.map(([cx, cy]) => (
            <circle
              key={`${cx},${cy}`}
              cx={cx}
              cy={cy}
              r={series.dot?.r}
              fill={series.dot?.fill ?? series.colour}
              stroke={series.colour}
              strokeWidth={1}
            />
          ))
        : null}
    </g>
  );
}

/** Dates at even steps across the plot, the first and last at its edges (`pad` px inside). */
function dateScale(count: number, box: Box, pad = 0) {
  const scale = scalePoint<number>()
    .domain(Array.from({ length: count }, (_, index) => index))
    .range([box.left + pad, box.right - pad]);
  return (index: number) => (count === 1 ? (box.left + box.right) / 2 : (scale(index) ?? box.left));
}

function valueScale(domain: [number, number], box: Box) {
  return scaleLinear().domain(domain).range([box.bottom, box.top]);
}

/** Whole-number ticks for a count axis from 0: about five, never fractions. */
function countTicks(max: number): { ticks: number[]; top: number } {
  const scale = scaleLinear()
    .domain([0, Math.max(1, max)])
    .nice(5);
  const ticks = scale.ticks(5).filter(Number.isInteger);
  return { ticks, top: scale.domain()[1] ?? 1 };
}

const painTicks = [0, 2, 4, 6, 8, 10];

export type PainPlotProps = Frame & { points: PainPoint[]; areas: ChartArea[] };

function painPlot({ points, areas, width, height, title, summary }: PainPlotProps): Drawing {
  const box = plotBox(width, height);
  const x = dateScale(points.length, box);
  const y = valueScale([0, 10], box);
  const showDots = points.length <= 31;
  const hits = points.map((point, index) => ({
    at: x(index),
    heading: formatDay(point.date),
    items: areas.flatMap((area) => {
      const day = point[area];
      const average = point[averageKey(area)];
      const colour = painAreaStyle[area].colour;
      return [
        ...(day === null
          ? []
          : [{ name: `${chartAreaLabels[area]}, that day`, value: formatPain(day), colour }]),
        ...(average === null
          ? []
          : [{ name: `${chartAreaLabels[area]}, 7-day average`, value: formatPain(average), colour }]),
      ];
    }),
  }));
  return {
    along: "x",
    hits,
    svg: (
      <DatedChart
        frame={{ width, height, title, summary }}
        box={box}
        ticks={painTicks}
        y={y}
        valueTitle="Pain (0-10)"
        dates={points.map((point) => point.date)}
        x={x}
        dateTitle="Date"
      >
        {areas.map((area) => {
          const style = painAreaStyle[area];
          return (
            <g key={area}>
              <SeriesLine
                series={{
                  values: points.map((point) => point[area]),
                  colour: style.colour,
                  dash: style.dash,
                  width: 1,
                  opacity: 0.55,
                  dot: showDots ? { r: 2.5 } : undefined,
                }}
                x={x}
                y={y}
              />
              <SeriesLine
                series={{
                  values: points.map((point) => point[averageKey(area)]),
                  colour: style.colour,
                  dash: style.dash,
                  width: 3,
                }}
                x={x}
                y={y}
              />
            </g>
          );
        })}
      </DatedChart>
    ),
  };
}

export type BeforeAfterPlotProps = Frame & { points: BeforeAfterPoint[] };

function beforeAfterPlot({ points, width, height, title, summary }: BeforeAfterPlotProps): Drawing {
  const box = plotBox(width, height);
  const x = dateScale(points.length, box, 8);
  const y = valueScale([0, 10], box);
  const showDots = points.length <= 45;
  const { beforeColour, afterColour, beforeDash } = beforeAfterStyle;
  return {
    along: "x",
    hits: points.map((point, index) => ({
      at: x(index),
      heading: formatDay(point.date),
      items: [
        { name: "Before", value: formatPain(point.before), colour: beforeColour },
        { name: "After", value: formatPain(point.after), colour: afterColour },
      ],
    })),
    svg: (
      <DatedChart
        frame={{ width, height, title, summary }}
        box={box}
        ticks={painTicks}
        y={y}
        valueTitle="Pain (0-10)"
        dates={points.map((point) => point.date)}
        x={x}
        dateTitle="Date of session"
      >
        <SeriesLine
          series={{
            values: points.map((point) => point.before),
            colour: beforeColour,
            dash: beforeDash,
            width: 2,
            dot: showDots ? { r: 3, fill: "#ffffff" } : undefined,
          }}
          x={x}
          y={y}
        />
        <SeriesLine
          series={{
            values: points.map((point) => point.after),
            colour: afterColour,
            width: 2,
            dot: showDots ? { r: 3 } : undefined,
          }}
          x={x}
          y={y}
        />
      </DatedChart>
    ),
  };
}

/** Bars side by side in each week's band: `fraction` of the band, one gap of 1 px between bars. */
function groupedBars(count: number, bandwidth: number) {
  const gap = 1;
  const each = Math.max(1, (bandwidth * 0.8 - gap * (count - 1)) / count);
  const start = (bandwidth - (each * count + gap * (count - 1))) / 2;
  return { each, offset: (index: number) => start + index * (each + gap) };
}

function weekScale(weeks: string[], box: Box) {
  return scaleBand<string>().domain(weeks).range([box.left, box.right]).paddingInner(0.1).paddingOuter(0.05);
}

export type AdherencePlotProps = Frame & { weeks: WeekAdherence[] };

const dayTicks = [0, 1, 2, 3, 4, 5, 6, 7];

function adherencePlot({ weeks, width, height, title, summary }: AdherencePlotProps): Drawing {
  const box = plotBox(width, height);
  const band = weekScale(
    weeks.map((week) => week.weekStart),
    box,
  );
  const y = valueScale([0, 7], box);
  const bars = groupedBars(3, band.bandwidth());
  const centre = (index: number) => (band(weeks[index]?.weekStart ?? "") ?? box.left) + band.bandwidth() / 2;
  const series = [
    { key: "due", name: adherenceLabels.due, fill: "#ffffff", stroke: adherenceColours.due },
    { key: "done", name: adherenceLabels.done, fill: adherenceColours.done },
    { key: "extra", name: adherenceLabels.extra, fill: adherenceColours.extra },
  ] as const;
  return {
    along: "x",
    hits: weeks.map((week, index) => ({
      at: centre(index),
      heading: `Week starting ${formatDay(week.weekStart)}`,
      items: series.map((bar) => ({
        name: bar.name,
        value: String(week[bar.key]),
        colour: "stroke" in bar ? bar.stroke : bar.fill,
      })),
    })),
    svg: (
      <DatedChart
        frame={{ width, height, title, summary }}
        box={box}
        ticks={dayTicks}
        y={y}
        valueTitle="Days per week"
        dates={weeks.map((week) => week.weekStart)}
        x={centre}
        dateTitle="Week starting"
      >
        {weeks.map((week) => {
          const left = band(week.weekStart) ?? box.left;
          return (
            <g key={week.weekStart}>
              {series.map((bar, index) =>
                week[bar.key] > 0 ? (
                  <rect
                    key={bar.key}
                    x={fixed(left + bars.offset(index))}
                    y={fixed(y(week[bar.key]))}
                    width={fixed(bars.each)}
                    height={fixed(box.bottom - y(week[bar.key]))}
                    fill={bar.fill}
                    stroke={"stroke" in bar ? bar.stroke : undefined}
                    strokeWidth={"stroke" in bar ? 1.5 : undefined}
                  />
                ) : null,
              )}
            </g>
          );
        })}
      </DatedChart>
    ),
  };
}

export type VolumePlotProps = Frame & {
  rows: ({ weekStart: string } & Record<string, number | string>)[];
  stacks: VolumeStack[];
};

function volumePlot({ rows, stacks, width, height, title, summary }: VolumePlotProps): Drawing {
  const box = plotBox(width, height, 52);
  const band = weekScale(
    rows.map((row) => row.weekStart),
    box,
  );
  const amount = (row: VolumePlotProps["rows"][number], key: string) => Number(row[key] ?? 0) || 0;
  const totals = rows.map((row) => stacks.reduce((sum, stack) => sum + amount(row, stack.key), 0));
  const { ticks, top } = countTicks(Math.max(0, ...totals));
  const y = valueScale([0, top], box);
  const barWidth = Math.max(1, band.bandwidth() * 0.8);
  const centre = (index: number) => (band(rows[index]?.weekStart ?? "") ?? box.left) + band.bandwidth() / 2;
  return {
    along: "x",
    hits: rows.map((row, index) => ({
      at: centre(index),
      heading: `Week starting ${formatDay(row.weekStart)}`,
      items: stacks
        .filter((stack) => amount(row, stack.key) > 0)
        .map((stack) => ({ name: stack.name, value: String(amount(row, stack.key)), colour: stack.colour })),
    })),
    svg: (
      <DatedChart
        frame={{ width, height, title, summary }}
        box={box}
        ticks={ticks}
        y={y}
        valueTitle="Holds or repetitions"
        valueTitleOffset={4}
        dates={rows.map((row) => row.weekStart)}
        x={centre}
        dateTitle="Week starting"
      >
        {rows.map((row, index) => {
          let below = 0;
          const x = centre(index) - barWidth / 2;
          return (
            <g key={row.weekStart}>
              {stacks.map((stack) => {
                const value = amount(row, stack.key);
                if (value <= 0) return null;
                const bottom = y(below);
                below += value;
                return (
                  <rect
                    key={stack.key}
                    x={fixed(x)}
                    y={fixed(y(below))}
                    width={fixed(barWidth)}
                    height={fixed(bottom - y(below))}
                    fill={stack.colour}
                    stroke="#ffffff"
                    strokeWidth={0.5}
                  />
                );
              })}
            </g>
          );
        })}
      </DatedChart>
    ),
  };
}

// Only a change of the meaningful size gets a direction's colour, as in the words.
const colourOf = (change: number) =>
  atLeast(-change, meaningfulChangePoints)
    ? painResponseColours.eased
    : atLeast(change, meaningfulChangePoints)
      ? painResponseColours.worse
      : painResponseColours.same;

export type PainResponsePlotProps = Frame & { rows: PainResponse[] };

/** Exercise names on the left, in this many pixels: wrapped onto two lines, the rest cut with "…". */
const nameWidth = 112;
const nameChars = Math.floor((nameWidth - 10) / 6);

/** A name in lines of at most `nameChars` characters, two lines at most. */
export function nameLines(name: string): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= nameChars)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const shown = lines
    .slice(0, 2)
    .map((text) => (text.length > nameChars ? `${text.slice(0, nameChars - 1)}…` : text));
  if (lines.length > 2 && shown[1] !== undefined && !shown[1].endsWith("…")) {
    shown[1] = `${shown[1].slice(0, nameChars - 1)}…`;
  }
  return shown;
}

function painResponsePlot({ rows, width, height, title, summary }: PainResponsePlotProps): Drawing {
  const box = plotBox(width, height, nameWidth, { top: 8, right: 16, bottom: 20, left: 0 });
  const reach = Math.max(1, ...rows.map((row) => Math.ceil(Math.abs(row.averageChange))));
  const x = scaleLinear().domain([-reach, reach]).range([box.left, box.right]);
  const ticks = x.ticks(Math.min(2 * reach, 10)).filter(Number.isInteger);
  const band = scaleBand<string>()
    .domain(rows.map((row) => row.exerciseId))
    .range([box.top, box.bottom])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const barHeight = Math.min(24, band.bandwidth());
  const middle = (row: PainResponse) => (band(row.exerciseId) ?? box.top) + band.bandwidth() / 2;
  return {
    along: "y",
    hits: rows.map((row) => ({
      at: middle(row),
      heading: row.name,
      items: [
        {
          name: "Average change",
          value: formatChange(round1(row.averageChange)),
          colour: colourOf(row.averageChange),
        },
      ],
    })),
    svg: (
      <Svg width={width} height={height} title={title} summary={summary}>
        <g stroke={gridStroke}>
          {ticks.map((tick) => (
            <line key={tick} x1={fixed(x(tick))} x2={fixed(x(tick))} y1={box.top} y2={box.bottom} />
          ))}
        </g>
        <g fontSize={axisTick.fontSize} fill={textFill}>
          <line x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} stroke={axisStroke} />
          {ticks.map((tick) => (
            <BottomTick key={tick} box={box} at={x(tick)} label={formatChange(tick)} />
          ))}
          <AxisTitle box={box} height={height} title="Change in pain (points)" />
          <line x1={box.left} x2={box.left} y1={box.top} y2={box.bottom} stroke={axisStroke} />
          {rows.map((row) => {
            const lines = nameLines(row.name);
            return (
              <text key={row.exerciseId} x={box.left - 8} y={fixed(middle(row))} textAnchor="end">
                {lines.map((text, index) => (
                  <tspan
                    key={index === 0 ? "first" : "second"}
                    x={box.left - 8}
                    dy={index === 0 ? `${0.355 - (lines.length - 1) * 0.55}em` : "1.1em"}
                  >
                    {text}
                  </tspan>
                ))}
              </text>
            );
          })}
        </g>
        {rows.map((row) => {
          const from = x(Math.min(0, row.averageChange));
          const to = x(Math.max(0, row.averageChange));
          return (
            <rect
              key={row.exerciseId}
              x={fixed(from)}
              y={fixed(middle(row) - barHeight / 2)}
              width={fixed(Math.max(to - from, 0))}
              height={fixed(barHeight)}
              fill={colourOf(row.averageChange)}
            />
          );
        })}
        <line x1={fixed(x(0))} x2={fixed(x(0))} y1={box.top} y2={box.bottom} stroke="#334155" />
      </Svg>
    ),
  };
}

export type OutcomePlotProps = Frame & {
  rows: ({ key: string; date: string; score: number } & Record<string, number | string>)[];
  domain: [number, number];
  band: { y1: number; y2: number } | null;
  scoreLabel: string;
  activities: { name: string; colour?: string; dash?: string }[];
};

function outcomePlot({
  rows,
  domain,
  band,
  scoreLabel,
  activities,
  width,
  height,
  title,
  summary,
}: OutcomePlotProps): Drawing {
  const box = plotBox(width, height);
  const x = dateScale(rows.length, box);
  const y = valueScale(domain, box);
  const ticks = y.ticks(6).filter(Number.isInteger);
  const activityValue = (row: OutcomePlotProps["rows"][number], name: string) => {
    const value = row[`activity:${name}`];
    return typeof value === "number" ? value : null;
  };
  const clamp = (value: number) => Math.min(domain[1], Math.max(domain[0], value));
  return {
    along: "x",
    hits: rows.map((row, index) => ({
      at: x(index),
      heading: formatDay(row.date),
      items: [
        { name: scoreLabel, value: String(row.score), colour: chartColours.blue },
        ...activities.flatMap(({ name, colour }) => {
          const value = activityValue(row, name);
          return value === null ? [] : [{ name, value: String(value), colour: colour ?? chartColours.black }];
        }),
      ],
    })),
    svg: (
      <DatedChart
        frame={{ width, height, title, summary }}
        box={box}
        ticks={ticks}
        y={y}
        valueTitle={scoreLabel}
        dates={rows.map((row) => row.date)}
        x={x}
        dateTitle="Date answered"
        under={
          band ? (
            <rect
              x={box.left}
              width={box.right - box.left}
              y={fixed(y(clamp(Math.max(band.y1, band.y2))))}
              height={fixed(Math.abs(y(clamp(band.y1)) - y(clamp(band.y2))))}
              fill={chartColours.grey}
              fillOpacity={0.12}
            />
          ) : null
        }
      >
        {activities.map(({ name, colour, dash }) => (
          <SeriesLine
            key={name}
            series={{
              values: rows.map((row) => activityValue(row, name)),
              colour: colour ?? chartColours.black,
              dash,
              width: 1.5,
              dot: { r: 3, fill: "#ffffff" },
            }}
            x={x}
            y={y}
          />
        ))}
        <SeriesLine
          series={{
            values: rows.map((row) => row.score),
            colour: chartColours.blue,
            width: 3,
            dot: { r: 4 },
          }}
          x={x}
          y={y}
        />
      </DatedChart>
    ),
  };
}

/** The drawings by name, for components/progress/plot.tsx. */
export const plots = {
  pain: painPlot,
  beforeAfter: beforeAfterPlot,
  adherence: adherencePlot,
  volume: volumePlot,
  painResponse: painResponsePlot,
  outcome: outcomePlot,
};

export type Plots = typeof plots;
export type PlotKind = keyof Plots;
export type PlotProps<K extends PlotKind> = Parameters<Plots[K]>[0];
