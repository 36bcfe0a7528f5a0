import "server-only";
import { db } from "@/lib/db";
import { addDays, localDate } from "@/lib/domain/calendar";
import {
  nextOccurrence,
  type OutcomeTrend,
  openOccurrence,
  outcomeTrend,
  type ScoredResponse,
} from "@/lib/domain/outcomes";
import { instrumentFor, instruments } from "@/lib/instruments/index";
import type { AnswerProblem, Answers, InstrumentDefinition } from "@/lib/instruments/types";
import type { AssignOutcomeInput, OutcomeDraftInput, SubmitOutcomeInput } from "@/lib/validation/outcomes";
import { auditedTransaction } from "./audit";
import { readPatientData, requirePatientAccess, requireRole } from "./current-user";
import { NotFoundError, RuleError } from "./errors";
import { createOnce, type WriteResult } from "./revisions";

/** Bad answers: one message per field, nothing written. */
export class OutcomeAnswersError extends Error {
  constructor(readonly problems: AnswerProblem[]) {
    super("Please correct the marked answers.");
  }
}

/** A global rating of change is asked at follow-ups: its first date is at least this far off. */
export const changeScaleFirstDueAfterDays = 7;

function instrumentOrNotFound(id: string): InstrumentDefinition {
  const instrument = instrumentFor(id);
  if (!instrument) throw new NotFoundError("That questionnaire");
  return instrument;
}

function parseAnswers(text: string): Answers {
  try {
    const value = JSON.parse(text) as Partial<Answers>;
    return { choices: value.choices ?? {}, activities: value.activities ?? [] };
  } catch {
    return { choices: {}, activities: [] };
  }
}

