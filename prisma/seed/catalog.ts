import { exerciseCatalog } from "../../lib/catalog/exercises.ts";
import type { Db } from "../../lib/db/client.ts";

/** Inserts or refreshes the 15 catalog exercises; safe to run on every start. */
export async function seedCatalog(db: Db): Promise<number> {
  for (const [index, exercise] of exerciseCatalog.entries()) {
    const data = {
      name: exercise.name,
      category: exercise.category,
      startingPosition: exercise.startingPosition,
      summary: exercise.summary,
      targetMuscles: JSON.stringify(exercise.targetMuscles),
      steps: JSON.stringify(exercise.steps),
      cautions: JSON.stringify(exercise.cautions),
      defaultSets: exercise.defaultDose.sets,
      defaultReps: exercise.defaultDose.reps,
      defaultHoldSeconds: exercise.defaultDose.holdSeconds,
      defaultPerSide: exercise.defaultDose.perSide,
      illustration: exercise.illustration,
      sortOrder: index + 1,
    };
    await db.exercise.upsert({
      where: { slug: exercise.slug },
      create: { slug: exercise.slug, ...data },
      update: data,
    });
  }
  return exerciseCatalog.length;
}
