"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { checkInviteCodeAction } from "@/lib/actions/care";
import { AnswerInvite } from "./answer-invite";
import { WhatSharingMeans } from "./what-sharing-means";

/**
 * A code read out by a physiotherapist, in two steps: first who is asking and what they would see,
 * then the patient's answer.
 */
export function InviteCodeForm() {
  const [state, formAction] = useActionState(checkInviteCodeAction, initialActionState);
  const found = state.ok ? state.result : undefined;
  if (found?.code && found.physioName) {
    return (
      <div className="space-y-4">
        <p role="status" className="font-medium">
          {found.physioName} invited you to share your exercise and pain records with them.
        </p>
        <WhatSharingMeans physioName={found.physioName} />
        <AnswerInvite reference={{ code: found.code }} />
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <Field
        name="code"
        label="Invitation code"
        hint="Eight letters and digits, like ABCD-2345. Capitals and the dash do not matter."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        defaultValue={state.values?.code}
        errors={state.errors?.code}
      />
      <FormMessage ok={state.ok} message={state.errors?.code ? undefined : state.message} />
      <SubmitButton variant="secondary" pendingLabel="Checking…">
        Check code
      </SubmitButton>
    </form>
  );
}
