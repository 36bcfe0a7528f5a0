import type { PainRegion } from "@/lib/validation/fields";
import { isTimed, type PlanStep } from "./session-plan";

// The guided session player: a pure state machine over the plan's steps, driven by timestamps.

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
  /** The area the session's ratings are about, chosen before starting (kept so a reload keeps it). */
  painArea: PainRegion | null;
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
  | {
      type: "start";
      now: number;
      painBefore: number | null;
      painArea?: PainRegion | null;
      /** The plan being started, when it changed since the player was created (a new lead-in). */
      planKey?: string;
    }
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
    painArea: null,
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
      {
        ...state,
        planKey: action.planKey ?? state.planKey,
        stage: "STEPS",
        painBefore: action.painBefore,
        painArea: action.painArea ?? null,
        startedAt: action.now,
      },
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
      // Skipping a lead-in means "I am in position, start now": the lead-in did its job, and
      // no exercise was left out, so it is not counted among the skipped steps.
      return finish(steps, unpause(current, now), step.kind === "LEAD_IN" ? "c" : "s", now);
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
