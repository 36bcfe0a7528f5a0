"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialActionState } from "@/lib/actions/action-state";
import { saveRemindersAction } from "@/lib/actions/reminders";
import type { ReminderChannel } from "@/lib/domain/reminders";

type Props = {
  channel: ReminderChannel;
  time: string;
  quietOn: boolean;
  quietStart: string;
  quietEnd: string;
  emailConfigured: boolean;
  pushAvailable: boolean;
};

const channelChoices: { value: ReminderChannel; label: string; hint: string }[] = [
  {
    value: "PUSH",
    label: "A notification on my devices",
    hint: "Turn notifications on below on each phone or computer that should show them.",
  },
  { value: "EMAIL", label: "An e-mail", hint: "Sent to the address you sign in with." },
  { value: "NONE", label: "No reminders", hint: "" },
];

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

export function ReminderForm(props: Props) {
  const [state, formAction] = useActionState(saveRemindersAction, initialActionState);
  const [pending, startTransition] = useTransition();
  const [channel, setChannel] = useState<ReminderChannel>(props.channel);
  const [time, setTime] = useState(props.time);
  const [quietOn, setQuietOn] = useState(props.quietOn);
  const [quietStart, setQuietStart] = useState(props.quietStart);
  const [quietEnd, setQuietEnd] = useState(props.quietEnd);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!state.message) return;
    const firstBad = ["channel", "time", "quietStart", "quietEnd"].find(
      (field) => state.errors?.[field]?.length,
    );
    const target = firstBad
      ? document.getElementById(firstBad === "channel" ? "channel-PUSH" : `field-${firstBad}`)
      : messageRef.current;
    target?.focus();
  }, [state]);
  const errors = state.errors ?? {};
  const timeInput = (
    name: "time" | "quietStart" | "quietEnd",
    label: string,
    value: string,
    set: (v: string) => void,
    hint?: string,
  ) => (
    <div>
      <label htmlFor={`field-${name}`} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={`field-${name}`}
        name={name}
        type="time"
        step={60}
        required
        value={value}
        onChange={(event) => set(event.target.value)}
        aria-invalid={errors[name]?.length ? true : undefined}
        aria-describedby={describedBy(
          hint && `field-${name}-hint`,
          Boolean(errors[name]?.length) && `field-${name}-error`,
        )}
        className={`${inputClasses} max-w-40`}
      />
      {hint ? (
        <p id={`field-${name}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`field-${name}-error`} errors={errors[name]} />
    </div>
  );
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className="space-y-5"
      noValidate
    >
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
      <fieldset aria-describedby={errors.channel?.length ? "field-channel-error" : undefined}>
        <legend className="mb-2 text-sm font-medium text-slate-800">
          How would you like to be reminded?
        </legend>
        <div className="space-y-2">
          {channelChoices.map((choice) => {
            const unavailable =
              (choice.value === "EMAIL" && !props.emailConfigured) ||
              (choice.value === "PUSH" && !props.pushAvailable);
            return (
              <div key={choice.value} className="flex items-start gap-3">
                <input
                  id={`channel-${choice.value}`}
                  type="radio"
                  name="channel"
                  value={choice.value}
                  checked={channel === choice.value}
                  onChange={() => setChannel(choice.value)}
                  disabled={unavailable && channel !== choice.value}
                  aria-describedby={choice.hint || unavailable ? `channel-${choice.value}-hint` : undefined}
                  className="mt-1 size-5"
                />
                <div>
                  <label htmlFor={`channel-${choice.value}`} className="font-medium text-slate-900">
                    {choice.label}
                  </label>
                  {choice.hint || unavailable ? (
                    <p id={`channel-${choice.value}-hint`} className="text-sm text-slate-600">
                      {unavailable ? "This server is not set up to send these." : choice.hint}
                    </p>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
        <FieldErrors id="field-channel-error" errors={errors.channel} />
      </fieldset>
      {timeInput(
        "time",
        "Reminder time",
        time,
        setTime,
        "In your time zone, on the days your routine is due. Nothing is sent on a day you have already logged a session.",
      )}
      <fieldset className="space-y-3">
        <legend className="mb-1 text-sm font-medium text-slate-800">Quiet hours</legend>
        <div className="flex items-start gap-3">
          <input
            id="field-quietHours"
            type="checkbox"
            name="quietHours"
            value="on"
            checked={quietOn}
            onChange={(event) => setQuietOn(event.target.checked)}
            aria-describedby="field-quietHours-hint"
            className="mt-1 size-5"
          />
          <div>
            <label htmlFor="field-quietHours" className="font-medium text-slate-900">
              Never remind me during quiet hours
            </label>
            <p id="field-quietHours-hint" className="text-sm text-slate-600">
              A reminder that is running late is dropped rather than sent during these hours.
            </p>
          </div>
        </div>
        <div className="flex flex-wrap gap-4">
          {timeInput("quietStart", "Quiet from", quietStart, setQuietStart)}
          {timeInput("quietEnd", "Quiet until", quietEnd, setQuietEnd)}
        </div>
      </fieldset>
      <SubmitButton pendingLabel="Saving…" pending={pending}>
        Save reminders
      </SubmitButton>
    </form>
  );
}
