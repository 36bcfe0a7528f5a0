"use client";

import { type FormEvent, useActionState, useEffect, useRef, useState } from "react";
import { checkBeforeQueueing, queuedState, useOfflineOwner } from "@/components/offline/offline-queue";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { PainRatingNote } from "@/components/safety/pain-rating-note";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import type { ActionState } from "@/lib/actions/action-state";
import { initialActionState } from "@/lib/actions/action-state";
import { checkInAction } from "@/lib/actions/logs";
import { enqueue } from "@/lib/offline/queue";
import { limits, painRegionLabels, painRegions } from "@/lib/validation/fields";
import { checkInSchema } from "@/lib/validation/logs";
import { PainRatingScale } from "./pain-rating-scale";
import { SavedPainAdvice } from "./saved-pain-advice";

/**
 * The daily pain check-in: a plain form, so it also works before JavaScript loads. Rating one area
 * and pressing Save is enough (two clicks from Today). After a success React resets the form to
 * "not rated"; after an error the submitted values come back as the defaults.
 */
export function PainCheckIn({ requestId: initialRequestId }: { requestId: string }) {
  const [serverState, formAction] = useActionState(checkInAction, initialActionState);
  // Without a connection the check-in waits in the offline queue (the plain form stays, so it
  // still works before JavaScript loads); the newest answer, server's or queue's, is shown.
  const ownerId = useOfflineOwner();
  const [queued, setQueued] = useState<{ state: ActionState; after: ActionState } | null>(null);
  const state = queued && queued.after === serverState ? queued.state : serverState;
  const requestId = useRequestId(initialRequestId, state);
  const queueIfOffline = (event: FormEvent<HTMLFormElement>) => {
    if (!ownerId || navigator.onLine) return;
    event.preventDefault();
    const form = event.currentTarget;
    const payload: Record<string, unknown> = {};
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && !key.startsWith("$")) payload[key] = value;
    }
    const refused = checkBeforeQueueing(checkInSchema(), payload);
    if (refused) {
      setQueued({ state: { ...refused, values: payload as Record<string, string> }, after: serverState });
      return;
    }
    void enqueue(ownerId, "check-in", payload).then(() => {
      form.reset();
      setQueued({ state: queuedState(), after: serverState });
    });
  };
  useRefreshAfterWrite(state);
  const values = state.ok ? undefined : state.values;
  const formErrors = [...(state.errors?.clientRequestId ?? []), ...(state.errors?.recordedAt ?? [])];
  const sectionRef = useRef<HTMLElement>(null);
  const previousState = useRef(state);
  useEffect(() => {
    if (state === previousState.current) return;
    previousState.current = state;
    // The submit button is disabled while saving, which drops focus to the page body: bring it
    // back to the check-in (its heading once saved, the first field in error otherwise).
    const section = sectionRef.current;
    const target = state.ok
      ? section?.querySelector<HTMLElement>("#check-in-heading")
      : section?.querySelector<HTMLElement>('[aria-invalid="true"]');
    target?.focus();
  }, [state]);
  return (
    <section
      ref={sectionRef}
      aria-labelledby="check-in-heading"
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-4"
    >
      <div>
        <h2 id="check-in-heading" tabIndex={-1} className="text-lg font-semibold">
          Pain check-in
        </h2>
        <p id="check-in-hint" className="text-sm text-slate-700">
          How much does it hurt right now? 0 is no pain, 10 the worst pain you can imagine. Rating one area is
          enough.
        </p>
        <PainRatingNote />
      </div>
      <form
        action={formAction}
        onSubmit={queueIfOffline}
        className="space-y-4"
        noValidate
        aria-describedby="check-in-hint"
      >
        <input type="hidden" name="clientRequestId" value={requestId} />
        {painRegions.map((region) => (
          <PainRatingScale
            key={region}
            name={region}
            idPrefix={`check-in-${region}`}
            legend={painRegionLabels[region]}
            defaultChecked={values?.[region] ?? ""}
            allowNotRated
            errors={state.errors?.[region]}
          />
        ))}
        <div>
          <label htmlFor="check-in-note" className="mb-1 block text-sm font-medium text-slate-800">
            Note (optional)
          </label>
          <textarea
            id="check-in-note"
            name="note"
            rows={2}
            maxLength={limits.notes}
            defaultValue={values?.note ?? ""}
            aria-invalid={state.errors?.note ? true : undefined}
            aria-describedby={state.errors?.note ? "check-in-note-error" : undefined}
            className={inputClasses}
          />
          <FieldErrors id="check-in-note-error" errors={state.errors?.note} />
        </div>
        <FieldErrors id="check-in-form-error" errors={formErrors} />
        <SubmitButton pendingLabel="Saving…">Save check-in</SubmitButton>
        <FormMessage ok={state.ok} message={state.message} />
        <div aria-live="polite">
          {state.ok ? (
            <SavedPainAdvice reasons={state.painAdvice} adviceShownAt="pain-advice-heading" />
          ) : null}
        </div>
      </form>
    </section>
  );
}
