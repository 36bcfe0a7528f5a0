import "server-only";
import { db } from "@/lib/db";
import { limits, type PainArea } from "@/lib/validation/fields";
import type { SessionEntryInput, SessionInput } from "@/lib/validation/logs";
import { auditedTransaction } from "./audit";
import { notFoundFor, readPatientData, requireRole } from "./current-user";
import { RuleError } from "./errors";
import { checkLogDate } from "./log-dates";
import { createOnce, type RevisionChange, reviseOnce, type Tx, type WriteResult } from "./revisions";

export type SessionSource = "GUIDED" | "QUICK_LOG";
export type { WriteResult };

export type SessionEntryView = {
  exerciseId: string;
  exerciseName: string;
  exerciseSlug: string;
  side: "LEFT" | "RIGHT" | "BOTH";
  sets: number;
  reps: number;
  holdSeconds: number;
};

export type SessionView = {
  id: string;
  startedAt: Date;
  durationSeconds: number;
  /** Pain before and after, from the session's own pain entries (deleted ones left out). */
  painBefore: number | null;
  painAfter: number | null;
  /** The area the ratings are about; NOT_GIVEN for ratings stored before areas were asked. */
  painArea: PainArea | null;
  notes: string;
  source: SessionSource;
  version: number;
  /** Whether the patient ever edited it (deleting and restoring do not count). */
  edited: boolean;
  deletedAt: Date | null;
  entries: SessionEntryView[];
};

const sessionSelect = {
  id: true,
  startedAt: true,
  durationSeconds: true,
  notes: true,
  source: true,
  version: true,
  deletedAt: true,
  _count: { select: { revisions: { where: { change: "EDITED" } } } },
  painEntries: {
    where: { deletedAt: null },
    select: { id: true, rating: true, region: true, context: true },
  },
  entries: {
    orderBy: { position: "asc" },
    select: {
      exerciseId: true,
      side: true,
      sets: true,
      reps: true,
      holdSeconds: true,
      exercise: { select: { name: true, slug: true } },
    },
  },
} as const;

type SessionRow = {
  id: string;
  startedAt: Date;
  durationSeconds: number;
  notes: string;
  source: string;
  version: number;
  deletedAt: Date | null;
  _count: { revisions: number };
  painEntries: { id: string; rating: number; region: string; context: string }[];
  entries: {
    exerciseId: string;
    side: string;
    sets: number;
    reps: number;
    holdSeconds: number;
    exercise: { name: string; slug: string };
  }[];
};

function toSessionView(row: SessionRow): SessionView {
  const before = row.painEntries.find((entry) => entry.context === "BEFORE_SESSION");
  const after = row.painEntries.find((entry) => entry.context === "AFTER_SESSION");
  return {
    id: row.id,
    startedAt: row.startedAt,
    durationSeconds: row.durationSeconds,
    painBefore: before?.rating ?? null,
    painAfter: after?.rating ?? null,
    painArea: ((before ?? after)?.region as PainArea | undefined) ?? null,
    notes: row.notes,
    source: row.source as SessionSource,
    version: row.version,
    edited: row._count.revisions > 0,
    deletedAt: row.deletedAt,
    entries: row.entries.map((entry) => ({
      exerciseId: entry.exerciseId,
      exerciseName: entry.exercise.name,
      exerciseSlug: entry.exercise.slug,
      side: entry.side as SessionEntryView["side"],
      sets: entry.sets,
      reps: entry.reps,
      holdSeconds: entry.holdSeconds,
    })),
  };
}

/** Every exercise id must be in the catalog; an unknown one is answered on the entries field. */
async function checkExercises(tx: Tx, entries: SessionEntryInput[]): Promise<void> {
  const ids = [...new Set(entries.map((entry) => entry.exerciseId))];
  const found = await tx.exercise.count({ where: { id: { in: ids } } });
  if (found !== ids.length) throw new RuleError("One of the exercises is not in the catalog.", "entries");
}

function entryRows(entries: SessionEntryInput[]) {
  return entries.map((entry, position) => ({ ...entry, position }));
}

function durationOf(input: SessionInput): number {
  if (input.durationMinutes !== undefined) return input.durationMinutes * 60;
  // Estimated from the entries, within the limit an edit of the session accepts.
  return Math.min(limits.durationSeconds, estimatedDuration(input));
}

function estimatedDuration(input: SessionInput): number {
  return input.entries.reduce(
    (total, entry) => total + entry.sets * Math.max(1, entry.reps) * Math.max(5, entry.holdSeconds),
    0,
  );
}

/**
 * Saves a session the signed-in patient did. The client request id makes it idempotent: a double
 * click, a retry or a resubmitted form returns the first row instead of writing a second.
 */
