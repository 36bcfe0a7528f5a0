"use client";

import { useActionState } from "react";
import { SignOutOfflineNotice } from "@/components/offline/sign-out-offline-notice";
import { useForgetBeforeSignOut } from "@/components/offline/use-forget-before-sign-out";
import { type ActionState, initialActionState } from "@/lib/actions/action-state";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";

/** A one-button form bound to a server action, showing the action's answer next to it. */
export function ActionButton({
  action,
  label,
  pendingLabel,
  variant = "secondary",
  fields = {},
  accessibleLabel,
  signsOut = false,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** Hidden inputs sent with the click: which item the action is about. */
  fields?: Record<string, string>;
  /** A fuller name for screen readers when several such buttons share a label ("End link with Sam"). */
  accessibleLabel?: string;
  /** The action signs out: the offline queue on this device is deleted first. */
  signsOut?: boolean;
}) {
  const [state, formAction] = useActionState(action, initialActionState);
  const forgetFirst = useForgetBeforeSignOut();
  return (
    <form action={formAction} onSubmit={signsOut ? forgetFirst.onSubmit : undefined} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
        {accessibleLabel ? <span className="sr-only"> {accessibleLabel}</span> : null}
      </SubmitButton>
      <FormMessage ok={state.ok} message={state.message} />
      <SignOutOfflineNotice shown={signsOut === true && forgetFirst.refusedOffline} />
    </form>
  );
}
