import { z } from "zod";

// Limits a real session never reaches; anything beyond is a typo or an attack (issue #3).
export const limits = {
  sets: 50,
  reps: 500,
  holdSeconds: 600,
  notes: 2000,
  entries: 60,
  durationSeconds: 6 * 3600,
} as const;

export const painRegions = ["LEFT_HIP", "RIGHT_HIP", "LOWER_BACK"] as const;
export type PainRegion = (typeof painRegions)[number];
export const painRegionLabels: Record<PainRegion, string> = {
  LEFT_HIP: "Left hip",
  RIGHT_HIP: "Right hip",
  LOWER_BACK: "Lower back",
};
export const painContexts = ["CHECK_IN", "BEFORE_SESSION", "AFTER_SESSION"] as const;
export const sides = ["LEFT", "RIGHT", "BOTH"] as const;
export type Side = (typeof sides)[number];

/** Form fields arrive as strings; an empty one means "not given". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${label} as a number.` })
    .refine(Number.isFinite, `Enter ${label} as a number.`)
    .refine(Number.isInteger, `Use a whole number for ${label}.`)
    .refine((value) => value >= min, `${capitalise(label)} cannot be less than ${min}.`)
    .refine((value) => value <= max, `${capitalise(label)} cannot be more than ${max}.`);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const painRating = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "Choose a pain rating from 0 to 10." })
    .refine(
      (value) => Number.isInteger(value) && value >= 0 && value <= 10,
      "Choose a pain rating from 0 (none) to 10 (worst).",
    ),
);
export const optionalPainRating = z.preprocess(blankToUndefined, painRating.optional());

export const clientRequestId = z.uuid({ error: "This form has expired. Reload the page and try again." });

export const notesField = z
  .string()
  .max(limits.notes, `Keep notes to ${limits.notes.toLocaleString("en")} characters.`)
  .optional()
  .default("");

export const idField = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/i, "Unknown item.");

/** A moment in the past, not before 1970. `now` is passed in so tests control the clock. */
export function pastInstant(now: () => Date = () => new Date()) {
  return z.coerce
    .date({ error: "Enter a valid date and time." })
    .refine((value) => !Number.isNaN(value.getTime()), "Enter a valid date and time.")
    .refine((value) => value.getTime() >= 0, "The date cannot be before 1970.")
    .refine((value) => value.getTime() <= now().getTime() + 60_000, "The date cannot be in the future.");
}

export const sessionEntrySchema = z.object({
  exerciseId: idField,
  side: z.enum(sides, { error: "Choose left, right or both." }),
  sets: wholeNumber("sets", 0, limits.sets),
  reps: wholeNumber("repetitions", 0, limits.reps),
  holdSeconds: wholeNumber("the hold", 0, limits.holdSeconds),
});
export type SessionEntryInput = z.infer<typeof sessionEntrySchema>;

const sessionFields = (now?: () => Date) => ({
  clientRequestId,
  startedAt: pastInstant(now),
  durationMinutes: z.preprocess(
    blankToUndefined,
    wholeNumber("the duration", 0, limits.durationSeconds / 60).optional(),
  ),
  painBefore: optionalPainRating,
  painAfter: optionalPainRating,
  notes: notesField,
  entries: z
    .array(sessionEntrySchema)
    .min(1, "Add at least one exercise.")
    .max(limits.entries, `Log at most ${limits.entries} exercise entries.`),
});

const atLeastOneSet = {
  path: ["entries"],
  message: "Record at least one set done.",
};

export function sessionSchema(now?: () => Date) {
  return z
    .object(sessionFields(now))
    .refine((value) => value.entries.some((entry) => entry.sets > 0), atLeastOneSet);
}

export function sessionEditSchema(now?: () => Date) {
  return z
    .object({ ...sessionFields(now), id: idField })
    .refine((value) => value.entries.some((entry) => entry.sets > 0), atLeastOneSet);
}
export type SessionInput = z.infer<ReturnType<typeof sessionSchema>>;

export function checkInSchema(now?: () => Date) {
  return z
    .object({
      clientRequestId,
      recordedAt: z.preprocess(blankToUndefined, pastInstant(now).optional()),
      LEFT_HIP: optionalPainRating,
      RIGHT_HIP: optionalPainRating,
      LOWER_BACK: optionalPainRating,
      note: notesField,
    })
    .refine((value) => painRegions.some((region) => value[region] !== undefined), {
      path: ["LOWER_BACK"],
      message: "Rate at least one area.",
    });
}
export type CheckInInput = z.infer<ReturnType<typeof checkInSchema>>;

export function painEntryEditSchema(now?: () => Date) {
  return z.object({
    clientRequestId,
    id: idField,
    rating: painRating,
    recordedAt: pastInstant(now),
    note: notesField,
  });
}
export type PainEntryEditInput = z.infer<ReturnType<typeof painEntryEditSchema>>;

export const recordRefSchema = z.object({ clientRequestId, id: idField });

// Routine
/** Checked weekday boxes (Monday = 0 ... Sunday = 6) become the routine's bit mask. */
export const daysField = z.preprocess(
  (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.coerce.number())
    .min(1, "Choose at least one day.")
    .refine(
      (days) => days.every((day) => Number.isInteger(day) && day >= 0 && day <= 6),
      "Choose days of the week.",
    )
    .transform((days) => days.reduce((mask, day) => mask | (1 << day), 0)),
);

export const routineDoseSchema = z.object({
  sets: wholeNumber("sets", 1, limits.sets),
  reps: wholeNumber("repetitions", 1, limits.reps),
  holdSeconds: wholeNumber("the hold", 0, limits.holdSeconds),
  perSide: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
  days: daysField,
});
export type RoutineDose = z.infer<typeof routineDoseSchema>;

export const addRoutineItemSchema = routineDoseSchema.extend({ clientRequestId, exerciseId: idField });
export const updateRoutineItemSchema = routineDoseSchema.extend({ clientRequestId, itemId: idField });
export const routineItemRefSchema = z.object({ clientRequestId, itemId: idField });
export const moveRoutineItemSchema = routineItemRefSchema.extend({ direction: z.enum(["up", "down"]) });
