import type { Side } from "@/lib/validation/logs";

/** One routine item as the guided session sees it: the exercise and its dose. */
export type PlanItem = {
  exercise: { id: string; name: string; slug: string; steps: readonly string[]; illustration: string };
  sets: number;
  reps: number;
  holdSeconds: number;
  perSide: boolean;
};

export type StepKind = "GET_READY" | "HOLD" | "REPS" | "REST" | "SWITCH_SIDES";

/**
 * One screen of the guided session. `seconds` > 0 means a countdown that ends the step by itself;
 * 0 means the patient says when it is done. A REST step carries the side, set and repetition of
 * the step it leads into; SWITCH_SIDES carries the side being switched to.
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
};

export const defaultPlanOptions: PlanOptions = {
  restBetweenRepsSeconds: 10,
  restBetweenSetsSeconds: 30,
  getReady: true,
};

const sideCode: Record<Side, string> = { LEFT: "L", RIGHT: "R", BOTH: "B" };

export function sidesOf(item: Pick<PlanItem, "perSide">): Side[] {
  return item.perSide ? ["LEFT", "RIGHT"] : ["BOTH"];
}

export function isTimed(step: PlanStep): boolean {
  return step.seconds > 0;
}

/**
 * The ordered steps of a session: per item, each side in turn (left, then right), each set, each
 * repetition. A hold of 0 seconds has nothing to count down, so a whole set becomes one
 * "do N repetitions" step.
 */
