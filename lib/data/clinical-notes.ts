import "server-only";
import { db } from "@/lib/db";
import { currentClientAddress } from "@/lib/request-context";
import { auditedTransaction, recordAudit } from "./audit";
import { getEndedCareLink } from "./care-links";
import { readPatientData, requirePatientAccess, requireRole } from "./current-user";
import { NotFoundError } from "./errors";
import { createOnce } from "./revisions";
import { messageEditWindowMs } from "./session-threads";

export type ClinicalNoteView = { id: string; body: string; createdAt: Date };
export type SessionCommentView = {
  id: string;
  patientId: string;
  body: string;
  createdAt: Date;
  author: string;
  authorRole: "PATIENT" | "PHYSIO";
  /** Written by the caller, who may edit or delete it until `editableUntil`. */
  mine: boolean;
  editableUntil: Date | null;
  edited: boolean;
};

/**
 * Notes are private to the physiotherapist who wrote them: not the patient, not other
 * physiotherapists. Once a link has ended they stay readable to their author, up to the moment it
 * ended (their own records), and the read is still recorded for the patient to see.
 */
export async function listClinicalNotes(patientId: string): Promise<ClinicalNoteView[]> {
  const physio = await requireRole("PHYSIO");
  const ended = await getEndedCareLink(patientId);
  if (ended) {
    await recordAudit({
      actorId: physio.id,
      actorRole: physio.role,
      action: "READ_NOTES",
      patientId,
      outcome: "SUCCESS",
      clientAddress: await currentClientAddress(),
    });
  } else {
    await readPatientData(patientId, "READ_NOTES");
  }
  return db.clinicalNote.findMany({
    where: { patientId, physioId: physio.id, ...(ended ? { createdAt: { lte: ended.endedAt } } : {}) },
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
      auditedTransaction((tx) =>
        tx.clinicalNote.create({
          data: {
            physioId: physio.id,
            patientId: input.patientId,
            body: input.body,
            clientRequestId: input.clientRequestId,
          },
          select: { id: true },
        }),
      ),
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
      auditedTransaction((tx) =>
        tx.comment.create({
          data: {
            authorId: physio.id,
            patientId: input.patientId,
            sessionId: session.id,
            body: input.body,
            clientRequestId: input.clientRequestId,
          },
          select: { id: true },
        }),
      ),
  );
  return created;
}

/**
 * The threads on the given sessions of a patient, newest message last. Showing them is reading
 * them: messages from the other side (the physiotherapist's for the patient, the patient's for a
 * linked physiotherapist) are marked read, which is what "unread" on Today and the caseload counts.
 */
export async function listSessionComments(
  patientId: string,
  sessionIds: string[],
  now = new Date(),
): Promise<Record<string, SessionCommentView[]>> {
  const { user } = await readPatientData(patientId, "READ_COMMENTS");
  if (sessionIds.length === 0) return {};
  const rows = await db.comment.findMany({
    where: { patientId, sessionId: { in: sessionIds }, deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      body: true,
      createdAt: true,
      sessionId: true,
      authorId: true,
      editedAt: true,
      readAt: true,
      author: { select: { name: true, role: true } },
    },
  });
  const bySession: Record<string, SessionCommentView[]> = {};
  const unread: string[] = [];
  for (const row of rows) {
    if (!row.sessionId) continue;
    const authorRole = row.author.role as SessionCommentView["authorRole"];
    const mine = row.authorId === user.id;
    if (!mine && row.readAt === null && authorRole !== user.role) unread.push(row.id);
    const until = new Date(row.createdAt.getTime() + messageEditWindowMs);
    const list = bySession[row.sessionId] ?? [];
    list.push({
      id: row.id,
      patientId,
      body: row.body,
      createdAt: row.createdAt,
      author: row.author.name,
      authorRole,
      mine,
      editableUntil: mine && until > now ? until : null,
      edited: row.editedAt !== null,
    });
    bySession[row.sessionId] = list;
  }
  if (unread.length > 0) {
    await db.comment.updateMany({ where: { id: { in: unread }, readAt: null }, data: { readAt: now } });
  }
  return bySession;
}

export type RecentComment = Pick<SessionCommentView, "id" | "body" | "createdAt" | "author"> & {
  sessionStartedAt: Date | null;
};

/** The newest comments on the patient's sessions since a moment, for Today. */
export async function listRecentComments(patientId: string, since: Date, take = 2): Promise<RecentComment[]> {
  await readPatientData(patientId, "READ_COMMENTS");
  const rows = await db.comment.findMany({
    // The physiotherapist's messages, not the patient's own replies.
    where: { patientId, createdAt: { gte: since }, deletedAt: null, authorId: { not: patientId } },
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