export async function logSession(
  input: SessionInput,
  source: SessionSource,
  afterWrite?: (tx: Tx) => Promise<void>,
): Promise<WriteResult> {
  const patient = await requireRole("PATIENT");
  await checkLogDate(db, patient.id, input.startedAt, "startedAt");
  const { value: id, created } = await createOnce(
    async () =>
      (
        await db.exerciseSession.findUnique({
          where: {
            patientId_clientRequestId: { patientId: patient.id, clientRequestId: input.clientRequestId },
          },
          select: { id: true },
        })
      )?.id ?? null,
    () =>
      auditedTransaction(async (tx) => {
        await checkExercises(tx, input.entries);
        const session = await tx.exerciseSession.create({
          data: {
            patientId: patient.id,
            startedAt: input.startedAt,
            durationSeconds: durationOf(input),
            notes: input.notes,
            source,
            clientRequestId: input.clientRequestId,
            entries: { create: entryRows(input.entries) },
          },
          select: { id: true, startedAt: true, durationSeconds: true },
        });
        await tx.painEntry.createMany({
          data: sessionPainRows(input).map((rating) => ({
            ...rating,
            patientId: patient.id,
            sessionId: session.id,
            recordedAt: ratingTime(rating.context, session),
            clientRequestId: `${input.clientRequestId}:${rating.context === "BEFORE_SESSION" ? "before" : "after"}`,
          })),
        });
        await afterWrite?.(tx);
        return session.id;
      }),
  );
  return { id, created };
}

type SessionRating = { context: "BEFORE_SESSION" | "AFTER_SESSION"; rating: number; region: string };

/** The pain entries a session form asks for: before and after, each naming the session's area. */
function sessionPainRows(input: SessionInput): SessionRating[] {
  const region = input.painArea;
  if (!region) return [];
  const rows: SessionRating[] = [];
  if (input.painBefore !== undefined)
    rows.push({ context: "BEFORE_SESSION", rating: input.painBefore, region });
  if (input.painAfter !== undefined) rows.push({ context: "AFTER_SESSION", rating: input.painAfter, region });
  return rows;
}

/** Before is rated at the start, after at the end of the session. */
function ratingTime(
  context: SessionRating["context"],
  session: { startedAt: Date; durationSeconds: number },
): Date {
  return context === "BEFORE_SESSION"
    ? session.startedAt
    : new Date(session.startedAt.getTime() + session.durationSeconds * 1000);
}

/**
 * Brings a session's pain entries in line with an edit: a changed rating updates its entry (the
 * session's revision keeps the earlier values), a removed one is deleted softly, a new one added.
 */
async function syncSessionPain(
  tx: Tx,
  patientId: string,
  session: { id: string; startedAt: Date; durationSeconds: number },
  input: SessionInput,
): Promise<void> {
  const wanted = sessionPainRows(input);
  const existing = await tx.painEntry.findMany({
    where: { sessionId: session.id },
    select: { id: true, context: true, version: true, deletedAt: true },
  });
  for (const context of ["BEFORE_SESSION", "AFTER_SESSION"] as const) {
    const want = wanted.find((rating) => rating.context === context);
    const have = existing.find((entry) => entry.context === context);
    if (!want) {
      if (have && !have.deletedAt) {
        await tx.painEntry.update({
          where: { id: have.id },
          data: { deletedAt: new Date(), version: have.version + 1 },
        });
      }
      continue;
    }
    const values = { rating: want.rating, region: want.region, recordedAt: ratingTime(context, session) };
    if (have) {
      await tx.painEntry.update({
        where: { id: have.id },
        data: { ...values, deletedAt: null, version: have.version + 1 },
      });
    } else {
      await tx.painEntry.create({
        data: {
          ...values,
          context,
          patientId,
          sessionId: session.id,
          clientRequestId: `${input.clientRequestId}:${context === "BEFORE_SESSION" ? "before" : "after"}`,
        },
      });
    }
  }
}

/**
 * A deleted session's pain entries go with it and come back with it; one the patient had deleted
 * on its own before stays deleted (its deletedAt differs from the session's).
 */
async function moveSessionPain(tx: Tx, sessionId: string, from: Date | null, to: Date | null): Promise<void> {
  await tx.painEntry.updateMany({
    where: { sessionId, deletedAt: from },
    data: { deletedAt: to, version: { increment: 1 } },
  });
}

