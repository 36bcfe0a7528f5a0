import { randomUUID } from "node:crypto";

// Form inputs as the browser posts them (strings, "on" for a ticked box), each with a fresh
// request id. Tests override only the fields they are about.

export type SessionEntryInput = {
  exerciseId: string;
  side: "LEFT" | "RIGHT" | "BOTH";
  sets: string;
  reps: string;
  holdSeconds: string;
};

/** One exercise done on one side: two sets of five 10 s holds on the left. */
export function entryInput(
  exerciseId: string,
  overrides: Partial<Omit<SessionEntryInput, "exerciseId">> = {},
): SessionEntryInput {
  return { exerciseId, side: "LEFT", sets: "2", reps: "5", holdSeconds: "10", ...overrides };
}

/** A quick-logged session an hour ago: 20 minutes, lower back pain 5 before and 3 after, one entry. */
export function sessionInput(exerciseId: string, overrides: Record<string, unknown> = {}) {
  return {
    clientRequestId: randomUUID(),
    startedAt: new Date(Date.now() - 3_600_000).toISOString(),
    durationMinutes: "20",
    painBefore: "5",
    painAfter: "3",
    painArea: "LOWER_BACK",
    entries: [entryInput(exerciseId)],
    ...overrides,
  };
}

/** A routine item: two sets of three 30 s holds per side, on Monday, Wednesday and Friday. */
export function routineItemInput(exerciseId: string | undefined, overrides: Record<string, unknown> = {}) {
  return {
    clientRequestId: randomUUID(),
    exerciseId,
    sets: "2",
    reps: "3",
    holdSeconds: "30",
    perSide: "on",
    days: ["0", "2", "4"],
    ...overrides,
  };
}
