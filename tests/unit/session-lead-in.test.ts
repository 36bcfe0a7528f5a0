import { describe, expect, it } from "vitest";
import { instructionFor } from "@/components/sessions/guided-text";
import { exerciseCatalog, firstSideOf } from "@/lib/catalog/exercises";
import {
  assembleEntries,
  buildSteps,
  type PlanItem,
  type PlanStep,
  planKey,
  sidesOf,
} from "@/lib/domain/session-plan";
import {
  completedStepIds,
  createPlayer,
  currentStep,
  reducePlayer,
  remainingMs,
  skippedStepCount,
} from "@/lib/domain/session-player";

// Issue 11, items 2 and 3: a "get into position" countdown before the first hold of each exercise
// and side, and per-side exercises that start on the side their written steps name first.

function item(id: string, dose: Partial<Omit<PlanItem, "exercise">> = {}): PlanItem {
  return {
    exercise: { id, name: `Exercise ${id}`, slug: id, steps: ["Lie down."], illustration: `/${id}.svg` },
    sets: 1,
    reps: 2,
    holdSeconds: 30,
    perSide: false,
    ...dose,
  };
}

const describeStep = (step: PlanStep) =>
  `${step.kind} ${step.side}${step.seconds ? ` ${step.seconds}s` : ""}`;

const t0 = Date.UTC(2026, 11, 2, 9, 0, 0);
const second = 1000;

describe("the lead-in", () => {
  it("comes before the first hold of each side, after Start exercise and after Switch sides", () => {
    const steps = buildSteps([item("clam", { sets: 2, reps: 2, perSide: true, firstSide: "RIGHT" })], {
      leadInSeconds: 5,
      restBetweenSetsSeconds: 30,
      restBetweenRepsSeconds: 10,
    });
    expect(steps.map(describeStep)).toEqual([
      "GET_READY RIGHT",
      "LEAD_IN RIGHT 5s",
      "HOLD RIGHT 30s",
      "REST RIGHT 10s",
      "HOLD RIGHT 30s",
      "REST RIGHT 30s",
      "HOLD RIGHT 30s",
      "REST RIGHT 10s",
      "HOLD RIGHT 30s",
      "SWITCH_SIDES LEFT",
      "LEAD_IN LEFT 5s",
      "HOLD LEFT 30s",
      "REST LEFT 10s",
      "HOLD LEFT 30s",
      "REST LEFT 30s",
      "HOLD LEFT 30s",
      "REST LEFT 10s",
      "HOLD LEFT 30s",
    ]);
    expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
  });

  it("comes before each exercise's first hold, and not before a set the patient counts", () => {
    const steps = buildSteps([item("a", { reps: 1 }), item("bridge", { reps: 10, holdSeconds: 3 })], {
      leadInSeconds: 8,
    });
    expect(steps.map(describeStep)).toEqual([
      "GET_READY BOTH",
      "LEAD_IN BOTH 8s",
      "HOLD BOTH 30s",
      "GET_READY BOTH",
      "REPS BOTH",
    ]);
  });

  it("is left out at 0 seconds, which is also what a plan gets unless asked", () => {
    const items = [item("a", { perSide: true })];
    expect(buildSteps(items, { leadInSeconds: 0 }).some((step) => step.kind === "LEAD_IN")).toBe(false);
    expect(buildSteps(items).map((step) => step.id)).toEqual(
      buildSteps(items, { leadInSeconds: 0 }).map((step) => step.id),
    );
  });

  it("counts down and starts the hold the moment it runs out, with no gap", () => {
    const items = [item("a", { reps: 1 })];
    const steps = buildSteps(items, { leadInSeconds: 5 });
    let state = reducePlayer(steps, createPlayer(planKey(items, { leadInSeconds: 5 })), {
      type: "start",
      now: t0,
      painBefore: null,
    });
    state = reducePlayer(steps, state, { type: "complete", now: t0 + 2 * second });
    expect(currentStep(steps, state)?.kind).toBe("LEAD_IN");
    expect(remainingMs(steps, state, t0 + 4 * second)).toBe(3 * second);
    // Checked late (a busy phone): the hold started when the lead-in ended, not when checked.
    state = reducePlayer(steps, state, { type: "tick", now: t0 + 10 * second });
    expect(currentStep(steps, state)?.kind).toBe("HOLD");
    expect(remainingMs(steps, state, t0 + 10 * second)).toBe(27 * second);
  });

  it("can be paused like any countdown", () => {
    const items = [item("a", { reps: 1 })];
    const steps = buildSteps(items, { leadInSeconds: 5, getReady: false });
    let state = reducePlayer(steps, createPlayer("k"), { type: "start", now: t0, painBefore: null });
    state = reducePlayer(steps, state, { type: "pause", now: t0 + 2 * second });
    state = reducePlayer(steps, state, { type: "tick", now: t0 + 60 * second });
    expect(currentStep(steps, state)?.kind).toBe("LEAD_IN");
    expect(remainingMs(steps, state, t0 + 60 * second)).toBe(3 * second);
  });

  it("skipped, starts the hold at once and is not counted as a skipped step", () => {
    const items = [item("a", { reps: 1 })];
    const steps = buildSteps(items, { leadInSeconds: 5, getReady: false });
    let state = reducePlayer(steps, createPlayer("k"), { type: "start", now: t0, painBefore: null });
    state = reducePlayer(steps, state, { type: "skip", now: t0 + second });
    expect(currentStep(steps, state)?.kind).toBe("HOLD");
    expect(remainingMs(steps, state, t0 + second)).toBe(30 * second);
    state = reducePlayer(steps, state, { type: "tick", now: t0 + 31 * second });
    expect(state.stage).toBe("PAIN_AFTER");
    expect(skippedStepCount(state)).toBe(0);
    expect(assembleEntries(items, steps, completedStepIds(steps, state))).toEqual([
      { exerciseId: "a", side: "BOTH", sets: 1, reps: 1, holdSeconds: 30 },
    ]);
  });

  it("is part of the plan's key, so a draft made with another lead-in is not resumed", () => {
    const items = [item("a")];
    expect(planKey(items, { leadInSeconds: 5 })).not.toBe(planKey(items, { leadInSeconds: 10 }));
    expect(planKey(items, { leadInSeconds: 5 })).not.toBe(planKey(items));
  });

  it("announces what to get into position for, and on which side", () => {
    const planItem = item("clam", { perSide: true, firstSide: "RIGHT" });
    const [, leadIn] = buildSteps([planItem], { leadInSeconds: 5 });
    expect(leadIn?.kind).toBe("LEAD_IN");
    expect(instructionFor(leadIn, planItem)).toBe(
      "Get into position: Exercise clam, right side, set 1 of 1, rep 1 of 2. The hold starts in 5 seconds.",
    );
  });
});

