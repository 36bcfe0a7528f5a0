import "server-only";
import { db } from "@/lib/db";
import { requireRole } from "./session";

export type CaseloadPatient = {
  patientId: string;
  name: string;
  linkedSince: Date;
  lastSessionAt: Date | null;
  lastPainAt: Date | null;
};

/** The signed-in physiotherapist's patients with an active link; three queries whatever their number. */
export async function listCaseload(): Promise<CaseloadPatient[]> {
  const physio = await requireRole("PHYSIO");
  const links = await db.careLink.findMany({
    where: { physioId: physio.id, status: "ACTIVE" },
    orderBy: { patient: { name: "asc" } },
    select: { consentedAt: true, patient: { select: { id: true, name: true } } },
  });
  const patientIds = links.map((link) => link.patient.id);
  const [sessions, pains] = await Promise.all([
    db.exerciseSession.groupBy({
      by: ["patientId"],
      where: { patientId: { in: patientIds }, deletedAt: null },
      _max: { startedAt: true },
    }),
    db.painEntry.groupBy({
      by: ["patientId"],
      where: { patientId: { in: patientIds }, deletedAt: null },
      _max: { recordedAt: true },
    }),
  ]);
  const lastSession = new Map(sessions.map((row) => [row.patientId, row._max.startedAt]));
  const lastPain = new Map(pains.map((row) => [row.patientId, row._max.recordedAt]));
  return links.map((link) => ({
    patientId: link.patient.id,
    name: link.patient.name,
    linkedSince: link.consentedAt,
    lastSessionAt: lastSession.get(link.patient.id) ?? null,
    lastPainAt: lastPain.get(link.patient.id) ?? null,
  }));
}
