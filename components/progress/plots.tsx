"use client";

// Every Recharts drawing of the chart pages, and the only module that imports Recharts. The server
// renders these into the first HTML; the browser loads this module (a chunk of its own) only when a
// chart must be drawn again: another period, another width, or a pointer or focus on a chart for the
// tooltip (components/progress/plot.tsx). docs/performance.md, "Chart pages", has the figures.
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Line,
  LineChart,
  Rectangle,
  ReferenceArea,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { AreaTrend, BeforeAfterPoint, PainPoint, PainResponse } from "@/lib/data/progress";
import type { WeekAdherence } from "@/lib/domain/adherence";
import { atLeast, meaningfulChangePoints } from "@/lib/domain/clinical-thresholds";
import { averageKey, type ChartArea, chartAreaLabels, formatPain, round1 } from "@/lib/domain/progress";
import {
  axisTick,
  chartColours,
  chartFrameProps,
  dateXAxis,
  dayLabel,
  formatChange,
  gridLines,
  gridStroke,
  painYAxis,
  valueYAxis,
  weekLabel,
  xAxisLabel,
} from "./chart-format";
import {
  adherenceColours,
  beforeAfterStyle,
  painAreaStyle,
  painResponseColours,
  type VolumeStack,
} from "./plot-styles";

/** What every drawing is given: its size and the words that name and describe the SVG. */
type Frame = { width: number; height: number; title: string; summary: string };

const formatPainValue = (value: unknown) => formatPain(Number(value));

export type PainPlotProps = Frame & { points: PainPoint[]; areas: ChartArea[]; trends?: AreaTrend[] };

function PainPlot({ points, areas, width, height, title, summary }: PainPlotProps) {
  const showDots = points.length <= 31;
  return (
    <LineChart data={points} width={width} height={height} {...chartFrameProps(title, summary)}>
      <CartesianGrid {...gridLines} />
      <XAxis {...dateXAxis(points, "date", "Date", width)} />
      <YAxis {...painYAxis} />
      <Tooltip labelFormatter={dayLabel} formatter={formatPainValue} />
      {areas.flatMap((area) => [
        <Line
          key={area}
          dataKey={area}
          name={`${chartAreaLabels[area]}, that day`}
          stroke={painAreaStyle[area].colour}
          strokeDasharray={painAreaStyle[area].dash}
          strokeWidth={1}
          strokeOpacity={0.55}
          dot={showDots ? { r: 2.5, fill: painAreaStyle[area].colour } : false}
          connectNulls
          isAnimationActive={false}
        />,
        <Line
          key={averageKey(area)}
          dataKey={averageKey(area)}
          name={`${chartAreaLabels[area]}, 7-day average`}
          stroke={painAreaStyle[area].colour}
          strokeDasharray={painAreaStyle[area].dash}
          strokeWidth={3}
          dot={false}
          connectNulls
          isAnimationActive={false}
        />,
      ])}
    </LineChart>
  );
}

export type BeforeAfterPlotProps = Frame & { points: BeforeAfterPoint[] };

