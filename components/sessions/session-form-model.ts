import { fromLocalDateTime } from "@/lib/domain/calendar";
import type { Side } from "@/lib/validation/fields";

export type Dose = { sets: number; reps: number; holdSeconds: number; perSide: boolean };

/** What the quick log's exercise picker needs to know about a catalog exercise. */
export type ExerciseOption = {
  id: string;
  name: string;
  defaultDose: Dose;
  /** The dose the patient's routine prescribes, when the exercise is in it. */
  prescribed?: Dose;
};

/** Sets, repetitions and hold as typed: strings, exactly what the inputs show. */
export type DoseFields = { sets: string; reps: string; holdSeconds: string };
export type SideFields = DoseFields & { done: boolean };
export const doseFields = ["sets", "reps", "holdSeconds"] as const;
export type DoseField = (typeof doseFields)[number];

/**
 * One exercise as the form shows it. A per-side exercise is one row with a line for each side
 * (`sides`), saved as one entry per side done; any other is one line (`both`), saved as BOTH.
 */
export type EntryRow = {
  key: string;
  exerciseId: string;
  mode: "sides" | "both";
  both: DoseFields;
  left: SideFields;
  right: SideFields;
};
export type RowDraft = Omit<EntryRow, "key">;

export type SessionFormValues = {
  /** A datetime-local value in the patient's zone, e.g. "2026-11-27T14:05". */
  startedAt: string;
  durationMinutes: string;
  painBefore: string;
  painAfter: string;
  /** The area both ratings are about; defaults to the patient's main area. */
  painArea: string;
  notes: string;
  entries: RowDraft[];
};

const blankDose: DoseFields = { sets: "", reps: "", holdSeconds: "" };

export function blankEntry(): RowDraft {
  return {
    exerciseId: "",
    mode: "both",
    both: { ...blankDose },
    left: { ...blankDose, done: true },
    right: { ...blankDose, done: true },
  };
}

function asFields(dose: Omit<Dose, "perSide">): DoseFields {
  return { sets: String(dose.sets), reps: String(dose.reps), holdSeconds: String(dose.holdSeconds) };
}

/** A row filled in with a dose: both sides done, at the same dose, for a per-side exercise. */
export function rowWithDose(exerciseId: string, dose: Dose): RowDraft {
  const fields = asFields(dose);
  return {
    exerciseId,
    mode: dose.perSide ? "sides" : "both",
    both: { ...fields },
    left: { ...fields, done: true },
    right: { ...fields, done: true },
  };
}

/** Choosing an exercise fills in the routine's dose for it, or else the catalog's usual one. */
export function withExercise(row: EntryRow, exercise: ExerciseOption | undefined): EntryRow {
  if (!exercise) return { ...row, exerciseId: "" };
  return { ...rowWithDose(exercise.id, exercise.prescribed ?? exercise.defaultDose), key: row.key };
}

type StoredEntry = { exerciseId: string; side: Side; sets: number; reps: number; holdSeconds: number };

/**
 * A saved session's entries as form rows: a left and a right entry of the same exercise next to
 * each other become one row; a side logged alone is a row with the other side not done.
 */
export function rowsFromEntries(entries: StoredEntry[]): RowDraft[] {
  const rows: RowDraft[] = [];
  for (const entry of entries) {
    const fields = asFields(entry);
    if (entry.side === "BOTH") {
      rows.push({ ...rowWithDose(entry.exerciseId, { ...entry, perSide: false }), both: fields });
      continue;
    }
    const side = entry.side === "LEFT" ? "left" : "right";
    const other = side === "left" ? "right" : "left";
    const previous = rows.at(-1);
    if (
      previous &&
      previous.mode === "sides" &&
      previous.exerciseId === entry.exerciseId &&
      !previous[side].done
    ) {
      previous[side] = { ...fields, done: true };
      continue;
    }
    rows.push({
      exerciseId: entry.exerciseId,
      mode: "sides",
      both: { ...fields },
      [side]: { ...fields, done: true },
      [other]: { ...fields, done: false },
    } as RowDraft);
  }
  return rows;
}

/** A blank number goes as "missing" (so the server asks for it) rather than as zero. */
const numberOrMissing = (value: string) => (value.trim() === "" ? undefined : value.trim());

/** Where an entry of the payload came from: its row and side, so server errors find their field. */
export type EntryTarget = { key: string; side: Side };

/** The entries a list of rows saves, in order, with the row and side each came from. */
export function toEntries(rows: EntryRow[]): { entries: Record<string, unknown>[]; targets: EntryTarget[] } {
  const entries: Record<string, unknown>[] = [];
  const targets: EntryTarget[] = [];
  const push = (row: EntryRow, side: Side, dose: DoseFields) => {
    entries.push({
      exerciseId: row.exerciseId,
      side,
      sets: numberOrMissing(dose.sets),
      reps: numberOrMissing(dose.reps),
      holdSeconds: numberOrMissing(dose.holdSeconds),
    });
    targets.push({ key: row.key, side });
  };
  for (const row of rows) {
    if (row.mode === "both") push(row, "BOTH", row.both);
    else {
      if (row.left.done) push(row, "LEFT", row.left);
      if (row.right.done) push(row, "RIGHT", row.right);
    }
  }
  return { entries, targets };
}

/**
 * What the browser checks before sending: each row names its exercise, and a per-side row has at
 * least one side done. Keys as the server would name them, by row position.
 */
export function rowProblems(rows: EntryRow[]): Record<string, { exerciseId?: string[]; row?: string[] }> {
  const problems: Record<string, { exerciseId?: string[]; row?: string[] }> = {};
  for (const row of rows) {
    if (!row.exerciseId) problems[row.key] = { exerciseId: ["Choose an exercise."] };
    else if (row.mode === "sides" && !row.left.done && !row.right.done)
      problems[row.key] = { row: ["Tick the sides you did, or remove this exercise."] };
  }
  return problems;
}

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
  entries: Record<string, unknown>[],
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
    entries,
  };
}

export type RowErrors = {
  exerciseId?: string[];
  /** Errors about the row as a whole (or its side). */
  row?: string[];
  doses: Partial<Record<Side, Partial<Record<DoseField, string[]>>>>;
};

/**
 * The server names entry errors by position ("entries.1.sets"); rows can be added and removed
 * after a submission, so errors are tied to the row and side each entry was sent from.
 */
export function rowErrors(
  errors: Record<string, string[] | undefined> | undefined,
  sent: EntryTarget[],
): Record<string, RowErrors> {
  const byRow: Record<string, RowErrors> = {};
  for (const [path, messages] of Object.entries(errors ?? {})) {
    const match = /^entries\.(\d+)(?:\.(\w+))?$/.exec(path);
    if (!match || !messages?.length) continue;
    const target = sent[Number(match[1])];
    if (!target) continue;
    const row = byRow[target.key] ?? { doses: {} };
    const field = match[2] ?? "";
    if (field === "exerciseId") row.exerciseId = [...(row.exerciseId ?? []), ...messages];
    else if ((doseFields as readonly string[]).includes(field)) {
      const dose = row.doses[target.side] ?? {};
      dose[field as DoseField] = [...(dose[field as DoseField] ?? []), ...messages];
      row.doses[target.side] = dose;
    } else row.row = [...(row.row ?? []), ...messages];
    byRow[target.key] = row;
  }
  return byRow;
}
