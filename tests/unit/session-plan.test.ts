import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  estimatedMinutes,
  formatClock,
  instructionFor,
  positionOf,
  secondsPhrase,
} from "@/components/sessions/guided-text";
import { parsePlayerState, serialisePlayerState } from "@/lib/domain/session-draft";
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
  isPaused,
  type PlayerAction,
  type PlayerState,
  reducePlayer,
  remainingMs,
  sessionMinutes,
  skippedStepCount,
  suspendPlayer,
} from "@/lib/domain/session-player";

function item(id: string, dose: Partial<Omit<PlanItem, "exercise">> = {}): PlanItem {
  return {
    exercise: {
      id,
      name: `Exercise ${id}`,
      slug: id,
      steps: ["Lie down.", "Breathe."],
      illustration: `/${id}.svg`,
    },
    sets: 1,
    reps: 3,
    holdSeconds: 30,
    perSide: false,
    ...dose,
  };
}

const describeStep = (step: PlanStep) =>
  `${step.kind} ${step.side} set ${step.set} rep ${step.rep}${step.seconds ? ` ${step.seconds}s` : ""}`;

const t0 = Date.UTC(2026, 10, 27, 9, 0, 0);
const second = 1000;

function run(steps: readonly PlanStep[], state: PlayerState, ...actions: PlayerAction[]): PlayerState {
  return actions.reduce((next, action) => reducePlayer(steps, next, action), state);
}

function started(items: PlanItem[], painBefore: number | null = 3, at = t0) {
  const steps = buildSteps(items);
  const state = reducePlayer(steps, createPlayer(planKey(items)), { type: "start", now: at, painBefore });
  return { steps, state };
}

const itemArbitrary = fc.record({
  exercise: fc.record({
    id: fc.stringMatching(/^[a-z0-9]{1,12}$/),
    name: fc.constant("An exercise"),
    slug: fc.constant("an-exercise"),
    steps: fc.constant(["Do it."]),
    illustration: fc.constant("/exercises/x.svg"),
  }),
  sets: fc.integer({ min: 1, max: 4 }),
  reps: fc.integer({ min: 1, max: 5 }),
  holdSeconds: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
  perSide: fc.boolean(),
});
const itemsArbitrary = fc.array(itemArbitrary, { minLength: 1, maxLength: 5 });
const optionsArbitrary = fc.record({
  restBetweenRepsSeconds: fc.integer({ min: 0, max: 20 }),
  restBetweenSetsSeconds: fc.integer({ min: 0, max: 60 }),
  getReady: fc.boolean(),
  pacedHoldMaxSeconds: fc.integer({ min: 0, max: 10 }),
});

