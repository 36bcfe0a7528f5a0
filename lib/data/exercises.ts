import "server-only";
import type { ExerciseCategory, StartingPosition } from "@/lib/catalog/exercises";
import { db } from "@/lib/db";
import { type CatalogFilter, exerciseSlugSchema } from "@/lib/validation/catalog";

// The catalog is public by design (DESIGN.md section 6): these functions need no caller.

export type ExerciseSummary = {
  id: string;
  slug: string;
  name: string;
  category: ExerciseCategory;
  startingPosition: StartingPosition;
  summary: string;
  targetMuscles: string[];
  illustration: string;
  defaultDose: { sets: number; reps: number; holdSeconds: number; perSide: boolean };
};

export type ExerciseDetail = ExerciseSummary & { steps: string[]; cautions: string[] };

const summarySelect = {
  id: true,
  slug: true,
  name: true,
  category: true,
  startingPosition: true,
  summary: true,
  targetMuscles: true,
  illustration: true,
  defaultSets: true,
  defaultReps: true,
  defaultHoldSeconds: true,
  defaultPerSide: true,
} as const;

type SummaryRow = {
  id: string;
  slug: string;
  name: string;
  category: string;
  startingPosition: string;
  summary: string;
  targetMuscles: string;
  illustration: string;
  defaultSets: number;
  defaultReps: number;
  defaultHoldSeconds: number;
  defaultPerSide: boolean;
};

function toSummary(row: SummaryRow): ExerciseSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    category: row.category as ExerciseCategory,
    startingPosition: row.startingPosition as StartingPosition,
    summary: row.summary,
    targetMuscles: JSON.parse(row.targetMuscles) as string[],
    illustration: row.illustration,
    defaultDose: {
      sets: row.defaultSets,
      reps: row.defaultReps,
      holdSeconds: row.defaultHoldSeconds,
      perSide: row.defaultPerSide,
    },
  };
}

function matchesText(exercise: ExerciseSummary, query: string): boolean {
  const haystack = [exercise.name, exercise.summary, ...exercise.targetMuscles]
    .join(" ")
    .toLocaleLowerCase("en");
  return query
    .toLocaleLowerCase("en")
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

export async function listExercises(filter: CatalogFilter = {}): Promise<ExerciseSummary[]> {
  const rows = await db.exercise.findMany({
    where: { category: filter.category, startingPosition: filter.position },
    orderBy: { sortOrder: "asc" },
    select: summarySelect,
  });
  const exercises = rows.map(toSummary);
  // Fifteen rows: word matching here behaves the same on SQLite and PostgreSQL (case, accents).
  return filter.q ? exercises.filter((exercise) => matchesText(exercise, filter.q ?? "")) : exercises;
}

export async function getExercise(slug: string): Promise<ExerciseDetail | null> {
  if (!exerciseSlugSchema.safeParse(slug).success) return null;
  const row = await db.exercise.findUnique({
    where: { slug },
    select: { ...summarySelect, steps: true, cautions: true },
  });
  if (!row) return null;
  return {
    ...toSummary(row),
    steps: JSON.parse(row.steps) as string[],
    cautions: JSON.parse(row.cautions) as string[],
  };
}
