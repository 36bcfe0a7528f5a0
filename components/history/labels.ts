import type { PainEntryView } from "@/lib/data/pain";
import type { SessionEntryView, SessionView } from "@/lib/data/sessions";
import { plural } from "@/lib/format";

export const painContextLabels: Record<PainEntryView["context"], string> = {
  CHECK_IN: "Check-in",
  BEFORE_SESSION: "Before a session",
  AFTER_SESSION: "After a session",
};

export const sessionSourceLabels: Record<SessionView["source"], string> = {
  GUIDED: "Guided",
  QUICK_LOG: "Quick log",
};

const sideLabels: Record<SessionEntryView["side"], string> = {
  LEFT: "left",
  RIGHT: "right",
  BOTH: "both sides",
};

export function formatDuration(seconds: number): string {
  if (seconds <= 0) return "not recorded";
  if (seconds < 60) return "under 1 min";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return `${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ""}`;
}

/** "Clamshell, left: 2 sets × 3 reps × 30 s hold". */
export function formatEntry(entry: SessionEntryView): string {
  const dose = [
    plural(entry.sets, "set"),
    plural(entry.reps, "rep"),
    ...(entry.holdSeconds > 0 ? [`${entry.holdSeconds} s hold`] : []),
  ].join(" × ");
  return `${entry.exerciseName}, ${sideLabels[entry.side]}: ${dose}`;
}

export function formatPainChange(before: number | null, after: number | null): string | null {
  if (before === null && after === null) return null;
  const show = (rating: number | null) => (rating === null ? "not rated" : `${rating}/10`);
  return `${show(before)} → ${show(after)}`;
}