/** A revision-keeping change to one of the patient's sessions (see reviseOnce). */
function reviseSession(
  sessionId: string,
  clientRequestId: string,
  kind: RevisionChange,
  apply: (tx: Tx, current: SessionRow) => Promise<void>,
): Promise<WriteResult> {
  return reviseOnce<SessionRow>({
    what: "That session",
    id: sessionId,
    clientRequestId,
    kind,
    findRepeat: async (patientId) =>
      (
        await db.exerciseSessionRevision.findUnique({
          where: { patientId_clientRequestId: { patientId, clientRequestId } },
          select: { sessionId: true },
        })
      )?.sessionId ?? null,
    load: (tx, patientId) =>
      tx.exerciseSession.findFirst({ where: { id: sessionId, patientId }, select: sessionSelect }),
    recordRevision: async (tx, patientId, current) => {
      await tx.exerciseSessionRevision.create({
        data: {
          sessionId,
          patientId,
          version: current.version,
          change: kind,
          snapshot: JSON.stringify(toSessionView(current)),
          changedById: patientId,
          clientRequestId,
        },
      });
    },
    apply,
  });
}

/** Edits a session; the state before the edit is kept as a revision. */
export async function editSession(sessionId: string, input: SessionInput): Promise<WriteResult> {
  const patient = await requireRole("PATIENT");
  await checkLogDate(db, patient.id, input.startedAt, "startedAt");
  return reviseSession(sessionId, input.clientRequestId, "EDITED", async (tx, current) => {
    await checkExercises(tx, input.entries);
    await tx.sessionEntry.deleteMany({ where: { sessionId } });
    const session = await tx.exerciseSession.update({
      where: { id: sessionId },
      data: {
        startedAt: input.startedAt,
        durationSeconds: durationOf(input),
        notes: input.notes,
        version: current.version + 1,
        entries: { create: entryRows(input.entries) },
      },
      select: { id: true, patientId: true, startedAt: true, durationSeconds: true },
    });
    await syncSessionPain(tx, session.patientId, session, input);
  });
}

/** A soft delete: the session disappears from lists and charts until it is restored. */
export function deleteSession(sessionId: string, clientRequestId: string): Promise<WriteResult> {
  return reviseSession(sessionId, clientRequestId, "DELETED", async (tx, current) => {
    const deletedAt = new Date();
    await tx.exerciseSession.update({
      where: { id: sessionId },
      data: { deletedAt, version: current.version + 1 },
    });
    await moveSessionPain(tx, sessionId, null, deletedAt);
  });
}

export function restoreSession(sessionId: string, clientRequestId: string): Promise<WriteResult> {
  return reviseSession(sessionId, clientRequestId, "RESTORED", async (tx, current) => {
    await tx.exerciseSession.update({
      where: { id: sessionId },
      data: { deletedAt: null, version: current.version + 1 },
    });
    await moveSessionPain(tx, sessionId, current.deletedAt, null);
  });
}

export async function getSession(patientId: string, sessionId: string): Promise<SessionView> {
  const access = await readPatientData(patientId, "READ_SESSIONS");
  const row = await db.exerciseSession.findFirst({
    where: { id: sessionId, patientId, deletedAt: null },
    select: sessionSelect,
  });
  // An id that is not this patient's (another patient's session, or none): refused and recorded.
  if (!row) throw await notFoundFor(access.user, "That session", patientId);
  return toSessionView(row);
}

export type SessionRevisionView = {
  version: number;
  change: string;
  at: Date;
  /** Who made the change: the patient ("you") or, by name, whoever else did. */
  changedBy: { id: string; name: string };
  /** The session as it was before this change. */
  snapshot: SessionView;
};

/** A session's kept earlier versions, newest change first. */
export async function listSessionRevisions(
  patientId: string,
  sessionId: string,
): Promise<SessionRevisionView[]> {
  await readPatientData(patientId, "READ_SESSIONS");
  const rows = await db.exerciseSessionRevision.findMany({
    where: { sessionId, patientId },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: {
      version: true,
      change: true,
      createdAt: true,
      snapshot: true,
      changedBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({
    version: row.version,
    change: row.change,
    at: row.createdAt,
    changedBy: row.changedBy,
    snapshot: JSON.parse(row.snapshot) as SessionView,
  }));
}

export const historyPageSize = 20;

/**
 * Sessions newest first. The patient may ask for only the ones they deleted (to undo a delete) or
 * only the others; by default both, marked. For anyone else a deleted session is gone.
 */
export async function listSessions(
  patientId: string,
  page: number,
  filter: { deleted?: boolean } = {},
): Promise<{ items: SessionView[]; pages: number }> {
  const access = await readPatientData(patientId, "READ_SESSIONS");
  if (access.via !== "self" && filter.deleted) return { items: [], pages: 1 };
  const where =
    access.via !== "self" || filter.deleted === false
      ? { patientId, deletedAt: null }
      : filter.deleted
        ? { patientId, deletedAt: { not: null } }
        : { patientId };
  const [total, rows] = await Promise.all([
    db.exerciseSession.count({ where }),
    db.exerciseSession.findMany({
      where,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * historyPageSize,
      take: historyPageSize,
      select: sessionSelect,
    }),
  ]);
  return { items: rows.map(toSessionView), pages: Math.max(1, Math.ceil(total / historyPageSize)) };
}
