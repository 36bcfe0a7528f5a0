import "server-only";
import { db } from "@/lib/db";
import { detachedNoteCutoff, detachedNoteExpiry } from "@/lib/erasure/retention";
import { currentClientAddress } from "@/lib/request-context";
import { recordAudit } from "./audit";
import { requireRole } from "./current-user";

export type DetachedNotes = {
  /** The name the patient had when they erased their account. */
  patientLabel: string;
  erasedAt: Date;
  keptUntil: Date;
  notes: { id: string; body: string; createdAt: Date }[];
};

/**
 * The caller's clinical notes about patients who erased their account: their own records, kept
 * detached from the account until the retention period ends (lib/erasure/retention.ts), grouped
 * per erased patient. Audited as a read of notes that names no patient (there is none any more).
 */
export async function listDetachedNotes(now = new Date()): Promise<DetachedNotes[]> {
  const physio = await requireRole("PHYSIO");
  const rows = await db.clinicalNote.findMany({
    where: { physioId: physio.id, detachedAt: { not: null, gt: detachedNoteCutoff(now) } },
    orderBy: [{ detachedAt: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, body: true, createdAt: true, patientLabel: true, detachedAt: true },
  });
  if (rows.length === 0) return [];
  await recordAudit({
    actorId: physio.id,
    actorRole: physio.role,
    action: "READ_NOTES",
    patientId: null,
    outcome: "SUCCESS",
    clientAddress: await currentClientAddress(),
    detail: "notes kept after an erasure",
  });
  const groups = new Map<string, DetachedNotes>();
  for (const row of rows) {
    const erasedAt = row.detachedAt ?? now;
    const label = row.patientLabel ?? "A former patient";
    const key = `${erasedAt.toISOString()}|${label}`;
    const group = groups.get(key) ?? {
      patientLabel: label,
      erasedAt,
      keptUntil: detachedNoteExpiry(erasedAt),
      notes: [],
    };
    group.notes.push({ id: row.id, body: row.body, createdAt: row.createdAt });
    groups.set(key, group);
  }
  return [...groups.values()];
}
