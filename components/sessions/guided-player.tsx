"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { formatDose } from "@/components/exercises/format-dose";
import { PainAdvice } from "@/components/safety/pain-advice";
import { PainRatingNote } from "@/components/safety/pain-rating-note";
import { Button, buttonClasses } from "@/components/ui/button";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { initialActionState } from "@/lib/actions/action-state";
import { discardGuidedDraftAction, saveGuidedDraftAction } from "@/lib/actions/logs";
import { severePainRating } from "@/lib/domain/clinical-thresholds";
import { parsePlayerState, serialisePlayerState } from "@/lib/domain/session-draft";
import { assembleEntries, buildSteps, type PlanItem, planKey } from "@/lib/domain/session-plan";
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
} from "@/lib/domain/session-player";
import { formatDateTime } from "@/lib/format";
import { type PainRegion, painRegionLabels, painRegions } from "@/lib/validation/fields";
import { useBeep, useKeepSignedIn, useWakeLock } from "./guided-device";
import { GuidedFinish } from "./guided-finish";
import { GuidedLeadInSetting } from "./guided-lead-in-setting";
import { GuidedPainScale } from "./guided-pain-scale";
import { GuidedStep } from "./guided-step";
import { estimatedMinutes, instructionFor } from "./guided-text";
import { LeaveSessionDialog } from "./leave-session-dialog";

// Keys that belong to the focused control, so Space there must not also pause the session.
const interactiveSelector =
  "input, textarea, select, button, a[href], summary, [contenteditable]:not([contenteditable='false'])";

type Timed<A> = A extends { now: number } ? Omit<A, "now"> : A;

/**
 * The guided session: pain before, each step with its countdown, pain after, finish. The player's
 * state is saved on the server after every step (never in browser storage), so a reload resumes.
 */
