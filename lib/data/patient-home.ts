import "server-only";
import type { ExerciseCategory } from "@/lib/catalog/exercises";
import { db } from "@/lib/db";
import { isScheduledOn, weekdayIn } from "@/lib/domain/schedule";
import { requirePatientAccess } from "./session";

export type RoutineItemSummary = {
  id: string;
  exerciseName: string;
  exerciseSlug: string;
  category: ExerciseCategory;
  sets: number;
  reps: number;
  holdSeconds: number;
  perSide: boolean;
  daysOfWeek: number;
  dueToday: boolean;
  setByName: string;
  setByRole: "PATIENT" | "PHYSIO";
};

export type PatientHome = {
  routine: RoutineItemSummary[];
  lastPain: { rating: number; region: string; recordedAt: Date } | null;
  sessionsLast7Days: number;
};

export async function getPatientHome(patientId: string, now = new Date()): Promise<PatientHome> {
  await requirePatientAccess(patientId);
  const patient = await db.user.findUniqueOrThrow({ where: { id: patientId }, select: { timezone: true } });
  const [items, lastPain, sessionsLast7Days] = await Promise.all([
    db.routineItem.findMany({
      where: { routine: { patientId }, stoppedAt: null },
      orderBy: { position: "asc" },
      select: {
        id: true,
        sets: true,
        reps: true,
        holdSeconds: true,
        perSide: true,
        daysOfWeek: true,
        setByRole: true,
        exercise: { select: { name: true, slug: true, category: true } },
        setBy: { select: { name: true } },
      },
    }),
    db.painEntry.findFirst({
      where: { patientId, deletedAt: null },
      orderBy: { recordedAt: "desc" },
      select: { rating: true, region: true, recordedAt: true },
    }),
    db.exerciseSession.count({
      where: {
        patientId,
        deletedAt: null,
        startedAt: { gte: new Date(now.getTime() - 7 * 86_400_000), lte: now },
      },
    }),
  ]);
  const today = weekdayIn(now, patient.timezone);
  return {
    routine: items.map((item) => ({
      id: item.id,
      exerciseName: item.exercise.name,
      exerciseSlug: item.exercise.slug,
      category: item.exercise.category as ExerciseCategory,
      sets: item.sets,
      reps: item.reps,
      holdSeconds: item.holdSeconds,
      perSide: item.perSide,
      daysOfWeek: item.daysOfWeek,
      dueToday: isScheduledOn(item.daysOfWeek, today),
      setByName: item.setBy.name,
      setByRole: item.setByRole as "PATIENT" | "PHYSIO",
    })),
    lastPain,
    sessionsLast7Days,
  };
}
