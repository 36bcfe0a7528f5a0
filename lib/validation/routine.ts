import { clientRequestId, idField, limits, wholeNumber } from "./fields";
import { z } from "./zod";

// The routine: which exercises, what dose, which days.
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
