"use client";

import type { ReactNode, Ref } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { limits, type Side } from "@/lib/validation/fields";
import type { DoseField, DoseFields, EntryRow, ExerciseOption, RowErrors } from "./session-form-model";

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

const doseLimits: Record<DoseField, number> = {
  sets: limits.sets,
  reps: limits.reps,
  holdSeconds: limits.holdSeconds,
};

/** Sets, repetitions and hold for one side (or the whole exercise), labelled inside their group. */
function DoseInputs({
  idPrefix,
  dose,
  disabled,
  errors,
  onChange,
}: {
  idPrefix: string;
  dose: DoseFields;
  disabled?: boolean;
  errors: Partial<Record<DoseField, string[]>> | undefined;
  onChange: (field: DoseField, value: string) => void;
}) {
  const labels: Record<DoseField, ReactNode> = {
    sets: "Sets",
    reps: "Repetitions",
    holdSeconds: (
      <>
        Hold <span className="sr-only">in seconds</span>
        <span aria-hidden="true">(s)</span>
      </>
    ),
  };
  return (
    <div className="grid grid-cols-3 gap-2">
      {(Object.keys(labels) as DoseField[]).map((field) => {
        const id = `${idPrefix}-${field}`;
        return (
          <div key={field}>
            <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
              {labels[field]}
            </label>
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={0}
              max={doseLimits[field]}
              step={1}
              disabled={disabled}
              value={dose[field]}
              onChange={(event) => onChange(field, event.target.value)}
              aria-invalid={errors?.[field] ? true : undefined}
              aria-describedby={describedBy(errors?.[field] && `${id}-error`)}
              className={`${inputClasses} disabled:bg-slate-100 disabled:text-slate-500`}
            />
            <FieldErrors id={`${id}-error`} errors={errors?.[field]} />
          </div>
        );
      })}
    </div>
  );
}

const sideNames: Record<"left" | "right", { side: Side; label: string }> = {
  left: { side: "LEFT", label: "Left side" },
  right: { side: "RIGHT", label: "Right side" },
};

export function SessionFormEntryRow({
  row,
  index,
  exercises,
  routineExerciseIds,
  errors,
  selectRef,
  onChange,
  onExerciseChange,
  onRemove,
}: {
  row: EntryRow;
  index: number;
  exercises: ExerciseOption[];
  /** Exercises of the patient's routine, offered first; the rest of the catalog follows. */
  routineExerciseIds: string[];
  errors: RowErrors | undefined;
  selectRef?: Ref<HTMLSelectElement>;
  onChange: (change: (row: EntryRow) => EntryRow) => void;
  onExerciseChange: (exerciseId: string) => void;
  onRemove: () => void;
}) {
  const id = (field: string) => `${row.key}-${field}`;
  const exercise = exercises.find((option) => option.id === row.exerciseId);
  const legend = `Exercise ${index + 1}`;
  const inRoutine = exercises.filter((option) => routineExerciseIds.includes(option.id));
  const others = exercises.filter((option) => !routineExerciseIds.includes(option.id));
  const option = (choice: ExerciseOption) => (
    <option key={choice.id} value={choice.id}>
      {choice.name}
    </option>
  );
  return (
    <fieldset
      className="min-w-0 space-y-3 rounded-xl border border-slate-200 bg-white p-3"
      aria-describedby={describedBy(errors?.row && `${id("row")}-error`)}
    >
      <legend className="sr-only">{legend}</legend>
      <div className="flex items-center justify-between gap-2">
        <p aria-hidden="true" className="text-sm font-semibold text-slate-700">
          Exercise {index + 1}
          {row.mode === "sides" ? ", each side" : ""}
        </p>
        <Button
          variant="ghost"
          onClick={onRemove}
          aria-label={`Remove exercise ${index + 1}${exercise ? `, ${exercise.name}` : ""}`}
        >
          Remove
        </Button>
      </div>
      <div>
        <label htmlFor={id("exerciseId")} className="mb-1 block text-sm font-medium text-slate-800">
          Exercise
        </label>
        <select
          id={id("exerciseId")}
          ref={selectRef}
          value={row.exerciseId}
          onChange={(event) => onExerciseChange(event.target.value)}
          aria-invalid={errors?.exerciseId ? true : undefined}
          aria-describedby={describedBy(errors?.exerciseId && `${id("exerciseId")}-error`)}
          className={inputClasses}
        >
          <option value="">Choose an exercise</option>
          {inRoutine.length ? (
            <>
              <optgroup label="In your routine">{inRoutine.map(option)}</optgroup>
              <optgroup label="All other exercises">{others.map(option)}</optgroup>
            </>
          ) : (
            others.map(option)
          )}
        </select>
        <FieldErrors id={`${id("exerciseId")}-error`} errors={errors?.exerciseId} />
      </div>
      {row.mode === "sides" ? (
        (["left", "right"] as const).map((which) => {
          const { side, label } = sideNames[which];
          const values = row[which];
          return (
            <fieldset
              key={which}
              className="min-w-0 space-y-2 border-t border-slate-100 pt-2 sm:grid sm:grid-cols-[10rem_1fr] sm:items-end sm:gap-3 sm:space-y-0"
            >
              <legend className="sr-only">{label}</legend>
              <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-slate-800">
                <input
                  type="checkbox"
                  checked={values.done}
                  onChange={(event) =>
                    onChange((current) => ({
                      ...current,
                      [which]: { ...current[which], done: event.target.checked },
                    }))
                  }
                  className="size-5 accent-brand-700"
                />
                {label} done
              </label>
              <DoseInputs
                idPrefix={id(which)}
                dose={values}
                disabled={!values.done}
                errors={errors?.doses[side]}
                onChange={(field, value) =>
                  onChange((current) => ({ ...current, [which]: { ...current[which], [field]: value } }))
                }
              />
            </fieldset>
          );
        })
      ) : (
        <DoseInputs
          idPrefix={id("both")}
          dose={row.both}
          errors={errors?.doses.BOTH}
          onChange={(field, value) =>
            onChange((current) => ({ ...current, both: { ...current.both, [field]: value } }))
          }
        />
      )}
      <FieldErrors id={`${id("row")}-error`} errors={errors?.row} />
    </fieldset>
  );
}
