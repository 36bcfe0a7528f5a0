"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { renewCalendarFeedAction, revokeCalendarFeedAction } from "@/lib/actions/reminders";

/** Make, renew or turn off the secret calendar address. The address is shown once, right after. */
export function CalendarFeedControls({ appUrl, active }: { appUrl: string; active: boolean }) {
  const [renewed, renew] = useActionState(renewCalendarFeedAction, initialActionState);
  const [revoked, revoke] = useActionState(revokeCalendarFeedAction, initialActionState);
  const addressRef = useRef<HTMLInputElement>(null);
  const token = renewed.ok && active ? renewed.result?.token : undefined;
  useEffect(() => {
    if (token) addressRef.current?.focus();
  }, [token]);
  return (
    <div className="space-y-3">
      <FormMessage ok={renewed.ok} message={renewed.message} />
      {token ? (
        <div>
          <label htmlFor="calendar-address" className="mb-1 block text-sm font-medium text-slate-800">
            Your calendar address (copy it now: it is shown only once)
          </label>
          <input
            ref={addressRef}
            id="calendar-address"
            readOnly
            value={`${appUrl}/calendar/${token}.ics`}
            onFocus={(event) => event.currentTarget.select()}
            className="block w-full min-h-11 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
          />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <form action={renew}>
          <SubmitButton variant={active ? "secondary" : "primary"} pendingLabel="Making an address…">
            {active ? "Make a new address" : "Make a calendar address"}
          </SubmitButton>
        </form>
        {active ? (
          <form action={revoke}>
            <SubmitButton variant="danger" pendingLabel="Turning off…">
              Turn off the calendar address
            </SubmitButton>
          </form>
        ) : null}
      </div>
      <FormMessage ok={revoked.ok} message={revoked.message} />
    </div>
  );
}
