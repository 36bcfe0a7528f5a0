"use client";

import { useActionState, useId } from "react";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";

/** One message box of a session's thread: a new comment or reply, or an edit of one's own message. */
export function ThreadMessageForm({
  action,
  fields,
  label,
  submitLabel,
  defaultBody = "",
  requestId: initialRequestId,
  describedBy,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Hidden inputs: whose thread and which session or message. */
  fields: Record<string, string>;
  label: string;
  submitLabel: string;
  defaultBody?: string;
  requestId: string;
  /** The id of a note about the box (that nobody watches messages for urgent problems). */
  describedBy?: string;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  const id = useId();
  const errors = state.errors?.body;
  const described = [describedBy, errors?.length ? `${id}-error` : undefined].filter(Boolean).join(" ");
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <input type="hidden" name="clientRequestId" value={requestId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        name="body"
        rows={3}
        maxLength={2000}
        className={inputClasses}
        defaultValue={state.ok ? defaultBody : (state.values?.body ?? defaultBody)}
        key={state.ok ? requestId : "draft"}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={described || undefined}
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
      <FormMessage ok={state.ok} message={errors ? undefined : state.message} />
      <SubmitButton variant="secondary" pendingLabel="Sending…">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
