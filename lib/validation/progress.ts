import { weeklyTargetLimits } from "@/lib/domain/adherence";
import { idField, wholeNumber } from "./fields";
import { z } from "./zod";

export { weeklyTargetLimits };

export const weeklyTargetSchema = z.object({
  patientId: idField,
  weeklyTargetPercent: wholeNumber("the weekly target", weeklyTargetLimits.min, weeklyTargetLimits.max),
});
