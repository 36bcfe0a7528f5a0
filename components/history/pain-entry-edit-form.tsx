"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState } from "react";
import { PainRatingScale } from "@/components/pain/pain-rating-scale";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { localToIso } from "@/components/sessions/session-form-model";
import { Button } from "@/components/ui/button";
import { Field, FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { editPainEntryAction } from "@/lib/actions/logs";
import { limits } from "@/lib/validation/fields";

/** Edits a pain entry's rating, time and note; the region and context stay as recorded. */
export function PainEntryEditForm({
  entry,
  requestId: initialRequestId,
  maxRecordedAt,
  timeZone,
}: {
  entry: { id: string; regionLabel: string; rating: number; recordedAt: string; note: string };
  requestId: string;
  /** "Now" as a datetime-local value in the patient's zone. */
  maxRecordedAt: string;
  /** The patient's time zone, in which the date and time field is filled in and read. */
  timeZone: string;
}) {
  const [state, dispatch, pending] = useActionState(editPainEntryAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  useRefreshAfterWrite(state);
  const [rating, setRating] = useState(String(entry.rating));
  const [recordedAt, setRecordedAt] = useState(entry.recordedAt);
  const [note, setNote] = useState(entry.note);
  const formRef = useRef<HTMLFormElement>(null);
  const previousState = useRef(state);
  const router = useRouter();

  useEffect(() => {
    if (state === previousState.current) return;
    previousState.current = state;
    // Saved: back to History, which confirms it.
    if (state.ok) router.push("/history?tab=pain&saved=pain");
    else formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, router]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    startTransition(() =>
      dispatch({
        clientRequestId: requestId,
        id: entry.id,
        rating,
        recordedAt: localToIso(recordedAt, timeZone),
        note,
      }),
    );
  }

  const errors = state.ok ? {} : (state.errors ?? {});
  const formErrors = [...(errors.clientRequestId ?? []), ...(errors.id ?? [])];
  return (
    <form ref={formRef} method="post" onSubmit={submit} noValidate className="space-y-5">
      <PainRatingScale
        name="rating"
        idPrefix="field-rating"
        legend={entry.regionLabel}
        checked={rating}
        onChange={setRating}
        errors={errors.rating}
      />
      <Field
        name="recordedAt"
        label="Date and time"
        type="datetime-local"
        required
        max={maxRecordedAt}
        value={recordedAt}
        onChange={(event) => setRecordedAt(event.target.value)}
        errors={errors.recordedAt}
      />
      <div>
        <label htmlFor="field-note" className="mb-1 block text-sm font-medium text-slate-800">
          Note (optional)
        </label>
        <textarea
          id="field-note"
          rows={3}
          maxLength={limits.notes}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? "field-note-error" : undefined}
          className={inputClasses}
        />
        <FieldErrors id="field-note-error" errors={errors.note} />
      </div>
      <FieldErrors id="field-form-error" errors={formErrors} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Saving…" : "Save changes"}
        </Button>
        <Link href="/history?tab=pain" className="min-h-11 content-center px-2">
          Back to history
        </Link>
      </div>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
