"use client";

import { useActionState } from "react";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { addClinicalNoteAction } from "@/lib/actions/care";

export function ClinicalNoteForm({
  patientId,
  requestId: initialRequestId,
}: {
  patientId: string;
  requestId: string;
}) {
  const [state, formAction] = useActionState(addClinicalNoteAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  const errors = state.errors?.body;
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="clientRequestId" value={requestId} />
      <input type="hidden" name="patientId" value={patientId} />
      <label htmlFor="note-body" className="block text-sm font-medium text-slate-800">
        New note
      </label>
      <textarea
        id="note-body"
        name="body"
        rows={5}
        maxLength={5000}
        className={inputClasses}
        defaultValue={state.ok ? "" : state.values?.body}
        key={state.ok ? requestId : "draft"}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? "note-body-error" : "note-body-hint"}
      />
      <p id="note-body-hint" className="text-sm text-slate-600">
        Only you can read your notes. The patient and other physiotherapists cannot.
      </p>
      <FieldErrors id="note-body-error" errors={errors} />
      <FormMessage ok={state.ok} message={errors ? undefined : state.message} />
      <SubmitButton pendingLabel="Saving…">Save note</SubmitButton>
    </form>
  );
}
