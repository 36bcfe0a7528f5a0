import { exerciseCategories, startingPositions } from "@/lib/catalog/exercises";
import { z } from "./zod";

// Filters come from the URL; anything unexpected is dropped rather than answered with an error.
export const catalogFilterSchema = z.object({
  category: z.enum(exerciseCategories).optional().catch(undefined),
  position: z.enum(startingPositions).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
});
export type CatalogFilter = z.infer<typeof catalogFilterSchema>;

export const exerciseSlugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/);