describe("buildSteps", () => {
  it("orders a per-side exercise: get ready, the left side's holds and rests, switch sides, then the right side", () => {
    const steps = buildSteps([item("clam", { sets: 2, reps: 2, holdSeconds: 30, perSide: true })]);
    expect(steps.map(describeStep)).toEqual([
      "GET_READY LEFT set 1 rep 1",
      "HOLD LEFT set 1 rep 1 30s",
      "REST LEFT set 1 rep 2 10s",
      "HOLD LEFT set 1 rep 2 30s",
      "REST LEFT set 2 rep 1 30s",
      "HOLD LEFT set 2 rep 1 30s",
      "REST LEFT set 2 rep 2 10s",
      "HOLD LEFT set 2 rep 2 30s",
      "SWITCH_SIDES RIGHT set 1 rep 1",
      "HOLD RIGHT set 1 rep 1 30s",
      "REST RIGHT set 1 rep 2 10s",
      "HOLD RIGHT set 1 rep 2 30s",
      "REST RIGHT set 2 rep 1 30s",
      "HOLD RIGHT set 2 rep 1 30s",
      "REST RIGHT set 2 rep 2 10s",
      "HOLD RIGHT set 2 rep 2 30s",
    ]);
  });

  it("works both sides together when the exercise is not per side", () => {
    const steps = buildSteps([item("bridge", { sets: 1, reps: 2, holdSeconds: 6 })]);
    expect(steps.map(describeStep)).toEqual([
      "GET_READY BOTH set 1 rep 1",
      "HOLD BOTH set 1 rep 1 6s",
      "REST BOTH set 1 rep 2 10s",
      "HOLD BOTH set 1 rep 2 6s",
    ]);
  });

  it("lets the patient count a set of repetitions with a short pause (up to 5 s) in one step", () => {
    const steps = buildSteps([item("clam", { sets: 2, reps: 10, holdSeconds: 3, perSide: true })]);
    expect(steps.map(describeStep)).toEqual([
      "GET_READY LEFT set 1 rep 1",
      "REPS LEFT set 1 rep 1",
      "REST LEFT set 2 rep 1 30s",
      "REPS LEFT set 2 rep 1",
      "SWITCH_SIDES RIGHT set 1 rep 1",
      "REPS RIGHT set 1 rep 1",
      "REST RIGHT set 2 rep 1 30s",
      "REPS RIGHT set 2 rep 1",
    ]);
    expect(steps[1]?.reps).toBe(10);
    expect(buildSteps([item("bridge", { reps: 2, holdSeconds: 5 })]).map((step) => step.kind)).toEqual([
      "GET_READY",
      "REPS",
    ]);
    expect(
      buildSteps([item("bridge", { reps: 2, holdSeconds: 5 })], { pacedHoldMaxSeconds: 4 })[1]?.kind,
    ).toBe("HOLD");
  });

  it("gives a plan built with another limit for counted holds another key, so an old draft is not resumed onto it", () => {
    const items = [item("clam", { holdSeconds: 3 })];
    expect(planKey(items)).not.toBe(planKey(items, { pacedHoldMaxSeconds: 0 }));
  });

  it("makes one 'do N repetitions' step per set, with no countdown, when there is nothing to hold", () => {
    const steps = buildSteps([item("tilt", { sets: 2, reps: 12, holdSeconds: 0 })]);
    expect(steps.map(describeStep)).toEqual([
      "GET_READY BOTH set 1 rep 1",
      "REPS BOTH set 1 rep 1",
      "REST BOTH set 2 rep 1 30s",
      "REPS BOTH set 2 rep 1",
    ]);
    expect(steps[1]?.reps).toBe(12);
  });

  it("takes the rest lengths and the get-ready screen from the options, and leaves out rests of 0 s", () => {
    const items = [item("a", { sets: 2, reps: 2, holdSeconds: 20 })];
    expect(
      buildSteps(items, { restBetweenRepsSeconds: 5, restBetweenSetsSeconds: 45, getReady: false }).map(
        describeStep,
      ),
    ).toEqual([
      "HOLD BOTH set 1 rep 1 20s",
      "REST BOTH set 1 rep 2 5s",
      "HOLD BOTH set 1 rep 2 20s",
      "REST BOTH set 2 rep 1 45s",
      "HOLD BOTH set 2 rep 1 20s",
      "REST BOTH set 2 rep 2 5s",
      "HOLD BOTH set 2 rep 2 20s",
    ]);
    expect(
      buildSteps(items, { restBetweenRepsSeconds: 0, restBetweenSetsSeconds: 0, getReady: false }).map(
        (step) => step.kind,
      ),
    ).toEqual(["HOLD", "HOLD", "HOLD", "HOLD"]);
  });

  it("keeps items in routine order and numbers them by their index", () => {
    const steps = buildSteps([item("a", { reps: 1 }), item("b", { reps: 1, perSide: true })]);
    expect(steps.map((step) => `${step.itemIndex}:${step.kind}:${step.side}`)).toEqual([
      "0:GET_READY:BOTH",
      "0:HOLD:BOTH",
      "1:GET_READY:LEFT",
      "1:HOLD:LEFT",
      "1:SWITCH_SIDES:RIGHT",
      "1:HOLD:RIGHT",
    ]);
  });

  it("leaves out an item with no sets or no repetitions", () => {
    expect(buildSteps([item("a", { sets: 0 }), item("b", { reps: 0 })])).toEqual([]);
    expect(buildSteps([])).toEqual([]);
  });

  it("gives the same ids for the same plan, so a saved draft still points at the right steps", () => {
    const items = [item("a", { perSide: true, sets: 2 }), item("b", { holdSeconds: 0 })];
    expect(buildSteps(items).map((step) => step.id)).toEqual(
      buildSteps(structuredClone(items)).map((s) => s.id),
    );
  });

  it("has, for any plan, unique ids and exactly the prescribed holds per side and set", () => {
    fc.assert(
      fc.property(itemsArbitrary, optionsArbitrary, (items, options) => {
        const steps = buildSteps(items, options);
        expect(new Set(steps.map((step) => step.id)).size).toBe(steps.length);
        items.forEach((planItem, itemIndex) => {
          const own = steps.filter((step) => step.itemIndex === itemIndex);
          const work = own.filter((step) => step.kind === "HOLD" || step.kind === "REPS");
          const sides = sidesOf(planItem);
          expect(work.length).toBe(
            sides.length *
              planItem.sets *
              (planItem.holdSeconds > options.pacedHoldMaxSeconds ? planItem.reps : 1),
          );
          expect(work.reduce((total, step) => total + step.reps, 0)).toBe(
            sides.length * planItem.sets * planItem.reps,
          );
          for (const step of work) {
            expect(step.seconds).toBe(step.kind === "HOLD" ? planItem.holdSeconds : 0);
            expect(step.set).toBeGreaterThanOrEqual(1);
            expect(step.set).toBeLessThanOrEqual(planItem.sets);
            expect(step.rep).toBeLessThanOrEqual(planItem.reps);
          }
          expect(own.filter((step) => step.kind === "SWITCH_SIDES")).toHaveLength(planItem.perSide ? 1 : 0);
          expect(own.filter((step) => step.kind === "GET_READY")).toHaveLength(options.getReady ? 1 : 0);
          if (options.getReady) expect(own[0]?.kind).toBe("GET_READY");
        });
      }),
    );
  });

  it("does every left-side step before the switch and every right-side step after it", () => {
    fc.assert(
      fc.property(itemsArbitrary, optionsArbitrary, (items, options) => {
        const steps = buildSteps(items, options);
        items.forEach((planItem, itemIndex) => {
          if (!planItem.perSide) return;
          const sides = steps
            .filter((step) => step.itemIndex === itemIndex && step.kind !== "GET_READY")
            .map((step) => (step.kind === "SWITCH_SIDES" ? "|" : step.side[0]))
            .join("");
          expect(sides).toMatch(/^L+\|R+$/);
        });
        // Items never interleave.
        const order = steps.map((step) => step.itemIndex);
        expect(order).toEqual([...order].sort((a, b) => a - b));
      }),
    );
  });

  it("never starts or ends a side with a rest, and never puts two rests in a row", () => {
    fc.assert(
      fc.property(itemsArbitrary, optionsArbitrary, (items, options) => {
        const steps = buildSteps(items, options);
        steps.forEach((step, index) => {
          if (step.kind !== "REST") return;
          const before = steps[index - 1];
          const after = steps[index + 1];
          expect(before?.kind).toMatch(/^(HOLD|REPS)$/);
          expect(after?.kind).toMatch(/^(HOLD|REPS)$/);
          expect(after?.itemIndex).toBe(step.itemIndex);
          expect(after?.side).toBe(step.side);
          expect(after?.set).toBe(step.set);
          expect(after?.rep).toBe(step.rep);
          const expected = step.rep === 1 ? options.restBetweenSetsSeconds : options.restBetweenRepsSeconds;
          expect(step.seconds).toBe(expected);
        });
      }),
    );
  });
});

