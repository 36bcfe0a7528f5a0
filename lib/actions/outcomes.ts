"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  assignOutcome,
  OutcomeAnswersError,
  saveOutcomeDraft,
  stopOutcomeAssignment,
  submitOutcome,
} from "@/lib/data/outcomes";
import { formatDate } from "@/lib/format";
import { instrumentFor, instrumentSlug } from "@/lib/instruments/index";
import { idField } from "@/lib/validation/fields";
import { assignOutcomeSchema, outcomeDraftSchema, submitOutcomeSchema } from "@/lib/validation/outcomes";
import { ActionFailure, createAction } from "./action";

/** A linked physiotherapist schedules a questionnaire for the patient. */
export const assignOutcomeAction = createAction(
  "PHYSIO",
  assignOutcomeSchema,
  async (input, { audit }) => {
    // Set before the write: its transaction records the event.
    audit.detail = `${input.instrument} from ${input.firstDueDate}${input.everyWeeks ? ` every ${input.everyWeeks} weeks` : ""}${input.untilDate ? ` until ${input.untilDate}` : ""}`;
    await assignOutcome(input);
    const name = instrumentFor(input.instrument)?.name ?? input.instrument;
    revalidatePath(`/patients/${input.patientId}`);
    const repeat = input.everyWeeks
      ? `, then every ${input.everyWeeks} week${input.everyWeeks === 1 ? "" : "s"}${input.untilDate ? ` until ${formatDate(new Date(`${input.untilDate}T12:00:00Z`), "UTC")}` : ""}`
      : " (once)";
    return {
      ok: true,
      message: `Scheduled: ${name}, first due ${formatDate(new Date(`${input.firstDueDate}T12:00:00Z`), "UTC")}${repeat}.`,
    };
  },
  "OUTCOME_ASSIGNED",
);

export const stopOutcomeAssignmentAction = createAction(
  "PHYSIO",
  z.object({ patientId: idField, assignmentId: idField }),
  async (input) => {
    await stopOutcomeAssignment(input.patientId, input.assignmentId);
    revalidatePath(`/patients/${input.patientId}`);
    return { ok: true, message: "Stopped. Answers already given stay in the record." };
  },
  "OUTCOME_ASSIGNMENT_STOPPED",
);

/** The patient keeps answers part-way, on the server, to finish later on any device. */
export const saveOutcomeDraftAction = createAction(
  "PATIENT",
  outcomeDraftSchema,
  async (input, { audit }) => {
    audit.detail = input.instrument;
    await saveOutcomeDraft(input);
    return { ok: true, message: "Saved. You can finish these answers later, on any device." };
  },
  "OUTCOME_DRAFT_SAVED",
);

/** The patient sends their answers; the server scores them. */
export const submitOutcomeAction = createAction(
  "PATIENT",
  submitOutcomeSchema,
  async (input) => {
    try {
      // The detail (instrument and score) is recorded by the write's transaction.
      const { score } = await submitOutcome(input);
      const instrument = instrumentFor(input.instrument);
      revalidatePath("/today");
      revalidatePath("/progress");
      revalidatePath(`/outcomes/${instrument ? instrumentSlug(instrument) : ""}`);
      return { ok: true, message: `Saved. Your ${instrument?.shortName ?? ""} score: ${score}.` };
    } catch (error) {
      if (error instanceof OutcomeAnswersError) {
        const errors: Record<string, string[]> = {};
        for (const problem of error.problems) {
          errors[problem.field] = [...(errors[problem.field] ?? []), problem.message];
        }
        throw new ActionFailure(error.message, errors);
      }
      throw error;
    }
  },
  "OUTCOME_COMPLETED",
);
