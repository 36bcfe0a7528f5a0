import "server-only";
import { db } from "@/lib/db";
import { localDate } from "@/lib/domain/calendar";
import { zoneInForce } from "@/lib/domain/zone-history";
import { instrumentFor } from "@/lib/instruments/index";
import type { Answers } from "@/lib/instruments/types";
import { currentClientAddress } from "@/lib/request-context";
import { type AuditedExport, recordAudit } from "./audit";
import { requirePatientAccess } from "./current-user";
import { zoneHistoryOfUser, zoneHistorySelect } from "./time-zones";

// What the CSV and FHIR exports (lib/export) read: every live row of one kind for one patient, with
// the local date each instant had in the zone in force then. Exports are scoped exactly like reads
// (the patient, or a physiotherapist with an active care link; anyone else "not found"), and every
// export is recorded in the audit trail, whoever makes it.

export type ExportOptions = {
  /**
   * Whether this call records its own audit event (default true). A caller that records one event
   * for a bundle of exports (the "My data" download) passes false and records its own.
   */
  audited?: boolean;
};

/** When something happened: the instant, its local date, and the zone that date was read in. */
export type Moment = { at: Date; localDate: string; timeZone: string };

export type SessionEntryExport = {
  position: number;
  exerciseSlug: string;
  exerciseName: string;
  side: string;
  sets: number;
  reps: number;
  holdSeconds: number;
};

export type SessionPainExport = { id: string; rating: number; region: string; recordedAt: Date };

export type SessionExport = Moment & {
  id: string;
  durationSeconds: number;
  source: string;
  notes: string;
  version: number;
  painBefore: SessionPainExport | null;
  painAfter: SessionPainExport | null;
  entries: SessionEntryExport[];
};

export type PainExport = Moment & {
  id: string;
  rating: number;
  region: string;
  context: string;
  sessionId: string | null;
  note: string;
  version: number;
};

export type OutcomeExport = Moment & {
  id: string;
  instrument: string;
  instrumentName: string;
  instrumentVersion: number;
  score: number;
  dueDate: string | null;
  answers: Answers;
};

export type RoutineItemExport = {
  id: string;
  position: number;
  exerciseSlug: string;
  exerciseName: string;
  sets: number;
  reps: number;
  holdSeconds: number;
  perSide: boolean;
  daysOfWeek: number;
  setByRole: string;
  /** The patient's own id when they set it themselves; a physiotherapist is named, not linked. */
  setById: string;
  setByName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  stoppedAt: Date | null;
};

export type RoutineExport = { id: string; createdAt: Date; items: RoutineItemExport[] };

export type FhirSource = {
  patient: { id: string; name: string };
  pain: PainExport[];
  sessions: SessionExport[];
  routine: RoutineExport | null;
  outcomes: OutcomeExport[];
};

async function authorizeExport(patientId: string, what: AuditedExport, options: ExportOptions) {
  const access = await requirePatientAccess(patientId);
  if (options.audited !== false) {
    await recordAudit({
      actorId: access.user.id,
      actorRole: access.user.role,
      action: what,
      patientId,
      outcome: "SUCCESS",
      clientAddress: await currentClientAddress(),
    });
  }
  return access;
}

async function zonesOf(patientId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: patientId },
    select: { ...zoneHistorySelect, name: true },
  });
  const zones = zoneHistoryOfUser(user);
  const moment = (at: Date): Moment => ({
    at,
    localDate: localDate(at, zones),
    timeZone: zoneInForce(zones, at),
  });
  return { name: user.name, moment };
}

type Momentary = Awaited<ReturnType<typeof zonesOf>>["moment"];

async function loadSessions(patientId: string, moment: Momentary): Promise<SessionExport[]> {
  const rows = await db.exerciseSession.findMany({
    where: { patientId, deletedAt: null },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      startedAt: true,
      durationSeconds: true,
      source: true,
      notes: true,
      version: true,
      entries: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          position: true,
          side: true,
          sets: true,
          reps: true,
          holdSeconds: true,
          exercise: { select: { slug: true, name: true } },
        },
      },
      painEntries: {
        where: { deletedAt: null, context: { in: ["BEFORE_SESSION", "AFTER_SESSION"] } },
        select: { id: true, rating: true, region: true, context: true, recordedAt: true },
      },
    },
  });
  return rows.map((row) => {
    const pain = (context: string) => {
      const found = row.painEntries.find((entry) => entry.context === context);
      return found
        ? { id: found.id, rating: found.rating, region: found.region, recordedAt: found.recordedAt }
        : null;
    };
    return {
      ...moment(row.startedAt),
      id: row.id,
      durationSeconds: row.durationSeconds,
      source: row.source,
      notes: row.notes,
      version: row.version,
      painBefore: pain("BEFORE_SESSION"),
      painAfter: pain("AFTER_SESSION"),
      entries: row.entries.map((entry) => ({
        position: entry.position,
        exerciseSlug: entry.exercise.slug,
        exerciseName: entry.exercise.name,
        side: entry.side,
        sets: entry.sets,
        reps: entry.reps,
        holdSeconds: entry.holdSeconds,
      })),
    };
  });
}

