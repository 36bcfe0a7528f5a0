"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  addRoutineItem,
  applyStarterRoutine,
  moveRoutineItem,
  stopRoutineItem,
  updateRoutineItem,
} from "@/lib/data/routine";
import {
  addRoutineItemSchema,
  clientRequestId,
  moveRoutineItemSchema,
  routineItemRefSchema,
  updateRoutineItemSchema,
} from "@/lib/validation/logs";
import { createAction } from "./action";

function refreshRoutineViews(): void {
  for (const path of ["/today", "/routine", "/session"]) revalidatePath(path);
}

export const addRoutineItemAction = createAction("PATIENT", addRoutineItemSchema, async (input, { user }) => {
  await addRoutineItem(user.id, input);
  refreshRoutineViews();
  return { ok: true, message: "Added to your routine." };
});

export const updateRoutineItemAction = createAction(
  "PATIENT",
  updateRoutineItemSchema,
  async (input, { user }) => {
    await updateRoutineItem(user.id, input);
    refreshRoutineViews();
    return { ok: true, message: "Saved." };
  },
);

export const stopRoutineItemAction = createAction(
  "PATIENT",
  routineItemRefSchema,
  async (input, { user }) => {
    await stopRoutineItem(user.id, input);
    refreshRoutineViews();
    return { ok: true, message: "Removed from your routine. It stays in the routine's history." };
  },
);

export const moveRoutineItemAction = createAction(
  "PATIENT",
  moveRoutineItemSchema,
  async (input, { user }) => {
    await moveRoutineItem(user.id, input);
    refreshRoutineViews();
    return { ok: true };
  },
);

export const applyStarterRoutineAction = createAction(
  "PATIENT",
  z.object({ clientRequestId }),
  async (input, { user }) => {
    await applyStarterRoutine(user.id, input.clientRequestId);
    refreshRoutineViews();
    return { ok: true, message: "Your starter routine is ready." };
  },
);
