import {
  blankToUndefined,
  clientRequestId,
  idField,
  limits,
  notesField,
  optionalPainRating,
  painAreaField,
  painRating,
  painRegions,
  pastInstant,
  sides,
  wholeNumber,
} from "./fields";
import { z } from "./zod";

// Sessions, check-ins and pain entries.
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
  /** The area both of the session's ratings are about. */
  painArea: painAreaField,
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

// Every pain rating names its area, so a session rating without one is refused.
const ratedAreaNamed = {
  path: ["painArea"],
  message: "Choose the area your pain rating is about.",
};
const areaNamed = (value: { painBefore?: number; painAfter?: number; painArea?: string }) =>
  (value.painBefore === undefined && value.painAfter === undefined) || value.painArea !== undefined;

export function sessionSchema(now?: () => Date) {
  return z
    .object(sessionFields(now))
    .refine((value) => value.entries.some((entry) => entry.sets > 0), atLeastOneSet)
    .refine(areaNamed, ratedAreaNamed);
}

export function sessionEditSchema(now?: () => Date) {
  return z
    .object({ ...sessionFields(now), id: idField })
    .refine((value) => value.entries.some((entry) => entry.sets > 0), atLeastOneSet)
    .refine(areaNamed, ratedAreaNamed);
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

export const mainPainAreaSchema = z.object({ mainPainArea: painAreaField });

/**
 * The guided session's "get into position" countdown, in seconds: 0 turns it off; the default is
 * the column default of User.guidedLeadInSeconds.
 */
export const guidedLeadInLimits = { min: 0, max: 30, default: 5 } as const;

export const guidedLeadInSchema = z.object({
  leadInSeconds: z.preprocess(
    blankToUndefined,
    wholeNumber("the lead-in", guidedLeadInLimits.min, guidedLeadInLimits.max),
  ),
});
