import Link from "next/link";
import { formatDose } from "@/components/exercises/format-dose";
import { buttonClasses } from "@/components/ui/button";
import { categoryLabels } from "@/lib/catalog/exercises";
import type { ExerciseSummary } from "@/lib/data/exercises";
import { StarterRoutineForm } from "./starter-routine-form";

/** The first step for a patient with no routine: take a gentle starter routine, or build one. */
export function StarterRoutineCard({
  exercises,
  requestId,
}: {
  exercises: ExerciseSummary[];
  requestId: string;
}) {
  return (
    <section
      aria-labelledby="starter-heading"
      className="space-y-4 rounded-xl border border-brand-700 bg-brand-50 p-4"
    >
      <div className="space-y-1">
        <h2 id="starter-heading" className="text-lg font-semibold">
          Let’s set up your routine
        </h2>
        <p className="text-slate-800">
          You have no routine yet. Not sure where to begin? The starter routine is four gentle exercises, two
          stretches and two to build strength, done every day. You can change any of it later.
        </p>
      </div>
      <ol className="space-y-2">
        {exercises.map((exercise) => (
          <li key={exercise.slug} className="rounded-lg bg-white p-3">
            <Link href={`/exercises/${exercise.slug}`} className="font-semibold">
              {exercise.name}
            </Link>
            <p className="text-sm text-slate-700">
              {categoryLabels[exercise.category]} · {formatDose(exercise.defaultDose)} · Every day
            </p>
          </li>
        ))}
      </ol>
      <p className="text-sm text-slate-700">
        If your doctor or physiotherapist has given you exercises, follow their advice first. Stop any
        exercise that causes sharp pain.
      </p>
      <div className="flex flex-wrap items-start gap-3">
        <StarterRoutineForm requestId={requestId} />
        <Link href="/routine" className={buttonClasses("secondary")}>
          Build my own routine
        </Link>
      </div>
    </section>
  );
}
