import { yourPhysio } from "@/components/care/physio-name";
import { formatDose } from "@/components/exercises/format-dose";
import type { RoutineChangeView } from "@/lib/data/routine";
import { describeDays } from "@/lib/domain/schedule";

export type ChangeLine = { at: Date; text: string; detail?: string };
/** Who reads the history: the patient ("You") or a physiotherapist ("The patient"). */
export type RoutineAudience = "patient" | "physio";

function who(change: RoutineChangeView, audience: RoutineAudience): string {
  if (change.by.role === "PHYSIO")
    return audience === "patient" ? yourPhysio(change.by.name) : change.by.name;
  return audience === "patient" ? "You" : "The patient";
}

function doseOf(change: RoutineChangeView): string {
  return `${formatDose(change.dose)} · ${describeDays(change.dose.daysOfWeek)}`;
}

const verbs = {
  PATIENT: { CREATED: "added", UPDATED: "changed", STOPPED: "removed", MOVED: "moved" },
  PHYSIO: { CREATED: "prescribed", UPDATED: "changed", STOPPED: "stopped", MOVED: "moved" },
} as const;

/** One move is stored as two rows written together: the item and the neighbour it swapped with. */
function isMovePair(first: RoutineChangeView, second: RoutineChangeView | undefined): boolean {
  return (
    second !== undefined &&
    first.change === "MOVED" &&
    second.change === "MOVED" &&
    first.by.role === second.by.role &&
    first.by.name === second.by.name &&
    first.dose.position !== second.dose.position &&
    Math.abs(first.at.getTime() - second.at.getTime()) < 2_000
  );
}

/** The routine history as sentences, newest first (the order it is given in). */
export function describeChanges(
  changes: RoutineChangeView[],
  audience: RoutineAudience = "patient",
): ChangeLine[] {
  const lines: ChangeLine[] = [];
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index] as RoutineChangeView;
    const next = changes[index + 1];
    if (next && isMovePair(change, next)) {
      const [above, below] = change.dose.position < next.dose.position ? [change, next] : [next, change];
      lines.push({
        at: change.at,
        text: `${who(change, audience)} moved ${above.exerciseName} above ${below.exerciseName}`,
      });
      index++;
      continue;
    }
    const verb = verbs[change.by.role][change.change];
    const showsDose = change.change === "CREATED" || change.change === "UPDATED";
    lines.push({
      at: change.at,
      text: `${who(change, audience)} ${verb} ${change.exerciseName}`,
      detail: showsDose ? doseOf(change) : undefined,
    });
  }
  return lines;
}