async function loadPain(patientId: string, moment: Momentary): Promise<PainExport[]> {
  const rows = await db.painEntry.findMany({
    where: { patientId, deletedAt: null },
    orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      rating: true,
      region: true,
      context: true,
      recordedAt: true,
      sessionId: true,
      note: true,
      version: true,
    },
  });
  return rows.map(({ recordedAt, ...row }) => ({ ...moment(recordedAt), ...row }));
}

function parseAnswers(text: string): Answers {
  try {
    const value = JSON.parse(text) as Partial<Answers>;
    return { choices: value.choices ?? {}, activities: value.activities ?? [] };
  } catch {
    return { choices: {}, activities: [] };
  }
}

async function loadOutcomes(patientId: string, moment: Momentary): Promise<OutcomeExport[]> {
  const rows = await db.outcomeResponse.findMany({
    where: { patientId },
    orderBy: [{ completedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      instrument: true,
      instrumentVersion: true,
      score: true,
      dueDate: true,
      answers: true,
      completedAt: true,
    },
  });
  return rows.map(({ completedAt, answers, ...row }) => ({
    ...moment(completedAt),
    ...row,
    instrumentName: instrumentFor(row.instrument)?.name ?? row.instrument,
    answers: parseAnswers(answers),
  }));
}

async function loadRoutine(patientId: string): Promise<RoutineExport | null> {
  const routine = await db.routine.findUnique({
    where: { patientId },
    select: {
      id: true,
      createdAt: true,
      items: {
        orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          position: true,
          sets: true,
          reps: true,
          holdSeconds: true,
          perSide: true,
          daysOfWeek: true,
          setById: true,
          setByRole: true,
          version: true,
          createdAt: true,
          updatedAt: true,
          stoppedAt: true,
          exercise: { select: { slug: true, name: true } },
          setBy: { select: { name: true } },
        },
      },
    },
  });
  if (!routine) return null;
  return {
    id: routine.id,
    createdAt: routine.createdAt,
    items: routine.items.map(({ exercise, setBy, ...item }) => ({
      ...item,
      exerciseSlug: exercise.slug,
      exerciseName: exercise.name,
      setByName: setBy.name,
    })),
  };
}

/** Every live session of the patient, oldest first, with its entries and its pain before and after. */
export async function sessionsForExport(patientId: string, options: ExportOptions = {}) {
  await authorizeExport(patientId, "EXPORT_SESSIONS_CSV", options);
  const { moment } = await zonesOf(patientId);
  return loadSessions(patientId, moment);
}

/** Every live pain rating of the patient (check-ins and session ratings), oldest first. */
export async function painForExport(patientId: string, options: ExportOptions = {}) {
  await authorizeExport(patientId, "EXPORT_PAIN_CSV", options);
  const { moment } = await zonesOf(patientId);
  return loadPain(patientId, moment);
}

/** Every completed questionnaire of the patient with its answers and score, oldest first. */
export async function outcomesForExport(patientId: string, options: ExportOptions = {}) {
  await authorizeExport(patientId, "EXPORT_OUTCOMES_CSV", options);
  const { moment } = await zonesOf(patientId);
  return loadOutcomes(patientId, moment);
}

/** Everything the FHIR bundle holds, read once, audited as one export. */
export async function fhirSourceForExport(
  patientId: string,
  options: ExportOptions = {},
): Promise<FhirSource> {
  await authorizeExport(patientId, "EXPORT_FHIR", options);
  const { name, moment } = await zonesOf(patientId);
  const [pain, sessions, routine, outcomes] = await Promise.all([
    loadPain(patientId, moment),
    loadSessions(patientId, moment),
    loadRoutine(patientId),
    loadOutcomes(patientId, moment),
  ]);
  return { patient: { id: patientId, name }, pain, sessions, routine, outcomes };
}