export function GuidedPlayer({
  items,
  draft,
  requestId,
  timeZone,
  mainPainArea = null,
  leadInSeconds = 0,
}: {
  items: PlanItem[];
  draft: { state: string } | null;
  requestId: string;
  timeZone: string;
  /** The area the session's ratings default to. */
  mainPainArea?: PainRegion | null;
  /** The patient's "get into position" countdown before holds (0 = none). */
  leadInSeconds?: number;
}) {
  // Changed on the screen before starting; a session under way keeps the plan it started with.
  const [leadIn, setLeadIn] = useState(leadInSeconds);
  const steps = useMemo(() => buildSteps(items, { leadInSeconds: leadIn }), [items, leadIn]);
  const key = useMemo(() => planKey(items, { leadInSeconds: leadIn }), [items, leadIn]);
  const restored = useMemo(
    () => (draft ? parsePlayerState(draft.state, steps, key) : null),
    [draft, steps, key],
  );
  const [offerResume, setOfferResume] = useState(restored !== null);
  const [state, dispatchAction] = useReducer(
    (current: PlayerState, action: PlayerAction) => reducePlayer(steps, current, action),
    restored ?? createPlayer(key),
  );
  const [now, setNow] = useState(() => Date.now());
  const [painBefore, setPainBefore] = useState<number | null>(null);
  const [painArea, setPainArea] = useState<string>(mainPainArea ?? "");
  // Starting at 7 or more asks first; the patient decides, the app changes nothing.
  const [confirmingHighPain, setConfirmingHighPain] = useState(false);
  const [areaMissing, setAreaMissing] = useState(false);
  const areaRef = useRef<HTMLSelectElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirmingHighPain) confirmRef.current?.focus();
  }, [confirmingHighPain]);
  const [announcement, setAnnouncement] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const beep = useBeep();
  // Leaving asks first; `resumeOnStay` remembers whether asking paused a running countdown.
  const [askingToLeave, setAskingToLeave] = useState(false);
  const resumeOnStay = useRef(false);

  const dispatch = useCallback((action: Timed<PlayerAction>) => {
    const at = Date.now();
    setNow(at);
    dispatchAction({ ...action, now: at } as PlayerAction);
  }, []);

  const step = offerResume ? undefined : currentStep(steps, state);
  const paused = isPaused(state);
  const running = step !== undefined && step.seconds > 0 && !paused;
  const canPause = step !== undefined && (step.seconds > 0 || paused);

  const inSession = state.stage === "STEPS" && !offerResume;
  useWakeLock(inSession);
  useKeepSignedIn(inSession && !paused);

  // Closing or reloading the tab mid-countdown asks first. A paused session has just been saved
  // (pausing saves the draft), so it can be left without a question and resumed later.
  useEffect(() => {
    if (!inSession || paused) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [inSession, paused]);

  // The browser's Back button asks the same question as "Leave session": while steps are on screen
  // a copy of this page's history entry sits on top, and going back to the original opens the
  // question and puts the copy back. Next's router sees the same page and keeps the player as it is.
  const askToLeaveRef = useRef<() => void>(() => {});
  useEffect(() => {
    if (!inSession) return;
    const guard = () => window.history.pushState(window.history.state, "", window.location.href);
    guard();
    const onPopState = () => {
      guard();
      askToLeaveRef.current();
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [inSession]);

  // Time is read from the clock on every tick; the tick only asks "has a countdown run out?".
  useEffect(() => {
    if (!running) return;
    const tick = () => {
      const at = Date.now();
      setNow(at);
      dispatchAction({ type: "tick", now: at });
    };
    tick();
    const timer = window.setInterval(tick, 250);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [running]);

  useEffect(() => {
    if (!canPause) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== " " || event.repeat || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target instanceof Element && event.target.closest(interactiveSelector)) return;
      event.preventDefault();
      dispatch({ type: "togglePause" });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [canPause, dispatch]);

  const announce = useCallback((text: string) => {
    // A trailing no-break space toggles so the same sentence twice is still announced.
    setAnnouncement((previous) => (previous.endsWith("\u00a0") ? text : `${text}\u00a0`));
  }, []);

  const previous = useRef(state);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (before === state) return;
    const moved = before.index !== state.index || before.stage !== state.stage;
    if (moved && state.stage !== "PAIN_BEFORE") {
      const finished = steps.slice(before.index, state.index).map((done, offset) => ({
        step: done,
        byTimer: done.seconds > 0 && state.outcomes[before.index + offset] === "c",
      }));
      const next = currentStep(steps, state);
      const instruction = instructionFor(next, next ? items[next.itemIndex] : undefined);
      const last = finished.at(-1);
      // The end of a hold and the end of a lead-in (the hold starting) sound the same beep.
      if (
        finished.some((done) => done.byTimer && (done.step.kind === "HOLD" || done.step.kind === "LEAD_IN"))
      )
        beep();
      if (last?.byTimer) {
        const ended =
          last.step.kind === "HOLD" ? "Hold complete." : last.step.kind === "LEAD_IN" ? "Go." : "Rest over.";
        announce(`${ended} ${instruction}`);
      } else {
        announce(instruction);
      }
    }
    const pausedNow = isPaused(state) && !isPaused(before);
    if (state.startedAt !== null && state.stage !== "PAIN_BEFORE" && (moved || pausedNow)) {
      // Fire and forget: a failed save only costs the ability to resume after a reload.
      saveGuidedDraftAction(initialActionState, {
        startedAt: new Date(state.startedAt).toISOString(),
        state: serialisePlayerState(steps, state, Date.now()),
      }).catch(() => {});
    }
  }, [state, steps, items, beep, announce]);

  // Each new screen (a new step, resuming, starting again) takes focus to its heading.
  const screenKey = offerResume ? "resume" : `${state.stage}:${state.index}`;
  const shownScreen = useRef(screenKey);
  useEffect(() => {
    if (shownScreen.current === screenKey) return;
    shownScreen.current = screenKey;
    headingRef.current?.focus();
  }, [screenKey]);

  const resume = () => {
    setOfferResume(false);
    dispatch({ type: "resume" });
  };
  const startAgain = () => {
    setOfferResume(false);
    setPainBefore(null);
    setConfirmingHighPain(false);
    dispatchAction({ type: "reset" });
    discardGuidedDraftAction(initialActionState, {}).catch(() => {});
  };

  const start = () =>
    dispatch({
      type: "start",
      painBefore,
      painArea: painArea === "" ? null : (painArea as PainRegion),
      // The plan as it is now, with a lead-in changed on this screen.
      planKey: key,
    });

  const askToLeave = () => {
    const step = currentStep(steps, state);
    resumeOnStay.current = step !== undefined && step.seconds > 0 && !isPaused(state);
    // Pausing also saves the session, so leaving keeps it for later.
    if (resumeOnStay.current) dispatch({ type: "pause" });
    setAskingToLeave(true);
  };
  askToLeaveRef.current = askToLeave;
  const stay = () => {
    setAskingToLeave(false);
    if (resumeOnStay.current) dispatch({ type: "resume" });
    resumeOnStay.current = false;
    headingRef.current?.focus();
  };
  // A rating must name its area; a rating of 7 or more asks before starting.
  const requestStart = () => {
    if (painBefore !== null && painArea === "") {
      setAreaMissing(true);
      areaRef.current?.focus();
    } else if (painBefore !== null && painBefore >= severePainRating) {
      setConfirmingHighPain(true);
    } else {
      start();
    }
  };

  let screen: React.ReactNode;
  if (offerResume && state.startedAt !== null) {
    screen = (
      <section aria-labelledby="guided-step-heading" className="space-y-4">
        <h2
          id="guided-step-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-2xl font-bold focus:outline-none focus-visible:outline-3"
        >
          Welcome back
        </h2>
        <p className="text-lg text-slate-800">
          You have an unfinished session from {formatDateTime(new Date(state.startedAt), timeZone)}.{" "}
          {state.stage === "PAIN_AFTER"
            ? "All its exercises are done; it only needs finishing."
            : `${state.index} of ${steps.length} steps are done.`}
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Button className="min-h-14 text-lg" onClick={resume}>
            Resume where you left off
          </Button>
          <Button variant="secondary" className="min-h-14 text-lg" onClick={startAgain}>
            Start again
          </Button>
        </div>
      </section>
    );
  } else if (state.stage === "PAIN_BEFORE") {
    screen = (
      <section aria-labelledby="guided-step-heading" className="space-y-6">
        <div className="space-y-1">
          <h2
            id="guided-step-heading"
            ref={headingRef}
            tabIndex={-1}
            className="text-2xl font-bold focus:outline-none focus-visible:outline-3"
          >
            Before you start
          </h2>
          {draft && !restored ? (
            <p className="text-sm text-slate-700">
              Your routine has changed since your unfinished session, so this one starts afresh.
            </p>
          ) : null}
        </div>
        <GuidedPainScale
          name="painBefore"
          legend="How much pain do you feel right now?"
          hint="Optional. 0 is no pain, 10 is the worst pain you can imagine."
          value={painBefore}
          onChange={(value) => {
            setPainBefore(value);
            setConfirmingHighPain(false);
          }}
        />
        <PainRatingNote newTab />
        <div>
          <label htmlFor="guided-pain-area" className="mb-1 block text-lg font-semibold text-slate-900">
            Area your ratings are about
          </label>
          <select
            id="guided-pain-area"
            ref={areaRef}
            value={painArea}
            onChange={(event) => {
              setPainArea(event.target.value);
              setAreaMissing(false);
            }}
            aria-invalid={areaMissing ? true : undefined}
            aria-describedby={areaMissing ? "guided-pain-area-error" : undefined}
            className={inputClasses}
          >
            <option value="">Choose an area</option>
            {painRegions.map((region) => (
              <option key={region} value={region}>
                {painRegionLabels[region]}
              </option>
            ))}
          </select>
          <FieldErrors
            id="guided-pain-area-error"
            errors={areaMissing ? ["Choose the area your pain rating is about."] : undefined}
          />
        </div>
        <section aria-labelledby="guided-plan-heading" className="space-y-2">
          <h3 id="guided-plan-heading" className="text-lg font-semibold">
            {items.length} {items.length === 1 ? "exercise" : "exercises"}, about {estimatedMinutes(steps)}{" "}
            minutes
          </h3>
          <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {items.map((item, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the routine may hold an exercise twice, and this list never reorders.
              <li key={`${item.exercise.id}-${index}`} className="px-4 py-3">
                <span className="font-semibold">{item.exercise.name}</span>
                <span className="block text-sm text-slate-700">{formatDose(item)}</span>
              </li>
            ))}
          </ol>
        </section>
        {confirmingHighPain ? (
          <div className="space-y-3">
            <p ref={confirmRef} tabIndex={-1} className="font-semibold focus:outline-none">
              You rated your pain {painBefore} out of 10. Do you want to start the session anyway?
            </p>
            <PainAdvice newTab />
            <div className="grid gap-3 sm:grid-cols-2">
              <Button className="min-h-14 text-lg" onClick={start}>
                Start anyway
              </Button>
              <Link href="/today" className={`${buttonClasses("secondary")} min-h-14 text-lg`}>
                Not now
              </Link>
            </div>
          </div>
        ) : (
          <Button className="min-h-14 w-full text-lg" onClick={requestStart}>
            Start session
          </Button>
        )}
        <GuidedLeadInSetting seconds={leadIn} onSaved={setLeadIn} />
      </section>
    );
  } else if (state.stage === "STEPS" && step) {
    const item = items[step.itemIndex];
    screen = item ? (
      <GuidedStep
        key={step.id}
        step={step}
        item={item}
        itemCount={items.length}
        stepNumber={state.index + 1}
        stepCount={steps.length}
        remainingMs={remainingMs(steps, state, now)}
        paused={paused}
        headingRef={headingRef}
        handlers={{
          onTogglePause: () => dispatch({ type: "togglePause" }),
          onSkip: () => dispatch({ type: "skip" }),
          onComplete: () => dispatch({ type: "complete" }),
          onSkipExercise: () => dispatch({ type: "skipExercise" }),
          onLeave: askToLeave,
        }}
      />
    ) : null;
  } else if (state.stage === "PAIN_AFTER" && state.startedAt !== null) {
    screen = (
      <GuidedFinish
        items={items}
        entries={assembleEntries(items, steps, completedStepIds(steps, state))}
        startedAt={state.startedAt}
        durationMinutes={sessionMinutes(state, now)}
        painBefore={state.painBefore}
        painArea={state.painArea ?? painArea}
        onPainAreaChange={setPainArea}
        skippedSteps={skippedStepCount(state)}
        requestId={requestId}
        headingRef={headingRef}
        onStartAgain={startAgain}
      />
    );
  }

  return (
    // While steps run, the site's menu and footer step aside (app/globals.css): nothing competes
    // with Pause and Skip, and no link invites leaving mid-session without asking.
    <div className="mx-auto max-w-xl" data-session-focus={inSession ? "" : undefined}>
      {screen}
      <LeaveSessionDialog open={askingToLeave && inSession} onStay={stay} leaveHref="/today" />
      <div aria-live="assertive" aria-atomic="true" className="sr-only">
        {announcement}
      </div>
    </div>
  );
}
