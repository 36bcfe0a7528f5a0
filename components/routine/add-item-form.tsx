"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { addRoutineItemAction } from "@/lib/actions/routine";
import { categoryLabels, type ExerciseCategory, exerciseCategories } from "@/lib/catalog/exercises";
import { actionMessage, doseFieldNames } from "./action-message";
import { type DoseDraft, doseDraftOf } from "./dose-draft";
import { DoseFields } from "./dose-fields";
import { submitKeepingValues } from "./submit-keeping-values";

export type ExerciseChoice = {
  id: string;
  slug: string;
  name: string;
  category: ExerciseCategory;
  summary: string;
  defaultDose: { sets: number; reps: number; holdSeconds: number; perSide: boolean };
};

const everyDay = 0b1111111;

function defaultDraft(exercise: ExerciseChoice | undefined, days = everyDay): DoseDraft {
  const dose = exercise?.defaultDose ?? { sets: 1, reps: 1, holdSeconds: 0, perSide: false };
  return doseDraftOf({ ...dose, daysOfWeek: days });
}

function firstNotIn(exercises: ExerciseChoice[], inRoutine: string[]): ExerciseChoice | undefined {
  return exercises.find((exercise) => !inRoutine.includes(exercise.id)) ?? exercises[0];
}

export function AddItemForm({
  exercises,
  inRoutine,
  requestId: initialRequestId,
  patientId,
}: {
  exercises: ExerciseChoice[];
  /** Exercise ids already in the routine: marked in the list, and not offered first. */
  inRoutine: string[];
  requestId: string;
  /** Whose routine, when a physiotherapist prescribes; a patient's own otherwise. */
  patientId?: string;
}) {
  const [state, formAction, pending] = useActionState(addRoutineItemAction, initialActionState);
  const requestId = useRequestId(initialRequestId, state);
  useRefreshAfterWrite(state, patientId);
  const [selectedId, setSelectedId] = useState(() => firstNotIn(exercises, inRoutine)?.id ?? "");
  const [draft, setDraft] = useState(() => defaultDraft(firstNotIn(exercises, inRoutine)));
  const selected = exercises.find((exercise) => exercise.id === selectedId);

  // After an exercise is added, offer the next one that is not in the routine yet.
  const previous = useRef(state);
  useEffect(() => {
    if (state === previous.current) return;
    previous.current = state;
    if (!state.ok) return;
    const next = firstNotIn(exercises, inRoutine);
    setSelectedId(next?.id ?? "");
    setDraft(defaultDraft(next));
  }, [state, exercises, inRoutine]);

  const exerciseErrors = state.errors?.exerciseId;
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} noValidate className="space-y-4">
      <input type="hidden" name="clientRequestId" value={requestId} />
      {patientId ? <input type="hidden" name="patientId" value={patientId} /> : null}
      <FormMessage ok={state.ok} message={actionMessage(state, [...doseFieldNames, "exerciseId"])} />
      <div>
        <label htmlFor="add-exerciseId" className="mb-1 block text-sm font-medium text-slate-800">
          Exercise
        </label>
        <select
          id="add-exerciseId"
          name="exerciseId"
          value={selectedId}
          onChange={(event) => {
            const exercise = exercises.find((e) => e.id === event.target.value);
            setSelectedId(event.target.value);
            // A new exercise brings its own usual dose; the chosen days stay.
            setDraft({ ...defaultDraft(exercise), days: draft.days });
          }}
          aria-invalid={exerciseErrors?.length ? true : undefined}
          aria-describedby={`add-exercise-summary${exerciseErrors?.length ? " add-exerciseId-error" : ""}`}
          className={inputClasses}
        >
          {exerciseCategories.map((category) => (
            <optgroup key={category} label={categoryLabels[category]}>
              {exercises
                .filter((exercise) => exercise.category === category)
                .map((exercise) => (
                  <option key={exercise.id} value={exercise.id}>
                    {exercise.name}
                    {inRoutine.includes(exercise.id) ? " (already in your routine)" : ""}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        <FieldErrors id="add-exerciseId-error" errors={exerciseErrors} />
        <p id="add-exercise-summary" className="mt-1 text-sm text-slate-600">
          {selected ? (
            <>
              {categoryLabels[selected.category]}. {selected.summary}{" "}
              <a href={`/exercises/${selected.slug}`} target="_blank" rel="noopener">
                How to do it<span className="sr-only"> (opens in a new tab)</span>
              </a>
            </>
          ) : null}
        </p>
      </div>
      <DoseFields idPrefix="add" draft={draft} onChange={setDraft} errors={state.errors} />
      <SubmitButton pendingLabel={patientId ? "Prescribing…" : "Adding…"} pending={pending}>
        {patientId ? "Prescribe" : "Add to my routine"}
      </SubmitButton>
    </form>
  );
}
