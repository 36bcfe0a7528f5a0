"use client";

import { useActionState } from "react";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { stopRoutineItemAction } from "@/lib/actions/routine";
import { actionMessage } from "./action-message";

export function RemoveItemForm({
  itemId,
  exerciseName,
  requestId: initialRequestId,
  patientId,
}: {
  itemId: string;
  exerciseName: string;
  requestId: string;
  /** Whose routine, when a physiotherapist prescribes; a patient's own otherwise. */
  patientId?: string;
}) {
  const [state, formAction] = useActionState(stopRoutineItemAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  useRefreshAfterWrite(state, patientId);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="clientRequestId" value={requestId} />
      {patientId ? <input type="hidden" name="patientId" value={patientId} /> : null}
      <input type="hidden" name="itemId" value={itemId} />
      <SubmitButton variant="secondary" pendingLabel={patientId ? "Stopping…" : "Removing…"}>
        {patientId ? "Stop" : "Remove"}
        <span className="sr-only"> {exerciseName}</span>
      </SubmitButton>
      <FormMessage ok={false} message={state.ok ? undefined : actionMessage(state, [])} />
    </form>
  );
}
