// Colours and dashes shared by a chart's HTML legend (components/progress/*-chart.tsx) and its SVG
// drawing (components/progress/plots.tsx), so the two always agree.
import type { ChartArea } from "@/lib/domain/progress";
import { chartColours } from "./chart-format";

export const painAreaStyle: Record<ChartArea, { colour: string; dash?: string }> = {
  LEFT_HIP: { colour: chartColours.blue },
  RIGHT_HIP: { colour: chartColours.orange, dash: "6 3" },
  LOWER_BACK: { colour: chartColours.reddishPurple, dash: "2 2" },
  NOT_GIVEN: { colour: chartColours.black, dash: "8 2 2 2" },
};

export const beforeAfterStyle = {
  beforeColour: chartColours.vermillion,
  afterColour: chartColours.blue,
  beforeDash: "6 3",
} as const;

export const adherenceColours = {
  due: "#475569",
  done: chartColours.bluishGreen,
  extra: chartColours.skyBlue,
} as const;

/** What each adherence bar is, in the legend and in the tooltip alike. */
export const adherenceLabels = {
  due: "Days a session was due",
  done: "Due days with a session",
  extra: "Sessions on other days (not counted)",
} as const;

export const painResponseColours = {
  eased: chartColours.bluishGreen,
  worse: chartColours.vermillion,
  same: chartColours.grey,
} as const;

/** One stacked segment of the volume chart: an exercise, or "Other exercises". */
export type VolumeStack = { key: string; name: string; colour: string; ids: string[] };