describe("assembleEntries", () => {
  const items = [
    item("clam", { sets: 2, reps: 3, holdSeconds: 30, perSide: true }),
    item("bridge", { sets: 2, reps: 3, holdSeconds: 20 }),
    item("tilt", { sets: 2, reps: 10, holdSeconds: 0 }),
  ];
  const steps = buildSteps(items);
  const ids = (predicate: (step: PlanStep) => boolean) => steps.filter(predicate).map((step) => step.id);

  it("records the full prescription per exercise and side when every step was done", () => {
    expect(
      assembleEntries(
        items,
        steps,
        ids(() => true),
      ),
    ).toEqual([
      { exerciseId: "clam", side: "LEFT", sets: 2, reps: 3, holdSeconds: 30 },
      { exerciseId: "clam", side: "RIGHT", sets: 2, reps: 3, holdSeconds: 30 },
      { exerciseId: "bridge", side: "BOTH", sets: 2, reps: 3, holdSeconds: 20 },
      { exerciseId: "tilt", side: "BOTH", sets: 2, reps: 10, holdSeconds: 0 },
    ]);
  });

  it("records nothing when everything was skipped", () => {
    expect(assembleEntries(items, steps, [])).toEqual([]);
  });

  it("counts the sets with at least one hold and the most holds done in any one set", () => {
    const done = ids(
      (step) =>
        step.itemIndex === 0 &&
        step.side === "LEFT" &&
        step.kind === "HOLD" &&
        ((step.set === 1 && step.rep === 1) || step.set === 2),
    );
    expect(assembleEntries(items, steps, done)).toEqual([
      { exerciseId: "clam", side: "LEFT", sets: 2, reps: 3, holdSeconds: 30 },
    ]);
    const oneEach = ids((step) => step.itemIndex === 0 && step.side === "RIGHT" && step.rep === 2);
    expect(assembleEntries(items, steps, oneEach)).toEqual([
      { exerciseId: "clam", side: "RIGHT", sets: 2, reps: 1, holdSeconds: 30 },
    ]);
  });

  it("leaves out a skipped side and a skipped exercise", () => {
    const done = ids((step) => (step.itemIndex === 0 && step.side === "RIGHT") || step.itemIndex === 2);
    expect(assembleEntries(items, steps, done)).toEqual([
      { exerciseId: "clam", side: "RIGHT", sets: 2, reps: 3, holdSeconds: 30 },
      { exerciseId: "tilt", side: "BOTH", sets: 2, reps: 10, holdSeconds: 0 },
    ]);
  });

  it("counts a completed repetitions step as the whole set", () => {
    const done = ids((step) => step.itemIndex === 2 && step.set === 2 && step.kind === "REPS");
    expect(assembleEntries(items, steps, done)).toEqual([
      { exerciseId: "tilt", side: "BOTH", sets: 1, reps: 10, holdSeconds: 0 },
    ]);
  });

  it("ignores rests, switches, get-ready screens and unknown ids", () => {
    const done = [...ids((step) => step.reps === 0), "no-such-step"];
    expect(assembleEntries(items, steps, done)).toEqual([]);
  });

  it("gives exactly the prescribed sets and repetitions per side when every step is completed, for any plan", () => {
    fc.assert(
      fc.property(itemsArbitrary, optionsArbitrary, (plan, options) => {
        const planSteps = buildSteps(plan, options);
        const entries = assembleEntries(
          plan,
          planSteps,
          planSteps.map((step) => step.id),
        );
        const expected = plan.flatMap((planItem) =>
          sidesOf(planItem).map((side) => ({
            exerciseId: planItem.exercise.id,
            side,
            sets: planItem.sets,
            reps: planItem.reps,
            holdSeconds: planItem.holdSeconds,
          })),
        );
        expect(entries).toEqual(expected);
      }),
    );
  });

  it("never exceeds the prescription, and has an entry exactly for each side with something done", () => {
    fc.assert(
      fc.property(
        itemsArbitrary,
        optionsArbitrary,
        fc.infiniteStream(fc.boolean()),
        (plan, options, coin) => {
          const planSteps = buildSteps(plan, options);
          const done = planSteps.filter(() => coin.next().value).map((step) => step.id);
          const doneSet = new Set(done);
          const entries = assembleEntries(plan, planSteps, done);
          const expectedKeys = plan.flatMap((planItem, itemIndex) =>
            sidesOf(planItem)
              .filter((side) =>
                planSteps.some(
                  (step) =>
                    step.itemIndex === itemIndex &&
                    step.side === side &&
                    step.reps > 0 &&
                    doneSet.has(step.id),
                ),
              )
              .map((side) => `${planItem.exercise.id}|${side}`),
          );
          expect(entries.map((entry) => `${entry.exerciseId}|${entry.side}`)).toEqual(expectedKeys);
          for (const entry of entries) {
            const planItem = plan.find(
              (candidate) =>
                candidate.exercise.id === entry.exerciseId && sidesOf(candidate).includes(entry.side),
            );
            expect(planItem).toBeDefined();
            if (!planItem) continue;
            expect(entry.sets).toBeGreaterThanOrEqual(1);
            expect(entry.reps).toBeGreaterThanOrEqual(1);
            // Two items may share an exercise; each entry fits at least the larger prescription.
            const sameExercise = plan.filter((candidate) => candidate.exercise.id === entry.exerciseId);
            expect(entry.sets).toBeLessThanOrEqual(Math.max(...sameExercise.map((c) => c.sets)));
            expect(entry.reps).toBeLessThanOrEqual(Math.max(...sameExercise.map((c) => c.reps)));
          }
        },
      ),
    );
  });

  it("gives no entries when everything is skipped, for any plan", () => {
    fc.assert(
      fc.property(itemsArbitrary, optionsArbitrary, (plan, options) => {
        expect(assembleEntries(plan, buildSteps(plan, options), [])).toEqual([]);
      }),
    );
  });
});

