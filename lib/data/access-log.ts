import "server-only";
import { db } from "@/lib/db";
import { type AuditAction, auditActionLabels } from "./audit";
import { requireRole } from "./current-user";

// What a patient sees of the audit trail: who looked at or changed their data.
export type AccessLogEntry = {
  id: string;
  /** The latest time; `from` is the earliest when the same thing happened several times in a row. */
  at: Date;
  from: Date;
  count: number;
  who: string;
  role: "PHYSIO" | "PATIENT" | null;
  what: string;
  outcome: string;
};

/** Events read per page; repeats in a row (a caseload refreshing every minute) fold into one line. */
export const accessLogPageSize = 100;
const foldWithinMs = 60 * 60_000;

/** Who has looked at or changed the patient's data, other than the patient: newest first. */
export async function listAccessLog(page: number): Promise<{ items: AccessLogEntry[]; pages: number }> {
  const patient = await requireRole("PATIENT");
  // What physiotherapists did; the patient's own actions, and other patients' refused attempts
  // (which would name them), are kept in the trail but not listed here.
  const where = { patientId: patient.id, actorRole: "PHYSIO" };
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * accessLogPageSize,
      take: accessLogPageSize,
      select: { id: true, at: true, actorId: true, actorRole: true, action: true, outcome: true },
    }),
  ]);
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const items: (AccessLogEntry & { key: string })[] = [];
  for (const row of rows) {
    const key = `${row.actorId}|${row.action}|${row.outcome}`;
    const previous = items.at(-1);
    if (previous && previous.key === key && previous.at.getTime() - row.at.getTime() <= foldWithinMs) {
      previous.from = row.at;
      previous.count++;
      continue;
    }
    items.push({
      key,
      id: row.id,
      at: row.at,
      from: row.at,
      count: 1,
      who: (row.actorId && names.get(row.actorId)) || "A deleted account",
      role: (row.actorRole as AccessLogEntry["role"]) ?? null,
      what: auditActionLabels[row.action as AuditAction] ?? row.action,
      outcome: row.outcome,
    });
  }
  return {
    items: items.map(({ key: _key, ...entry }) => entry),
    pages: Math.max(1, Math.ceil(total / accessLogPageSize)),
  };
}
