import Image from "next/image";
import type { Ref } from "react";
import { Button } from "@/components/ui/button";
import type { PlanItem, PlanStep } from "@/lib/domain/session-plan";
import { GuidedCountdown } from "./guided-countdown";
import { positionOf, secondsPhrase, sideLabels } from "./guided-text";

const bigButton = "min-h-14 w-full text-lg";

export type GuidedStepHandlers = {
  onTogglePause: () => void;
  onSkip: () => void;
  onComplete: () => void;
  onSkipExercise: () => void;
  /** Asks before leaving the session (see LeaveSessionDialog). */
  onLeave: () => void;
};

const countdownLabels = { HOLD: "Hold", REST: "Rest", LEAD_IN: "Starts in" } as const;
const skipLabels = { HOLD: "Skip hold", REST: "Skip rest", LEAD_IN: "Skip to hold" } as const;
const tones = { HOLD: "hold", REST: "rest", LEAD_IN: "lead-in" } as const;

/** One screen of the guided session: what to do now, how long is left, and what to press. */
export function GuidedStep({
  step,
  item,
  itemCount,
  stepNumber,
  stepCount,
  remainingMs,
  paused,
  headingRef,
  handlers,
}: {
  step: PlanStep;
  item: PlanItem;
  itemCount: number;
  stepNumber: number;
  stepCount: number;
  remainingMs: number;
  paused: boolean;
  headingRef: Ref<HTMLHeadingElement>;
  handlers: GuidedStepHandlers;
}) {
  const { exercise } = item;
  const side = sideLabels[step.side];
  const timed = step.seconds > 0;
  const heading =
    step.kind === "REST" ? "Rest" : step.kind === "SWITCH_SIDES" ? "Switch sides" : exercise.name;
  const percent = Math.round(((stepNumber - 1) / Math.max(1, stepCount)) * 100);
  const countdownKind =
    step.kind === "HOLD" || step.kind === "REST" || step.kind === "LEAD_IN" ? step.kind : null;

  return (
    <section aria-labelledby="guided-step-heading" className="space-y-3">
      <div className="space-y-1">
        <div className="flex items-center justify-between gap-3 text-sm font-medium text-slate-700">
          <p className="flex flex-wrap gap-x-3">
            <span>
              Exercise {step.itemIndex + 1} of {itemCount}
            </span>
            <span>
              Step {stepNumber} of {stepCount}
            </span>
          </p>
          <Button variant="secondary" className="min-h-11 shrink-0 px-3" onClick={handlers.onLeave}>
            Leave session
          </Button>
        </div>
        <div
          role="progressbar"
          aria-label="Session progress"
          aria-valuemin={0}
          aria-valuemax={stepCount}
          aria-valuenow={stepNumber - 1}
          aria-valuetext={`${percent}% done`}
          className="h-2 overflow-hidden rounded-full bg-slate-200"
        >
          <div className="h-full rounded-full bg-brand-700" style={{ width: `${percent}%` }} />
        </div>
      </div>

      <header className="space-y-2 text-center">
        {step.kind === "GET_READY" ? (
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">Get ready</p>
        ) : null}
        {step.kind === "LEAD_IN" ? (
          <p className="text-sm font-semibold uppercase tracking-wide text-amber-800">Get into position</p>
        ) : null}
        {step.kind === "REST" || step.kind === "SWITCH_SIDES" ? (
          <p className="text-sm font-semibold uppercase tracking-wide text-slate-700">{exercise.name}</p>
        ) : null}
        <h2
          id="guided-step-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-3xl font-bold text-slate-900 focus:outline-none focus-visible:outline-3"
        >
          {heading}
        </h2>
        <StepFacts step={step} item={item} side={side} />
      </header>

      {step.kind === "REST" || step.kind === "SWITCH_SIDES" ? <StepNote step={step} item={item} /> : null}

      {step.kind !== "REST" ? (
        <Image
          src={exercise.illustration}
          alt=""
          width={240}
          height={160}
          unoptimized
          // On a short screen a countdown's picture gives way, so Pause and Skip stay in view.
          className={`mx-auto h-auto w-full rounded-xl border border-slate-200 bg-white ${timed ? "max-w-44 [@media(max-height:760px)]:hidden" : "max-w-72"}`}
        />
      ) : null}

      {timed && countdownKind ? (
        <GuidedCountdown
          label={countdownLabels[countdownKind]}
          remainingMs={remainingMs}
          totalMs={step.seconds * 1000}
          paused={paused}
          tone={tones[countdownKind]}
        />
      ) : null}

      {step.kind === "REPS" ? (
        <p className="text-center text-2xl font-semibold text-slate-900">
          Do {step.reps} {step.reps === 1 ? "repetition" : "repetitions"}
          {item.holdSeconds > 0 ? (
            <span className="block text-lg font-normal text-slate-700">
              holding each for {secondsPhrase(item.holdSeconds)}
            </span>
          ) : null}
        </p>
      ) : null}

      <div className="grid gap-3">
        {timed ? (
          <div className="grid grid-cols-2 gap-3">
            <Button
              variant={paused ? "primary" : "secondary"}
              className={bigButton}
              onClick={handlers.onTogglePause}
            >
              {paused ? "Resume" : "Pause"}
            </Button>
            <Button variant="secondary" className={bigButton} onClick={handlers.onSkip}>
              {countdownKind ? skipLabels[countdownKind] : "Skip"}
            </Button>
          </div>
        ) : null}
        {step.kind === "REPS" ? (
          <div className="grid grid-cols-2 gap-3">
            <Button className={bigButton} onClick={handlers.onComplete}>
              I've done it
            </Button>
            <Button variant="secondary" className={bigButton} onClick={handlers.onSkip}>
              Skip set
            </Button>
          </div>
        ) : null}
        {step.kind === "GET_READY" ? (
          <Button className={bigButton} onClick={handlers.onComplete}>
            Start exercise
          </Button>
        ) : null}
        {step.kind === "SWITCH_SIDES" ? (
          <Button className={bigButton} onClick={handlers.onComplete}>
            Continue
          </Button>
        ) : null}
        <Button variant="ghost" className="mx-auto underline" onClick={handlers.onSkipExercise}>
          Skip {step.kind === "GET_READY" ? "this exercise" : "the rest of this exercise"}
        </Button>
      </div>

      {exercise.steps.length > 0 ? (
        <details
          open={step.kind === "GET_READY"}
          className="rounded-xl border border-slate-200 bg-white p-4 [&_summary]:cursor-pointer"
        >
          <summary className="min-h-11 content-center font-semibold text-slate-900">How to do it</summary>
          <ol className="mt-2 list-decimal space-y-2 pl-5 text-slate-800">
            {exercise.steps.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function StepFacts({ step, item, side }: { step: PlanStep; item: PlanItem; side: string | null }) {
  if (step.kind === "REST" || step.kind === "SWITCH_SIDES") return null;
  const facts =
    step.kind === "LEAD_IN"
      ? [side, `${item.reps} × ${secondsPhrase(item.holdSeconds)} ${item.reps === 1 ? "hold" : "holds"}`]
      : step.kind === "GET_READY"
        ? [
            item.perSide ? "Each side" : null,
            `${item.sets} ${item.sets === 1 ? "set" : "sets"}`,
            item.holdSeconds > 0
              ? `${item.reps} × ${secondsPhrase(item.holdSeconds)} ${item.reps === 1 ? "hold" : "holds"}`
              : `${item.reps} ${item.reps === 1 ? "repetition" : "repetitions"}`,
          ]
        : [
            side,
            `Set ${step.set} of ${item.sets}`,
            step.kind === "HOLD" ? `Rep ${step.rep} of ${item.reps}` : null,
          ];
  return (
    <ul className="flex flex-wrap justify-center gap-2">
      {facts.filter(Boolean).map((fact) => (
        <li
          key={fact}
          className={`rounded-full px-3 py-1 text-base font-semibold ${fact === side ? "bg-brand-700 text-white" : "bg-slate-200 text-slate-900"}`}
        >
          {fact}
        </li>
      ))}
    </ul>
  );
}

function StepNote({ step, item }: { step: PlanStep; item: PlanItem }) {
  if (step.kind === "SWITCH_SIDES") {
    return (
      <p className="text-center text-lg text-slate-800">
        Well done. Now do the same on your{" "}
        <strong className="font-semibold">{step.side === "RIGHT" ? "right" : "left"} side</strong>. Press
        Continue when you are in position.
      </p>
    );
  }
  return (
    <p className="text-center text-lg text-slate-800">
      Breathe and relax. Up next: <strong className="font-semibold">{positionOf(step, item)}</strong>.
    </p>
  );
}