describe("the player", () => {
  const bridge = [item("bridge", { sets: 1, reps: 2, holdSeconds: 30 })];
  // GET_READY, HOLD 30 s, REST 10 s, HOLD 30 s

  it("starts on the pain-before screen and moves to the first step on start", () => {
    const steps = buildSteps(bridge);
    const initial = createPlayer(planKey(bridge));
    expect(initial.stage).toBe("PAIN_BEFORE");
    expect(currentStep(steps, initial)).toBeUndefined();
    const state = reducePlayer(steps, initial, { type: "start", now: t0, painBefore: 4 });
    expect(state.stage).toBe("STEPS");
    expect(state.painBefore).toBe(4);
    expect(state.startedAt).toBe(t0);
    expect(currentStep(steps, state)?.kind).toBe("GET_READY");
    expect(remainingMs(steps, state, t0)).toBe(0);
  });

  it("accepts a start without a pain rating, and ignores a second start", () => {
    const { steps, state } = started(bridge, null);
    expect(state.painBefore).toBeNull();
    expect(reducePlayer(steps, state, { type: "start", now: t0 + 5000, painBefore: 9 })).toBe(state);
  });

  it("counts a hold down from its own start and ends it exactly when the time is up", () => {
    const { steps, state } = started(bridge);
    const holding = run(steps, state, { type: "complete", now: t0 + 4 * second });
    expect(currentStep(steps, holding)?.kind).toBe("HOLD");
    expect(remainingMs(steps, holding, t0 + 4 * second)).toBe(30 * second);
    expect(remainingMs(steps, holding, t0 + 14 * second)).toBe(20 * second);
    const almost = run(steps, holding, { type: "tick", now: t0 + 34 * second - 1 });
    expect(almost).toBe(holding);
    const resting = run(steps, holding, { type: "tick", now: t0 + 34 * second });
    expect(currentStep(steps, resting)?.kind).toBe("REST");
    expect(resting.outcomes).toBe("cc");
    expect(remainingMs(steps, resting, t0 + 34 * second)).toBe(10 * second);
  });

  it("starts the next countdown when the previous one ran out, not when the late tick arrived", () => {
    const { steps, state } = started(bridge);
    const holding = run(steps, state, { type: "complete", now: t0 });
    // A throttled tab ticks 3 s late: the rest has already been running for 3 s.
    const resting = run(steps, holding, { type: "tick", now: t0 + 33 * second });
    expect(currentStep(steps, resting)?.kind).toBe("REST");
    expect(remainingMs(steps, resting, t0 + 33 * second)).toBe(7 * second);
  });

  it("catches up over several countdowns after a long gap between ticks, and stops at the end", () => {
    const { steps, state } = started(bridge);
    const holding = run(steps, state, { type: "complete", now: t0 });
    const later = run(steps, holding, { type: "tick", now: t0 + 45 * second });
    expect(currentStep(steps, later)).toMatchObject({ kind: "HOLD", rep: 2 });
    expect(remainingMs(steps, later, t0 + 45 * second)).toBe(25 * second);
    const done = run(steps, holding, { type: "tick", now: t0 + 10 * 60 * second });
    expect(done.stage).toBe("PAIN_AFTER");
    expect(done.outcomes).toBe("cccc");
    expect(done.endedAt).toBe(t0 + 70 * second);
  });

  it("waits at a step without a countdown however much time passes", () => {
    const steps = buildSteps([item("clam", { reps: 1, perSide: true })]);
    const state = reducePlayer(steps, createPlayer("k"), { type: "start", now: t0, painBefore: null });
    const holding = run(steps, state, { type: "complete", now: t0 });
    const switching = run(steps, holding, { type: "tick", now: t0 + 3_600_000 });
    expect(currentStep(steps, switching)?.kind).toBe("SWITCH_SIDES");
    expect(switching.outcomes).toBe("cc");
    const right = run(steps, switching, { type: "complete", now: t0 + 3_700_000 });
    expect(currentStep(steps, right)).toMatchObject({ kind: "HOLD", side: "RIGHT" });
    expect(remainingMs(steps, right, t0 + 3_700_000)).toBe(30 * second);
  });

  describe("pause and resume", () => {
    it("freezes the countdown while paused and carries on from there", () => {
      const { steps, state } = started(bridge);
      const holding = run(steps, state, { type: "complete", now: t0 });
      const paused = run(steps, holding, { type: "pause", now: t0 + 12 * second });
      expect(isPaused(paused)).toBe(true);
      expect(remainingMs(steps, paused, t0 + 12 * second)).toBe(18 * second);
      expect(remainingMs(steps, paused, t0 + 500 * second)).toBe(18 * second);
      expect(run(steps, paused, { type: "tick", now: t0 + 500 * second })).toBe(paused);
      const resumed = run(steps, paused, { type: "resume", now: t0 + 100 * second });
      expect(isPaused(resumed)).toBe(false);
      expect(resumed.pausedMs).toBe(88 * second);
      expect(remainingMs(steps, resumed, t0 + 110 * second)).toBe(8 * second);
      const next = run(steps, resumed, { type: "tick", now: t0 + 118 * second });
      expect(currentStep(steps, next)?.kind).toBe("REST");
    });

    it("delays the end of a hold by exactly the time paused, however it is split", () => {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 60_000 })), {
            maxLength: 6,
          }),
          (pauses) => {
            const { steps, state } = started(bridge);
            let now = t0;
            let next = run(steps, state, { type: "complete", now });
            let totalPaused = 0;
            let worked = 0;
            for (const [runFor, pauseFor] of pauses) {
              if (worked + runFor >= 30_000) break;
              worked += runFor;
              now += runFor;
              next = run(steps, next, { type: "pause", now });
              now += pauseFor;
              totalPaused += pauseFor;
              next = run(steps, next, { type: "resume", now });
            }
            const endsAt = t0 + 30_000 + totalPaused;
            expect(next.pausedMs).toBe(totalPaused);
            expect(remainingMs(steps, next, now)).toBe(endsAt - now);
            expect(currentStep(steps, run(steps, next, { type: "tick", now: endsAt - 1 }))?.kind).toBe(
              "HOLD",
            );
            expect(currentStep(steps, run(steps, next, { type: "tick", now: endsAt }))?.kind).toBe("REST");
          },
        ),
      );
    });

    it("toggles, and ignores a pause while paused and a resume while running", () => {
      const { steps, state } = started(bridge);
      const holding = run(steps, state, { type: "complete", now: t0 });
      expect(run(steps, holding, { type: "resume", now: t0 + 1 })).toBe(holding);
      const paused = run(steps, holding, { type: "togglePause", now: t0 + 5 * second });
      expect(isPaused(paused)).toBe(true);
      expect(run(steps, paused, { type: "pause", now: t0 + 9 * second })).toBe(paused);
      const resumed = run(steps, paused, { type: "togglePause", now: t0 + 9 * second });
      expect(isPaused(resumed)).toBe(false);
      expect(remainingMs(steps, resumed, t0 + 9 * second)).toBe(25 * second);
    });

    it("ends a hold that ran out before the pause arrived, and pauses the rest instead", () => {
      const { steps, state } = started(bridge);
      const holding = run(steps, state, { type: "complete", now: t0 });
      const paused = run(steps, holding, { type: "pause", now: t0 + 32 * second });
      expect(currentStep(steps, paused)?.kind).toBe("REST");
      expect(remainingMs(steps, paused, t0 + 60 * second)).toBe(8 * second);
    });

    it("unpauses when a paused step is skipped, keeping the paused time out of the duration", () => {
      const { steps, state } = started(bridge);
      const holding = run(steps, state, { type: "complete", now: t0 });
      const next = run(
        steps,
        holding,
        { type: "pause", now: t0 + 10 * second },
        { type: "skip", now: t0 + 70 * second },
      );
      expect(isPaused(next)).toBe(false);
      expect(next.pausedMs).toBe(60 * second);
      expect(currentStep(steps, next)?.kind).toBe("REST");
      expect(remainingMs(steps, next, t0 + 72 * second)).toBe(8 * second);
    });
  });

  describe("skip and complete", () => {
    it("records a skipped hold as skipped, so it is left out of the entries", () => {
      const { steps, state } = started(bridge);
      const end = run(
        steps,
        state,
        { type: "complete", now: t0 },
        { type: "skip", now: t0 + 2 * second },
        { type: "skip", now: t0 + 3 * second },
        { type: "tick", now: t0 + 33 * second },
      );
      expect(end.stage).toBe("PAIN_AFTER");
      expect(end.outcomes).toBe("cssc");
      expect(skippedStepCount(end)).toBe(2);
      expect(assembleEntries(bridge, steps, completedStepIds(steps, end))).toEqual([
        { exerciseId: "bridge", side: "BOTH", sets: 1, reps: 1, holdSeconds: 30 },
      ]);
    });

    it("skips the rest of an exercise in one go and starts the next one", () => {
      const items = [item("clam", { sets: 2, perSide: true }), item("tilt", { holdSeconds: 0 })];
      const { steps, state } = started(items);
      const next = run(steps, state, { type: "complete", now: t0 }, { type: "skipExercise", now: t0 + 1000 });
      expect(currentStep(steps, next)).toMatchObject({ kind: "GET_READY", itemIndex: 1 });
      expect(next.outcomes).toBe(`c${"s".repeat(steps.filter((step) => step.itemIndex === 0).length - 1)}`);
      const done = run(steps, next, { type: "skipExercise", now: t0 + 2000 });
      expect(done.stage).toBe("PAIN_AFTER");
      expect(assembleEntries(items, steps, completedStepIds(steps, done))).toEqual([]);
    });

    it("moves to pain after once the last step is done, and then ignores step actions", () => {
      const items = [item("tilt", { holdSeconds: 0 })];
      const { steps, state } = started(items);
      const done = run(
        steps,
        state,
        { type: "complete", now: t0 },
        { type: "complete", now: t0 + 90 * second },
      );
      expect(done.stage).toBe("PAIN_AFTER");
      expect(done.endedAt).toBe(t0 + 90 * second);
      for (const type of ["tick", "pause", "resume", "skip", "complete", "skipExercise"] as const) {
        expect(reducePlayer(steps, done, { type, now: t0 + 100 * second })).toBe(done);
      }
      expect(assembleEntries(items, steps, completedStepIds(steps, done))).toEqual([
        { exerciseId: "tilt", side: "BOTH", sets: 1, reps: 3, holdSeconds: 0 },
      ]);
    });

    it("goes straight to pain after when the plan has no steps", () => {
      const state = reducePlayer([], createPlayer("k"), { type: "start", now: t0, painBefore: 2 });
      expect(state.stage).toBe("PAIN_AFTER");
    });

    it("starts afresh on reset", () => {
      const { steps, state } = started(bridge);
      expect(reducePlayer(steps, state, { type: "reset" })).toEqual(createPlayer(planKey(bridge)));
    });
  });

  describe("session duration", () => {
    it("is the time from the first step to the last, pauses left out, in whole minutes", () => {
      const items = [item("tilt", { holdSeconds: 0 })];
      const { steps, state } = started(items);
      const done = run(
        steps,
        state,
        { type: "complete", now: t0 + 60 * second },
        { type: "pause", now: t0 + 120 * second },
        { type: "resume", now: t0 + 20 * 60 * second },
        { type: "complete", now: t0 + 20 * 60 * second + 5 * 60 * second },
      );
      expect(done.stage).toBe("PAIN_AFTER");
      // 25 minutes from start to end, of which 18 were paused.
      expect(sessionMinutes(done, t0 + 99 * 60 * second)).toBe(7);
    });

    it("is 0 before the session starts and never more than six hours", () => {
      const steps = buildSteps(bridge);
      expect(sessionMinutes(createPlayer("k"), t0)).toBe(0);
      const state = reducePlayer(steps, createPlayer("k"), { type: "start", now: t0, painBefore: null });
      expect(sessionMinutes(state, t0 + 10 * 3_600_000)).toBe(360);
    });
  });

  describe("properties under any sequence of actions", () => {
    const actionArbitrary = fc.tuple(
      fc.constantFrom("tick", "pause", "resume", "togglePause", "skip", "complete", "skipExercise"),
      fc.integer({ min: 0, max: 45_000 }),
    );

    it("keeps the state consistent, serialisable and within the plan", () => {
      fc.assert(
        fc.property(itemsArbitrary, fc.array(actionArbitrary, { maxLength: 60 }), (items, actions) => {
          const steps = buildSteps(items);
          const key = planKey(items);
          let now = t0;
          let state = reducePlayer(steps, createPlayer(key), { type: "start", now, painBefore: 5 });
          for (const [type, gap] of actions) {
            now += gap;
            state = reducePlayer(steps, state, { type, now } as PlayerAction);
            expect(state.outcomes.length).toBe(state.index);
            expect(state.index).toBeLessThanOrEqual(steps.length);
            expect(state.stage === "PAIN_AFTER").toBe(state.index === steps.length);
            expect(state.elapsedMs).toBeGreaterThanOrEqual(0);
            expect(remainingMs(steps, state, now)).toBeGreaterThanOrEqual(0);
            const step = currentStep(steps, state);
            if (step) expect(remainingMs(steps, state, now)).toBeLessThanOrEqual(step.seconds * 1000);
            expect(JSON.parse(JSON.stringify(state))).toEqual(state);
            const entries = assembleEntries(items, steps, completedStepIds(steps, state));
            for (const entry of entries) {
              expect(entry.sets).toBeLessThanOrEqual(4);
              expect(entry.reps).toBeLessThanOrEqual(5);
            }
          }
        }),
      );
    });

    it("completes every step by waiting and pressing done: exactly the prescription is recorded", () => {
      fc.assert(
        fc.property(itemsArbitrary, (items) => {
          const steps = buildSteps(items);
          let now = t0;
          let state = reducePlayer(steps, createPlayer(planKey(items)), {
            type: "start",
            now,
            painBefore: 0,
          });
          while (state.stage === "STEPS") {
            const step = currentStep(steps, state);
            now += step && step.seconds > 0 ? step.seconds * 1000 : 2000;
            state = reducePlayer(steps, state, { type: step && step.seconds > 0 ? "tick" : "complete", now });
          }
          expect(state.outcomes).toBe("c".repeat(steps.length));
          expect(assembleEntries(items, steps, completedStepIds(steps, state))).toEqual(
            assembleEntries(
              items,
              steps,
              steps.map((step) => step.id),
            ),
          );
        }),
      );
    });
  });
});

