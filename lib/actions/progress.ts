"use server";

import { revalidatePath } from "next/cache";
import { setWeeklyTarget } from "@/lib/data/progress";
import { weeklyTargetSchema } from "@/lib/validation/progress";
import { createAction } from "./action";

/** A linked physiotherapist sets the share of due days that makes the patient's week "on target". */
export const setWeeklyTargetAction = createAction(
  "PHYSIO",
  weeklyTargetSchema,
  async (input, { audit }) => {
    audit.detail = `${input.weeklyTargetPercent}%`;
    await setWeeklyTarget(input.patientId, input.weeklyTargetPercent);
    revalidatePath(`/patients/${input.patientId}`);
    return {
      ok: true,
      message: `Saved: a week is on target with sessions on at least ${input.weeklyTargetPercent}% of its due days.`,
    };
  },
  "WEEKLY_TARGET_SET",
);
