import "server-only";
import { db } from "@/lib/db";
import { flareBaselineDays } from "@/lib/domain/clinical-thresholds";
import { type PainAdviceReason, painAdviceFor, painAreas, painByArea } from "@/lib/domain/pain-status";
import { type PainArea, type PainRegion, painRegions } from "@/lib/validation/fields";
import type { CheckInInput, PainEntryEditInput } from "@/lib/validation/logs";
import { auditedTransaction } from "./audit";
import { type AreaPainView, toAreaPainView, toPainRating } from "./caseload";
import { notFoundFor, readPatientData, requireRole } from "./current-user";
import { checkLogDate } from "./log-dates";
import { createOnce, type RevisionChange, reviseOnce, type Tx, type WriteResult } from "./revisions";
import { historyPageSize } from "./sessions";
import { zoneHistoryOfUser, zoneHistorySelect } from "./time-zones";

export type PainEntryView = {
  id: string;
  rating: number;
  /** NOT_GIVEN only for session ratings stored before ratings named their area. */
  region: PainArea;
  context: "CHECK_IN" | "BEFORE_SESSION" | "AFTER_SESSION";
  recordedAt: Date;
  note: string;
  version: number;
  /** Whether the patient ever edited it (deleting and restoring do not count). */
  edited: boolean;
  deletedAt: Date | null;
};

const painSelect = {
  id: true,
  rating: true,
  region: true,
  context: true,
  recordedAt: true,
  note: true,
  version: true,
  deletedAt: true,
  _count: { select: { revisions: { where: { change: "EDITED" } } } },
} as const;

type PainRow = Omit<PainEntryView, "region" | "context" | "edited"> & {
  region: string;
  context: string;
  _count: { revisions: number };
};

function toView({ _count, ...row }: PainRow): PainEntryView {
  return {
    ...row,
    region: row.region as PainEntryView["region"],
    context: row.context as PainEntryView["context"],
    edited: _count.revisions > 0,
  };
}

/**
 * A check-in: one entry per rated region, written together. Each row's request id is derived from
 * the form's, so a resubmitted check-in writes nothing new.
 */
export async function recordCheckIn(
  input: CheckInInput,
  now = new Date(),
): Promise<{ ids: string[]; created: boolean }> {
  const patient = await requireRole("PATIENT");
  if (input.recordedAt) await checkLogDate(db, patient.id, input.recordedAt, "recordedAt");
  const rated = painRegions.filter((region) => input[region] !== undefined);
  const requestIds = rated.map((region) => `${input.clientRequestId}:${region}`);
  const find = async () => {
    const rows = await db.painEntry.findMany({
      where: { patientId: patient.id, clientRequestId: { in: requestIds } },
      select: { id: true },
    });
    return rows.length > 0 ? rows.map((row) => row.id) : null;
  };
  const { value: ids, created } = await createOnce(find, () =>
    auditedTransaction(async (tx) => {
      const created: string[] = [];
      for (const [index, region] of rated.entries()) {
        const row = await tx.painEntry.create({
          data: {
            patientId: patient.id,
            rating: input[region] as number,
            region,
            context: "CHECK_IN",
            recordedAt: input.recordedAt ?? now,
            note: input.note,
            clientRequestId: requestIds[index] as string,
          },
          select: { id: true },
        });
        created.push(row.id);
      }
      return created;
    }),
  );
  return { ids, created };
}

/** A revision-keeping change to one of the patient's pain entries (see reviseOnce). */
function revisePain(
  id: string,
  clientRequestId: string,
  kind: RevisionChange,
  apply: (tx: Tx, current: PainRow) => Promise<void>,
): Promise<WriteResult> {
  return reviseOnce<PainRow>({
    what: "That pain entry",
    id,
    clientRequestId,
    kind,
    findRepeat: async (patientId) =>
      (
        await db.painEntryRevision.findUnique({
          where: { patientId_clientRequestId: { patientId, clientRequestId } },
          select: { painEntryId: true },
        })
      )?.painEntryId ?? null,
    load: (tx, patientId) => tx.painEntry.findFirst({ where: { id, patientId }, select: painSelect }),
    recordRevision: async (tx, patientId, current) => {
      await tx.painEntryRevision.create({
        data: {
          painEntryId: id,
          patientId,
          version: current.version,
          change: kind,
          snapshot: JSON.stringify(toView(current)),
          changedById: patientId,
          clientRequestId,
        },
      });
    },
    apply,
  });
}

