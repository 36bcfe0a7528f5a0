"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { setWeeklyTargetAction } from "@/lib/actions/progress";
import { weeklyTargetLimits } from "@/lib/domain/adherence";
import { defaultWeeklyTargetPercent } from "@/lib/domain/clinical-thresholds";

/** The physiotherapist's setting for when this patient's week counts as "on target". */
export function WeeklyTargetForm({ patientId, current }: { patientId: string; current: number }) {
  const [state, formAction] = useActionState(setWeeklyTargetAction, initialActionState);
  const errors = state.errors?.weeklyTargetPercent;
  return (
    <form action={formAction} className="max-w-xl space-y-2" noValidate>
      <input type="hidden" name="patientId" value={patientId} />
      <Field
        name="weeklyTargetPercent"
        label="Weekly target (% of due days with a session)"
        type="number"
        inputMode="numeric"
        min={weeklyTargetLimits.min}
        max={weeklyTargetLimits.max}
        step={1}
        defaultValue={state.values?.weeklyTargetPercent ?? String(current)}
        key={state.ok ? `saved-${current}` : "draft"}
        errors={errors}
        hint={`The app's default is ${defaultWeeklyTargetPercent}%: all 3 days of a 3-day routine, 4 of 5 on a 5-day one. Between ${weeklyTargetLimits.min} and ${weeklyTargetLimits.max}.`}
      />
      <FormMessage ok={state.ok} message={errors ? undefined : state.message} />
      <SubmitButton pendingLabel="Saving…">Save target</SubmitButton>
    </form>
  );
}
