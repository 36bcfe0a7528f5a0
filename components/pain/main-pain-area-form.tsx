"use client";

import { useActionState } from "react";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { setMainPainAreaAction } from "@/lib/actions/logs";
import { type PainRegion, painRegionLabels, painRegions } from "@/lib/validation/fields";

/** The area a session's pain ratings are about unless the patient picks another. */
export function MainPainAreaForm({ current }: { current: PainRegion | null }) {
  const [state, formAction] = useActionState(setMainPainAreaAction, initialActionState);
  const errors = state.errors?.mainPainArea;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <div>
        <label htmlFor="field-mainPainArea" className="mb-1 block text-sm font-medium text-slate-800">
          Main pain area
        </label>
        <select
          id="field-mainPainArea"
          name="mainPainArea"
          defaultValue={current ?? ""}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? "field-mainPainArea-error" : "field-mainPainArea-hint"}
          className={inputClasses}
        >
          <option value="">Not set</option>
          {painRegions.map((region) => (
            <option key={region} value={region}>
              {painRegionLabels[region]}
            </option>
          ))}
        </select>
        <p id="field-mainPainArea-hint" className="mt-1 text-sm text-slate-600">
          Pain you rate before and after a session is about this area unless you choose another.
        </p>
        <FieldErrors id="field-mainPainArea-error" errors={errors} />
      </div>
      <SubmitButton pendingLabel="Saving…">Save main area</SubmitButton>
    </form>
  );
}
