"use client";

import { Field, FieldErrors } from "@/components/ui/field";
import type { FieldErrors as ErrorMap } from "@/lib/actions/action-state";
import { weekdayNames } from "@/lib/domain/schedule";
import { limits } from "@/lib/validation/fields";
import type { DoseDraft } from "./dose-draft";

/** Sets, repetitions, hold, per side and days: the fields the add and edit forms share. */
export function DoseFields({
  idPrefix,
  draft,
  onChange,
  errors,
}: {
  idPrefix: string;
  draft: DoseDraft;
  onChange: (draft: DoseDraft) => void;
  errors?: ErrorMap;
}) {
  const daysErrorId = `${idPrefix}-days-error`;
  // An unknown weekday is reported on its own index ("days.3"); show it with the group.
  const daysErrors = [
    ...new Set(
      Object.entries(errors ?? {}).flatMap(([key, messages]) =>
        key === "days" || key.startsWith("days.") ? (messages ?? []) : [],
      ),
    ),
  ];
  const number = (name: "sets" | "reps" | "holdSeconds") => ({
    id: `${idPrefix}-${name}`,
    name,
    type: "number",
    inputMode: "numeric" as const,
    value: draft[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      onChange({ ...draft, [name]: event.target.value }),
    errors: errors?.[name],
  });
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Field label="Sets" hint={`1 to ${limits.sets}`} {...number("sets")} />
        <Field label="Repetitions" hint={`1 to ${limits.reps}`} {...number("reps")} />
        <Field
          label="Hold (seconds)"
          hint={`0 for no hold, up to ${limits.holdSeconds}`}
          {...number("holdSeconds")}
        />
      </div>
      <div>
        <label className="flex min-h-11 items-center gap-3" htmlFor={`${idPrefix}-perSide`}>
          <input
            id={`${idPrefix}-perSide`}
            type="checkbox"
            name="perSide"
            checked={draft.perSide}
            onChange={(event) => onChange({ ...draft, perSide: event.target.checked })}
            className="size-5 accent-brand-700"
            aria-invalid={errors?.perSide?.length ? true : undefined}
          />
          <span className="text-sm font-medium text-slate-800">Each side (left, then right)</span>
        </label>
        <FieldErrors id={`${idPrefix}-perSide-error`} errors={errors?.perSide} />
      </div>
      <fieldset aria-describedby={daysErrors.length ? daysErrorId : undefined}>
        <legend className="mb-1 text-sm font-medium text-slate-800">Days</legend>
        <div className="flex flex-wrap gap-2">
          {weekdayNames.map((name, day) => (
            <label
              key={name}
              htmlFor={`${idPrefix}-day-${day}`}
              className="flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
            >
              <input
                id={`${idPrefix}-day-${day}`}
                type="checkbox"
                name="days"
                value={day}
                checked={draft.days.includes(day)}
                onChange={(event) =>
                  onChange({
                    ...draft,
                    days: event.target.checked
                      ? [...draft.days, day].sort((a, b) => a - b)
                      : draft.days.filter((chosen) => chosen !== day),
                  })
                }
                className="size-4 accent-brand-700"
              />
              <span className="text-sm">{name}</span>
            </label>
          ))}
        </div>
        <FieldErrors id={daysErrorId} errors={daysErrors} />
      </fieldset>
    </div>
  );
}