describe("saving and restoring the player", () => {
  const items = [item("clam", { sets: 2, perSide: true }), item("tilt", { holdSeconds: 0 })];
  const steps = buildSteps(items);
  const key = planKey(items);

  function midHold() {
    const state = reducePlayer(steps, createPlayer(key), { type: "start", now: t0, painBefore: 6 });
    return run(steps, state, { type: "complete", now: t0 + 2 * second });
  }

  it("saves a running countdown frozen at the moment of saving", () => {
    const state = midHold();
    const suspended = suspendPlayer(steps, state, t0 + 20 * second);
    expect(isPaused(suspended)).toBe(true);
    expect(remainingMs(steps, suspended, t0 + 20 * second)).toBe(remainingMs(steps, state, t0 + 20 * second));
    expect(remainingMs(steps, suspended, t0 + 999 * second)).toBe(
      remainingMs(steps, state, t0 + 20 * second),
    );
  });

  it("restores exactly what was saved, and resuming carries on the countdown", () => {
    const state = midHold();
    const text = serialisePlayerState(steps, state, t0 + 20 * second);
    const restored = parsePlayerState(text, steps, key);
    expect(restored).toEqual(suspendPlayer(steps, state, t0 + 20 * second));
    if (!restored) return;
    // Back after a reload two minutes later: the countdown picks up where it stopped.
    const resumed = reducePlayer(steps, restored, { type: "resume", now: t0 + 140 * second });
    expect(remainingMs(steps, resumed, t0 + 140 * second)).toBe(remainingMs(steps, state, t0 + 20 * second));
    expect(completedStepIds(steps, resumed)).toEqual([steps[0]?.id]);
  });

  it("keeps the draft small for a long session by run-length encoding the outcomes", () => {
    const big = [item("many", { sets: 50, reps: 500, holdSeconds: 1 })];
    const bigSteps = buildSteps(big, {
      restBetweenRepsSeconds: 0,
      restBetweenSetsSeconds: 0,
      pacedHoldMaxSeconds: 0,
    });
    let state = reducePlayer(bigSteps, createPlayer(planKey(big)), {
      type: "start",
      now: t0,
      painBefore: null,
    });
    state = run(bigSteps, state, { type: "complete", now: t0 }, { type: "tick", now: t0 + 20_000 * second });
    expect(state.index).toBe(20_001);
    const text = serialisePlayerState(bigSteps, state, t0 + 20_000 * second);
    expect(text.length).toBeLessThan(2000);
    expect(parsePlayerState(text, bigSteps, planKey(big))?.outcomes).toBe(state.outcomes);
  });

  it("round-trips any reachable state", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom("tick", "pause", "resume", "skip", "complete", "skipExercise"),
            fc.integer({ min: 0, max: 40_000 }),
          ),
          { maxLength: 30 },
        ),
        (actions) => {
          let now = t0;
          let state = reducePlayer(steps, createPlayer(key), { type: "start", now, painBefore: 1 });
          for (const [type, gap] of actions) {
            now += gap;
            state = reducePlayer(steps, state, { type, now } as PlayerAction);
          }
          expect(parsePlayerState(serialisePlayerState(steps, state, now), steps, key)).toEqual(
            suspendPlayer(steps, state, now),
          );
        },
      ),
    );
  });

  it("refuses a draft of another plan, so a changed routine starts afresh", () => {
    const text = serialisePlayerState(steps, midHold(), t0 + 20 * second);
    const changed = [item("clam", { sets: 3, perSide: true }), item("tilt", { holdSeconds: 0 })];
    expect(parsePlayerState(text, buildSteps(changed), planKey(changed))).toBeNull();
  });

  it.each([
    ["not JSON", "{"],
    ["not an object", "42"],
    ["null", "null"],
    ["another version", { version: 2 }],
    ["an unknown stage", { stage: "DANCING" }],
    ["outcomes that do not match the index", { outcomes: "c5" }],
    ["garbled outcomes", { outcomes: "x1" }],
    ["an index beyond the plan", { index: 9999, outcomes: "c9999" }],
    ["a pain rating out of range", { painBefore: 11 }],
    ["a fractional pain rating", { painBefore: 2.5 }],
    ["a negative elapsed time", { elapsedMs: -1 }],
    ["a non-numeric time", { startedAt: "yesterday" }],
    ["steps with no start time", { startedAt: null }],
    ["pain after before the last step", { stage: "PAIN_AFTER" }],
  ])("refuses a draft with %s", (_, change) => {
    const base = JSON.parse(serialisePlayerState(steps, midHold(), t0 + 20 * second));
    const text = typeof change === "string" ? change : JSON.stringify({ ...base, ...change });
    expect(parsePlayerState(text, steps, key)).toBeNull();
  });

  it("refuses a draft with a time too large to be a number", () => {
    const text = serialisePlayerState(steps, midHold(), t0 + 20 * second).replace(
      /"pausedMs":0/,
      '"pausedMs":1e999',
    );
    expect(text).toContain("1e999");
    expect(parsePlayerState(text, steps, key)).toBeNull();
  });

  it("restores a draft saved on the pain-after screen", () => {
    let state = reducePlayer(steps, createPlayer(key), { type: "start", now: t0, painBefore: null });
    state = run(steps, state, { type: "skipExercise", now: t0 }, { type: "skipExercise", now: t0 + 1 });
    expect(state.stage).toBe("PAIN_AFTER");
    expect(parsePlayerState(serialisePlayerState(steps, state, t0 + 2), steps, key)).toEqual(state);
  });
});

