"use client";

import { useActionState } from "react";
import { Field, FieldErrors } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { deleteAccountAction } from "@/lib/actions/erasure";

/** The danger section's form: password, the second-factor code when enrolled, and a confirmation. */
export function DeleteAccountForm({ needsCode }: { needsCode: boolean }) {
  const [state, formAction] = useActionState(deleteAccountAction, initialActionState);
  const confirmErrors = state.errors?.confirm;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field
        name="password"
        label="Your password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
      />
      {needsCode ? (
        <Field
          name="code"
          label="Code from your authenticator app"
          inputMode="text"
          autoComplete="one-time-code"
          required
          hint="The 6 digits your app shows now, or one of your recovery codes."
          errors={state.errors?.code}
        />
      ) : null}
      <div>
        <div className="flex items-start gap-3">
          <input
            id="field-confirm"
            type="checkbox"
            name="confirm"
            value="yes"
            className="mt-1 size-5 shrink-0"
            aria-invalid={confirmErrors?.length ? true : undefined}
            aria-describedby={confirmErrors?.length ? "field-confirm-error" : undefined}
          />
          <label htmlFor="field-confirm" className="text-sm text-slate-800">
            I understand that my account and my data will be deleted for good, and cannot be brought back.
          </label>
        </div>
        <FieldErrors id="field-confirm-error" errors={confirmErrors} />
      </div>
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}