function BeforeAfterPlot({ points, width, height, title, summary }: BeforeAfterPlotProps) {
  const showDots = points.length <= 45;
  return (
    <LineChart data={points} width={width} height={height} {...chartFrameProps(title, summary)}>
      <CartesianGrid {...gridLines} />
      <XAxis {...dateXAxis(points, "date", "Date of session", width)} padding={{ left: 8, right: 8 }} />
      <YAxis {...painYAxis} />
      <Tooltip labelFormatter={dayLabel} formatter={formatPainValue} />
      <Line
        dataKey="before"
        name="Before"
        stroke={beforeAfterStyle.beforeColour}
        strokeDasharray={beforeAfterStyle.beforeDash}
        strokeWidth={2}
        dot={showDots ? { r: 3, fill: "#ffffff", strokeDasharray: "" } : false}
        isAnimationActive={false}
      />
      <Line
        dataKey="after"
        name="After"
        stroke={beforeAfterStyle.afterColour}
        strokeWidth={2}
        dot={showDots ? { r: 3, fill: beforeAfterStyle.afterColour } : false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

const dayTicks = [0, 1, 2, 3, 4, 5, 6, 7];

export type AdherencePlotProps = Frame & { weeks: WeekAdherence[] };

function AdherencePlot({ weeks, width, height, title, summary }: AdherencePlotProps) {
  return (
    <BarChart data={weeks} barGap={1} width={width} height={height} {...chartFrameProps(title, summary)}>
      <CartesianGrid {...gridLines} />
      <XAxis {...dateXAxis(weeks, "weekStart", "Week starting", width)} />
      <YAxis domain={[0, 7]} ticks={dayTicks} allowDecimals={false} {...valueYAxis("Days per week")} />
      <Tooltip labelFormatter={weekLabel} />
      <Bar
        dataKey="due"
        name="Days due"
        fill="#ffffff"
        stroke={adherenceColours.due}
        strokeWidth={1.5}
        isAnimationActive={false}
      />
      <Bar
        dataKey="done"
        name="Due days with a session"
        fill={adherenceColours.done}
        isAnimationActive={false}
      />
      <Bar dataKey="extra" name="Other days" fill={adherenceColours.extra} isAnimationActive={false} />
    </BarChart>
  );
}

export type VolumePlotProps = Frame & {
  rows: ({ weekStart: string } & Record<string, number | string>)[];
  stacks: VolumeStack[];
};

function VolumePlot({ rows, stacks, width, height, title, summary }: VolumePlotProps) {
  return (
    <BarChart data={rows} width={width} height={height} {...chartFrameProps(title, summary)}>
      <CartesianGrid {...gridLines} />
      <XAxis {...dateXAxis(rows, "weekStart", "Week starting", width)} />
      <YAxis allowDecimals={false} {...valueYAxis("Holds or repetitions", { width: 52, labelOffset: 4 })} />
      <Tooltip labelFormatter={weekLabel} />
      {stacks.map((stack) => (
        <Bar
          key={stack.key}
          dataKey={stack.key}
          name={stack.name}
          stackId="volume"
          fill={stack.colour}
          stroke="#ffffff"
          strokeWidth={0.5}
          isAnimationActive={false}
        />
      ))}
    </BarChart>
  );
}

// Only a change of the meaningful size gets a direction's colour, as in the words.
const colourOf = (change: number) =>
  atLeast(-change, meaningfulChangePoints)
    ? painResponseColours.eased
    : atLeast(change, meaningfulChangePoints)
      ? painResponseColours.worse
      : painResponseColours.same;

const formatChangeTick = (value: number) => formatChange(value);
const formatChangeValue = (value: unknown) => formatChange(round1(Number(value)));
const painResponseBar = (bar: BarShapeProps) => (
  <Rectangle x={bar.x} y={bar.y} width={bar.width} height={bar.height} fill={colourOf(Number(bar.value))} />
);

export type PainResponsePlotProps = Frame & { rows: PainResponse[] };

function PainResponsePlot({ rows, width, height, title, summary }: PainResponsePlotProps) {
  const reach = Math.max(1, ...rows.map((row) => Math.ceil(Math.abs(row.averageChange))));
  return (
    <BarChart
      data={rows}
      layout="vertical"
      width={width}
      height={height}
      {...chartFrameProps(title, summary, { top: 8, right: 16, bottom: 20, left: 0 })}
    >
      <CartesianGrid stroke={gridStroke} horizontal={false} />
      <XAxis
        type="number"
        dataKey="averageChange"
        domain={[-reach, reach]}
        allowDecimals={false}
        tickFormatter={formatChangeTick}
        tick={axisTick}
        interval={0}
        label={xAxisLabel("Change in pain (points)")}
      />
      <YAxis type="category" dataKey="name" tick={axisTick} width={112} interval={0} />
      <ReferenceLine x={0} stroke="#334155" />
      <Tooltip formatter={formatChangeValue} />
      <Bar
        dataKey="averageChange"
        name="Average change"
        isAnimationActive={false}
        maxBarSize={24}
        shape={painResponseBar}
      />
    </BarChart>
  );
}

export type OutcomePlotProps = Frame & {
  rows: ({ key: string; date: string; score: number } & Record<string, number | string>)[];
  domain: [number, number];
  band: { y1: number; y2: number } | null;
  scoreLabel: string;
  activities: { name: string; colour?: string; dash?: string }[];
};

function OutcomePlot({
  rows,
  domain,
  band,
  scoreLabel,
  activities,
  width,
  height,
  title,
  summary,
}: OutcomePlotProps) {
  return (
    <LineChart data={rows} width={width} height={height} {...chartFrameProps(title, summary)}>
      <CartesianGrid {...gridLines} />
      <XAxis {...dateXAxis(rows, "date", "Date answered", width)} />
      <YAxis domain={domain} allowDecimals={false} {...valueYAxis(scoreLabel)} />
      {band ? (
        <ReferenceArea
          y1={band.y1}
          y2={band.y2}
          fill={chartColours.grey}
          fillOpacity={0.12}
          ifOverflow="hidden"
        />
      ) : null}
      <Tooltip labelFormatter={dayLabel} />
      {activities.map(({ name, colour, dash }) => (
        <Line
          key={name}
          dataKey={`activity:${name}`}
          name={name}
          stroke={colour}
          strokeDasharray={dash}
          strokeWidth={1.5}
          dot={{ r: 3 }}
          connectNulls
          isAnimationActive={false}
        />
      ))}
      <Line
        dataKey="score"
        name={scoreLabel}
        stroke={chartColours.blue}
        strokeWidth={3}
        dot={{ r: 4, fill: chartColours.blue }}
        isAnimationActive={false}
      />
    </LineChart>
  );
}

/** The drawings by name, for components/progress/plot.tsx. */
export const plots = {
  pain: PainPlot,
  beforeAfter: BeforeAfterPlot,
  adherence: AdherencePlot,
  volume: VolumePlot,
  painResponse: PainResponsePlot,
  outcome: OutcomePlot,
};

export type Plots = typeof plots;
export type PlotKind = keyof Plots;
export type PlotProps<K extends PlotKind> = Parameters<Plots[K]>[0];
