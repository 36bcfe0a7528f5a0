"use client";

import { useActionState, useEffect } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { proveSecondFactorAction } from "@/lib/actions/two-factor";

export function TwoFactorForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction] = useActionState(proveSecondFactorAction, initialActionState);
  const next = state.ok ? state.result?.next : undefined;
  useEffect(() => {
    // A full page load with the new session cookie (see lib/actions/two-factor.ts).
    if (next?.startsWith("/")) window.location.assign(next);
  }, [next]);
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
