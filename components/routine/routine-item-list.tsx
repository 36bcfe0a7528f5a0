import { randomUUID } from "node:crypto";
import type { ExerciseSummary } from "@/lib/data/exercises";
import type { RoutineChangeView, RoutineItemView } from "@/lib/data/routine";
import type { ExerciseChoice } from "./add-item-form";
import type { RoutineAudience } from "./describe-changes";
import { doseSetAt, provenanceOf } from "./provenance";
import { RoutineItemCard } from "./routine-item-card";

/** The routine's active items in order, for the patient or (with `patientId`) a physiotherapist. */
export function RoutineItemList({
  items,
  history,
  timeZone,
  patientId,
}: {
  items: RoutineItemView[];
  history: RoutineChangeView[];
  timeZone: string;
  patientId?: string;
}) {
  const audience: RoutineAudience = patientId ? "physio" : "patient";
  return (
    <ol className="space-y-3">
      {items.map((item, index) => (
        <RoutineItemCard
          key={item.id}
          item={item}
          provenance={provenanceOf(item, doseSetAt(item, history), timeZone, audience)}
          isFirst={index === 0}
          isLast={index === items.length - 1}
          requestIds={{ edit: randomUUID(), remove: randomUUID(), move: randomUUID() }}
          patientId={patientId}
        />
      ))}
    </ol>
  );
}

/** The catalog as the add form's choices. */
export function exerciseChoicesOf(exercises: ExerciseSummary[]): ExerciseChoice[] {
  return exercises.map((exercise) => ({
    id: exercise.id,
    slug: exercise.slug,
    name: exercise.name,
    category: exercise.category,
    summary: exercise.summary,
    defaultDose: exercise.defaultDose,
  }));
}
