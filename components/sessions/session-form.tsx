"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import {
  type FormEvent,
  startTransition,
  useActionState,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { SavedPainAdvice } from "@/components/pain/saved-pain-advice";
import { useRefreshAfterWrite } from "@/components/providers/use-refresh-after-write";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field, FieldErrors, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useRequestId } from "@/components/ui/use-request-id";
import { initialActionState } from "@/lib/actions/action-state";
import { editSessionAction, logSessionAction } from "@/lib/actions/logs";
import { toDateTimeLocalValue } from "@/lib/format";
import { limits, painRegionLabels, painRegions } from "@/lib/validation/fields";
import { SessionFormEntryRow } from "./session-form-entry-row";
import {
  blankEntry,
  type EntryRow,
  type EntryTarget,
  type ExerciseOption,
  type RowDraft,
  rowErrors,
  rowProblems,
  type SessionFormValues,
  toEntries,
  toSessionPayload,
  withExercise,
} from "./session-form-model";

const painChoices = Array.from({ length: 11 }, (_, rating) => rating);

function PainSelect({
  name,
  label,
  value,
  errors,
  onChange,
}: {
  name: string;
  label: string;
  value: string;
  errors?: string[];
  onChange: (value: string) => void;
}) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        className={inputClasses}
      >
        <option value="">Not rated</option>
        {painChoices.map((rating) => (
          <option key={rating} value={rating}>
            {rating === 0 ? "0 (no pain)" : rating === 10 ? "10 (worst)" : rating}
          </option>
        ))}
      </select>
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

/**
 * Records a session after the fact (the quick log) or edits one. It posts an object, because a
 * session has a list of exercise rows; everything typed stays in React state, so an error keeps it.
 */
