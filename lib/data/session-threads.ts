import "server-only";
import { db } from "@/lib/db";
import { auditedTransaction } from "./audit";
import { requirePatientAccess, requireRole } from "./current-user";
import { isUniqueViolation, NotFoundError, RuleError } from "./errors";
import { createOnce } from "./revisions";

// A short thread per session: a linked physiotherapist comments (addSessionComment), the patient
// answers, the physiotherapist replies back. Each author may edit or delete their own message for
// 24 hours; the earlier text is kept. Nobody watches these messages for urgent problems.

/** How long after sending its author may still edit or delete a message. */
export const messageEditWindowMs = 24 * 60 * 60_000;

const requestKey = (input: { patientId: string; clientRequestId: string }) => ({
  patientId: input.patientId,
  clientRequestId: input.clientRequestId,
});

/**
 * The patient answers on one of their sessions. Only where a physiotherapist has written first:
 * the thread is about their comment, not a channel of its own.
 */
export async function addSessionReply(input: {
  patientId: string;
  sessionId: string;
  body: string;
  clientRequestId: string;
}): Promise<boolean> {
  const patient = await requireRole("PATIENT");
  if (input.patientId !== patient.id) throw new NotFoundError("That session");
  const session = await db.exerciseSession.findFirst({
    where: { id: input.sessionId, patientId: patient.id, deletedAt: null },
    select: {
      id: true,
      comments: { where: { authorId: { not: patient.id } }, select: { id: true }, take: 1 },
    },
  });
  if (!session) throw new NotFoundError("That session");
  if (session.comments.length === 0) {
    throw new RuleError("You can answer once your physiotherapist has commented on this session.", "body");
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
            authorId: patient.id,
            patientId: patient.id,
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

type MessageChange = {
  patientId: string;
  commentId: string;
  clientRequestId: string;
};

/**
 * Edits or deletes one of the caller's own messages in a thread they can see, within 24 hours of
 * sending it; the text before the change is kept as a revision. Once per client request id.
 */
async function changeOwnMessage(
  input: MessageChange,
  change: { kind: "EDITED"; body: string } | { kind: "DELETED" },
  now: Date,
): Promise<boolean> {
  const { user } = await requirePatientAccess(input.patientId);
  const repeat = await db.commentRevision.findUnique({
    where: { patientId_clientRequestId: requestKey(input) },
    select: { commentId: true },
  });
  if (repeat) {
    if (repeat.commentId !== input.commentId) throw new NotFoundError("That message");
    return false;
  }
  const message = await db.comment.findFirst({
    where: { id: input.commentId, patientId: input.patientId, authorId: user.id, deletedAt: null },
    select: { id: true, body: true, version: true, createdAt: true },
  });
  if (!message) throw new NotFoundError("That message");
  if (now.getTime() - message.createdAt.getTime() > messageEditWindowMs) {
    throw new RuleError("A message can be changed for 24 hours after it was sent; this one no longer can.");
  }
  try {
    await auditedTransaction(async (tx) => {
      await tx.commentRevision.create({
        data: {
          commentId: message.id,
          patientId: input.patientId,
          version: message.version,
          change: change.kind,
          body: message.body,
          changedById: user.id,
          clientRequestId: input.clientRequestId,
        },
      });
      const { count } = await tx.comment.updateMany({
        where: { id: message.id, version: message.version, deletedAt: null },
        data:
          change.kind === "EDITED"
            ? { body: change.body, version: message.version + 1, editedAt: now }
            : { version: message.version + 1, deletedAt: now },
      });
      if (count !== 1) throw new RuleError("This message changed meanwhile. Reload the page and try again.");
    });
  } catch (error) {
    // Two copies of one request racing: the first one's revision won, so this one changed nothing.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  return true;
}

export async function editSessionMessage(
  input: MessageChange & { body: string },
  now = new Date(),
): Promise<boolean> {
  return changeOwnMessage(input, { kind: "EDITED", body: input.body }, now);
}

export async function deleteSessionMessage(input: MessageChange, now = new Date()): Promise<boolean> {
  return changeOwnMessage(input, { kind: "DELETED" }, now);
}

export type MessageVersion = { version: number; body: string; change: string; at: Date };

/** The earlier texts of a message in a thread the caller can see, oldest first. */
export async function listMessageVersions(patientId: string, commentId: string): Promise<MessageVersion[]> {
  await requirePatientAccess(patientId);
  const message = await db.comment.findFirst({
    where: { id: commentId, patientId },
    select: {
      revisions: {
        orderBy: { version: "asc" },
        select: { version: true, body: true, change: true, createdAt: true },
      },
    },
  });
  if (!message) throw new NotFoundError("That message");
  return message.revisions.map((row) => ({
    version: row.version,
    body: row.body,
    change: row.change,
    at: row.createdAt,
  }));
}

/** For Today: messages from the physiotherapist the patient has not seen yet. */
export async function countUnreadForPatient(): Promise<number> {
  const patient = await requireRole("PATIENT");
  return db.comment.count({
    where: { patientId: patient.id, readAt: null, deletedAt: null, authorId: { not: patient.id } },
  });
}

export type UnreadReplies = { patientId: string; patientName: string; count: number };

/** For the caseload: linked patients whose replies no physiotherapist has seen yet. */
export async function listUnreadRepliesForPhysio(): Promise<UnreadReplies[]> {
  const physio = await requireRole("PHYSIO");
  const links = await db.careLink.findMany({
    where: { physioId: physio.id, status: "ACTIVE" },
    select: { patientId: true, patient: { select: { name: true } } },
  });
  if (links.length === 0) return [];
  const groups = await db.comment.groupBy({
    by: ["patientId"],
    where: {
      patientId: { in: links.map((link) => link.patientId) },
      readAt: null,
      deletedAt: null,
      author: { role: "PATIENT" },
    },
    _count: { _all: true },
  });
  const names = new Map(links.map((link) => [link.patientId, link.patient.name]));
  return groups
    .map((group) => ({
      patientId: group.patientId,
      patientName: names.get(group.patientId) ?? "",
      count: group._count._all,
    }))
    .sort((x, y) => x.patientName.localeCompare(y.patientName));
}
