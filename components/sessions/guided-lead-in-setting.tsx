"use client";

import { useActionState } from "react";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { setGuidedLeadInAction } from "@/lib/actions/logs";
import { guidedLeadInLimits } from "@/lib/validation/logs";

/**
 * The patient's "get into position" time before holds, on the screen before a session starts (a
 * session already under way keeps the plan it started with). `onSaved` hands the saved value to
 * the player, which rebuilds its plan with it.
 */
export function GuidedLeadInSetting({
  seconds,
  onSaved,
}: {
  seconds: number;
  onSaved: (seconds: number) => void;
}) {
  const [state, formAction] = useActionState(
    async (previous: ActionState, formData: FormData): Promise<ActionState> => {
      const result = await setGuidedLeadInAction(previous, formData);
      if (result.ok) onSaved(Number(formData.get("leadInSeconds")));
      return result;
    },
    initialActionState,
  );
  const errors = state.errors?.leadInSeconds;
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 [&_summary]:cursor-pointer">
      <summary className="min-h-11 content-center font-semibold text-slate-900">
        Time to get into position: {seconds === 0 ? "off" : `${seconds} seconds`}
      </summary>
      <form action={formAction} className="mt-3 space-y-3" noValidate>
        <FormMessage ok={state.ok} message={state.message} />
        <div>
          <label htmlFor="field-leadInSeconds" className="mb-1 block font-medium text-slate-800">
            Seconds before the first hold of each exercise and side
          </label>
          <input
            id="field-leadInSeconds"
            name="leadInSeconds"
            type="number"
            inputMode="numeric"
            min={guidedLeadInLimits.min}
            max={guidedLeadInLimits.max}
            step={1}
            defaultValue={state.values?.leadInSeconds ?? seconds}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={errors?.length ? "field-leadInSeconds-error" : "field-leadInSeconds-hint"}
            className={`${inputClasses} max-w-32`}
          />
          <p id="field-leadInSeconds-hint" className="mt-1 text-sm text-slate-600">
            A countdown to get down on the floor or into position before the hold starts. From{" "}
            {guidedLeadInLimits.min} (off) to {guidedLeadInLimits.max} seconds; you can also skip it each
            time.
          </p>
          <FieldErrors id="field-leadInSeconds-error" errors={errors} />
        </div>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save
        </SubmitButton>
      </form>
    </details>
  );
}
