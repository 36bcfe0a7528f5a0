"use client";

import { type FormEvent, useRef } from "react";
import { forgetOfflineData } from "@/lib/offline/queue";

/**
 * A sign-out form's onSubmit: the offline queue is emptied and deleted first, then the form is
 * submitted again and signs out. Before JavaScript loads nothing was ever queued, and the plain
 * form signs out as before.
 */
export function useForgetBeforeSignOut(): (event: FormEvent<HTMLFormElement>) => void {
  const forgotten = useRef(false);
  return (event) => {
    if (forgotten.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void forgetOfflineData().finally(() => {
      forgotten.current = true;
      form.requestSubmit(submitter instanceof HTMLElement ? submitter : undefined);
    });
  };
}
