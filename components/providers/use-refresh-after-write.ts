"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { keysChangedByPatientWrite } from "@/lib/query-keys";

/**
 * After a server action that changed a patient's logs or routine succeeds, marks the cached
 * queries showing that data as stale: charts and the caseload on screen refetch at once, the
 * others when next shown (the QueryClient outlives page changes, so a period seen before the write
 * would otherwise come back from the cache). `state` is the action's result from useActionState.
 */
export function useRefreshAfterWrite(state: ActionState, patientId?: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!state.ok) return;
    for (const queryKey of keysChangedByPatientWrite(patientId)) {
      void queryClient.invalidateQueries({ queryKey });
    }
  }, [state, patientId, queryClient]);
}
