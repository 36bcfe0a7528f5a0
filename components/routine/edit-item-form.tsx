"use client";

import { useActionState, useState } from "react";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { updateRoutineItemAction } from "@/lib/actions/routine";
import { actionMessage, doseFieldNames } from "./action-message";
import type { DoseDraft } from "./dose-draft";
import { DoseFields } from "./dose-fields";
import { submitKeepingValues } from "./submit-keeping-values";

export function EditItemForm({
  itemId,
  dose,
  requestId: initialRequestId,
  patientId,
}: {
  itemId: string;
  dose: DoseDraft;
  requestId: string;
  /** Whose routine, when a physiotherapist prescribes; a patient's own otherwise. */
  patientId?: string;
}) {
  const [state, formAction, pending] = useActionState(updateRoutineItemAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  useRefreshAfterWrite(state, patientId);
  const [draft, setDraft] = useState(dose);
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="space-y-4">
      <input type="hidden" name="clientRequestId" value={requestId} />
      {patientId ? <input type="hidden" name="patientId" value={patientId} /> : null}
      <FormMessage ok={state.ok} message={actionMessage(state, doseFieldNames)} />
      <input type="hidden" name="itemId" value={itemId} />
      <DoseFields idPrefix={`edit-${itemId}`} draft={draft} onChange={setDraft} errors={state.errors} />
      <SubmitButton pendingLabel="Saving…" pending={pending}>
        Save changes
      </SubmitButton>
    </form>
  );
}
