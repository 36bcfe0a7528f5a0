import { idField, wholeNumber } from "./fields";
import { z } from "./zod";

/** Bounds of the weekly target a physiotherapist may set: a share of the week's due days. */
export const weeklyTargetLimits = { min: 10, max: 100 } as const;

export const weeklyTargetSchema = z.object({
  patientId: idField,
  weeklyTargetPercent: wholeNumber("the weekly target", weeklyTargetLimits.min, weeklyTargetLimits.max),
});
