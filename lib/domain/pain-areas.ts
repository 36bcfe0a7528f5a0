// Where a pain rating is felt. Plain constants with no validation library, so the chart pages'
// browser code can name the areas without bundling zod (lib/validation/fields re-exports them).

export const painRegions = ["LEFT_HIP", "RIGHT_HIP", "LOWER_BACK"] as const;
export type PainRegion = (typeof painRegions)[number];
export const painRegionLabels: Record<PainRegion, string> = {
  LEFT_HIP: "Left hip",
  RIGHT_HIP: "Right hip",
  LOWER_BACK: "Lower back",
};
/** Session ratings stored before ratings named their area; only the migration writes it. */
export const areaNotGiven = "NOT_GIVEN" as const;
/** The area a stored rating is about: one of the three, or "area not given". */
export type PainArea = PainRegion | typeof areaNotGiven;
export const painAreaLabels: Record<PainArea, string> = { ...painRegionLabels, NOT_GIVEN: "Area not given" };
