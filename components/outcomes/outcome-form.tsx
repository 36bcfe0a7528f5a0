"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { saveOutcomeDraftAction, submitOutcomeAction } from "@/lib/actions/outcomes";
import type { OutcomeForm as OutcomeFormData } from "@/lib/data/outcomes";
import { instrumentFor } from "@/lib/instruments/index";
import type { ActivitiesItem, Answers, ChoiceItem } from "@/lib/instruments/types";

type Activity = { name: string; rating: number | null };

function startingActivities(form: OutcomeFormData): Activity[] {
  if (form.draft && form.draft.activities.length > 0) {
    return form.draft.activities.map((activity) => ({
      name: activity.name,
      rating: activity.rating ?? null,
    }));
  }
  if (form.earlierActivities.length > 0)
    return form.earlierActivities.map((name) => ({ name, rating: null }));
  return [{ name: "", rating: null }];
}

/**
 * One screen of questions. Answers stay in the page until sent; "Save and finish later" keeps them
 * on the server (not in the browser: they are health data). The server scores what is sent.
 */
export function OutcomeForm({
  form,
  requestId: initialRequestId,
}: {
  form: OutcomeFormData;
  requestId: string;
}) {
  const instrument = instrumentFor(form.instrument);
  const [state, submit] = useActionState(submitOutcomeAction, initialActionState);
  const [draftState, saveDraft] = useActionState(saveOutcomeDraftAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  const [choices, setChoices] = useState<Record<string, number | null>>(
    Object.fromEntries(Object.entries(form.draft?.choices ?? {}).map(([key, value]) => [key, value ?? null])),
  );
  const [activities, setActivities] = useState<Activity[]>(() => startingActivities(form));
  if (!instrument) return null;
  const errors = state.ok ? undefined : state.errors;
  const answers = (): Answers => ({ choices, activities });

  const send = () =>
    startTransition(() => {
      submit({
        instrument: instrument.id,
        answers: answers(),
        assignmentId: form.due?.assignmentId ?? "",
        dueDate: form.due?.dueDate ?? "",
        clientRequestId: requestId,
      });
    });
  const keep = () => startTransition(() => saveDraft({ instrument: instrument.id, answers: answers() }));

  if (state.ok) {
    return (
      <div className="space-y-3">
        <FormMessage ok message={state.message} />
        <p>
          Your answers are saved. You can see your scores over time on <a href="/progress">Progress</a>.
        </p>
      </div>
    );
  }

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <p className="text-slate-800">{instrument.instructions}</p>
      {instrument.sections.map((section) => (
        <div key={section.id} className="space-y-4">
          {section.stem ? <p className="font-medium">{section.stem}</p> : null}
          {section.items.map((item) =>
            item.kind === "choice" ? (
              <ChoiceQuestion
                key={item.id}
                item={item}
                value={choices[item.id] ?? null}
                errors={errors?.[`choices.${item.id}`]}
                onChange={(value) => setChoices((current) => ({ ...current, [item.id]: value }))}
              />
            ) : (
              <ActivitiesQuestion
                key={item.id}
                item={item}
                activities={activities}
                earlier={form.earlierActivities}
                errors={errors}
                onChange={setActivities}
              />
            ),
          )}
        </div>
      ))}
      <FormMessage ok={false} message={state.message} />
      <FormMessage ok={draftState.ok} message={draftState.message} />
      <div className="flex flex-wrap gap-3">
        <Button type="submit">Send answers</Button>
        <Button variant="secondary" onClick={keep}>
          Save and finish later
        </Button>
      </div>
    </form>
  );
}

function ChoiceQuestion({
  item,
  value,
  errors,
  onChange,
}: {
  item: ChoiceItem;
  value: number | null;
  errors?: string[];
  onChange: (value: number) => void;
}) {
  const errorId = `choice-${item.id}-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined} className="space-y-2">
      <legend className="mb-1 font-semibold">{item.text}</legend>
      <div className="space-y-1">
        {item.options.map((option) => (
          <label
            key={option.value}
            className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-slate-200 px-3 py-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input
              type="radio"
              name={`choice-${item.id}`}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="h-5 w-5"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}

function ActivitiesQuestion({
  item,
  activities,
  earlier,
  errors,
  onChange,
}: {
  item: ActivitiesItem;
  activities: Activity[];
  earlier: string[];
  errors?: Record<string, string[] | undefined>;
  onChange: (activities: Activity[]) => void;
}) {
  const update = (index: number, change: Partial<Activity>) =>
    onChange(activities.map((activity, at) => (at === index ? { ...activity, ...change } : activity)));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        0 = {item.rating.minLabel.toLowerCase()}; 10 = {item.rating.maxLabel.toLowerCase()}.
        {earlier.length > 0
          ? " The activities you named the first time are listed again, so the change can be measured on the same ones."
          : ""}
      </p>
      <FieldErrors id="activities-error" errors={errors?.activities} />
      {activities.map((activity, index) => {
        const nameId = `activity-${index}-name`;
        const nameErrors = errors?.[`activities.${index}.name`];
        const ratingErrors = errors?.[`activities.${index}.rating`];
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in the list; names change as typed.
          <fieldset key={index} className="space-y-2 rounded-xl border border-slate-200 bg-white p-3">
            <legend className="px-1 font-semibold">Activity {index + 1}</legend>
            <div>
              <label htmlFor={nameId} className="mb-1 block text-sm font-medium text-slate-800">
                What is the activity?
              </label>
              <input
                id={nameId}
                className={inputClasses}
                value={activity.name}
                maxLength={item.maxNameLength + 20}
                aria-invalid={nameErrors?.length ? true : undefined}
                aria-describedby={nameErrors?.length ? `${nameId}-error` : undefined}
                onChange={(event) => update(index, { name: event.target.value })}
              />
              <FieldErrors id={`${nameId}-error`} errors={nameErrors} />
            </div>
            <fieldset aria-describedby={ratingErrors?.length ? `activity-${index}-rating-error` : undefined}>
              <legend className="mb-1 text-sm font-medium text-slate-800">
                How well can you do it now? (0 to 10)
              </legend>
              <div className="flex flex-wrap gap-1.5">
                {Array.from(
                  { length: item.rating.max - item.rating.min + 1 },
                  (_, step) => item.rating.min + step,
                ).map((value) => (
                  <label
                    key={value}
                    className="flex h-11 w-11 cursor-pointer items-center justify-center rounded-lg border border-slate-300 text-base font-semibold has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700"
                  >
                    <input
                      type="radio"
                      name={`activity-${index}-rating`}
                      value={value}
                      checked={activity.rating === value}
                      onChange={() => update(index, { rating: value })}
                      className="sr-only"
                      aria-label={`${value}${value === item.rating.min ? `: ${item.rating.minLabel}` : value === item.rating.max ? `: ${item.rating.maxLabel}` : ""}`}
                    />
                    <span aria-hidden="true">{value}</span>
                  </label>
                ))}
              </div>
              <FieldErrors id={`activity-${index}-rating-error`} errors={ratingErrors} />
            </fieldset>
            {activities.length > item.minActivities ? (
              <Button
                variant="ghost"
                onClick={() => onChange(activities.filter((_, at) => at !== index))}
                aria-label={`Remove activity ${index + 1}`}
              >
                Remove
              </Button>
            ) : null}
          </fieldset>
        );
      })}
      {activities.length < item.maxActivities ? (
        <Button variant="secondary" onClick={() => onChange([...activities, { name: "", rating: null }])}>
          Add an activity
        </Button>
      ) : null}
    </div>
  );
}
