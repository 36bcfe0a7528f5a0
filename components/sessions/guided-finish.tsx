"use client";

import Link from "next/link";
import {
  type Ref,
  startTransition,
  useActionState,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { queueWhenOffline, useOfflineOwner } from "@/components/offline/offline-queue";
import { SavedPainAdvice } from "@/components/pain/saved-pain-advice";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { PainRatingNote } from "@/components/safety/pain-rating-note";
import { Button, buttonClasses } from "@/components/ui/button";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { finishGuidedSessionAction } from "@/lib/actions/logs";
import type { PainAdviceReason } from "@/lib/domain/pain-status";
import type { GuidedEntry, PlanItem } from "@/lib/domain/session-plan";
import { limits, painRegionLabels, painRegions } from "@/lib/validation/fields";
import { sessionSchema } from "@/lib/validation/logs";

// The server's own schema for a guided session, with its ten minutes' allowance for a fast clock.
const guidedSessionSchema = sessionSchema(() => new Date(Date.now() + 10 * 60_000));

import { GuidedPainScale } from "./guided-pain-scale";
import { sideLabels } from "./guided-text";

// Fields shown next to their own control; everything else is listed under the form.
const fieldsWithControls = ["painAfter", "notes"];

/** Pain after, an optional note, and Finish; then the done screen. */
export function GuidedFinish({
  items,
  entries,
  startedAt,
  durationMinutes,
  painBefore,
  painArea,
  onPainAreaChange,
  skippedSteps,
  requestId: initialRequestId,
  headingRef,
  onStartAgain,
}: {
  items: readonly PlanItem[];
  entries: GuidedEntry[];
  startedAt: number;
  durationMinutes: number;
  painBefore: number | null;
  painArea: string;
  onPainAreaChange: (area: string) => void;
  skippedSteps: number;
  requestId: string;
  headingRef: Ref<HTMLHeadingElement>;
  onStartAgain: () => void;
}) {
  // Without a connection the session waits in the offline queue and is sent when it returns.
  const ownerId = useOfflineOwner();
  const finishOrQueue = useMemo(
    () => queueWhenOffline(finishGuidedSessionAction, "session", ownerId, guidedSessionSchema),
    [ownerId],
  );
  const [result, finishAction, pending] = useActionState(finishOrQueue, initialActionState);
  const requestId = useRequestId(initialRequestId, result);
  useRefreshAfterWrite(result);
  const [painAfter, setPainAfter] = useState<number | null>(null);
  const [notes, setNotes] = useState("");
  const notesId = useId();
  // Asked here only when no area was chosen before the session (no rating then, or no main area).
  const [askArea] = useState(painArea === "");
  const names = new Map(items.map((item) => [item.exercise.id, item.exercise.name]));

  if (result.ok) {
    return (
      <GuidedDone
        message={result.message}
        painAdvice={result.painAdvice}
        queued={result.result?.queued === "true"}
      />
    );
  }

  const otherErrors = Object.entries(result.errors ?? {})
    .filter(([field]) => !fieldsWithControls.includes(field) && !(askArea && field === "painArea"))
    .flatMap(([, messages]) => messages ?? []);
  const finish = () => {
    startTransition(() =>
      finishAction({
        clientRequestId: requestId,
        startedAt: new Date(startedAt).toISOString(),
        durationMinutes,
        painBefore,
        painAfter,
        painArea,
        notes,
        entries,
      }),
    );
  };

  return (
    <section aria-labelledby="guided-step-heading" className="space-y-6">
      <div className="space-y-2">
        <h2
          id="guided-step-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-3xl font-bold text-slate-900 focus:outline-none focus-visible:outline-3"
        >
          All exercises done
        </h2>
        <p className="text-slate-700">
          About {durationMinutes} {durationMinutes === 1 ? "minute" : "minutes"} of exercise
          {skippedSteps > 0 ? `, ${skippedSteps} ${skippedSteps === 1 ? "step" : "steps"} skipped` : ""}.
        </p>
      </div>

      {entries.length === 0 ? (
        <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
          <p className="text-slate-800">
            You skipped every exercise, so there is nothing to save. That is fine: rest, and try again when
            you feel ready.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button onClick={onStartAgain}>Start again</Button>
            <Link href="/today" className={buttonClasses("secondary")}>
              Back to Today
            </Link>
          </div>
        </div>
      ) : (
        <>
          <section aria-labelledby="guided-summary-heading" className="space-y-2">
            <h3 id="guided-summary-heading" className="text-lg font-semibold">
              What you did
            </h3>
            <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
              {entries.map((entry) => (
                <li key={`${entry.exerciseId}-${entry.side}`} className="px-4 py-3">
                  <span className="font-semibold">{names.get(entry.exerciseId)}</span>
                  {sideLabels[entry.side] ? `, ${sideLabels[entry.side]?.toLowerCase()}` : ""}
                  <span className="block text-sm text-slate-700">
                    {entry.sets} {entry.sets === 1 ? "set" : "sets"} of {entry.reps}
                    {entry.holdSeconds > 0
                      ? ` × ${entry.holdSeconds} s`
                      : ` ${entry.reps === 1 ? "rep" : "reps"}`}
                  </span>
                </li>
              ))}
            </ul>
          </section>

          <GuidedPainScale
            name="painAfter"
            legend="How much pain do you feel now?"
            hint="Optional. 0 is no pain, 10 is the worst pain you can imagine."
            value={painAfter}
            onChange={setPainAfter}
            errors={result.errors?.painAfter}
          />
          {askArea ? (
            <div>
              <label htmlFor={`${notesId}-area`} className="mb-1 block text-lg font-semibold text-slate-900">
                Area your ratings are about
              </label>
              <select
                id={`${notesId}-area`}
                value={painArea}
                onChange={(event) => onPainAreaChange(event.target.value)}
                aria-invalid={result.errors?.painArea?.length ? true : undefined}
                aria-describedby={result.errors?.painArea?.length ? `${notesId}-area-error` : undefined}
                className={inputClasses}
              >
                <option value="">Choose an area</option>
                {painRegions.map((region) => (
                  <option key={region} value={region}>
                    {painRegionLabels[region]}
                  </option>
                ))}
              </select>
              <FieldErrors id={`${notesId}-area-error`} errors={result.errors?.painArea} />
            </div>
          ) : null}
          <PainRatingNote newTab />

          <div>
            <label htmlFor={notesId} className="mb-1 block text-lg font-semibold text-slate-900">
              Notes (optional)
            </label>
            <textarea
              id={notesId}
              name="notes"
              rows={3}
              maxLength={limits.notes}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              aria-invalid={result.errors?.notes?.length ? true : undefined}
              aria-describedby={result.errors?.notes?.length ? `${notesId}-error` : undefined}
              className={inputClasses}
            />
            <FieldErrors id={`${notesId}-error`} errors={result.errors?.notes} />
          </div>

          <FormMessage ok={result.ok} message={result.message} />
          {otherErrors.length > 0 ? (
            <ul className="space-y-1 text-sm text-red-700">
              {[...new Set(otherErrors)].map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}

          <Button
            className="min-h-14 w-full text-lg"
            onClick={finish}
            disabled={pending}
            aria-disabled={pending}
          >
            {pending ? "Saving…" : "Finish and save"}
          </Button>
        </>
      )}
    </section>
  );
}

function GuidedDone({
  message,
  painAdvice,
  queued,
}: {
  message?: string;
  painAdvice?: PainAdviceReason[];
  queued: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="guided-step-heading" className="space-y-6 text-center">
      <h2
        id="guided-step-heading"
        ref={headingRef}
        tabIndex={-1}
        className="text-3xl font-bold text-slate-900 focus:outline-none focus-visible:outline-3"
      >
        Session complete
      </h2>
      <p role="status" className="text-lg text-slate-800">
        {message ?? "Session saved. Well done."}
      </p>
      <SavedPainAdvice reasons={painAdvice} />
      <p className="text-slate-700">
        {queued
          ? "Once it is sent, you can look back on it, change it or delete it in your history."
          : "You can look back on it, change it or delete it in your history."}
      </p>
      <div className="mx-auto grid max-w-sm gap-3">
        <Link href="/history" className={`${buttonClasses("primary")} min-h-14 text-lg`}>
          See your history
        </Link>
        <Link href="/today" className={`${buttonClasses("secondary")} min-h-14 text-lg`}>
          Back to Today
        </Link>
      </div>
    </section>
  );
}
