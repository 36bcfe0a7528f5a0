"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { createInviteAction } from "@/lib/actions/care";

/** A physiotherapist invites a patient; the link and code are shown once, right here. */
export function InviteForm() {
  const [state, formAction] = useActionState(createInviteAction, initialActionState);
  const [origin, setOrigin] = useState("");
  const [copyStatus, setCopyStatus] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const invite = state.ok ? state.result : undefined;
  const link = invite?.token ? `${origin}/invite/${invite.token}` : "";

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopyStatus("Link copied.");
    } catch {
      // No clipboard (an insecure page, or permission refused): the link is on screen to select.
      setCopyStatus("Could not copy here. Select the link above and copy it.");
    }
  }

  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3" noValidate>
        <Field
          name="patientEmail"
          type="email"
          label="Patient's e-mail address"
          hint="Only the account with this e-mail can accept. The invitation lasts 7 days and works once."
          autoComplete="off"
          defaultValue={state.ok ? "" : state.values?.patientEmail}
          errors={state.errors?.patientEmail}
          key={invite?.token ?? "new"}
        />
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="sendEmail"
            value="on"
            defaultChecked={state.ok || state.values?.sendEmail !== undefined || !state.message}
            className="mt-1 size-4 accent-brand-700"
          />
          <span>Also send the link and code to this address by e-mail</span>
        </label>
        <FormMessage ok={state.ok} message={state.message} />
        <SubmitButton pendingLabel="Creating…">Create invitation</SubmitButton>
      </form>
      {invite?.token ? (
        <section
          aria-labelledby="new-invite-heading"
          className="space-y-3 rounded-xl border border-brand-600 bg-brand-50 p-4"
        >
          <h2 id="new-invite-heading" className="text-lg font-semibold">
            Invitation for {invite.patientEmail}
          </h2>
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-800">Link to send</p>
            <p className="break-all rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm">
              {link}
            </p>
            <Button variant="secondary" onClick={copy}>
              Copy link
            </Button>
            <p aria-live="polite" className="text-sm text-slate-700">
              {copyStatus}
            </p>
          </div>
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-800">Or read out this code</p>
            <p className="font-mono text-2xl font-bold tracking-widest">
              {/* A screen reader reads the code letter by letter rather than as a word. */}
              <span aria-hidden="true">{invite.code}</span>
              <span className="sr-only">Code {[...(invite.code ?? "")].join(" ")}</span>
            </p>
            <p className="text-sm text-slate-700">
              The patient enters it under Account, then “Join with a code”. Valid until {invite.expires}.
            </p>
          </div>
          <p className="text-sm text-slate-700">
            Keep these private: we store only a fingerprint of them and cannot show them again.
          </p>
        </section>
      ) : null}
    </div>
  );
}