export async function editPainEntry(input: PainEntryEditInput) {
  const patient = await requireRole("PATIENT");
  await checkLogDate(db, patient.id, input.recordedAt, "recordedAt");
  return revisePain(input.id, input.clientRequestId, "EDITED", async (tx, current) => {
    await tx.painEntry.update({
      where: { id: input.id },
      data: {
        rating: input.rating,
        recordedAt: input.recordedAt,
        note: input.note,
        version: current.version + 1,
      },
    });
  });
}

export function deletePainEntry(id: string, clientRequestId: string) {
  return revisePain(id, clientRequestId, "DELETED", async (tx, current) => {
    await tx.painEntry.update({
      where: { id },
      data: { deletedAt: new Date(), version: current.version + 1 },
    });
  });
}

export function restorePainEntry(id: string, clientRequestId: string) {
  return revisePain(id, clientRequestId, "RESTORED", async (tx, current) => {
    await tx.painEntry.update({ where: { id }, data: { deletedAt: null, version: current.version + 1 } });
  });
}

export async function getPainEntry(patientId: string, id: string): Promise<PainEntryView> {
  const access = await readPatientData(patientId, "READ_PAIN");
  const row = await db.painEntry.findFirst({ where: { id, patientId, deletedAt: null }, select: painSelect });
  // An id that is not this patient's (another patient's entry, or none): refused and recorded.
  if (!row) throw await notFoundFor(access.user, "That pain entry", patientId);
  return toView(row);
}

