"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import {
  changeEmailAction,
  confirmEmailAction,
  forgotPasswordAction,
  resetPasswordAction,
  sendVerificationAction,
} from "@/lib/actions/auth";

/** /verify-email: one click spends the link (a mail scanner that opens links spends nothing). */
export function ConfirmEmailForm({ token, callbackUrl }: { token: string; callbackUrl?: string }) {
  const [state, formAction] = useActionState(confirmEmailAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="token" value={token} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <SubmitButton pendingLabel="Confirming…">Confirm my e-mail address</SubmitButton>
    </form>
  );
}

export function ForgotPasswordForm() {
  const [state, formAction] = useActionState(forgotPasswordAction, initialActionState);
  if (state.ok) {
    return (
      <p role="status" className="rounded-lg border border-brand-600 bg-brand-50 px-3 py-2">
        {state.message}
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={state.errors?.email}
      />
      <SubmitButton pendingLabel="Sending…">Send me a link</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(resetPasswordAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <input type="hidden" name="token" value={token} />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="8 to 128 characters; common passwords are refused."
        errors={state.errors?.newPassword}
      />
      <Field
        name="confirmPassword"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        errors={state.errors?.confirmPassword}
      />
      <SubmitButton pendingLabel="Saving…">Save the new password</SubmitButton>
    </form>
  );
}

export function SendVerificationForm() {
  const [state, formAction] = useActionState(sendVerificationAction, initialActionState);
  return (
    <form action={formAction} className="space-y-2" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <SubmitButton pendingLabel="Sending…">Send verification e-mail</SubmitButton>
    </form>
  );
}

export function ChangeEmailForm() {
  const [state, formAction] = useActionState(changeEmailAction, initialActionState);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field
        name="newEmail"
        label="New e-mail address"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.ok ? "" : state.values?.newEmail}
        errors={state.errors?.newEmail}
        key={state.ok ? "sent" : "form"}
      />
      <Field
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.errors?.currentPassword}
      />
      <SubmitButton pendingLabel="Sending…">Change e-mail address</SubmitButton>
    </form>
  );
}