describe("what the player shows and says", () => {
  it.each([
    [30_000, "00:30"],
    [29_001, "00:30"],
    [29_000, "00:29"],
    [1, "00:01"],
    [0, "00:00"],
    [-5, "00:00"],
    [61_000, "01:01"],
    [600_000, "10:00"],
  ])("shows %i ms left as %s", (ms, clock) => {
    expect(formatClock(ms)).toBe(clock);
  });

  const items = [
    item("clam", { sets: 2, reps: 3, holdSeconds: 30, perSide: true }),
    item("tilt", { holdSeconds: 0, reps: 10 }),
  ];
  const steps = buildSteps(items);
  const find = (kind: PlanStep["kind"], itemIndex = 0) =>
    steps.find((step) => step.kind === kind && step.itemIndex === itemIndex);

  it("tells a screen reader what each step asks for", () => {
    expect(instructionFor(find("HOLD"), items[0])).toBe(
      "Hold for 30 seconds. Exercise clam, left side, set 1 of 2, rep 1 of 3.",
    );
    expect(instructionFor(find("REST"), items[0])).toBe("Rest 10 seconds.");
    expect(
      instructionFor(
        steps.find((step) => step.kind === "REST" && step.rep === 1),
        items[0],
      ),
    ).toBe("Rest 30 seconds.");
    expect(instructionFor(find("SWITCH_SIDES"), items[0])).toMatch(/^Switch sides\. .* right side next\./);
    expect(instructionFor(find("REPS", 1), items[1])).toMatch(/^Do 10 repetitions of Exercise tilt/);
    expect(instructionFor(find("GET_READY", 1), items[1])).toMatch(/^Next exercise: Exercise tilt\./);
    expect(instructionFor(undefined, undefined)).toMatch(/^All exercises done\./);
  });

  it("says where a step is in its exercise, leaving out the side when both sides work together", () => {
    const hold = steps.find((step) => step.kind === "HOLD" && step.side === "RIGHT" && step.set === 2);
    expect(hold && positionOf(hold, items[0] as PlanItem)).toBe("right side, set 2 of 2, rep 1 of 3");
    const reps = find("REPS", 1);
    expect(reps && positionOf(reps, items[1] as PlanItem)).toBe("set 1 of 1");
    expect(secondsPhrase(1)).toBe("1 second");
    expect(secondsPhrase(120)).toBe("2 minutes");
  });

  it("estimates the length from the countdowns plus a little for the other screens", () => {
    const plan = [item("a", { sets: 1, reps: 2, holdSeconds: 30 })];
    // Get ready 15 s, two holds of 30 s and a rest of 10 s: 85 s.
    expect(estimatedMinutes(buildSteps(plan))).toBe(1);
    expect(estimatedMinutes([])).toBe(1);
    const starter = [
      item("knee", { sets: 1, reps: 3, perSide: true }),
      item("flexor", { sets: 1, reps: 3, perSide: true }),
      item("bridge", { sets: 2, reps: 3 }),
      item("clam", { sets: 2, reps: 3, perSide: true }),
    ];
    expect(estimatedMinutes(buildSteps(starter))).toBe(22);
  });
});
