"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { proveSecondFactorAction } from "@/lib/actions/two-factor";

export function TwoFactorForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction] = useActionState(proveSecondFactorAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field
        name="code"
        label="Code"
        autoComplete="one-time-code"
        inputMode="text"
        required
        hint="The 6 digits your authenticator app shows now, or one of your recovery codes."
        errors={state.errors?.code}
      />
      <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
    </form>
  );
}
