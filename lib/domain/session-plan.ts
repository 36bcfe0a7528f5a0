import type { Side } from "@/lib/validation/fields";

/** One routine item as the guided session sees it: the exercise and its dose. */
export type PlanItem = {
  exercise: { id: string; name: string; slug: string; steps: readonly string[]; illustration: string };
  sets: number;
  reps: number;
  holdSeconds: number;
  perSide: boolean;
  /** For a per-side item, the side done first (the one the exercise's steps name first); left if unset. */
  firstSide?: "LEFT" | "RIGHT";
};

export type StepKind = "GET_READY" | "LEAD_IN" | "HOLD" | "REPS" | "REST" | "SWITCH_SIDES";

/**
 * One screen of the guided session. `seconds` > 0 means a countdown that ends the step by itself;
 * 0 means the patient says when it is done. A REST step carries the side, set and repetition of
 * the step it leads into; SWITCH_SIDES carries the side being switched to; LEAD_IN ("get into
 * position") counts down to the first hold of a side and carries that hold's side.
 */
export type PlanStep = {
  id: string;
  kind: StepKind;
  itemIndex: number;
  side: Side;
  set: number;
  rep: number;
  seconds: number;
  /** Repetitions this step counts once completed: 1 for a hold, the whole set for REPS. */
  reps: number;
};

export type PlanOptions = {
  restBetweenRepsSeconds: number;
  restBetweenSetsSeconds: number;
  /** A screen before each exercise, so the patient can read it and get into position. */
  getReady: boolean;
  /**
   * Holds up to this long (the 3-5 s pause of a strengthening repetition) are counted by the
   * patient within one "do N repetitions" step per set: a countdown and a 10 s rest after each
   * 3 s pause would make a set of ten nineteen screens. Longer holds get a countdown each.
   */
  pacedHoldMaxSeconds: number;
  /**
   * A "get into position" countdown before the first timed hold of each exercise and side, so
   * pressing Start exercise or Continue does not start the hold before the patient is down on
   * the floor. 0 leaves it out. Each patient sets their own (User.guidedLeadInSeconds, default
   * `guidedLeadInLimits.default`); the plan itself adds none unless asked, so a plan is what it says.
   */
  leadInSeconds: number;
};

export const defaultPlanOptions: PlanOptions = {
  restBetweenRepsSeconds: 10,
  restBetweenSetsSeconds: 30,
  getReady: true,
  pacedHoldMaxSeconds: 5,
  leadInSeconds: 0,
};

const sideCode: Record<Side, string> = { LEFT: "L", RIGHT: "R", BOTH: "B" };

/** The sides of an item in the order they are done: the first side, then the other. */
export function sidesOf(item: Pick<PlanItem, "perSide" | "firstSide">): Side[] {
  if (!item.perSide) return ["BOTH"];
  return item.firstSide === "RIGHT" ? ["RIGHT", "LEFT"] : ["LEFT", "RIGHT"];
}

/** Whether each repetition of the item gets its own hold countdown. */
export function holdsAreTimed(
  item: Pick<PlanItem, "holdSeconds">,
  pacedHoldMaxSeconds = defaultPlanOptions.pacedHoldMaxSeconds,
): boolean {
  return item.holdSeconds > Math.max(0, pacedHoldMaxSeconds);
}

export function isTimed(step: PlanStep): boolean {
  return step.seconds > 0;
}

/**
 * The ordered steps of a session: per item, each side in turn (the item's first side, then the
 * other), each set, each repetition, with a lead-in before the first timed hold of each side. A hold of 0 seconds has nothing to count down, and a short one is counted by the
 * patient (see `pacedHoldMaxSeconds`), so then a whole set becomes one "do N repetitions" step.
 */
