"use client";

import { useActionState } from "react";
import { Field, FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { assignOutcomeAction } from "@/lib/actions/outcomes";
import { instruments } from "@/lib/instruments/index";

/** The physiotherapist schedules a questionnaire: once from a date, or every N weeks, optionally until a date. */
export function AssignOutcomeForm({
  patientId,
  today,
  requestId: initialRequestId,
}: {
  patientId: string;
  /** The patient's today, so the default date is theirs. */
  today: string;
  requestId: string;
}) {
  const [state, formAction] = useActionState(assignOutcomeAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  const errors = state.ok ? undefined : state.errors;
  return (
    <form action={formAction} className="max-w-xl space-y-3" noValidate key={requestId}>
      <input type="hidden" name="patientId" value={patientId} />
      <input type="hidden" name="clientRequestId" value={requestId} />
      <div>
        <label htmlFor="assign-instrument" className="mb-1 block text-sm font-medium text-slate-800">
          Questionnaire
        </label>
        <select
          id="assign-instrument"
          name="instrument"
          className={inputClasses}
          defaultValue={state.values?.instrument ?? "PSFS"}
          aria-invalid={errors?.instrument ? true : undefined}
        >
          {instruments.map((instrument) => (
            <option key={instrument.id} value={instrument.id}>
              {instrument.name}
              {instrument.atBaseline ? "" : " (follow-ups only)"}
            </option>
          ))}
        </select>
        <FieldErrors id="assign-instrument-error" errors={errors?.instrument} />
      </div>
      <Field
        name="firstDueDate"
        label="First due on (the patient's date)"
        type="date"
        defaultValue={state.values?.firstDueDate ?? today}
        errors={errors?.firstDueDate}
      />
      <Field
        name="everyWeeks"
        label="Then every … weeks (leave empty for once)"
        type="number"
        inputMode="numeric"
        min={1}
        max={52}
        defaultValue={state.values?.everyWeeks ?? ""}
        errors={errors?.everyWeeks}
      />
      <Field
        name="untilDate"
        label="Until (optional)"
        type="date"
        defaultValue={state.values?.untilDate ?? ""}
        errors={errors?.untilDate}
      />
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Scheduling…">Schedule</SubmitButton>
    </form>
  );
}
