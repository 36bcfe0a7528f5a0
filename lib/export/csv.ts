import "server-only";
import { type ExportOptions, outcomesForExport, painForExport, sessionsForExport } from "@/lib/data/exports";
import { type Cell, toCsv } from "./csv-cells";

export { neutraliseCell, toCsv } from "./csv-cells";

// The CSV exports of one patient's data (issue 15, item 3). Written with csv-stringify: RFC 4180
// quoting, CRLF line ends, a header row, UTF-8 with a byte order mark so that spreadsheet programs
// read accents correctly. Times are ISO 8601 instants in UTC, with the local calendar date in the
// zone the patient was in at that instant (the same date the app shows) and that zone's name.
// Codes (LEFT_HIP, CHECK_IN, QUICK_LOG...) are the app's stored values, listed in the README.

const iso = (at: Date) => at.toISOString();

export const sessionColumns = [
  "session_id",
  "started_at_utc",
  "local_date",
  "time_zone",
  "duration_seconds",
  "source",
  "pain_before",
  "pain_before_area",
  "pain_after",
  "pain_after_area",
  "notes",
  "entry_position",
  "exercise_id",
  "exercise",
  "side",
  "sets",
  "reps",
  "hold_seconds",
] as const;

/**
 * The patient's sessions, one row per exercise and side done (a session without exercises is one
 * row with the exercise cells empty), oldest first. Deleted sessions are left out.
 */
export async function sessionsCsv(patientId: string, options: ExportOptions = {}): Promise<string> {
  const sessions = await sessionsForExport(patientId, options);
  const rows = sessions.flatMap((session) => {
    const head: Cell[] = [
      session.id,
      iso(session.at),
      session.localDate,
      session.timeZone,
      session.durationSeconds,
      session.source,
      session.painBefore?.rating ?? null,
      session.painBefore?.region ?? null,
      session.painAfter?.rating ?? null,
      session.painAfter?.region ?? null,
      session.notes,
    ];
    if (session.entries.length === 0) return [[...head, null, null, null, null, null, null, null]];
    return session.entries.map((entry) => [
      ...head,
      entry.position + 1,
      entry.exerciseSlug,
      entry.exerciseName,
      entry.side,
      entry.sets,
      entry.reps,
      entry.holdSeconds,
    ]);
  });
  return toCsv(sessionColumns, rows);
}

export const painColumns = [
  "pain_id",
  "recorded_at_utc",
  "local_date",
  "time_zone",
  "area",
  "rating",
  "context",
  "session_id",
  "note",
] as const;

/** Every pain rating (0-10), check-ins and the ratings before and after sessions, oldest first. */
export async function painCsv(patientId: string, options: ExportOptions = {}): Promise<string> {
  const entries = await painForExport(patientId, options);
  return toCsv(
    painColumns,
    entries.map((entry) => [
      entry.id,
      iso(entry.at),
      entry.localDate,
      entry.timeZone,
      entry.region,
      entry.rating,
      entry.context,
      entry.sessionId,
      entry.note,
    ]),
  );
}

export const outcomeColumns = [
  "response_id",
  "completed_at_utc",
  "local_date",
  "time_zone",
  "instrument",
  "instrument_name",
  "instrument_version",
  "score",
  "due_date",
  "answers_json",
] as const;

/** Every completed questionnaire with its score and the answers as given (JSON), oldest first. */
export async function outcomesCsv(patientId: string, options: ExportOptions = {}): Promise<string> {
  const responses = await outcomesForExport(patientId, options);
  return toCsv(
    outcomeColumns,
    responses.map((response) => [
      response.id,
      iso(response.at),
      response.localDate,
      response.timeZone,
      response.instrument,
      response.instrumentName,
      response.instrumentVersion,
      response.score,
      response.dueDate,
      JSON.stringify(response.answers),
    ]),
  );
}
