"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { CurrentUser } from "@/lib/data/current-user";
import {
  addRoutineItem,
  applyStarterRoutine,
  moveRoutineItem,
  stopRoutineItem,
  updateRoutineItem,
} from "@/lib/data/routine";
import { clientRequestId, idField } from "@/lib/validation/fields";
import {
  addRoutineItemSchema,
  moveRoutineItemSchema,
  routineItemRefSchema,
  updateRoutineItemSchema,
} from "@/lib/validation/routine";
import { createAction } from "./action";

/**
 * Whose routine: a patient's own, or for a physiotherapist the patient named in the form. The data
 * layer checks the care link; a patient naming someone else gets "not found" like anyone else.
 */
const whose = { patientId: idField.optional() };

function patientOf(user: CurrentUser, input: { patientId?: string }): string {
  return input.patientId ?? (user.role === "PATIENT" ? user.id : "");
}

function refreshRoutineViews(patientId: string): void {
  for (const path of ["/today", "/routine", "/session", `/patients/${patientId}/routine`])
    revalidatePath(path);
}

export const addRoutineItemAction = createAction(
  "user",
  addRoutineItemSchema.extend(whose),
  async (input, { user }) => {
    const patientId = patientOf(user, input);
    await addRoutineItem(patientId, input);
    refreshRoutineViews(patientId);
    return { ok: true, message: user.role === "PHYSIO" ? "Prescribed." : "Added to your routine." };
  },
  "ROUTINE_ITEM_ADDED",
);

export const updateRoutineItemAction = createAction(
  "user",
  updateRoutineItemSchema.extend(whose),
  async (input, { user }) => {
    const patientId = patientOf(user, input);
    await updateRoutineItem(patientId, input);
    refreshRoutineViews(patientId);
    return { ok: true, message: "Saved." };
  },
  "ROUTINE_ITEM_CHANGED",
);

export const stopRoutineItemAction = createAction(
  "user",
  routineItemRefSchema.extend(whose),
  async (input, { user }) => {
    const patientId = patientOf(user, input);
    await stopRoutineItem(patientId, input);
    refreshRoutineViews(patientId);
    return {
      ok: true,
      message:
        user.role === "PHYSIO"
          ? "Stopped. It stays in the routine's history."
          : "Removed from your routine. It stays in the routine's history.",
    };
  },
  "ROUTINE_ITEM_STOPPED",
);

export const moveRoutineItemAction = createAction(
  "user",
  moveRoutineItemSchema.extend(whose),
  async (input, { user }) => {
    const patientId = patientOf(user, input);
    await moveRoutineItem(patientId, input);
    refreshRoutineViews(patientId);
    return { ok: true };
  },
  "ROUTINE_ITEM_MOVED",
);

export const applyStarterRoutineAction = createAction(
  "PATIENT",
  z.object({ clientRequestId }),
  async (input, { user }) => {
    await applyStarterRoutine(user.id, input.clientRequestId);
    refreshRoutineViews(user.id);
    return { ok: true, message: "Your starter routine is ready." };
  },
  "STARTER_ROUTINE_APPLIED",
);
