import type { Metadata } from "next";
import { CatalogFilters } from "@/components/exercises/catalog-filters";
import { ExerciseCard } from "@/components/exercises/exercise-card";
import { SafetyNotice } from "@/components/exercises/safety-notice";
import { listExercises } from "@/lib/data/exercises";
import { plural } from "@/lib/format";
import { catalogFilterSchema } from "@/lib/validation/catalog";

export const metadata: Metadata = { title: "Exercises" };

export default async function ExercisesPage(props: PageProps<"/exercises">) {
  const filter = catalogFilterSchema.parse(await props.searchParams);
  const exercises = await listExercises(filter);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Exercises for hip and lower-back pain</h1>
        <p className="text-slate-700">
          Stretches to ease stiffness and exercises to strengthen the muscles that support your hips and back.
        </p>
      </div>
      <SafetyNotice />
      <CatalogFilters filter={filter} />
      <p role="status" className="text-sm text-slate-700">
        {plural(exercises.length, "exercise")}
      </p>
      {exercises.length > 0 ? (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {exercises.map((exercise) => (
            <ExerciseCard key={exercise.slug} exercise={exercise} />
          ))}
        </ul>
      ) : (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-700">
          No exercise matches these filters. Try another word or clear the filters.
        </p>
      )}
    </div>
  );
}
