import "server-only";
import { db } from "@/lib/db";
import { usesPostgres } from "@/lib/db/provider";
import { localDate } from "@/lib/domain/calendar";
import {
  type Adherence,
  type CaseloadSummary,
  compareByAttention,
  type FlagReason,
  summarisePatient,
} from "@/lib/domain/caseload";
import { Prisma } from "@/lib/generated/sqlite/client";
import { currentClientAddress } from "@/lib/request-context";
import type { AuditedRead } from "./audit";
import { type CurrentUser, requirePatientAccess, requireRole } from "./current-user";
import { NotFoundError } from "./errors";

/** One caseload row, JSON-safe (dates as ISO strings) so the page and the route handler agree. */
export type CaseloadRow = {
  patientId: string;
  name: string;
  timeZone: string;
  linkedSince: string;
  lastActivityAt: string | null;
  daysSinceActivity: number | null;
  latestPain: { rating: number; at: string } | null;
  baseline: number | null;
  trend: CaseloadSummary["trend"];
  adherence7: Adherence;
  adherence30: Adherence;
  flags: FlagReason[];
  attention: number;
};

// The longest look-back: 30 days of adherence, and a day more for zones ahead of UTC.
const lookBackDays = 32;
// The latest pain entry's local day and the 14 before it, with a day's margin for any zone.
const painWindowDays = 16;

const latest = (a: Date | null | undefined, b: Date | null | undefined) =>
  a && b ? (a > b ? a : b) : (a ?? b ?? null);

/**
 * The signed-in physiotherapist's patients with an active link, most in need of attention first.
 * A fixed number of queries whatever the number of patients: the rows of every patient come back
 * together, and the rules (lib/domain/caseload) run on them in memory.
 */
export async function getCaseload(now = new Date()): Promise<CaseloadRow[]> {
  const physio = await requireRole("PHYSIO");
  const rows = await summariseLinkedPatients(physio, null, "READ_CASELOAD_SUMMARY", now);
  return rows.sort(compareByAttention);
}

/** The same summary for one linked patient, shown at the top of their record. */
export async function getPatientSummary(patientId: string, now = new Date()): Promise<CaseloadRow> {
  const physio = await requireRole("PHYSIO");
  await requirePatientAccess(patientId);
  const [row] = await summariseLinkedPatients(physio, patientId, "READ_SUMMARY", now);
  if (!row) throw new NotFoundError("That patient");
  return row;
}

