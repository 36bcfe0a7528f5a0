"use client";

import type { ReactNode, Ref } from "react";
import { Button } from "@/components/ui/button";
import { FieldErrors, inputClasses } from "@/components/ui/field";
import { limits, type Side } from "@/lib/validation/fields";
import type { EntryField, EntryRow, ExerciseOption } from "./session-form-model";

const sideLabels: Record<Side, string> = { LEFT: "Left", RIGHT: "Right", BOTH: "Both sides" };

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

export function SessionFormEntryRow({
  row,
  index,
  exercises,
  errors,
  selectRef,
  onChange,
  onExerciseChange,
  onRemove,
}: {
  row: EntryRow;
  index: number;
  exercises: ExerciseOption[];
  errors: Partial<Record<EntryField | "row", string[]>> | undefined;
  selectRef?: Ref<HTMLSelectElement>;
  onChange: (field: Exclude<EntryField, "exerciseId">, value: string) => void;
  onExerciseChange: (exerciseId: string) => void;
  onRemove: () => void;
}) {
  const id = (field: string) => `${row.key}-${field}`;
  const exerciseName = exercises.find((exercise) => exercise.id === row.exerciseId)?.name;
  const legend = `Exercise ${index + 1}`;
  const numberField = (field: "sets" | "reps" | "holdSeconds", label: ReactNode, max: number) => (
    <div>
      <label htmlFor={id(field)} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id(field)}
        type="number"
        inputMode="numeric"
        min={0}
        max={max}
        step={1}
        value={row[field]}
        onChange={(event) => onChange(field, event.target.value)}
        aria-invalid={errors?.[field] ? true : undefined}
        aria-describedby={describedBy(errors?.[field] && `${id(field)}-error`)}
        className={inputClasses}
      />
      <FieldErrors id={`${id(field)}-error`} errors={errors?.[field]} />
    </div>
  );
  return (
    <fieldset
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-3"
      aria-describedby={describedBy(errors?.row && `${id("row")}-error`)}
    >
      <legend className="sr-only">{legend}</legend>
      <div className="flex items-center justify-between gap-2">
        <p aria-hidden="true" className="text-sm font-semibold text-slate-700">
          {legend}
        </p>
        <Button
          variant="ghost"
          onClick={onRemove}
          aria-label={`Remove exercise ${index + 1}${exerciseName ? `, ${exerciseName}` : ""}`}
        >
          Remove
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr]">
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
            {exercises.map((exercise) => (
              <option key={exercise.id} value={exercise.id}>
                {exercise.name}
              </option>
            ))}
          </select>
          <FieldErrors id={`${id("exerciseId")}-error`} errors={errors?.exerciseId} />
        </div>
        <div>
          <label htmlFor={id("side")} className="mb-1 block text-sm font-medium text-slate-800">
            Side
          </label>
          <select
            id={id("side")}
            value={row.side}
            onChange={(event) => onChange("side", event.target.value)}
            aria-invalid={errors?.side ? true : undefined}
            aria-describedby={describedBy(errors?.side && `${id("side")}-error`)}
            className={inputClasses}
          >
            {(Object.keys(sideLabels) as Side[]).map((side) => (
              <option key={side} value={side}>
                {sideLabels[side]}
              </option>
            ))}
          </select>
          <FieldErrors id={`${id("side")}-error`} errors={errors?.side} />
        </div>
      </div>
      <div className="grid grid-cols-3 gap-2">
        {numberField("sets", "Sets", limits.sets)}
        {numberField("reps", "Repetitions", limits.reps)}
        {numberField(
          "holdSeconds",
          <>
            Hold <span className="sr-only">in seconds</span>
            <span aria-hidden="true">(s)</span>
          </>,
          limits.holdSeconds,
        )}
      </div>
      <FieldErrors id={`${id("row")}-error`} errors={errors?.row} />
    </fieldset>
  );
}
