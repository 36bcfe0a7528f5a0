import "server-only";
import type { ExerciseCategory } from "@/lib/catalog/exercises";
import { db } from "@/lib/db";
import { weekdayOfDate } from "@/lib/domain/calendar";
import { isScheduledOn } from "@/lib/domain/schedule";
import { dayWindow, localDateAt } from "@/lib/domain/zone-history";
import { readPatientData } from "./current-user";
import { zoneHistoryOfUser, zoneHistorySelect } from "./time-zones";

export type RoutineItemSummary = {
  id: string;
  exerciseId: string;
  exerciseName: string;
  exerciseSlug: string;
  category: ExerciseCategory;
  sets: number;
  reps: number;
  holdSeconds: number;
  perSide: boolean;
  daysOfWeek: number;
  dueToday: boolean;
  /** A session logged today has an entry for this exercise. */
  doneToday: boolean;
  setByName: string;
  setByRole: "PATIENT" | "PHYSIO";
};

export type SessionToday = {
  id: string;
  startedAt: Date;
  durationSeconds: number;
  source: "GUIDED" | "QUICK_LOG";
  exerciseNames: string[];
};

export type PatientHome = {
  /**
   * Today on the patient's calendar, in the zone in force now; start and end bound every instant
   * dated today (a window wider than the day itself after a change of zone).
   */
  today: { date: string; start: Date; end: Date };
  routine: RoutineItemSummary[];
  sessionsToday: SessionToday[];
  sessionsLast7Days: number;
};

// A session may start up to a minute ahead of the server clock (lib/validation/fields.ts pastInstant).
const clockSkewMs = 60_000;

export async function getPatientHome(patientId: string, now = new Date()): Promise<PatientHome> {
  await readPatientData(patientId, "READ_OVERVIEW");
  const patient = await db.user.findUniqueOrThrow({ where: { id: patientId }, select: zoneHistorySelect });
  // Each session is dated in the zone in force when it started (issue 11): after moving west,
  // today may also hold sessions from before the move, dated today in the old zone.
  const zones = zoneHistoryOfUser(patient);
  const date = localDateAt(zones, now);
  const today = { date, ...dayWindow(zones, date) };
  // Later today has not happened yet: a row dated after now is not something done.
  const doneBefore = new Date(Math.min(today.end.getTime(), now.getTime() + clockSkewMs));
  const [items, sessionsToday, sessionsLast7Days] = await Promise.all([
    db.routineItem.findMany({
      where: { routine: { patientId }, stoppedAt: null },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        sets: true,
        reps: true,
        holdSeconds: true,
        perSide: true,
        daysOfWeek: true,
        setByRole: true,
        exercise: { select: { id: true, name: true, slug: true, category: true } },
        setBy: { select: { name: true } },
      },
    }),
    db.exerciseSession.findMany({
      where: { patientId, deletedAt: null, startedAt: { gte: today.start, lt: doneBefore } },
      orderBy: { startedAt: "asc" },
      select: {
        id: true,
        startedAt: true,
        durationSeconds: true,
        source: true,
        entries: {
          where: { sets: { gt: 0 } },
          orderBy: { position: "asc" },
          select: { exerciseId: true, exercise: { select: { name: true } } },
        },
      },
    }),
    db.exerciseSession.count({
      where: {
        patientId,
        deletedAt: null,
        startedAt: { gte: new Date(now.getTime() - 7 * 86_400_000), lte: now },
      },
    }),
  ]);
  const weekday = weekdayOfDate(date);
  const sessionsOfToday = sessionsToday.filter((session) => localDateAt(zones, session.startedAt) === date);
  const doneExerciseIds = new Set(
    sessionsOfToday.flatMap((session) => session.entries.map((e) => e.exerciseId)),
  );
  return {
    today,
    routine: items.map((item) => ({
      id: item.id,
      exerciseId: item.exercise.id,
      exerciseName: item.exercise.name,
      exerciseSlug: item.exercise.slug,
      category: item.exercise.category as ExerciseCategory,
      sets: item.sets,
      reps: item.reps,
      holdSeconds: item.holdSeconds,
      perSide: item.perSide,
      daysOfWeek: item.daysOfWeek,
      dueToday: isScheduledOn(item.daysOfWeek, weekday),
      doneToday: doneExerciseIds.has(item.exercise.id),
      setByName: item.setBy.name,
      setByRole: item.setByRole as "PATIENT" | "PHYSIO",
    })),
    sessionsToday: sessionsOfToday.map((session) => ({
      id: session.id,
      startedAt: session.startedAt,
      durationSeconds: session.durationSeconds,
      source: session.source as SessionToday["source"],
      // Per-side entries name the same exercise twice; list it once.
      exerciseNames: [...new Set(session.entries.map((entry) => entry.exercise.name))],
    })),
    sessionsLast7Days,
  };
}