export function buildSteps(items: readonly PlanItem[], options: Partial<PlanOptions> = {}): PlanStep[] {
  const { restBetweenRepsSeconds, restBetweenSetsSeconds, getReady } = { ...defaultPlanOptions, ...options };
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
        if (item.holdSeconds <= 0) {
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
  const { restBetweenRepsSeconds, restBetweenSetsSeconds, getReady } = { ...defaultPlanOptions, ...options };
  const dose = items.map(
    (item) => `${item.exercise.id}/${item.sets}/${item.reps}/${item.holdSeconds}/${item.perSide ? 1 : 0}`,
  );
  return [`${restBetweenRepsSeconds}/${restBetweenSetsSeconds}/${getReady ? 1 : 0}`, ...dose].join(",");
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

// The player

export type PlayerStage = "PAIN_BEFORE" | "STEPS" | "PAIN_AFTER";

/**
 * Everything the player needs to carry on, as plain JSON: it is saved as the server-side draft.
 * Time is kept as timestamps (ms since the epoch, passed in as `now`), never as counted ticks, so a
 * throttled background tab or a late timer cannot make the countdown drift.
 */
export type PlayerState = {
  version: 1;
  planKey: string;
  stage: PlayerStage;
  painBefore: number | null;
  /** When the first step started. */
  startedAt: number | null;
  /** When the last step ended. */
  endedAt: number | null;
  /** The current step; equals the number of steps once all are done. */
  index: number;
  /** One letter per finished step, in order: "c" completed, "s" skipped. */
  outcomes: string;
  /** Time already spent on the current step's countdown before `runningSince`. */
  elapsedMs: number;
  /** Since when the current countdown has been running; null when paused or nothing counts down. */
  runningSince: number | null;
  /** Set while paused. */
  pausedAt: number | null;
  /** Total time spent paused, left out of the session's duration. */
  pausedMs: number;
};

export type PlayerAction =
  | { type: "start"; now: number; painBefore: number | null }
  | { type: "tick"; now: number }
  | { type: "pause"; now: number }
  | { type: "resume"; now: number }
  | { type: "togglePause"; now: number }
  | { type: "skip"; now: number }
  | { type: "complete"; now: number }
  | { type: "skipExercise"; now: number }
  | { type: "reset" };

export function createPlayer(key: string): PlayerState {
  return {
    version: 1,
    planKey: key,
    stage: "PAIN_BEFORE",
    painBefore: null,
    startedAt: null,
    endedAt: null,
    index: 0,
    outcomes: "",
    elapsedMs: 0,
    runningSince: null,
    pausedAt: null,
    pausedMs: 0,
  };
}

export function isPaused(state: PlayerState): boolean {
  return state.pausedAt !== null;
}

export function currentStep(steps: readonly PlanStep[], state: PlayerState): PlanStep | undefined {
  return state.stage === "STEPS" ? steps[state.index] : undefined;
}

function elapsedOn(state: PlayerState, now: number): number {
  return state.elapsedMs + (state.runningSince === null ? 0 : Math.max(0, now - state.runningSince));
}

/** Time left on the current countdown (0 when nothing counts down). */
export function remainingMs(steps: readonly PlanStep[], state: PlayerState, now: number): number {
  const step = currentStep(steps, state);
  if (!step || !isTimed(step)) return 0;
  return Math.max(0, step.seconds * 1000 - elapsedOn(state, now));
}

/** Moves to step `index`, which starts at `at`; past the last step the session moves to pain after. */
function enter(steps: readonly PlanStep[], state: PlayerState, index: number, at: number): PlayerState {
  const step = steps[index];
  if (!step) {
    return {
      ...state,
      stage: "PAIN_AFTER",
      index: steps.length,
      endedAt: at,
      elapsedMs: 0,
      runningSince: null,
    };
  }
  return { ...state, index, elapsedMs: 0, runningSince: isTimed(step) ? at : null };
}

function finish(steps: readonly PlanStep[], state: PlayerState, outcome: "c" | "s", at: number): PlayerState {
  return enter(steps, { ...state, outcomes: state.outcomes + outcome }, state.index + 1, at);
}

/** Ends every countdown that has run out by `now`, each at the moment it ran out. */
function catchUp(steps: readonly PlanStep[], state: PlayerState, now: number): PlayerState {
  let next = state;
  while (next.stage === "STEPS" && next.pausedAt === null && next.runningSince !== null) {
    const step = steps[next.index];
    if (!step || !isTimed(step)) break;
    const endsAt = next.runningSince + (step.seconds * 1000 - next.elapsedMs);
    if (now < endsAt) break;
    next = finish(steps, next, "c", endsAt);
  }
  return next;
}

function unpause(state: PlayerState, now: number): PlayerState {
  if (state.pausedAt === null) return state;
  return { ...state, pausedMs: state.pausedMs + Math.max(0, now - state.pausedAt), pausedAt: null };
}

/** The player's state machine. Pure: every action brings its own `now`. */
export function reducePlayer(
  steps: readonly PlanStep[],
  state: PlayerState,
  action: PlayerAction,
): PlayerState {
  if (action.type === "reset") return createPlayer(state.planKey);
  if (action.type === "start") {
    if (state.stage !== "PAIN_BEFORE") return state;
    return enter(
      steps,
      { ...state, stage: "STEPS", painBefore: action.painBefore, startedAt: action.now },
      0,
      action.now,
    );
  }
  if (state.stage !== "STEPS") return state;
  const { now } = action;
  const current = catchUp(steps, state, now);
  if (current.stage !== "STEPS") return current;
  const step = steps[current.index];
  if (!step) return current;
  switch (action.type) {
    case "tick":
      return current;
    case "togglePause":
      return reducePlayer(steps, current, { type: isPaused(current) ? "resume" : "pause", now });
    case "pause":
      if (isPaused(current)) return current;
      return { ...current, elapsedMs: elapsedOn(current, now), runningSince: null, pausedAt: now };
    case "resume": {
      if (!isPaused(current)) return current;
      return { ...unpause(current, now), runningSince: isTimed(step) ? now : null };
    }
    case "complete":
      return finish(steps, unpause(current, now), "c", now);
    case "skip":
      return finish(steps, unpause(current, now), "s", now);
    case "skipExercise": {
      let end = current.index;
      while (steps[end]?.itemIndex === step.itemIndex) end++;
      const skipped = {
        ...unpause(current, now),
        outcomes: current.outcomes + "s".repeat(end - current.index),
      };
      return enter(steps, skipped, end, now);
    }
  }
}

export function completedStepIds(steps: readonly PlanStep[], state: PlayerState): string[] {
  const ids: string[] = [];
  for (let index = 0; index < state.outcomes.length; index++) {
    const step = steps[index];
    if (step && state.outcomes[index] === "c") ids.push(step.id);
  }
  return ids;
}

export function skippedStepCount(state: PlayerState): number {
  return state.outcomes.split("").filter((outcome) => outcome === "s").length;
}

const maxSessionMinutes = 6 * 60;

/** Minutes spent on the steps, pauses left out. */
export function sessionMinutes(state: PlayerState, now: number): number {
  if (state.startedAt === null) return 0;
  const end = state.endedAt ?? now;
  const pausedUntilNow = state.pausedAt === null ? 0 : Math.max(0, end - state.pausedAt);
  const active = Math.max(0, end - state.startedAt - state.pausedMs - pausedUntilNow);
  return Math.min(maxSessionMinutes, Math.round(active / 60_000));
}

/**
 * The state as it should be saved: a running countdown is frozen at `now` (as if paused), so time
 * spent away from the page is neither counted as exercise nor lets countdowns run out unseen.
 */
export function suspendPlayer(steps: readonly PlanStep[], state: PlayerState, now: number): PlayerState {
  const current = catchUp(steps, state, now);
  if (current.stage !== "STEPS" || isPaused(current)) return current;
  return { ...current, elapsedMs: elapsedOn(current, now), runningSince: null, pausedAt: now };
}

function encodeOutcomes(outcomes: string): string {
  return (outcomes.match(/c+|s+/g) ?? []).map((run) => `${run[0]}${run.length}`).join("");
}

function decodeOutcomes(encoded: string): string | null {
  if (!/^([cs][1-9]\d{0,5})*$/.test(encoded)) return null;
  return (encoded.match(/[cs]\d+/g) ?? []).map((run) => run[0]?.repeat(Number(run.slice(1))) ?? "").join("");
}

/** The draft to save: suspended, with the outcomes run-length encoded to stay small. */
export function serialisePlayerState(steps: readonly PlanStep[], state: PlayerState, now: number): string {
  const suspended = suspendPlayer(steps, state, now);
  return JSON.stringify({ ...suspended, outcomes: encodeOutcomes(suspended.outcomes) });
}

const stages: readonly PlayerStage[] = ["PAIN_BEFORE", "STEPS", "PAIN_AFTER"];
const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isTimeOrNull = (value: unknown) => value === null || isTime(value);

/** A saved draft, if it is well formed and belongs to this plan; null otherwise. */
export function parsePlayerState(text: string, steps: readonly PlanStep[], key: string): PlayerState | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (raw.version !== 1 || raw.planKey !== key) return null;
  if (!stages.includes(raw.stage as PlayerStage)) return null;
  if (typeof raw.outcomes !== "string") return null;
  const outcomes = decodeOutcomes(raw.outcomes);
  const painBefore = raw.painBefore;
  const validPain =
    painBefore === null ||
    (Number.isInteger(painBefore) && (painBefore as number) >= 0 && (painBefore as number) <= 10);
  if (
    outcomes === null ||
    !validPain ||
    !Number.isInteger(raw.index) ||
    !isTime(raw.elapsedMs) ||
    !isTime(raw.pausedMs) ||
    !isTimeOrNull(raw.startedAt) ||
    !isTimeOrNull(raw.endedAt) ||
    !isTimeOrNull(raw.runningSince) ||
    !isTimeOrNull(raw.pausedAt)
  )
    return null;
  const index = raw.index as number;
  const stage = raw.stage as PlayerStage;
  if (outcomes.length !== index || index > steps.length) return null;
  if (stage === "STEPS" && (index >= steps.length || raw.startedAt === null)) return null;
  if (stage === "PAIN_AFTER" && index !== steps.length) return null;
  if ((raw.elapsedMs as number) < 0 || (raw.pausedMs as number) < 0) return null;
  return {
    version: 1,
    planKey: key,
    stage,
    painBefore: painBefore as number | null,
    startedAt: raw.startedAt as number | null,
    endedAt: raw.endedAt as number | null,
    index,
    outcomes,
    elapsedMs: raw.elapsedMs as number,
    runningSince: raw.runningSince as number | null,
    pausedAt: raw.pausedAt as number | null,
    pausedMs: raw.pausedMs as number,
  };
}