async function summariseLinkedPatients(
  physio: CurrentUser,
  onlyPatientId: string | null,
  auditAs: AuditedRead,
  now: Date,
): Promise<CaseloadRow[]> {
  const links = await db.careLink.findMany({
    where: { physioId: physio.id, status: "ACTIVE", ...(onlyPatientId ? { patientId: onlyPatientId } : {}) },
    select: { consentedAt: true, patient: { select: { id: true, name: true, timezone: true } } },
  });
  if (links.length === 0) return [];
  const since = new Date(now.getTime() - lookBackDays * 86_400_000);
  // Every query is scoped by the physiotherapist's active links in SQL, so no list of patient ids
  // is bound and the statements are the same for 2 patients or 2,000. Raw SQL because the ORM's
  // group-by reads every entry of every patient, and compiling and mapping thousands of rows
  // through it cost more than the rules themselves.
  const linked = Prisma.sql`SELECT l."patientId" FROM "CareLink" l WHERE l."physioId" = ${physio.id} AND l."status" = 'ACTIVE'${
    onlyPatientId ? Prisma.sql` AND l."patientId" = ${onlyPatientId}` : Prisma.empty
  }`;
  const windowStart = usesPostgres()
    ? Prisma.raw(`latest.last - interval '${painWindowDays} days'`)
    : Prisma.raw(`strftime('%Y-%m-%dT%H:%M:%f+00:00', latest.last, '-${painWindowDays} days')`);

  const [pain, lastSessions, sessions, routineItems] = await Promise.all([
    // Each patient's latest pain entry and the days before it (the entry's own row included).
    db.$queryRaw<{ patientId: string; at: Date | string; rating: number | bigint }[]>`
      WITH latest AS (
        SELECT k."patientId", (SELECT MAX(p."recordedAt") FROM "PainEntry" p
          WHERE p."patientId" = k."patientId" AND p."deletedAt" IS NULL) AS last
        FROM (${linked}) k)
      SELECT p."patientId" AS "patientId", p."recordedAt" AS at, p."rating" AS rating
      FROM latest JOIN "PainEntry" p ON p."patientId" = latest."patientId" AND p."deletedAt" IS NULL
        AND p."recordedAt" <= latest.last AND p."recordedAt" >= ${windowStart}`,
    db.$queryRaw<{ patientId: string; last: Date | string | null }[]>`
      SELECT k."patientId" AS "patientId", (SELECT MAX(s."startedAt") FROM "ExerciseSession" s
        WHERE s."patientId" = k."patientId" AND s."deletedAt" IS NULL) AS last
      FROM (${linked}) k`,
    db.$queryRaw<{ patientId: string; at: Date | string }[]>`
      SELECT s."patientId" AS "patientId", s."startedAt" AS at
      FROM (${linked}) k JOIN "ExerciseSession" s ON s."patientId" = k."patientId"
        AND s."deletedAt" IS NULL AND s."startedAt" >= ${since}`,
    db.$queryRaw<
      {
        patientId: string;
        daysOfWeek: number | bigint;
        createdAt: Date | string;
        stoppedAt: Date | string | null;
      }[]
    >`
      SELECT r."patientId" AS "patientId", i."daysOfWeek" AS "daysOfWeek", i."createdAt" AS "createdAt",
        i."stoppedAt" AS "stoppedAt"
      FROM (${linked}) k JOIN "Routine" r ON r."patientId" = k."patientId"
      JOIN "RoutineItem" i ON i."routineId" = r."id" AND (i."stoppedAt" IS NULL OR i."stoppedAt" >= ${since})`,
  ]);

  const group = <T, K extends string>(rows: T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>();
    for (const row of rows) {
      const list = map.get(key(row));
      if (list) list.push(row);
      else map.set(key(row), [row]);
    }
    return map;
  };
  const painBy = group(pain, (row) => row.patientId);
  const sessionsBy = group(sessions, (row) => row.patientId);
  const itemsBy = group(routineItems, (row) => row.patientId);
  const lastSessionAt = new Map(
    lastSessions.map((row) => [row.patientId, row.last ? new Date(row.last) : null]),
  );

  const rows = links.map(({ patient, consentedAt }): CaseloadRow => {
    const timeZone = patient.timezone;
    const painEntries = (painBy.get(patient.id) ?? []).map((row) => ({
      at: new Date(row.at),
      rating: Number(row.rating),
    }));
    const lastPain = painEntries.reduce<Date | null>((last, entry) => latest(last, entry.at), null);
    const lastActivity = latest(lastPain, lastSessionAt.get(patient.id));
    const summary = summarisePatient({
      timeZone,
      now,
      pain: painEntries,
      sessionTimes: (sessionsBy.get(patient.id) ?? []).map((row) => new Date(row.at)),
      lastActivityAt: lastActivity,
      routine: (itemsBy.get(patient.id) ?? []).map((item) => ({
        daysOfWeek: Number(item.daysOfWeek),
        activeFrom: localDate(new Date(item.createdAt), timeZone),
        activeUntil: item.stoppedAt ? localDate(new Date(item.stoppedAt), timeZone) : null,
      })),
    });
    return {
      patientId: patient.id,
      name: patient.name,
      timeZone,
      linkedSince: consentedAt.toISOString(),
      lastActivityAt: lastActivity?.toISOString() ?? null,
      daysSinceActivity: summary.daysSinceActivity,
      latestPain: summary.latestPain
        ? { rating: summary.latestPain.rating, at: summary.latestPain.at.toISOString() }
        : null,
      baseline: summary.baseline,
      trend: summary.trend,
      adherence7: summary.adherence7,
      adherence30: summary.adherence30,
      flags: summary.flags,
      attention: summary.attention,
    };
  });

  // Each patient's summary was read: one audit event per patient, written by one statement.
  const newId = usesPostgres()
    ? Prisma.raw("gen_random_uuid()::text")
    : Prisma.raw("lower(hex(randomblob(16)))");
  await db.$executeRaw`INSERT INTO "AuditEvent"
      ("id", "actorId", "actorRole", "action", "patientId", "outcome", "clientAddress", "at")
    SELECT ${newId}, ${physio.id}, ${physio.role}, ${auditAs},
      k."patientId", 'SUCCESS', ${await currentClientAddress()}, ${new Date()}
    FROM (${linked}) k`;
  return rows;
}
