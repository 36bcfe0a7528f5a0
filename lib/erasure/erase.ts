// What erasing an account deletes, keeps and rewrites, in one place for the app (lib/data/erasure.ts,
// "Delete my account") and for `npm run restore`, which erases again every account the erasure
// ledger lists (lib/ops/after-restore.ts). README, "Your data: download and erasure", says the same
// in plain words; tests/integration/erasure.test.ts searches every table afterwards.
import type { Db } from "../db/client.ts";
import { throttleKeys } from "../domain/throttle.ts";
import { ensurePlaceholder, erasedPatient, formerPhysio, isPlaceholder } from "./placeholders.ts";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export type ErasedAccount = { role: "PATIENT" | "PHYSIO"; patientsNotified: number; notesKept: number };

/**
 * Erases one account inside the caller's transaction. Returns null when there is no such account
 * (already erased) or it is a placeholder.
 *
 * - Deleted: the account, its sessions (and their entries, revisions, comments), pain entries,
 *   questionnaire answers, drafts, routine and its history, messages it wrote, care links (both
 *   sides), invitations sent or addressed to it, time-zone history, second-factor data, revoked
 *   sessions, sign-in counters keyed on its e-mail or id, and its audit subject key (the audit rows
 *   stay unchanged and name nobody).
 * - A patient's clinical notes written by physiotherapists stay with their authors, detached: they
 *   point at the "erased patient" placeholder and keep the name the patient had (patientLabel) and
 *   the time (detachedAt), until lib/erasure/retention.ts's period ends.
 * - A physiotherapist's prescriptions, routine changes, comments and replies, and questionnaire
 *   requests stay on the patients' records under the "Former physiotherapist" placeholder
 *   (requests still open are stopped); each actively linked patient gets a one-time notice. Their
 *   own clinical notes are deleted with the account (they may download them first).
 */
export async function eraseAccount(tx: Tx, userId: string, now: Date): Promise<ErasedAccount | null> {
  if (isPlaceholder(userId)) return null;
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true },
  });
  if (!user) return null;
  const me = user.id;
  let patientsNotified = 0;
  let notesKept = 0;

  if (user.role === "PATIENT") {
    await ensurePlaceholder(tx, erasedPatient);
    // Each note's request id is rewritten from its own id, so notes of different erased patients
    // never collide on the placeholder's (patientId, clientRequestId).
    notesKept = await tx.$executeRaw`UPDATE "ClinicalNote"
      SET "patientId" = ${erasedPatient.id}, "clientRequestId" = 'erased:' || "id",
          "patientLabel" = ${user.name}, "detachedAt" = ${now}
      WHERE "patientId" = ${me}`;
    await tx.routineItemVersion.deleteMany({ where: { OR: [{ patientId: me }, { changedById: me }] } });
    await tx.exerciseSessionRevision.deleteMany({ where: { OR: [{ patientId: me }, { changedById: me }] } });
    await tx.painEntryRevision.deleteMany({ where: { OR: [{ patientId: me }, { changedById: me }] } });
    await tx.routineItem.deleteMany({ where: { OR: [{ setById: me }, { routine: { patientId: me } }] } });
    await tx.careInvite.deleteMany({ where: { OR: [{ patientEmail: user.email }, { acceptedById: me }] } });
  } else {
    await ensurePlaceholder(tx, formerPhysio);
    const active = await tx.careLink.findMany({
      where: { physioId: me, status: "ACTIVE" },
      select: { patientId: true },
    });
    if (active.length > 0) {
      await tx.careTeamNotice.createMany({
        data: active.map((link) => ({
          patientId: link.patientId,
          kind: "PHYSIO_ACCOUNT_CLOSED",
          createdAt: now,
        })),
      });
    }
    patientsNotified = active.length;
    const placeholder = formerPhysio.id;
    await tx.routineItem.updateMany({ where: { setById: me }, data: { setById: placeholder } });
    await tx.routineItemVersion.updateMany({
      where: { changedById: me },
      data: { changedById: placeholder },
    });
    await tx.comment.updateMany({ where: { authorId: me }, data: { authorId: placeholder } });
    await tx.commentRevision.updateMany({ where: { changedById: me }, data: { changedById: placeholder } });
    await tx.exerciseSessionRevision.updateMany({
      where: { changedById: me },
      data: { changedById: placeholder },
    });
    await tx.painEntryRevision.updateMany({ where: { changedById: me }, data: { changedById: placeholder } });
    await tx.outcomeAssignment.updateMany({
      where: { physioId: me, endedAt: null },
      data: { physioId: placeholder, endedAt: now },
    });
    await tx.outcomeAssignment.updateMany({ where: { physioId: me }, data: { physioId: placeholder } });
    await tx.careInvite.deleteMany({ where: { physioId: me } });
    await tx.clinicalNote.deleteMany({ where: { physioId: me } });
  }

  await tx.careLink.deleteMany({ where: { OR: [{ physioId: me }, { patientId: me }] } });
  await tx.revokedSession.deleteMany({ where: { userId: me } });
  await tx.signInThrottle.deleteMany({
    where: {
      OR: [
        { key: throttleKeys.account(user.email) },
        { key: { startsWith: throttleKeys.pair(user.email, "") } },
        { key: `second-factor:${me}` },
        { key: throttleKeys.inviteCodeAccount(me) },
      ],
    },
  });
  await tx.auditSubject.deleteMany({ where: { userId: me } });
  // The rest cascades from the account: sessions, pain, outcomes, drafts, comments about and by
  // the person, time zones, second-factor rows, notices.
  await tx.user.delete({ where: { id: me } });
  return { role: user.role as "PATIENT" | "PHYSIO", patientsNotified, notesKept };
}
