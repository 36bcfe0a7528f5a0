"use server";

import { revalidatePath } from "next/cache";
import { saveSettings } from "@/lib/data/settings";
import { settingsSchema } from "@/lib/validation/settings";
import { createAction } from "./action";

export const saveSettingsAction = createAction(
  "user",
  settingsSchema,
  async (input, { user, audit }) => {
    // Only the caller's own settings change: a physiotherapist's save concerns no patient. Set
    // before the write, whose transaction records the event (with the data layer's detail).
    audit.patientId = user.role === "PATIENT" ? user.id : null;
    const saved = await saveSettings(input);
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