export function SessionForm({
  sessionId,
  requestId: initialRequestId,
  exercises,
  routineExerciseIds = [],
  routineStart,
  initial,
  maxStartedAt,
  timeZone,
}: {
  /** Present when editing an existing session. */
  sessionId?: string;
  requestId: string;
  exercises: ExerciseOption[];
  /** Exercises of the patient's routine, offered first in each row's list. */
  routineExerciseIds?: string[];
  /** Rows of the routine to start from ("today's routine"), at the prescribed doses. */
  routineStart?: { label: string; rows: RowDraft[] };
  initial: SessionFormValues;
  /** "Now" as a datetime-local value in the patient's zone. */
  maxStartedAt: string;
  timeZone: string;
}) {
  const editing = sessionId !== undefined;
  const [state, dispatch, pending] = useActionState(
    editing ? editSessionAction : logSessionAction,
    initialActionState,
  );
  useRefreshAfterWrite(state);
  const requestId = useRequestId(initialRequestId, state);
  const [values, setValues] = useState(() => {
    const { entries: _entries, ...rest } = initial;
    return rest;
  });
  // Row keys tie a row to its inputs' ids and to its errors. The first rows' keys are derived from
  // `useId` and their position, so the server and the browser render the same ids.
  const keyPrefix = useId();
  const [rows, setRows] = useState<EntryRow[]>(() =>
    (initial.entries.length ? initial.entries : [blankEntry()]).map((entry, index) => ({
      ...entry,
      key: `${keyPrefix}row${index}`,
    })),
  );
  const rowCount = useRef(Math.max(1, initial.entries.length));
  // Whether the rows on screen are the routine's, as filled in (for the words above them).
  const [fromRoutine, setFromRoutine] = useState(!editing && initial.entries.length > 0);
  const newRowKey = useCallback(() => `${keyPrefix}row${rowCount.current++}`, [keyPrefix]);
  const [localProblems, setLocalProblems] = useState<ReturnType<typeof rowProblems>>({});
  const [sent, setSent] = useState<EntryTarget[]>([]);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const focusRowKey = useRef<string | null>(null);
  const selectRefs = useRef(new Map<string, HTMLSelectElement>());
  // A second click lands before React re-renders the disabled button: drop it here.
  const inFlight = useRef(false);
  const previousState = useRef(state);
  // After a save the next session starts from the area this one began with (the main area).
  const mainPainArea = initial.painArea;

  useEffect(() => {
    if (state === previousState.current) return;
    previousState.current = state;
    inFlight.current = false;
    // An edit is saved: back to History, which confirms it.
    if (state.ok && editing) router.push("/history?tab=sessions&saved=session");
    if (state.ok && !editing) {
      setValues({
        startedAt: toDateTimeLocalValue(new Date(), timeZone),
        durationMinutes: "",
        painBefore: "",
        painAfter: "",
        painArea: mainPainArea,
        notes: "",
      });
      setRows([{ ...blankEntry(), key: newRowKey() }]);
      setFromRoutine(false);
    }
    if (!state.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state, editing, timeZone, newRowKey, mainPainArea, router]);

  useEffect(() => {
    const key = focusRowKey.current;
    if (!key) return;
    focusRowKey.current = null;
    selectRefs.current.get(key)?.focus();
  });

  const hasLocalErrors = Object.keys(localProblems).length > 0;
  const errors: Record<string, string[] | undefined> = hasLocalErrors || state.ok ? {} : (state.errors ?? {});
  const errorsByRow = hasLocalErrors
    ? Object.fromEntries(
        Object.entries(localProblems).map(([key, problem]) => [key, { ...problem, doses: {} }]),
      )
    : rowErrors(errors, sent);
  const formErrors = [...(errors.clientRequestId ?? []), ...(errors.id ?? []), ...(errors.form ?? [])];

  const set = (field: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const updateRow = (key: string, change: (row: EntryRow) => EntryRow) =>
    setRows((current) => current.map((row) => (row.key === key ? change(row) : row)));

  function addRow() {
    const key = newRowKey();
    focusRowKey.current = key;
    setRows((current) => [...current, { ...blankEntry(), key }]);
  }

  function startFrom(drafts: RowDraft[]) {
    setRows((drafts.length ? drafts : [blankEntry()]).map((draft) => ({ ...draft, key: newRowKey() })));
    setFromRoutine(drafts.length > 0);
    setLocalProblems({});
    setSent([]);
  }

  function removeRow(key: string) {
    setRows((current) => current.filter((row) => row.key !== key));
    addButtonRef.current?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current || pending) return;
    const problems = rowProblems(rows);
    setLocalProblems(problems);
    if (Object.keys(problems).length > 0) {
      // Focus after the errors render.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    const { entries, targets } = toEntries(rows);
    setSent(targets);
    inFlight.current = true;
    startTransition(() => dispatch(toSessionPayload(values, entries, requestId, timeZone, sessionId)));
  }

  const notesLength = values.notes.length;
  return (
    <form ref={formRef} method="post" onSubmit={submit} noValidate className="space-y-6">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="startedAt"
          label="Date and time"
          type="datetime-local"
          required
          max={maxStartedAt}
          value={values.startedAt}
          onChange={(event) => set("startedAt")(event.target.value)}
          errors={errors.startedAt}
        />
        <Field
          name="durationMinutes"
          label="Duration in minutes (optional)"
          type="number"
          inputMode="numeric"
          min={0}
          max={limits.durationSeconds / 60}
          step={1}
          value={values.durationMinutes}
          onChange={(event) => set("durationMinutes")(event.target.value)}
          errors={errors.durationMinutes}
        />
      </div>

      <fieldset className="space-y-3" aria-describedby={errors.entries ? "field-entries-error" : undefined}>
        <legend className="text-lg font-semibold">Exercises done</legend>
        {routineStart ? (
          <div className="space-y-2 rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800">
            <p>
              {fromRoutine ? "Filled in from" : "You can start from"} {routineStart.label}: its exercises at
              the prescribed doses, both sides of each per-side exercise. Change what differed, untick a side
              you skipped, remove what you did not do.
            </p>
            <div className="flex flex-wrap gap-2">
              <button
                type="button"
                className={buttonClasses("secondary")}
                onClick={() => startFrom(routineStart.rows)}
              >
                Fill in {routineStart.label}
              </button>
              <button type="button" className={buttonClasses("ghost")} onClick={() => startFrom([])}>
                Start with an empty list
              </button>
            </div>
          </div>
        ) : null}
        <p className="text-sm text-slate-700">
          An exercise done on each side is one row with a line per side. Any exercise of the catalog can be
          added.
        </p>
        <FieldErrors id="field-entries-error" errors={errors.entries} />
        {rows.map((row, index) => (
          <SessionFormEntryRow
            key={row.key}
            row={row}
            index={index}
            exercises={exercises}
            routineExerciseIds={routineExerciseIds}
            errors={errorsByRow[row.key]}
            selectRef={(element) => {
              if (element) selectRefs.current.set(row.key, element);
              else selectRefs.current.delete(row.key);
            }}
            onChange={(change) => updateRow(row.key, change)}
            onExerciseChange={(exerciseId) =>
              updateRow(row.key, (current) =>
                withExercise(
                  current,
                  exercises.find((exercise) => exercise.id === exerciseId),
                ),
              )
            }
            onRemove={() => removeRow(row.key)}
          />
        ))}
        <button ref={addButtonRef} type="button" className={buttonClasses("secondary")} onClick={addRow}>
          Add exercise
        </button>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <div>
          <label htmlFor="field-painArea" className="mb-1 block text-sm font-medium text-slate-800">
            Area the ratings are about
          </label>
          <select
            id="field-painArea"
            value={values.painArea}
            onChange={(event) => set("painArea")(event.target.value)}
            aria-invalid={errors.painArea?.length ? true : undefined}
            aria-describedby={errors.painArea?.length ? "field-painArea-error" : undefined}
            className={inputClasses}
          >
            <option value="">Choose an area</option>
            {painRegions.map((region) => (
              <option key={region} value={region}>
                {painRegionLabels[region]}
              </option>
            ))}
          </select>
          <FieldErrors id="field-painArea-error" errors={errors.painArea} />
        </div>
        <PainSelect
          name="painBefore"
          label="Pain before (0-10, optional)"
          value={values.painBefore}
          errors={errors.painBefore}
          onChange={set("painBefore")}
        />
        <PainSelect
          name="painAfter"
          label="Pain after (0-10, optional)"
          value={values.painAfter}
          errors={errors.painAfter}
          onChange={set("painAfter")}
        />
      </div>

      <div>
        <label htmlFor="field-notes" className="mb-1 block text-sm font-medium text-slate-800">
          Notes (optional)
        </label>
        <textarea
          id="field-notes"
          rows={3}
          value={values.notes}
          onChange={(event) => set("notes")(event.target.value)}
          aria-invalid={errors.notes ? true : undefined}
          aria-describedby={`field-notes-count${errors.notes ? " field-notes-error" : ""}`}
          className={inputClasses}
        />
        <p
          id="field-notes-count"
          className={`mt-1 text-sm ${notesLength > limits.notes ? "font-semibold text-red-700" : "text-slate-600"}`}
        >
          {notesLength.toLocaleString("en")} of {limits.notes.toLocaleString("en")} characters
        </p>
        <FieldErrors id="field-notes-error" errors={errors.notes} />
      </div>

      <div className="space-y-3">
        <FieldErrors id="field-form-error" errors={formErrors} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? "Saving…" : editing ? "Save changes" : "Save session"}
          </Button>
          {editing ? (
            <Link href="/history?tab=sessions" className="min-h-11 content-center px-2">
              Back to history
            </Link>
          ) : null}
        </div>
        <FormMessage
          ok={!hasLocalErrors && state.ok}
          message={
            hasLocalErrors
              ? "Choose an exercise and the sides you did for each row, or remove the rows you do not need."
              : state.message
          }
        />
        {state.ok && !editing ? (
          <p>
            <Link href="/history?tab=sessions">See it in your history</Link>
          </p>
        ) : null}
        <div aria-live="polite">
          {!hasLocalErrors && state.ok && !editing ? <SavedPainAdvice reasons={state.painAdvice} /> : null}
        </div>
      </div>
    </form>
  );
}