describe("the first side", () => {
  it("is the item's first side, left when none is given, and both for an item not done per side", () => {
    expect(sidesOf({ perSide: true, firstSide: "RIGHT" })).toEqual(["RIGHT", "LEFT"]);
    expect(sidesOf({ perSide: true, firstSide: "LEFT" })).toEqual(["LEFT", "RIGHT"]);
    expect(sidesOf({ perSide: true })).toEqual(["LEFT", "RIGHT"]);
    expect(sidesOf({ perSide: false, firstSide: "RIGHT" })).toEqual(["BOTH"]);
  });

  it("changes the plan's key, so a draft cannot resume with the sides swapped", () => {
    const left = [item("a", { perSide: true, firstSide: "LEFT" })];
    const right = [item("a", { perSide: true, firstSide: "RIGHT" })];
    expect(planKey(left)).not.toBe(planKey(right));
  });

  it("is recorded as done first: the entries follow the order the sides were done", () => {
    const items = [item("a", { reps: 1, perSide: true, firstSide: "RIGHT" })];
    const steps = buildSteps(items, { getReady: false });
    let state = reducePlayer(steps, createPlayer("k"), { type: "start", now: t0, painBefore: null });
    state = reducePlayer(steps, state, { type: "tick", now: t0 + 30 * second });
    expect(currentStep(steps, state)?.kind).toBe("SWITCH_SIDES");
    expect(currentStep(steps, state)?.side).toBe("LEFT");
    expect(assembleEntries(items, steps, completedStepIds(steps, state))).toEqual([
      { exerciseId: "a", side: "RIGHT", sets: 1, reps: 1, holdSeconds: 30 },
    ]);
  });
});

/** The first "left" or "right" in an exercise's written steps, as the patient reads them. */
function firstSideNamed(steps: readonly string[]): "LEFT" | "RIGHT" | null {
  const match = /\b(left|right)\b/i.exec(steps.join(" "));
  return match?.[1] ? (match[1].toUpperCase() as "LEFT" | "RIGHT") : null;
}

describe("the whole catalog: the player and the written steps name the same side first", () => {
  const perSide = exerciseCatalog.filter((exercise) => exercise.defaultDose.perSide);

  it("has per-side exercises to check", () => {
    expect(perSide.length).toBeGreaterThanOrEqual(10);
  });

  it.each(perSide.map((exercise) => [exercise.slug, exercise] as const))("%s", (_slug, exercise) => {
    const named = firstSideNamed(exercise.steps);
    expect(named, "the steps should name the side to start with").not.toBeNull();
    expect(exercise.firstSide?.toUpperCase()).toBe(named);

    // The plan the guided session builds, as the session page builds it (the default dose).
    const planItem: PlanItem = {
      exercise: {
        id: exercise.slug,
        name: exercise.name,
        slug: exercise.slug,
        steps: exercise.steps,
        illustration: exercise.illustration,
      },
      ...exercise.defaultDose,
      firstSide: firstSideOf(exercise.slug),
    };
    const steps = buildSteps([planItem], { leadInSeconds: 5 });
    const firstWork = steps.find((step) => step.kind === "HOLD" || step.kind === "REPS");
    expect(firstWork?.side).toBe(named);
    // What the patient sees and hears first names that side.
    const side = named === "LEFT" ? "left side" : "right side";
    for (const step of steps.slice(0, steps.indexOf(firstWork as PlanStep) + 1)) {
      if (step.kind !== "GET_READY") expect(instructionFor(step, planItem)).toContain(side);
    }
    const switchTo = steps.find((step) => step.kind === "SWITCH_SIDES");
    expect(switchTo?.side).toBe(named === "LEFT" ? "RIGHT" : "LEFT");
  });

  it("gives no first side to an exercise done with both sides at once", () => {
    for (const exercise of exerciseCatalog.filter((candidate) => !candidate.defaultDose.perSide)) {
      expect(exercise.firstSide, exercise.slug).toBeUndefined();
    }
  });
});
