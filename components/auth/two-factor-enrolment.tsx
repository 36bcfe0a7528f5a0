"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { confirmEnrolmentAction } from "@/lib/actions/two-factor";

export type EnrolmentView = { qrDataUrl: string; secret: string };

/**
 * The whole of enrolment: the QR code and key, one code to confirm, then the recovery codes, shown
 * once. The page renders this same component before and after (finishing a half sign-in sets the
 * session cookie, which re-renders the page), so the codes survive that re-render in its state.
 */
export function TwoFactorEnrolment({
  enrolment,
  continueTo,
}: {
  /** null when two-factor sign-in is already on. */
  enrolment: EnrolmentView | null;
  continueTo: string;
}) {
  const [state, formAction] = useActionState(confirmEnrolmentAction, initialActionState);
  const recoveryCodes = state.ok ? (state.result?.recoveryCodes ?? "").split(" ").filter(Boolean) : [];
  if (recoveryCodes.length > 0) {
    return (
      <section aria-labelledby="recovery-heading" className="space-y-3">
        <FormMessage ok message={state.message} />
        <h2 id="recovery-heading" className="text-lg font-semibold">
          Your recovery codes
        </h2>
        <p className="text-sm text-slate-700">
          Each code signs you in once if you lose your phone. Write them down or print them now and keep them
          somewhere safe: they are not shown again.
        </p>
        <ul aria-label="Recovery codes" className="grid grid-cols-2 gap-2 font-mono text-base">
          {recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <p>
          {/* A full page load, not a client navigation: the header was rendered with the
              half-signed-in session, and a client navigation would keep it. */}
          <a href={continueTo} className="font-medium">
            I have saved my recovery codes
          </a>
        </p>
      </section>
    );
  }
  if (!enrolment) {
    return (
      <div className="space-y-3">
        <p role="status">Two-factor sign-in is on for your account.</p>
        <p className="text-sm text-slate-700">
          To move it to a new phone, ask your clinic&apos;s administrator to reset it; you then set it up
          again at your next sign-in.
        </p>
      </div>
    );
  }
  const grouped = enrolment.secret.match(/.{1,4}/g)?.join(" ") ?? enrolment.secret;
  return (
    <ol className="list-decimal space-y-4 pl-5">
      <li>
        <p>
          Scan this QR code with an authenticator app (for example Google Authenticator, Microsoft
          Authenticator, 2FAS or Aegis).
        </p>
        {/* biome-ignore lint/performance/noImgElement: a data URL made on the server, not an asset to optimise */}
        <img
          src={enrolment.qrDataUrl}
          alt="QR code for your authenticator app"
          width={240}
          height={240}
          className="mt-2"
        />
        <p className="mt-2 text-sm text-slate-700">
          Cannot scan? Type this key into the app instead:{" "}
          <code data-testid="totp-secret" className="font-mono">
            {grouped}
          </code>
        </p>
      </li>
      <li>
        <p>Enter the code the app shows.</p>
        <form action={formAction} className="mt-2 space-y-4" noValidate>
          <FormMessage ok={state.ok} message={state.message} />
          <Field
            name="code"
            label="Code from your app"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            hint="After scanning, your app shows 6 digits that change every 30 seconds."
            errors={state.errors?.code}
          />
          <SubmitButton pendingLabel="Checking…">Turn on two-factor sign-in</SubmitButton>
        </form>
      </li>
    </ol>
  );
}
