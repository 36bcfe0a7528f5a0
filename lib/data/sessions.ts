import "server-only";
import { db } from "@/lib/db";
import { limits } from "@/lib/validation/fields";
import type { SessionEntryInput, SessionInput } from "@/lib/validation/logs";
import { readPatientData, requireRole } from "./current-user";
import { NotFoundError, RuleError } from "./errors";
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
  painBefore: number | null;
  painAfter: number | null;
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
  painBefore: true,
  painAfter: true,
  notes: true,
  source: true,
  version: true,
  deletedAt: true,
  _count: { select: { revisions: { where: { change: "EDITED" } } } },
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
  painBefore: number | null;
  painAfter: number | null;
  notes: string;
  source: string;
  version: number;
  deletedAt: Date | null;
  _count: { revisions: number };
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
  return {
    id: row.id,
    startedAt: row.startedAt,
    durationSeconds: row.durationSeconds,
    painBefore: row.painBefore,
    painAfter: row.painAfter,
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
      db.$transaction(async (tx) => {
        await checkExercises(tx, input.entries);
        const session = await tx.exerciseSession.create({
          data: {
            patientId: patient.id,
            startedAt: input.startedAt,
            durationSeconds: durationOf(input),
            painBefore: input.painBefore ?? null,
            painAfter: input.painAfter ?? null,
            notes: input.notes,
            source,
            clientRequestId: input.clientRequestId,
            entries: { create: entryRows(input.entries) },
          },
          select: { id: true },
        });
        await afterWrite?.(tx);
        return session.id;
      }),
  );
  return { id, created };
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
export function editSession(sessionId: string, input: SessionInput): Promise<WriteResult> {
  return reviseSession(sessionId, input.clientRequestId, "EDITED", async (tx, current) => {
    await checkExercises(tx, input.entries);
    await tx.sessionEntry.deleteMany({ where: { sessionId } });
    await tx.exerciseSession.update({
      where: { id: sessionId },
      data: {
        startedAt: input.startedAt,
        durationSeconds: durationOf(input),
        painBefore: input.painBefore ?? null,
        painAfter: input.painAfter ?? null,
        notes: input.notes,
        version: current.version + 1,
        entries: { create: entryRows(input.entries) },
      },
    });
  });
}

/** A soft delete: the session disappears from lists and charts until it is restored. */
export function deleteSession(sessionId: string, clientRequestId: string): Promise<WriteResult> {
  return reviseSession(sessionId, clientRequestId, "DELETED", async (tx, current) => {
    await tx.exerciseSession.update({
      where: { id: sessionId },
      data: { deletedAt: new Date(), version: current.version + 1 },
    });
  });
}

export function restoreSession(sessionId: string, clientRequestId: string): Promise<WriteResult> {
  return reviseSession(sessionId, clientRequestId, "RESTORED", async (tx, current) => {
    await tx.exerciseSession.update({
      where: { id: sessionId },
      data: { deletedAt: null, version: current.version + 1 },
    });
  });
}

export async function getSession(patientId: string, sessionId: string): Promise<SessionView> {
  await readPatientData(patientId, "READ_SESSIONS");
  const row = await db.exerciseSession.findFirst({
    where: { id: sessionId, patientId, deletedAt: null },
    select: sessionSelect,
  });
  if (!row) throw new NotFoundError("That session");
  return toSessionView(row);
}

export type SessionRevisionView = { version: number; change: string; at: Date; snapshot: SessionView };

export async function listSessionRevisions(
  patientId: string,
  sessionId: string,
): Promise<SessionRevisionView[]> {
  await readPatientData(patientId, "READ_SESSIONS");
  const rows = await db.exerciseSessionRevision.findMany({
    where: { sessionId, patientId },
    orderBy: { createdAt: "desc" },
    select: { version: true, change: true, createdAt: true, snapshot: true },
  });
  return rows.map((row) => ({
    version: row.version,
    change: row.change,
    at: row.createdAt,
    snapshot: JSON.parse(row.snapshot) as SessionView,
  }));
}

export const historyPageSize = 20;

/** Sessions newest first, deleted ones included (marked) so they can be restored. */
export async function listSessions(
  patientId: string,
  page: number,
): Promise<{ items: SessionView[]; pages: number }> {
  const access = await readPatientData(patientId, "READ_SESSIONS");
  // Only the patient sees what they deleted (to undo it); for anyone else it is gone.
  const where = access.via === "self" ? { patientId } : { patientId, deletedAt: null };
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
