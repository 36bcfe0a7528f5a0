import { holdsAreTimed, type PlanItem, type PlanStep } from "@/lib/domain/session-plan";
import type { Side } from "@/lib/validation/fields";

export const sideLabels: Record<Side, string | null> = {
  LEFT: "Left side",
  RIGHT: "Right side",
  BOTH: null,
};

/** mm:ss, rounded up so a countdown shows 00:30 at its start and reaches 00:00 only when it ends. */
export function formatClock(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
}

export function secondsPhrase(seconds: number): string {
  if (seconds % 60 === 0 && seconds >= 60) {
    const minutes = seconds / 60;
    return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
  }
  return `${seconds} ${seconds === 1 ? "second" : "seconds"}`;
}

/** "left side, set 1 of 2, rep 2 of 3" (the parts that apply), to go inside a sentence. */
export function positionOf(step: PlanStep, item: PlanItem): string {
  const parts = [sideLabels[step.side]?.toLowerCase(), `set ${step.set} of ${item.sets}`];
  if (step.kind === "HOLD" || step.kind === "LEAD_IN" || (step.kind === "REST" && holdsAreTimed(item))) {
    parts.push(`rep ${step.rep} of ${item.reps}`);
  }
  return parts.filter(Boolean).join(", ");
}

/** ", holding each for 3 seconds" for a set the patient counts with a short hold, else nothing. */
export function pausePhrase(item: PlanItem): string {
  return item.holdSeconds > 0 ? `, holding each for ${secondsPhrase(item.holdSeconds)}` : "";
}

/** What the screen reader says a step asks for. */
export function instructionFor(step: PlanStep | undefined, item: PlanItem | undefined): string {
  if (!step || !item) return "All exercises done. Rate your pain and finish the session.";
  const name = item.exercise.name;
  switch (step.kind) {
    case "GET_READY":
      return `Next exercise: ${name}. Press Start exercise when you are in position.`;
    case "LEAD_IN":
      return `Get into position: ${name}, ${positionOf(step, item)}. The hold starts in ${secondsPhrase(step.seconds)}.`;
    case "HOLD":
      return `Hold for ${secondsPhrase(step.seconds)}. ${name}, ${positionOf(step, item)}.`;
    case "REPS":
      return `Do ${step.reps} repetitions of ${name}${pausePhrase(item)}, ${positionOf(step, item)}, then press I've done it.`;
    case "REST":
      return `Rest ${secondsPhrase(step.seconds)}.`;
    case "SWITCH_SIDES":
      return `Switch sides. ${name} on the ${step.side === "RIGHT" ? "right" : "left"} side next. Press Continue when ready.`;
  }
}

/** A rough length for the overview: countdowns plus a little time for screens without one. */
export function estimatedMinutes(steps: readonly PlanStep[]): number {
  const seconds = steps.reduce((total, step) => {
    if (step.seconds > 0) return total + step.seconds;
    if (step.kind === "REPS") return total + step.reps * 3;
    return total + 15;
  }, 0);
  return Math.max(1, Math.round(seconds / 60));
}