export function buildSteps(items: readonly PlanItem[], options: Partial<PlanOptions> = {}): PlanStep[] {
  const { restBetweenRepsSeconds, restBetweenSetsSeconds, getReady, pacedHoldMaxSeconds, leadInSeconds } = {
    ...defaultPlanOptions,
    ...options,
  };
  const steps: PlanStep[] = [];
  items.forEach((item, itemIndex) => {
    if (item.sets < 1 || item.reps < 1) return;
    const sides = sidesOf(item);
    const base = (side: Side, set: number, rep: number) => ({ itemIndex, side, set, rep });
    const stepId = (side: Side, set: number, rep: number, kind: string) =>
      `${itemIndex}-${sideCode[side]}-${set}-${rep}-${kind}`;
    const rest = (side: Side, set: number, rep: number, seconds: number) => {
      if (seconds > 0)
        steps.push({
          id: stepId(side, set, rep, "rest"),
          kind: "REST",
          ...base(side, set, rep),
          seconds,
          reps: 0,
        });
    };
    const first = sides[0] ?? "BOTH";
    if (getReady) {
      steps.push({ id: `${itemIndex}-ready`, kind: "GET_READY", ...base(first, 1, 1), seconds: 0, reps: 0 });
    }
    sides.forEach((side, sideIndex) => {
      if (sideIndex > 0) {
        steps.push({
          id: stepId(side, 1, 1, "switch"),
          kind: "SWITCH_SIDES",
          ...base(side, 1, 1),
          seconds: 0,
          reps: 0,
        });
      }
      for (let set = 1; set <= item.sets; set++) {
        if (set > 1) rest(side, set, 1, restBetweenSetsSeconds);
        if (!holdsAreTimed(item, pacedHoldMaxSeconds)) {
          steps.push({
            id: stepId(side, set, 1, "reps"),
            kind: "REPS",
            ...base(side, set, 1),
            seconds: 0,
            reps: item.reps,
          });
          continue;
        }
        for (let rep = 1; rep <= item.reps; rep++) {
          if (rep > 1) rest(side, set, rep, restBetweenRepsSeconds);
          if (set === 1 && rep === 1 && leadInSeconds > 0) {
            steps.push({
              id: stepId(side, set, rep, "leadin"),
              kind: "LEAD_IN",
              ...base(side, set, rep),
              seconds: leadInSeconds,
              reps: 0,
            });
          }
          steps.push({
            id: stepId(side, set, rep, "hold"),
            kind: "HOLD",
            ...base(side, set, rep),
            seconds: item.holdSeconds,
            reps: 1,
          });
        }
      }
    });
  });
  return steps;
}

/** Identifies the plan a saved player state belongs to: a changed routine cannot be resumed. */
export function planKey(items: readonly PlanItem[], options: Partial<PlanOptions> = {}): string {
  const { restBetweenRepsSeconds, restBetweenSetsSeconds, getReady, pacedHoldMaxSeconds, leadInSeconds } = {
    ...defaultPlanOptions,
    ...options,
  };
  const dose = items.map(
    (item) =>
      `${item.exercise.id}/${item.sets}/${item.reps}/${item.holdSeconds}/${item.perSide ? sidesOf(item).join("") : 0}`,
  );
  return [
    `${restBetweenRepsSeconds}/${restBetweenSetsSeconds}/${getReady ? 1 : 0}/${pacedHoldMaxSeconds}/${leadInSeconds}`,
    ...dose,
  ].join(",");
}

export type GuidedEntry = {
  exerciseId: string;
  side: Side;
  sets: number;
  reps: number;
  holdSeconds: number;
};

/**
 * The session's entries from what was actually done: per exercise and side, the sets with at least
 * one completed repetition and the most repetitions completed in any one of them. Sides and
 * exercises with nothing done are left out.
 */
export function assembleEntries(
  items: readonly PlanItem[],
  steps: readonly PlanStep[],
  completedStepIds: Iterable<string>,
): GuidedEntry[] {
  const completed = new Set(completedStepIds);
  const repsBySet = new Map<string, Map<number, number>>();
  for (const step of steps) {
    if (step.reps === 0 || !completed.has(step.id)) continue;
    const key = `${step.itemIndex}|${step.side}`;
    const sets = repsBySet.get(key) ?? new Map<number, number>();
    sets.set(step.set, (sets.get(step.set) ?? 0) + step.reps);
    repsBySet.set(key, sets);
  }
  const entries: GuidedEntry[] = [];
  items.forEach((item, itemIndex) => {
    for (const side of sidesOf(item)) {
      const done = [...(repsBySet.get(`${itemIndex}|${side}`)?.values() ?? [])].filter((reps) => reps > 0);
      if (done.length === 0) continue;
      entries.push({
        exerciseId: item.exercise.id,
        side,
        sets: done.length,
        reps: Math.max(...done),
        holdSeconds: item.holdSeconds,
      });
    }
  });
  return entries;
}
