"use server";

import { revalidatePath } from "next/cache";
import { saveSettings } from "@/lib/data/settings";
import { settingsSchema } from "@/lib/validation/settings";
import { createAction } from "./action";

export const saveSettingsAction = createAction(
  "user",
  settingsSchema,
  async (input, { user, audit }) => {
    const saved = await saveSettings(input);
    // Only the caller's own settings change: a physiotherapist's save concerns no patient.
    audit.patientId = user.role === "PATIENT" ? user.id : null;
    audit.detail = saved.detail;
    // The header shows the name, and every page computes its days in the zone.
    revalidatePath("/", "layout");
    return {
      ok: true,
      message: saved.zoneChanged
        ? `Settings saved. Your time zone is ${input.timeZone} from now on; earlier days keep their dates.`
        : "Settings saved.",
    };
  },
  "SETTINGS_SAVED",
);
