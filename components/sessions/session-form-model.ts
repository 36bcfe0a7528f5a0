import { fromLocalDateTime } from "@/lib/domain/calendar";
import type { Side } from "@/lib/validation/fields";

/** What the quick log's exercise picker needs to know about a catalog exercise. */
export type ExerciseOption = {
  id: string;
  name: string;
  defaultDose: { sets: number; reps: number; holdSeconds: number; perSide: boolean };
};

/** One exercise row as typed: strings, exactly what the inputs show. */
export type EntryRow = {
  key: string;
  exerciseId: string;
  side: Side;
  sets: string;
  reps: string;
  holdSeconds: string;
};

export type SessionFormValues = {
  /** A datetime-local value in the patient's zone, e.g. "2026-11-27T14:05". */
  startedAt: string;
  durationMinutes: string;
  painBefore: string;
  painAfter: string;
  /** The area both ratings are about; defaults to the patient's main area. */
  painArea: string;
  notes: string;
  entries: Omit<EntryRow, "key">[];
};

export const entryFields = ["exerciseId", "side", "sets", "reps", "holdSeconds"] as const;
export type EntryField = (typeof entryFields)[number];

export function blankEntry(): Omit<EntryRow, "key"> {
  return { exerciseId: "", side: "BOTH", sets: "", reps: "", holdSeconds: "" };
}

/** Choosing an exercise fills in its usual dose; a per-side exercise starts on the left. */
export function withExercise(row: EntryRow, exercise: ExerciseOption | undefined): EntryRow {
  if (!exercise) return { ...row, exerciseId: "" };
  const dose = exercise.defaultDose;
  return {
    ...row,
    exerciseId: exercise.id,
    side: dose.perSide ? (row.side === "BOTH" ? "LEFT" : row.side) : "BOTH",
    sets: String(dose.sets),
    reps: String(dose.reps),
    holdSeconds: String(dose.holdSeconds),
  };
}

/** A blank number goes as "missing" (so the server asks for it) rather than as zero. */
const numberOrMissing = (value: string) => (value.trim() === "" ? undefined : value.trim());

/**
 * The datetime-local value read in the patient's own time zone (the one the form was filled in
 * with), not the browser's: they differ when travelling. Unreadable values go as typed, so the
 * server answers them on the field.
 */
export function localToIso(value: string, timeZone: string): string {
  if (!value) return "";
  return fromLocalDateTime(value, timeZone)?.toISOString() ?? value;
}

export function toSessionPayload(
  values: Omit<SessionFormValues, "entries">,
  rows: EntryRow[],
  clientRequestId: string,
  timeZone: string,
  id?: string,
): Record<string, unknown> {
  return {
    ...(id ? { id } : {}),
    clientRequestId,
    startedAt: localToIso(values.startedAt, timeZone),
    durationMinutes: numberOrMissing(values.durationMinutes),
    painBefore: values.painBefore,
    painAfter: values.painAfter,
    painArea: values.painArea,
    notes: values.notes,
    entries: rows.map((row) => ({
      exerciseId: row.exerciseId,
      side: row.side,
      sets: numberOrMissing(row.sets),
      reps: numberOrMissing(row.reps),
      holdSeconds: numberOrMissing(row.holdSeconds),
    })),
  };
}

/**
 * The server names row errors by position ("entries.1.sets"); rows can be added and removed after
 * a submission, so errors are tied to the keys the rows had when they were sent.
 */
export function rowErrors(
  errors: Record<string, string[] | undefined> | undefined,
  sentKeys: string[],
): Record<string, Partial<Record<EntryField | "row", string[]>>> {
  const byRow: Record<string, Partial<Record<EntryField | "row", string[]>>> = {};
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const match = /^entries\.(\d+)(?:\.(\w+))?$/.exec(path);
    if (!match || !messages?.length) continue;
    const key = sentKeys[Number(match[1])];
    if (!key) continue;
    const field = (entryFields as readonly string[]).includes(match[2] ?? "")
      ? (match[2] as EntryField)
      : "row";
    const row = byRow[key] ?? {};
    row[field] = [...(row[field] ?? []), ...messages];
    byRow[key] = row;
  }
  return byRow;
}
