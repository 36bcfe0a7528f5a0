"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { acceptInviteAction, declineInviteAction } from "@/lib/actions/care";

/** Accept and Decline for one invitation, named by its link's token or by its code. */
export function AnswerInvite({ reference }: { reference: { token: string } | { code: string } }) {
  const [accepted, accept] = useActionState(acceptInviteAction, initialActionState);
  const [declined, decline] = useActionState(declineInviteAction, initialActionState);
  const [name, value] = "token" in reference ? ["token", reference.token] : ["code", reference.code];
  const failure = [accepted, declined].find((state) => state.message && !state.ok);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-3">
        <form action={accept}>
          <input type="hidden" name={name} value={value} />
          <SubmitButton pendingLabel="Accepting…">Accept and share my data</SubmitButton>
        </form>
        <form action={decline}>
          <input type="hidden" name={name} value={value} />
          <SubmitButton variant="secondary" pendingLabel="Declining…">
            Decline
          </SubmitButton>
        </form>
      </div>
      <FormMessage ok={false} message={failure?.message} />
    </div>
  );
}
