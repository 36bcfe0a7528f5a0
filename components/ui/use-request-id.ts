"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * The client request id a form sends with its submission. It stays the same while the form is
 * retried (a double click, a network retry, a resubmission after an error) so the server writes
 * one row, and changes after a success so the next submission is a new one. The first id comes
 * from the server (`initial`) so server and client render the same markup.
 */
export function useRequestId(initial: string, state: ActionState): string {
  const [requestId, setRequestId] = useState(initial);
  const previous = useRef(state);
  useEffect(() => {
    if (state !== previous.current && state.ok) setRequestId(crypto.randomUUID());
    previous.current = state;
  }, [state]);
  return requestId;
}
