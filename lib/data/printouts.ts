import "server-only";
import { db } from "@/lib/db";
import { dayBuckets, localDate } from "@/lib/domain/calendar";
import { outcomeTrend } from "@/lib/domain/outcomes";
import { parseReportPeriod, type ReportPeriod } from "@/lib/domain/report-period";
import { currentClientAddress } from "@/lib/request-context";
import { type AuditedExport, recordAudit } from "./audit";
import { type ClinicalNoteView, listClinicalNotes } from "./clinical-notes";
import { readPatientData, requirePatientAccess } from "./current-user";
import { getOutcomeResults, type OutcomeSeries, toTrendView } from "./outcomes";
import { getProgressForPeriod, type ProgressData } from "./progress";
import { getRoutine, getRoutineHistory, type RoutineChangeView, type RoutineItemView } from "./routine";
import { zoneHistoryOfUser, zoneHistorySelect } from "./time-zones";

// What leaves the app on paper (issue 15): the home programme and the progress report. Opening a
// print view is what is recorded, for the patient's own prints too: the browser prints or saves the
// PDF, so the app cannot know whether it was printed.

/**
 * Records that a print view of the patient's data was opened: a linked physiotherapist's through
 * readPatientData (shown to the patient in "Who has seen your data"), the patient's own directly.
 */
async function recordPrintOpened(patientId: string, what: AuditedExport, detail: string | null = null) {
  const access = await readPatientData(patientId, what, detail ?? undefined);
  if (access.via === "self") {
    await recordAudit({
      actorId: access.user.id,
      actorRole: access.user.role,
      action: what,
      patientId,
      outcome: "SUCCESS",
      clientAddress: await currentClientAddress(),
      detail,
    });
  }
  return access;
}

export type PrintableRoutine = {
  patient: { name: string; timeZone: string };
  audience: "patient" | "physio";
  printedAt: Date;
  items: RoutineItemView[];
  /** The routine's changes, newest first: where each item's dose was set. */
  history: RoutineChangeView[];
};

/** The home programme to print: for the patient, and for a physiotherapist with an active link. */
export async function getPrintableRoutine(patientId: string, now = new Date()): Promise<PrintableRoutine> {
  const access = await recordPrintOpened(patientId, "ROUTINE_PRINTED");
  const [patient, items, history] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: patientId }, select: { name: true, timezone: true } }),
    getRoutine(patientId),
    getRoutineHistory(patientId),
  ]);
  return {
    patient: { name: patient.name, timeZone: patient.timezone },
    audience: access.via === "self" ? "patient" : "physio",
    printedAt: now,
    items,
    history,
  };
}

export type ProgressReport = {
  patient: { name: string; timeZone: string };
  audience: "patient" | "physio";
  period: ReportPeriod;
  printedAt: Date;
  progress: Omit<ProgressData, "range">;
  /** Each instrument answered in the period: its answers then, and the change from the first to the latest. */
  outcomes: OutcomeSeries[];
  /** Routine changes made in the period, newest first. */
  routineChanges: RoutineChangeView[];
  /** The physiotherapist's own notes written in the period, when they chose to include them; never for the patient. */
  notes: ClinicalNoteView[] | null;
  /** With notes included: how many of their notes about the patient fall outside the period. */
  notesOutside: number;
};

export type ReportAnswer =
  | { ok: true; report: ProgressReport }
  | {
      ok: false;
      errors: Partial<Record<keyof ReportPeriod, string>>;
      values: ReportPeriod;
      patient: { name: string };
    };

/**
 * A progress report for a period of the patient's local dates, with the charts' figures and
 * wording. A bad period is answered with a message per field (and nothing is recorded as printed);
 * access is checked before the period is looked at. Notes are included only for a physiotherapist
 * who asks for them.
 */
export async function getProgressReport(
  patientId: string,
  query: { from?: string | string[]; to?: string | string[]; notes?: boolean },
  now = new Date(),
): Promise<ReportAnswer> {
  const access = await requirePatientAccess(patientId);
  const patient = await db.user.findUniqueOrThrow({
    where: { id: patientId },
    select: { name: true, ...zoneHistorySelect },
  });
  const zones = zoneHistoryOfUser(patient);
  const parsed = parseReportPeriod(query, localDate(now, zones));
  if (!parsed.ok) return { ...parsed, patient: { name: patient.name } };
  const { period } = parsed;
  const withNotes = access.via === "careLink" && query.notes === true;
  await recordPrintOpened(
    patientId,
    "REPORT_PRINTED",
    `${period.from} to ${period.to}${withNotes ? ", with clinical notes" : ""}`,
  );
  const days = dayBuckets(period.from, period.to, zones);
  const within = { start: days[0]?.start ?? now, end: days.at(-1)?.end ?? now };
  const [progress, outcomes, routineChanges, notes] = await Promise.all([
    getProgressForPeriod(patientId, period.from, period.to, now),
    getOutcomeResults(patientId),
    getRoutineHistory(patientId, 0, within),
    withNotes ? listClinicalNotes(patientId) : Promise.resolve(null),
  ]);
  const inPeriod = (note: ClinicalNoteView) => note.createdAt >= within.start && note.createdAt < within.end;
  return {
    ok: true,
    report: {
      patient: { name: patient.name, timeZone: patient.timezone },
      audience: access.via === "self" ? "patient" : "physio",
      period,
      printedAt: now,
      progress,
      outcomes: outcomes.flatMap((series) => outcomeSeriesWithin(series, period)),
      routineChanges,
      notes: notes?.filter(inPeriod) ?? null,
      notesOutside: notes ? notes.length - notes.filter(inPeriod).length : 0,
    },
  };
}

/** One instrument's answers in the period, with the change between the first and the latest of them. */
function outcomeSeriesWithin(series: OutcomeSeries, period: ReportPeriod): OutcomeSeries[] {
  const points = series.points.filter((point) => point.date >= period.from && point.date <= period.to);
  if (points.length === 0) return [];
  const trend = outcomeTrend(
    points.map((point) => ({
      instrument: series.instrument,
      score: point.score,
      completedAt: new Date(point.at),
      ...(series.instrument === "PSFS" ? { activities: point.activities } : {}),
    })),
  );
  return [{ instrument: series.instrument, points, trend: trend ? toTrendView(trend) : null }];
}
