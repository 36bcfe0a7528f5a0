"use client";

import { useActionState } from "react";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

/** A one-button form bound to a server action, showing the action's answer next to it. */
export function ActionButton({
  action,
  label,
  pendingLabel,
  variant = "secondary",
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className="space-y-2">
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
