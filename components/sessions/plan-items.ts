import { firstSideOf } from "@/lib/catalog/exercises";
import type { GuidedPlan } from "@/lib/data/guided-session";
import type { PlanItem } from "@/lib/domain/session-plan";

/** Only what the guided player shows goes to the browser. */
export function planItemsFor(plan: GuidedPlan): PlanItem[] {
  return plan.items.map((item) => ({
    exercise: {
      id: item.exercise.id,
      name: item.exercise.name,
      slug: item.exercise.slug,
      steps: item.exercise.steps,
      illustration: item.exercise.illustration,
    },
    sets: item.sets,
    reps: item.reps,
    holdSeconds: item.holdSeconds,
    perSide: item.perSide,
    // The side the exercise's written steps start with, so the player starts there too.
    firstSide: firstSideOf(item.exercise.slug),
  }));
}
