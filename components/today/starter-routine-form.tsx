"use client";

import { useActionState } from "react";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { applyStarterRoutineAction } from "@/lib/actions/routine";

export function StarterRoutineForm({ requestId: initialRequestId }: { requestId: string }) {
  const [state, formAction] = useActionState(applyStarterRoutineAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  useRefreshAfterWrite(state);
  const problems = [state.message, ...(state.errors?.clientRequestId ?? [])].filter(Boolean);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="clientRequestId" value={requestId} />
      <SubmitButton pendingLabel="Setting up your routine…">Use the starter routine</SubmitButton>
      <FormMessage ok={state.ok} message={[...new Set(problems)].join(" ") || undefined} />
    </form>
  );
}
