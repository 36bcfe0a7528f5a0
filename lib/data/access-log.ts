import "server-only";
import { db } from "@/lib/db";
import { localDate } from "@/lib/domain/calendar";
import {
  type AuditAction,
  type AuditedRead,
  auditActionLabels,
  auditedExports,
  auditedReads,
  backgroundRefreshDetail,
  subjectKeyOf,
  usersOfSubjects,
} from "./audit";
import { requireRole } from "./current-user";

// What a patient sees of the audit trail: who looked at or changed their data. The trail itself
// keeps every read; this view folds them so that what matters (prescribed, commented, noted,
// exported, refused) is not buried under page views.
export type AccessLogEntry = {
  id: string;
  /**
   * "reads": the looks of one physiotherapist on one local day, folded; "event": one write or
   * refusal, or the same export or print view opened by one person on one local day (counted).
   */
  kind: "reads" | "event";
  /** The latest time; `from` is the earliest of a fold. */
  at: Date;
  from: Date;
  /** Looks on that day (reads), openings of the same export that day, or 1. */
  count: number;
  who: string;
  role: "PHYSIO" | "PATIENT" | null;
  what: string;
  outcome: string;
};

export const accessLogPageSize = 50;
/** Reads this close to the one before belong to the same look: one page view reads several kinds. */
export const sameLookWithinMs = 10_000;

/** What each kind of read is about, as the object of "Looked at". */
const readObjects: Record<AuditedRead, string> = {
  READ_CASELOAD_SUMMARY: "your line in their caseload",
  READ_OVERVIEW: "your overview for today",
  READ_SUMMARY: "your summary",
  READ_PROGRESS: "your progress",
  READ_OUTCOMES: "your questionnaire scores",
  READ_ROUTINE: "your routine",
  READ_SESSIONS: "your sessions",
  READ_PAIN: "your pain entries",
  READ_NOTES: "their clinical notes about you",
  READ_COMMENTS: "the comments on your sessions",
};
const readOrder = Object.keys(readObjects) as AuditedRead[];

/** "your summary, progress and sessions, and their clinical notes about you". */
export function describeReads(kinds: Iterable<AuditedRead>): string {
  const present = new Set(kinds);
  const objects = readOrder.filter((kind) => present.has(kind)).map((kind) => readObjects[kind]);
  const yours = objects.filter((object) => object.startsWith("your ")).map((object) => object.slice(5));
  const others = objects.filter((object) => !object.startsWith("your "));
  const parts = [...(yours.length > 0 ? [`your ${joinAnd(yours)}`] : []), ...others];
  return `Looked at ${joinAnd(parts)}`;
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const isRead = (action: string): action is AuditedRead => action in auditedReads;
const isExport = (action: string) => action in auditedExports;

type Row = {
  id: string;
  at: Date;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  outcome: string;
};

/**
 * Folds rows (newest first) into entries: each physiotherapist's successful reads on one local day
 * of the patient become one line counting their looks, and so do repeated openings of one export or
 * printout on one day; writes and refusals stay one line each.
 */
export function foldAccessLog(rows: Row[], timeZone: string, names: Map<string, string>): AccessLogEntry[] {
  const entries: AccessLogEntry[] = [];
  const folds = new Map<string, { entry: AccessLogEntry; kinds: Set<AuditedRead>; earliest: number }>();
  const exportFolds = new Map<string, AccessLogEntry>();
  for (const row of rows) {
    // An erased physiotherapist's key names nobody any more: they show as the placeholder does.
    // The only patient rows listed are the patient's own downloads of their data.
    const who =
      row.actorRole === "PATIENT"
        ? "You"
        : (row.actorId && names.get(row.actorId)) ||
          (row.actorRole === "PHYSIO" ? "Former physiotherapist" : "A deleted account");
    const role = (row.actorRole as AccessLogEntry["role"]) ?? null;
    // Opening the same printout or download again that day says nothing new: one line, counted.
    const exportKey =
      isExport(row.action) && row.outcome === "SUCCESS"
        ? `${row.actorId}|${row.action}|${localDate(row.at, timeZone)}`
        : null;
    const repeated = exportKey ? exportFolds.get(exportKey) : undefined;
    if (repeated) {
      repeated.count++;
      repeated.from = row.at;
      continue;
    }
    if (!isRead(row.action) || row.outcome !== "SUCCESS") {
      const entry: AccessLogEntry = {
        id: row.id,
        kind: "event",
        at: row.at,
        from: row.at,
        count: 1,
        who,
        role,
        what: auditActionLabels[row.action as AuditAction] ?? row.action,
        outcome: row.outcome,
      };
      if (exportKey) exportFolds.set(exportKey, entry);
      entries.push(entry);
      continue;
    }
    const key = `${row.actorId}|${localDate(row.at, timeZone)}`;
    const fold = folds.get(key);
    if (!fold) {
      const entry: AccessLogEntry = {
        id: row.id,
        kind: "reads",
        at: row.at,
        from: row.at,
        count: 1,
        who,
        role,
        what: "",
        outcome: "SUCCESS",
      };
      folds.set(key, { entry, kinds: new Set([row.action]), earliest: row.at.getTime() });
      entries.push(entry);
      continue;
    }
    fold.kinds.add(row.action);
    // Rows come newest first: a gap before the earliest read so far starts another look.
    if (fold.earliest - row.at.getTime() > sameLookWithinMs) fold.entry.count++;
    fold.earliest = row.at.getTime();
    fold.entry.from = row.at;
  }
  for (const { entry, kinds } of folds.values()) entry.what = describeReads(kinds);
  return entries;
}

/**
 * Who has looked at or changed the patient's data, other than the patient: newest first, one page.
 * Automatic background refreshes (an open caseload, a refetched chart) stay in the trail but are
 * not counted as looks.
 */
export async function listAccessLog(page: number): Promise<{ items: AccessLogEntry[]; pages: number }> {
  const patient = await requireRole("PATIENT");
  // What physiotherapists did; the patient's own actions, and other patients' refused attempts
  // (which would name them), are kept in the trail but not listed here.
  const patientKey = await subjectKeyOf(patient.id);
  const keyed = await db.auditEvent.findMany({
    where: {
      patientKey: patientKey ?? "",
      OR: [
        { actorRole: "PHYSIO", OR: [{ detail: null }, { detail: { not: backgroundRefreshDetail } }] },
        // The patient's own downloads of their data are listed too: data that left the app.
        { actorRole: "PATIENT", actorKey: patientKey ?? "", action: "DATA_DOWNLOADED" },
      ],
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { id: true, at: true, actorKey: true, actorRole: true, action: true, outcome: true },
  });
  // The trail names people by subject key; a key whose person was erased names nobody.
  const actorOf = await usersOfSubjects(keyed.map((row) => row.actorKey));
  const rows = keyed.map(({ actorKey, ...row }) => ({
    ...row,
    actorId: actorKey === null ? null : (actorOf.get(actorKey) ?? null),
  }));
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const actors = await db.user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  const entries = foldAccessLog(
    rows,
    patient.timezone,
    new Map(actors.map((actor) => [actor.id, actor.name])),
  );
  return {
    items: entries.slice((page - 1) * accessLogPageSize, page * accessLogPageSize),
    pages: Math.max(1, Math.ceil(entries.length / accessLogPageSize)),
  };
}