/** The answers as stored: names trimmed, nothing but the known shape. */
function normalise(answers: Answers): Answers {
  return {
    choices: Object.fromEntries(
      Object.entries(answers.choices).map(([key, value]) => [key, value ?? null]),
    ) as Answers["choices"],
    activities: answers.activities.map((activity) => ({
      name: activity.name.trim().replace(/\s+/g, " "),
      rating: activity.rating ?? null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The physiotherapist's schedule

/**
 * A linked physiotherapist asks the patient to answer an instrument: first on a date in the
 * patient's own calendar (today or later), then every N weeks, optionally until a date.
 */
export async function assignOutcome(input: AssignOutcomeInput, now = new Date()): Promise<WriteResult> {
  const physio = await requireRole("PHYSIO");
  await requirePatientAccess(input.patientId);
  const instrument = instrumentOrNotFound(input.instrument);
  const patient = await db.user.findUniqueOrThrow({
    where: { id: input.patientId },
    select: { timezone: true },
  });
  const today = localDate(now, patient.timezone);
  if (input.firstDueDate < today) {
    throw new RuleError("Choose today or a later date (in the patient's time zone).", "firstDueDate");
  }
  if (!instrument.atBaseline && input.firstDueDate < addDays(today, changeScaleFirstDueAfterDays)) {
    throw new RuleError(
      `The ${instrument.name.toLowerCase()} is asked at follow-ups, not at the start: choose a first date at least ${changeScaleFirstDueAfterDays} days from today.`,
      "firstDueDate",
    );
  }
  const find = async () =>
    (
      await db.outcomeAssignment.findUnique({
        where: {
          patientId_clientRequestId: { patientId: input.patientId, clientRequestId: input.clientRequestId },
        },
        select: { id: true },
      })
    )?.id ?? null;
  const { value: id, created } = await createOnce(find, async () => {
    const row = await auditedTransaction((tx) =>
      tx.outcomeAssignment.create({
        data: {
          patientId: input.patientId,
          physioId: physio.id,
          instrument: instrument.id,
          firstDueDate: input.firstDueDate,
          everyWeeks: input.everyWeeks ?? null,
          untilDate: input.untilDate ?? null,
          clientRequestId: input.clientRequestId,
        },
        select: { id: true },
      }),
    );
    return row.id;
  });
  return { id, created };
}

/** A linked physiotherapist stops a schedule; answers already given stay. */
export async function stopOutcomeAssignment(patientId: string, assignmentId: string, now = new Date()) {
  await requireRole("PHYSIO");
  await requirePatientAccess(patientId);
  const stopped = await auditedTransaction((tx) =>
    tx.outcomeAssignment.updateMany({
      where: { id: assignmentId, patientId, endedAt: null },
      data: { endedAt: now },
    }),
  );
  if (stopped.count === 0) throw new NotFoundError("That schedule");
}

export type AssignmentView = {
  id: string;
  instrument: string;
  instrumentName: string;
  firstDueDate: string;
  everyWeeks: number | null;
  untilDate: string | null;
  /** The open occurrence if it is unanswered, else the next one; null when none is left. */
  nextDueDate: string | null;
  dueNow: boolean;
  endedAt: string | null;
};

function assignmentView(
  row: {
    id: string;
    instrument: string;
    firstDueDate: string;
    everyWeeks: number | null;
    untilDate: string | null;
    endedAt: Date | null;
    responses: { dueDate: string | null }[];
  },
  today: string,
): AssignmentView {
  const open = openOccurrence(row, today);
  const answered = new Set(row.responses.map((response) => response.dueDate));
  const dueNow = row.endedAt === null && open !== null && !answered.has(open);
  return {
    id: row.id,
    instrument: row.instrument,
    instrumentName: instrumentFor(row.instrument)?.name ?? row.instrument,
    firstDueDate: row.firstDueDate,
    everyWeeks: row.everyWeeks,
    untilDate: row.untilDate,
    nextDueDate: row.endedAt ? null : dueNow ? open : nextOccurrence(row, today),
    dueNow,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

const assignmentSelect = {
  id: true,
  instrument: true,
  firstDueDate: true,
  everyWeeks: true,
  untilDate: true,
  endedAt: true,
  responses: { select: { dueDate: true } },
} as const;

/**
 * A patient's schedules and the patient's today (the default first date), for the patient or a
 * linked physiotherapist (their read is audited).
 */
export async function listOutcomeAssignments(
  patientId: string,
  now = new Date(),
): Promise<{ today: string; schedules: AssignmentView[] }> {
  await readPatientData(patientId, "READ_OUTCOMES");
  const [patient, rows] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: patientId }, select: { timezone: true } }),
    db.outcomeAssignment.findMany({
      where: { patientId },
      select: assignmentSelect,
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const today = localDate(now, patient.timezone);
  return { today, schedules: rows.map((row) => assignmentView(row, today)) };
}

// ---------------------------------------------------------------------------------------------
// The patient answering

/** What is due for the signed-in patient today (their calendar), for Today. */
export async function listDueOutcomes(now = new Date()): Promise<AssignmentView[]> {
  const patient = await requireRole("PATIENT");
  const rows = await db.outcomeAssignment.findMany({
    where: { patientId: patient.id, endedAt: null },
    select: assignmentSelect,
    orderBy: { createdAt: "asc" },
  });
  const today = localDate(now, patient.timezone);
  return rows.map((row) => assignmentView(row, today)).filter((row) => row.dueNow);
}

export type OutcomeForm = {
  instrument: string;
  /** The occurrence the answers will count for, or null when the patient starts it on their own. */
  due: { assignmentId: string; dueDate: string } | null;
  /** Whether the patient may answer now: due, or an instrument they may start on their own. */
  mayAnswer: boolean;
  /** Why not, when they may not. */
  reason: string | null;
  draft: Answers | null;
  /** PSFS: the activities of the first answer, asked again at follow-ups. */
  earlierActivities: string[];
  lastCompletedAt: string | null;
};

/** The signed-in patient's form for one instrument: what is due, their draft, earlier activities. */
export async function getOutcomeForm(instrumentId: string, now = new Date()): Promise<OutcomeForm> {
  const patient = await requireRole("PATIENT");
  const instrument = instrumentOrNotFound(instrumentId);
  const [assignments, draft, first, last] = await Promise.all([
    db.outcomeAssignment.findMany({
      where: { patientId: patient.id, instrument: instrument.id, endedAt: null },
      select: assignmentSelect,
      orderBy: { createdAt: "asc" },
    }),
    db.outcomeDraft.findUnique({
      where: { patientId_instrument: { patientId: patient.id, instrument: instrument.id } },
      select: { answers: true },
    }),
    db.outcomeResponse.findFirst({
      where: { patientId: patient.id, instrument: instrument.id },
      orderBy: { completedAt: "asc" },
      select: { answers: true },
    }),
    db.outcomeResponse.findFirst({
      where: { patientId: patient.id, instrument: instrument.id },
      orderBy: { completedAt: "desc" },
      select: { completedAt: true },
    }),
  ]);
  const today = localDate(now, patient.timezone);
  const due = assignments.map((row) => assignmentView(row, today)).find((row) => row.dueNow);
  const mayAnswer = Boolean(due) || instrument.patientMayStart;
  return {
    instrument: instrument.id,
    due: due?.nextDueDate ? { assignmentId: due.id, dueDate: due.nextDueDate } : null,
    mayAnswer,
    reason: mayAnswer
      ? null
      : `Your physiotherapist asks for the ${instrument.name.toLowerCase()} at follow-ups; it is not due now.`,
    draft: draft ? parseAnswers(draft.answers) : null,
    earlierActivities: first ? parseAnswers(first.answers).activities.map((activity) => activity.name) : [],
    lastCompletedAt: last?.completedAt.toISOString() ?? null,
  };
}

export async function saveOutcomeDraft(input: OutcomeDraftInput): Promise<void> {
  const patient = await requireRole("PATIENT");
  const instrument = instrumentOrNotFound(input.instrument);
  const answers = JSON.stringify(normalise(input.answers));
  await auditedTransaction((tx) =>
    tx.outcomeDraft.upsert({
      where: { patientId_instrument: { patientId: patient.id, instrument: instrument.id } },
      create: { patientId: patient.id, instrument: instrument.id, answers },
      update: { answers },
    }),
  );
}

/**
 * Scores the answers on the server by the instrument's rule and stores both, for the occurrence
 * named (which must be the patient's, open and unanswered) or, without one, as the patient's own
 * start (only for instruments they may start). Bad answers write nothing. The draft goes in the
 * same transaction.
 */
export async function submitOutcome(
  input: SubmitOutcomeInput,
  now = new Date(),
): Promise<WriteResult & { score: number }> {
  const patient = await requireRole("PATIENT");
  const instrument = instrumentOrNotFound(input.instrument);
  const find = async () =>
    db.outcomeResponse.findUnique({
      where: { patientId_clientRequestId: { patientId: patient.id, clientRequestId: input.clientRequestId } },
      select: { id: true, score: true },
    });
  const repeat = await find();
  if (repeat) return { ...repeat, created: false };

  const answers = normalise(input.answers);
  const result = instrument.score(answers);
  if (!result.ok) throw new OutcomeAnswersError(result.problems);

  let occurrence: { assignmentId: string; dueDate: string } | null = null;
  if (input.assignmentId) {
    const assignment = await db.outcomeAssignment.findFirst({
      where: { id: input.assignmentId, patientId: patient.id, instrument: instrument.id },
      select: assignmentSelect,
    });
    if (!assignment) throw new NotFoundError("That questionnaire request");
    const view = assignmentView(assignment, localDate(now, patient.timezone));
    if (!view.dueNow || view.nextDueDate !== input.dueDate) {
      throw new RuleError(
        "This questionnaire is not due now: it may have been answered already or stopped. Reload the page.",
        "form",
      );
    }
    occurrence = { assignmentId: assignment.id, dueDate: view.nextDueDate as string };
  } else if (!instrument.patientMayStart) {
    throw new RuleError(
      `The ${instrument.name.toLowerCase()} is answered when your physiotherapist asks for it; it is not due now.`,
      "form",
    );
  }

  const { value, created } = await createOnce(find, () =>
    auditedTransaction(
      async (tx) => {
        const row = await tx.outcomeResponse.create({
          data: {
            patientId: patient.id,
            instrument: instrument.id,
            instrumentVersion: instrument.version,
            assignmentId: occurrence?.assignmentId ?? null,
            dueDate: occurrence?.dueDate ?? null,
            answers: JSON.stringify(answers),
            score: result.score,
            completedAt: now,
            clientRequestId: input.clientRequestId,
          },
          select: { id: true, score: true },
        });
        await tx.outcomeDraft.deleteMany({ where: { patientId: patient.id, instrument: instrument.id } });
        return row;
      },
      (row) => `${instrument.id}: ${Number(row.score)}`,
    ),
  );
  return { ...value, created };
}

// ---------------------------------------------------------------------------------------------
// Results

export type OutcomePoint = {
  id: string;
  /** The patient's local date of the answer. */
  date: string;
  at: string;
  score: number;
  activities: { name: string; rating: number }[];
};

/** JSON-safe trend (dates as ISO strings). */
export type OutcomeTrendView = Omit<OutcomeTrend, "first" | "latest"> & {
  first: { score: number; at: string };
  latest: { score: number; at: string };
};

export type OutcomeSeries = { instrument: string; points: OutcomePoint[]; trend: OutcomeTrendView | null };

export function toTrendView(trend: OutcomeTrend): OutcomeTrendView {
  return {
    ...trend,
    first: { score: trend.first.score, at: trend.first.at.toISOString() },
    latest: { score: trend.latest.score, at: trend.latest.at.toISOString() },
  };
}

export function toScoredResponse(row: {
  instrument: string;
  score: number;
  completedAt: Date;
  answers: string;
}): ScoredResponse {
  const activities = parseAnswers(row.answers).activities.filter(
    (activity): activity is { name: string; rating: number } => typeof activity.rating === "number",
  );
  return {
    instrument: row.instrument,
    score: row.score,
    completedAt: row.completedAt,
    ...(row.instrument === "PSFS" ? { activities } : {}),
  };
}

/**
 * Every score of every instrument the patient answered, oldest first, with the change since the
 * first score judged by the instrument's threshold. For the patient and linked physiotherapists.
 */
export async function getOutcomeResults(patientId: string): Promise<OutcomeSeries[]> {
  await readPatientData(patientId, "READ_OUTCOMES");
  const [patient, rows] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: patientId }, select: { timezone: true } }),
    db.outcomeResponse.findMany({
      where: { patientId },
      orderBy: { completedAt: "asc" },
      select: { id: true, instrument: true, score: true, completedAt: true, answers: true },
    }),
  ]);
  return instruments.flatMap((instrument) => {
    const own = rows.filter((row) => row.instrument === instrument.id);
    if (own.length === 0) return [];
    const scored = own.map(toScoredResponse);
    const trend = outcomeTrend(scored);
    return [
      {
        instrument: instrument.id,
        points: own.map((row, index) => ({
          id: row.id,
          date: localDate(row.completedAt, patient.timezone),
          at: row.completedAt.toISOString(),
          score: row.score,
          activities: scored[index]?.activities ?? [],
        })),
        trend: trend ? toTrendView(trend) : null,
      },
    ];
  });
}
