import "server-only";
import { db } from "@/lib/db";
import { isScheduledOn, weekdayIn } from "@/lib/domain/schedule";
import type { SessionInput } from "@/lib/validation/logs";
import { auditedTransaction } from "./audit";
import { requireRole } from "./current-user";
import { RuleError } from "./errors";
import { getRoutine, type RoutineItemView } from "./routine";
import { logSession, type WriteResult } from "./sessions";

export type GuidedPlan = { items: RoutineItemView[]; onlyDueToday: boolean };

/** What the player steps through: today's due items, or the whole routine when nothing is due. */
export async function getGuidedPlan(now = new Date()): Promise<GuidedPlan> {
  const patient = await requireRole("PATIENT");
  const routine = await getRoutine(patient.id);
  const weekday = weekdayIn(now, patient.timezone);
  const due = routine.filter((item) => isScheduledOn(item.daysOfWeek, weekday));
  return due.length > 0 ? { items: due, onlyDueToday: true } : { items: routine, onlyDueToday: false };
}

/** The signed-in patient's "get into position" countdown before holds, in seconds (0 = off). */
export async function getGuidedLeadInSeconds(): Promise<number> {
  const patient = await requireRole("PATIENT");
  const row = await db.user.findUniqueOrThrow({
    where: { id: patient.id },
    select: { guidedLeadInSeconds: true },
  });
  return row.guidedLeadInSeconds;
}

/** The signed-in patient sets their lead-in; the caller has validated the range. */
export async function setGuidedLeadIn(seconds: number): Promise<void> {
  const patient = await requireRole("PATIENT");
  await auditedTransaction((tx) =>
    tx.user.update({ where: { id: patient.id }, data: { guidedLeadInSeconds: seconds } }),
  );
}

export type GuidedDraft = { startedAt: Date; state: string };

// Drafts older than this are stale: the player starts afresh.
const draftLifetimeMs = 12 * 3_600_000;

export async function getGuidedDraft(now = new Date()): Promise<GuidedDraft | null> {
  const patient = await requireRole("PATIENT");
  const draft = await db.guidedSessionDraft.findUnique({
    where: { patientId: patient.id },
    select: { startedAt: true, state: true, updatedAt: true },
  });
  if (!draft || now.getTime() - draft.updatedAt.getTime() > draftLifetimeMs) return null;
  return { startedAt: draft.startedAt, state: draft.state };
}

/**
 * A real draft is a few hundred characters (the outcomes are run-length encoded); the cap keeps a
 * tampered request from parking a large blob in the database.
 */
export const guidedDraftMaxLength = 50_000;
export const guidedDraftTooLarge =
  "This session's progress is too large to keep. Finish or restart the session.";

export async function saveGuidedDraft(startedAt: Date, state: string): Promise<void> {
  const patient = await requireRole("PATIENT");
  if (state.length > guidedDraftMaxLength) throw new RuleError(guidedDraftTooLarge, "state");
  await auditedTransaction((tx) =>
    tx.guidedSessionDraft.upsert({
      where: { patientId: patient.id },
      create: { patientId: patient.id, startedAt, state },
      update: { startedAt, state },
    }),
  );
}

export async function discardGuidedDraft(): Promise<void> {
  const patient = await requireRole("PATIENT");
  await auditedTransaction((tx) => tx.guidedSessionDraft.deleteMany({ where: { patientId: patient.id } }));
}

/** Saves the finished guided session and drops the draft, in one transaction. */
export async function finishGuidedSession(input: SessionInput): Promise<WriteResult> {
  const patient = await requireRole("PATIENT");
  return logSession(input, "GUIDED", async (tx) => {
    await tx.guidedSessionDraft.deleteMany({ where: { patientId: patient.id } });
  });
}
