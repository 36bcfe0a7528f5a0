"use client";

import { useActionState, useId } from "react";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { addSessionCommentAction } from "@/lib/actions/care";

/** A physiotherapist's comment on one session; the patient sees it under the session. */
export function CommentForm({
  patientId,
  sessionId,
  description,
  requestId: initialRequestId,
}: {
  patientId: string;
  sessionId: string;
  description: string;
  requestId: string;
}) {
  const [state, formAction] = useActionState(addSessionCommentAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  const id = useId();
  const errors = state.errors?.body;
  return (
    <details className="rounded-lg border border-slate-200">
      <summary className="flex min-h-11 cursor-pointer items-center px-3 text-sm font-semibold text-brand-800">
        Comment<span className="sr-only"> on the {description}</span>
      </summary>
      <form action={formAction} className="space-y-2 border-t border-slate-200 p-3" noValidate>
        <input type="hidden" name="clientRequestId" value={requestId} />
        <input type="hidden" name="patientId" value={patientId} />
        <input type="hidden" name="sessionId" value={sessionId} />
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Comment for the patient
        </label>
        <textarea
          id={id}
          name="body"
          rows={3}
          maxLength={2000}
          className={inputClasses}
          defaultValue={state.ok ? "" : state.values?.body}
          key={state.ok ? requestId : "draft"}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
        />
        <FieldErrors id={`${id}-error`} errors={errors} />
        <FormMessage ok={state.ok} message={errors ? undefined : state.message} />
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save comment
        </SubmitButton>
      </form>
    </details>
  );
}
