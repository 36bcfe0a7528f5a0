"use client";

import { useActionState, useEffect, useState } from "react";
import { Field, FieldErrors } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { signUpAction } from "@/lib/actions/auth";

export function SignUpForm({
  callbackUrl,
  invitedEmail,
}: {
  callbackUrl?: string;
  /** The address an invitation was sent to, when the form was reached from its link. */
  invitedEmail?: string;
}) {
  const [state, formAction] = useActionState(signUpAction, initialActionState);
  const [timezone, setTimezone] = useState("UTC");
  useEffect(() => setTimezone(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"), []);
  const role = state.values?.role;
  if (state.ok) {
    return (
      <div role="status" className="space-y-2 rounded-xl border border-brand-600 bg-brand-50 p-4">
        <h2 className="text-lg font-semibold">Check your e-mail</h2>
        <p>{state.message}</p>
        <p className="text-sm text-slate-700">
          Nothing arrived? Look in your spam folder, or sign up again in a few minutes: a new link replaces
          the old one.
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <fieldset aria-describedby={state.errors?.role ? "field-role-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-800">I am…</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {[
            {
              value: "PATIENT",
              label: "A patient",
              hint: "I want to follow my exercises and track my pain.",
            },
            {
              value: "PHYSIO",
              label: "A physiotherapist",
              hint: "I want to follow my patients, with their consent.",
            },
          ].map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer gap-3 rounded-lg border border-slate-300 bg-white p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="role"
                value={option.value}
                defaultChecked={role ? role === option.value : option.value === "PATIENT"}
                className="mt-1 size-4 accent-brand-700"
              />
              <span>
                <span className="block font-medium">{option.label}</span>
                <span className="block text-sm text-slate-600">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
        <FieldErrors id="field-role-error" errors={state.errors?.role} />
      </fieldset>
      <Field
        name="name"
        label="Your name"
        autoComplete="name"
        required
        defaultValue={state.values?.name}
        errors={state.errors?.name}
      />
      <Field
        name="email"
        label="E-mail"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? invitedEmail}
        errors={state.errors?.email}
      />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="8 to 128 characters, spaces included; common passwords are refused. A long phrase is easiest to remember."
        errors={state.errors?.password}
      />
      <input type="hidden" name="timezone" value={timezone} />
      <SubmitButton pendingLabel="Sending…">Create account</SubmitButton>
    </form>
  );
}
