"use client";

import { useActionState, useEffect, useRef } from "react";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { buttonClasses } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { moveRoutineItemAction } from "@/lib/actions/routine";
import { actionMessage } from "./action-message";

/**
 * "Move up" and "Move down" for one item. At the top or bottom of the list the button stays in
 * place, marked unavailable, so keyboard focus is not lost when an item reaches an end.
 */
export function MoveItemForm({
  itemId,
  exerciseName,
  isFirst,
  isLast,
  requestId: initialRequestId,
  patientId,
}: {
  itemId: string;
  exerciseName: string;
  isFirst: boolean;
  isLast: boolean;
  requestId: string;
  /** Whose routine, when a physiotherapist prescribes; a patient's own otherwise. */
  patientId?: string;
}) {
  const [state, formAction, pending] = useActionState(moveRoutineItemAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  useRefreshAfterWrite(state, patientId);
  const lastPressed = useRef<HTMLButtonElement | null>(null);
  // Reordering moves this card's DOM node, which drops focus; put it back on the button used.
  useEffect(() => {
    if (state.ok && lastPressed.current && document.activeElement !== lastPressed.current) {
      lastPressed.current.focus();
    }
  }, [state]);
  const button = (direction: "up" | "down", unavailable: boolean) => (
    <button
      type="submit"
      name="direction"
      value={direction}
      aria-disabled={unavailable || pending || undefined}
      onClick={(event) => {
        if (unavailable || pending) event.preventDefault();
        else lastPressed.current = event.currentTarget;
      }}
      className={`${buttonClasses("secondary")} aria-disabled:cursor-not-allowed aria-disabled:text-slate-400`}
    >
      <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
      <span>
        Move<span className="sr-only"> {exerciseName}</span> {direction}
      </span>
    </button>
  );
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="clientRequestId" value={requestId} />
      {patientId ? <input type="hidden" name="patientId" value={patientId} /> : null}
      <input type="hidden" name="itemId" value={itemId} />
      <div className="flex flex-wrap gap-2">
        {button("up", isFirst)}
        {button("down", isLast)}
      </div>
      <FormMessage ok={false} message={state.ok ? undefined : actionMessage(state, [])} />
    </form>
  );
}
