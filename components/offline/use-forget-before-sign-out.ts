"use client";

import { type FormEvent, useRef, useState } from "react";
import { forgetOfflineData } from "@/lib/offline/queue";
import { useOnline } from "./use-online";

export type ForgetBeforeSignOut = {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** A sign-out was tried without a connection: it was not done, and nothing was deleted. */
  refusedOffline: boolean;
};

/**
 * A sign-out form's onSubmit: the offline queue is emptied and deleted first, then the form is
 * submitted again and signs out. Before JavaScript loads nothing was ever queued, and the plain
 * form signs out as before. Without a connection the server cannot end the session, so nothing is
 * deleted and the person is told to sign out once they are back online.
 */
export function useForgetBeforeSignOut(): ForgetBeforeSignOut {
  const forgotten = useRef(false);
  const online = useOnline();
  const [triedOffline, setTriedOffline] = useState(false);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    if (forgotten.current) return;
    event.preventDefault();
    if (!navigator.onLine) {
      setTriedOffline(true);
      return;
    }
    setTriedOffline(false);
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void forgetOfflineData().finally(() => {
      forgotten.current = true;
      form.requestSubmit(submitter instanceof HTMLElement ? submitter : undefined);
    });
  };
  return { onSubmit, refusedOffline: triedOffline && !online };
}
