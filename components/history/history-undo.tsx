"use client";

import { useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { restorePainEntryAction, restoreSessionAction } from "@/lib/actions/logs";
import { keysChangedByPatientWrite } from "@/lib/query-keys";

export type HistoryRecordRef = { kind: "session" | "pain"; id: string; description: string };
type HistoryEvent = HistoryRecordRef & { event: "deleted" | "restored"; requestId: string };

const HistoryEvents = createContext<((event: HistoryEvent) => void) | null>(null);

/** Lets a row report that it was deleted or restored; null outside the patient's History page. */
export function useHistoryEvents() {
  return useContext(HistoryEvents);
}

const restoreActions = { session: restoreSessionAction, pain: restorePainEntryAction };

/**
 * A deleted entry leaves the list at once; its Undo stays here, above the list, until the patient
 * leaves the page (this state is the page's own, so it goes with it). A restore from the "Show
 * deleted" view is confirmed here too, since that row leaves its list as well.
 */
export function HistoryUndo({ children }: { children: ReactNode }) {
  const [events, setEvents] = useState<HistoryEvent[]>([]);
  const queryClient = useQueryClient();
  const report = useCallback(
    (event: HistoryEvent) => {
      setEvents((current) => [
        event,
        ...current.filter((item) => !(item.kind === event.kind && item.id === event.id)),
      ]);
      for (const queryKey of keysChangedByPatientWrite()) void queryClient.invalidateQueries({ queryKey });
    },
    [queryClient],
  );
  return (
    <HistoryEvents.Provider value={report}>
      {events.length ? (
        <ul aria-label="Recent changes" className="space-y-2">
          {events.map((event) => (
            <li key={`${event.event}-${event.kind}-${event.id}`}>
              <HistoryNotice event={event} onRestored={report} />
            </li>
          ))}
        </ul>
      ) : null}
      {children}
    </HistoryEvents.Provider>
  );
}

function HistoryNotice({
  event,
  onRestored,
}: {
  event: HistoryEvent;
  onRestored: (event: HistoryEvent) => void;
}) {
  const [state, restore, restoring] = useActionState(
    async (previous: typeof initialActionState, form: FormData) => {
      const result = await restoreActions[event.kind](previous, form);
      if (result.ok) onRestored({ ...event, event: "restored", requestId: crypto.randomUUID() });
      return result;
    },
    initialActionState,
  );
  const requestId = useRequestId(event.requestId, state);
  const focusRef = useRef<HTMLButtonElement & HTMLParagraphElement>(null);
  // The row that had focus has left the list: focus moves to what replaced it here.
  useEffect(() => {
    focusRef.current?.focus();
  }, []);
  const what = event.kind === "session" ? "Session" : "Pain entry";
  if (event.event === "restored") {
    return (
      <p
        ref={focusRef}
        tabIndex={-1}
        className="rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
      >
        Brought back: {event.description}.
      </p>
    );
  }
  return (
    <div className="space-y-2 rounded-lg border border-slate-300 bg-slate-50 px-3 py-2">
      <form action={restore} className="flex flex-wrap items-center gap-3">
        <p className="mr-auto text-sm">
          {what} deleted: {event.description}. It no longer counts in your charts.
        </p>
        <input type="hidden" name="id" value={event.id} />
        <input type="hidden" name="clientRequestId" value={requestId} />
        <button
          ref={focusRef}
          type="submit"
          disabled={restoring}
          aria-disabled={restoring}
          className={buttonClasses("secondary")}
        >
          Undo<span className="sr-only"> delete of {event.description}</span>
        </button>
      </form>
      <FormMessage ok={false} message={state.ok ? undefined : state.message} />
    </div>
  );
}
