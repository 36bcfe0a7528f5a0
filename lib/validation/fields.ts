// Fields shared by the patient's forms (logs, check-ins, routine): limits, areas, sides, ids.
import { painRegions } from "@/lib/domain/pain-areas";
import { z } from "./zod";

// Limits a real session never reaches; anything beyond is a typo or an attack (issue #3).
export const limits = {
  sets: 50,
  reps: 500,
  holdSeconds: 600,
  notes: 2000,
  entries: 60,
  durationSeconds: 6 * 3600,
} as const;

// The areas are plain constants in lib/domain/pain-areas.ts, so a page can name them without zod.
export {
  areaNotGiven,
  type PainArea,
  type PainRegion,
  painAreaLabels,
  painRegionLabels,
  painRegions,
} from "@/lib/domain/pain-areas";

export const painContexts = ["CHECK_IN", "BEFORE_SESSION", "AFTER_SESSION"] as const;
export const sides = ["LEFT", "RIGHT", "BOTH"] as const;
export type Side = (typeof sides)[number];

/** Form fields arrive as strings; an empty one means "not given". */
export const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * A number as a form (digits in a string) or a client component (a JSON number) sends it. Nothing
 * else is read as one: z.coerce would take " " as 0, true as 1, [5] as 5, "0x5" as 5 and "1e1" as 10.
 * Anything else is passed on unchanged for z.number to refuse.
 */
function strictNumber(pattern: RegExp) {
  return (value: unknown) => {
    if (typeof value === "number") return value;
    if (typeof value === "string" && pattern.test(value)) return Number(value);
    return value;
  };
}
/** Decimal digits, a minus and a fraction allowed so that "-1" and "2.5" get the range and whole-number messages. */
const decimalText = /^-?\d{1,15}(\.\d{1,15})?$/;
/** A pain rating is an integer written as digits, nothing else. */
const digitsOnly = /^\d{1,15}$/;

export const wholeNumber = (label: string, min: number, max: number) =>
  z.preprocess(
    strictNumber(decimalText),
    z
      .number({ error: `Enter ${label} as a number.` })
      .refine(Number.isFinite, `Enter ${label} as a number.`)
      .refine(Number.isInteger, `Use a whole number for ${label}.`)
      .refine((value) => value >= min, `${capitalise(label)} cannot be less than ${min}.`)
      .refine((value) => value <= max, `${capitalise(label)} cannot be more than ${max}.`),
  );

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const painRating = z.preprocess(
  (value) => strictNumber(digitsOnly)(blankToUndefined(value)),
  z
    .number({ error: "Choose a pain rating from 0 (none) to 10 (worst)." })
    .refine(
      (value) => Number.isInteger(value) && value >= 0 && value <= 10,
      "Choose a pain rating from 0 (none) to 10 (worst).",
    ),
);
export const optionalPainRating = z.preprocess(blankToUndefined, painRating.optional());
/** The area a rating is about, as a form sends it. */
export const painAreaField = z.preprocess(
  blankToUndefined,
  z.enum(painRegions, { error: "Choose left hip, right hip or lower back." }).optional(),
);

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
