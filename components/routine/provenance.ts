import { yourPhysio } from "@/components/care/physio-name";
import type { RoutineChangeView, RoutineItemView } from "@/lib/data/routine";
import { formatDate } from "@/lib/format";
import type { RoutineAudience } from "./describe-changes";

/**
 * When the current dose was set: the newest "added" or "changed" entry for the item in the history.
 * The item's own updatedAt also moves when the item is reordered, so it is only the fallback.
 */
export function doseSetAt(item: RoutineItemView, history: RoutineChangeView[]): Date {
  const entry = history.find(
    (change) =>
      (change.change === "CREATED" || change.change === "UPDATED") &&
      change.exerciseName === item.exercise.name &&
      change.by.role === item.setBy.role,
  );
  return entry?.at ?? item.updatedAt;
}

/** "Prescribed by your physiotherapist Sam Okafor on 3 Nov 2026" or "Added by you on 3 Nov 2026". */
export function provenanceOf(
  item: RoutineItemView,
  setAt: Date,
  timeZone: string,
  audience: RoutineAudience = "patient",
): string {
  const on = formatDate(setAt, timeZone);
  if (audience === "physio")
    return item.setBy.role === "PHYSIO"
      ? `Prescribed by ${item.setBy.name} on ${on}`
      : `Added by the patient on ${on}`;
  return item.setBy.role === "PHYSIO"
    ? `Prescribed by ${yourPhysio(item.setBy.name, false)} on ${on}`
    : `Added by you on ${on}`;
}
