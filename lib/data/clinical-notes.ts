import "server-only";
import { db } from "@/lib/db";
import { readPatientData, requirePatientAccess, requireRole } from "./current-user";
import { NotFoundError } from "./errors";
import { createOnce } from "./revisions";

export type ClinicalNoteView = { id: string; body: string; createdAt: Date };
export type SessionCommentView = { id: string; body: string; createdAt: Date; author: string };

/** Notes are private to the physiotherapist who wrote them: not the patient, not other physiotherapists. */
export async function listClinicalNotes(patientId: string): Promise<ClinicalNoteView[]> {
  const physio = await requireRole("PHYSIO");
  await readPatientData(patientId, "READ_NOTES");
  return db.clinicalNote.findMany({
    where: { patientId, physioId: physio.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, body: true, createdAt: true },
  });
}

const requestKey = (input: { patientId: string; clientRequestId: string }) => ({
  patientId: input.patientId,
  clientRequestId: input.clientRequestId,
});

export async function addClinicalNote(input: {
  patientId: string;
  body: string;
  clientRequestId: string;
}): Promise<boolean> {
  const physio = await requireRole("PHYSIO");
  await requirePatientAccess(input.patientId);
  const { created } = await createOnce(
    () =>
      db.clinicalNote.findUnique({
        where: { patientId_clientRequestId: requestKey(input) },
        select: { id: true },
      }),
    () =>
      db.clinicalNote.create({
        data: {
          physioId: physio.id,
          patientId: input.patientId,
          body: input.body,
          clientRequestId: input.clientRequestId,
        },
        select: { id: true },
      }),
  );
  return created;
}

/** A linked physiotherapist comments on one of the patient's sessions; the patient sees it. */
export async function addSessionComment(input: {
  patientId: string;
  sessionId: string;
  body: string;
  clientRequestId: string;
}): Promise<boolean> {
  const physio = await requireRole("PHYSIO");
  await requirePatientAccess(input.patientId);
  const session = await db.exerciseSession.findFirst({
    where: { id: input.sessionId, patientId: input.patientId, deletedAt: null },
    select: { id: true },
  });
  if (!session) {
    throw new NotFoundError("That session");
  }
  const { created } = await createOnce(
    () =>
      db.comment.findUnique({
        where: { patientId_clientRequestId: requestKey(input) },
        select: { id: true },
      }),
    () =>
      db.comment.create({
        data: {
          authorId: physio.id,
          patientId: input.patientId,
          sessionId: session.id,
          body: input.body,
          clientRequestId: input.clientRequestId,
        },
        select: { id: true },
      }),
  );
  return created;
}

/** Comments on the given sessions of a patient, oldest first per session. */
export async function listSessionComments(
  patientId: string,
  sessionIds: string[],
): Promise<Record<string, SessionCommentView[]>> {
  await readPatientData(patientId, "READ_COMMENTS");
  if (sessionIds.length === 0) return {};
  const rows = await db.comment.findMany({
    where: { patientId, sessionId: { in: sessionIds } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, sessionId: true, author: { select: { name: true } } },
  });
  const bySession: Record<string, SessionCommentView[]> = {};
  for (const row of rows) {
    if (!row.sessionId) continue;
    const list = bySession[row.sessionId] ?? [];
    list.push({ id: row.id, body: row.body, createdAt: row.createdAt, author: row.author.name });
    bySession[row.sessionId] = list;
  }
  return bySession;
}

export type RecentComment = SessionCommentView & { sessionStartedAt: Date | null };

/** The newest comments on the patient's sessions since a moment, for Today. */
export async function listRecentComments(patientId: string, since: Date, take = 2): Promise<RecentComment[]> {
  await readPatientData(patientId, "READ_COMMENTS");
  const rows = await db.comment.findMany({
    where: { patientId, createdAt: { gte: since } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      session: { select: { startedAt: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    createdAt: row.createdAt,
    author: row.author.name,
    sessionStartedAt: row.session?.startedAt ?? null,
  }));
}