/** Pain entries newest first; the patient may filter deleted ones as with listSessions. */
export async function listPainEntries(
  patientId: string,
  page: number,
  filter: { deleted?: boolean } = {},
): Promise<{ items: PainEntryView[]; pages: number }> {
  const access = await readPatientData(patientId, "READ_PAIN");
  if (access.via !== "self" && filter.deleted) return { items: [], pages: 1 };
  const where =
    access.via !== "self" || filter.deleted === false
      ? { patientId, deletedAt: null }
      : filter.deleted
        ? { patientId, deletedAt: { not: null } }
        : { patientId };
  const [total, rows] = await Promise.all([
    db.painEntry.count({ where }),
    db.painEntry.findMany({
      where,
      orderBy: [{ recordedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * historyPageSize,
      take: historyPageSize,
      select: painSelect,
    }),
  ]);
  return { items: rows.map(toView), pages: Math.max(1, Math.ceil(total / historyPageSize)) };
}

export type PainEntryRevisionView = {
  version: number;
  change: string;
  at: Date;
  changedBy: { id: string; name: string };
  /** The entry as it was before this change. */
  snapshot: PainEntryView;
};

/** A pain entry's kept earlier versions, newest change first. */
export async function listPainEntryRevisions(
  patientId: string,
  painEntryId: string,
): Promise<PainEntryRevisionView[]> {
  await readPatientData(patientId, "READ_PAIN");
  const rows = await db.painEntryRevision.findMany({
    where: { painEntryId, patientId },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    select: {
      version: true,
      change: true,
      createdAt: true,
      snapshot: true,
      changedBy: { select: { id: true, name: true } },
    },
  });
  return rows.map((row) => ({
    version: row.version,
    change: row.change,
    at: row.createdAt,
    changedBy: row.changedBy,
    snapshot: JSON.parse(row.snapshot) as PainEntryView,
  }));
}

// Ratings in the 14-day window and the 14 days of baseline before its oldest day, with a day's
// margin either side for any zone (the caseload reads the same span).
const painStatusLookBackDays = 30;

/**
 * The patient's latest pain per area, worst first, with the flags' facts: the same model the
 * caseload and the record use (lib/domain/pain-status).
 */
export async function getPainStatus(patientId: string, now = new Date()): Promise<AreaPainView[]> {
  await readPatientData(patientId, "READ_PAIN");
  // Ratings are dated in the zone in force when they were made (issue 11).
  const patient = await db.user.findUniqueOrThrow({ where: { id: patientId }, select: zoneHistorySelect });
  const since = new Date(now.getTime() - painStatusLookBackDays * 86_400_000);
  const select = { recordedAt: true, rating: true, region: true, context: true, sessionId: true } as const;
  const [recent, older] = await Promise.all([
    db.painEntry.findMany({ where: { patientId, deletedAt: null, recordedAt: { gte: since } }, select }),
    // Each area's latest rating before that, shown with its date.
    Promise.all(
      painAreas.map((region) =>
        db.painEntry.findFirst({
          where: { patientId, deletedAt: null, region, recordedAt: { lt: since } },
          orderBy: [{ recordedAt: "desc" }, { rating: "desc" }],
          select,
        }),
      ),
    ),
  ]);
  const ratings = [...recent, ...older.filter((row) => row !== null)].map((row) =>
    toPainRating({ ...row, at: row.recordedAt }),
  );
  const zones = zoneHistoryOfUser(patient);
  return painByArea(ratings, now, zones).map((area) => toAreaPainView(area, zones));
}

/**
 * Whether ratings the signed-in patient has just saved (a check-in's entries, or a session's
 * before and after ratings) call for the general safety advice: judged here, with the flags' own
 * rules, never by the browser. Empty when nothing does.
 */
export async function getPainAdvice(
  saved: { entryIds: string[] } | { sessionId: string },
  now = new Date(),
): Promise<PainAdviceReason[]> {
  const patient = await requireRole("PATIENT");
  const select = { recordedAt: true, rating: true, region: true, context: true, sessionId: true } as const;
  const rows = await db.painEntry.findMany({
    where: {
      patientId: patient.id,
      deletedAt: null,
      ...("entryIds" in saved ? { id: { in: saved.entryIds } } : { sessionId: saved.sessionId }),
    },
    select,
  });
  if (rows.length === 0) return [];
  const times = rows.map((row) => row.recordedAt.getTime());
  // The baseline's 14 local days before the earliest rating, with a day's margin for any zone.
  const since = new Date(Math.min(...times) - (flareBaselineDays + 2) * 86_400_000);
  const history = await db.painEntry.findMany({
    where: {
      patientId: patient.id,
      deletedAt: null,
      region: { in: [...new Set(rows.map((row) => row.region))] },
      recordedAt: { gte: since, lte: new Date(Math.max(...times)) },
    },
    select,
  });
  const asRating = (row: (typeof rows)[number]) => toPainRating({ ...row, at: row.recordedAt });
  const zones = zoneHistoryOfUser(
    await db.user.findUniqueOrThrow({ where: { id: patient.id }, select: zoneHistorySelect }),
  );
  return painAdviceFor(rows.map(asRating), history.map(asRating), now, zones);
}

/** The area the patient's session ratings default to (set by the patient), or null. */
export async function getMainPainArea(): Promise<PainRegion | null> {
  const patient = await requireRole("PATIENT");
  const row = await db.user.findUniqueOrThrow({ where: { id: patient.id }, select: { mainPainArea: true } });
  return (painRegions as readonly string[]).includes(row.mainPainArea ?? "")
    ? (row.mainPainArea as PainRegion)
    : null;
}

/** The signed-in patient sets (or clears) their main pain area. */
export async function setMainPainArea(area: PainRegion | null): Promise<void> {
  const patient = await requireRole("PATIENT");
  await auditedTransaction((tx) =>
    tx.user.update({ where: { id: patient.id }, data: { mainPainArea: area } }),
  );
}
