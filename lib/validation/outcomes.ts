// Forms of the outcome measures. The shape is checked here; what an instrument allows (how many
// activities, which answers, what must be answered) is checked by the instrument's own score
// function on the server, so the rules live in one place (lib/instruments).

import { instrumentIds } from "@/lib/instruments/index";
import { blankToUndefined, clientRequestId, idField, wholeNumber } from "./fields";
import { z } from "./zod";

const isoDate = (label: string) =>
  z
    .string({ error: `Choose ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Choose ${label}.`)
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), `Choose ${label}.`);

export const instrumentField = z.enum(instrumentIds as [string, ...string[]], {
  error: "Choose one of the questionnaires listed.",
});

export const assignOutcomeSchema = z
  .object({
    patientId: idField,
    instrument: instrumentField,
    firstDueDate: isoDate("the first date"),
    everyWeeks: z.preprocess(blankToUndefined, wholeNumber("the number of weeks", 1, 52).optional()),
    untilDate: z.preprocess(blankToUndefined, isoDate("the end date").optional()),
    clientRequestId,
  })
  .refine((input) => !input.untilDate || input.untilDate >= input.firstDueDate, {
    path: ["untilDate"],
    message: "The end date cannot be before the first date.",
  });
export type AssignOutcomeInput = z.output<typeof assignOutcomeSchema>;

// Generous caps on the shape only (a tampered request cannot park a large blob); the instrument
// gives the real limits with its own messages.
const answersShape = z.object({
  choices: z.record(z.string().max(40), z.number().nullable().optional()).default({}),
  activities: z
    .array(
      z.object({
        name: z.string().max(1000, "Keep the activity's name to 100 characters or fewer."),
        rating: z.number().nullable().optional(),
      }),
    )
    .max(20, "Name at most 5 activities.")
    .default([]),
});

export const outcomeDraftSchema = z.object({ instrument: instrumentField, answers: answersShape });
export type OutcomeDraftInput = z.output<typeof outcomeDraftSchema>;

export const submitOutcomeSchema = z.object({
  instrument: instrumentField,
  answers: answersShape,
  /** The scheduled occurrence being answered; absent when the patient started it on their own. */
  assignmentId: z.preprocess(blankToUndefined, idField.optional()),
  dueDate: z.preprocess(blankToUndefined, isoDate("the due date").optional()),
  clientRequestId,
});
export type SubmitOutcomeInput = z.output<typeof submitOutcomeSchema>;
