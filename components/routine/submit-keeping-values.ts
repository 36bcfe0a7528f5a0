"use client";

import { type FormEvent, startTransition } from "react";

/**
 * An onSubmit handler that posts the form to its action without React's automatic reset of the
 * form afterwards. The routine forms keep their values in React state (a group of day checkboxes
 * cannot be echoed back as a single string), and a reset would wipe what was typed after an error.
 * Without JavaScript the form still posts to the same action.
 */
export function submitKeepingValues(action: (formData: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => action(formData));
  };
}
