import "server-only";
import { db } from "@/lib/db";
import { requireRole } from "./current-user";

export type CareTeamNoticeKind = "PHYSIO_ACCOUNT_CLOSED";

/**
 * The patient's one-time notices (a physiotherapist they shared their data with closed their
 * account), oldest first; reading them deletes them, so each shows on one visit only.
 */
export async function takeCareTeamNotices(): Promise<CareTeamNoticeKind[]> {
  const patient = await requireRole("PATIENT");
  const rows = await db.careTeamNotice.findMany({
    where: { patientId: patient.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true },
  });
  if (rows.length === 0) return [];
  await db.careTeamNotice.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
  return rows.map((row) => row.kind as CareTeamNoticeKind);
}
