import "server-only";
import { db } from "@/lib/db";
import { usesPostgres } from "@/lib/db/provider";
import { scheduleOf } from "@/lib/domain/adherence";
import { localDate, type Zone } from "@/lib/domain/calendar";
import { type Adherence, compareByAttention, type FlagReason, summarisePatient } from "@/lib/domain/caseload";
import type { OutcomeDirection } from "@/lib/domain/outcomes";
import { areaNotGiven, painRegions } from "@/lib/domain/pain-areas";
import type { AreaPain, Baseline, PainArea, PainContext, PainRating } from "@/lib/domain/pain-status";
import type { PainTrend } from "@/lib/domain/pain-trend";
import { Prisma } from "@/lib/generated/sqlite/client";
import { instrumentFor } from "@/lib/instruments/index";
import { currentClientAddress } from "@/lib/request-context";
import { type AuditedRead, backgroundRefreshDetail, hourOf, subjectKeyOf } from "./audit";
import { type CurrentUser, requirePatientAccess, requireRole } from "./current-user";
import { NotFoundError } from "./errors";
import { toScoredResponse } from "./outcomes";
import { zoneHistoryOfUser, zoneHistorySelect } from "./time-zones";

/** One area's latest pain and the facts behind its flags, JSON-safe. */
export type AreaPainView = {
  area: PainArea;
  rating: number;
  at: string;
  /** The patient's calendar date of `at`, in the zone they were in then (a later move keeps it). */
  date: string;
  context: PainContext;
  /** Within the 14-day window; older ratings are shown with their date and never flagged. */
  recent: boolean;
  /** The latest check-in or before-session rating in the window, which flares are judged on. */
  judged: { rating: number; at: string; date: string; context: PainContext } | null;
  baseline: Baseline;
  severe: boolean;
  flare: boolean;
  riseAfterSession: { before: number; after: number; at: string } | null;
  trend: PainTrend | null;
};

/** One instrument's latest change, JSON-safe, for the caseload's "Outcome change" column. */
export type OutcomeChangeView = {
  instrument: string;
  shortName: string;
  latestScore: number;
  change: number | null;
  direction: OutcomeDirection;
  important: boolean;
  /** A global rating of change: its latest answer is the change. */
  changeScale: boolean;
};

/** One caseload row, JSON-safe (dates as ISO strings) so the page and the route handler agree. */
export type CaseloadRow = {
  patientId: string;
  name: string;
  timeZone: string;
  linkedSince: string;
  lastActivityAt: string | null;
  daysSinceActivity: number | null;
  /** Latest pain per area, worst first: the same list Today and the record show. */
  pain: AreaPainView[];
  adherence7: Adherence;
  adherence30: Adherence;
  flags: FlagReason[];
  attention: number;
  outcomes: OutcomeChangeView[];
};

// The longest look-back: 30 days of adherence, and a day more for zones ahead of UTC.
const lookBackDays = 32;
// Ratings in the 14-day window and the 14 days of baseline before the oldest of them, with a
// day's margin either side for any zone.
const painLookBackDays = 30;

const latest = (a: Date | null | undefined, b: Date | null | undefined) =>
  a && b ? (a > b ? a : b) : (a ?? b ?? null);

export function toAreaPainView(area: AreaPain, zones: Zone): AreaPainView {
  return {
    area: area.area,
    rating: area.latest.rating,
    at: area.latest.at.toISOString(),
    date: localDate(area.latest.at, zones),
    context: area.latest.context,
    recent: area.recent,
    judged: area.judged
      ? { ...area.judged, at: area.judged.at.toISOString(), date: localDate(area.judged.at, zones) }
      : null,
    baseline: area.baseline,
    severe: area.severe,
    flare: area.flare,
    riseAfterSession: area.riseAfterSession
      ? { ...area.riseAfterSession, at: area.riseAfterSession.at.toISOString() }
      : null,
    trend: area.trend,
  };
}

/**
 * The signed-in physiotherapist's patients with an active link, most in need of attention first
 * (the rules: triageRules in lib/domain/caseload). A fixed number of queries whatever the number
 * of patients: the rows of every patient come back together, and the rules run on them in memory.
 */
export async function getCaseload(
  now = new Date(),
  options: { background?: boolean } = {},
): Promise<CaseloadRow[]> {
  const physio = await requireRole("PHYSIO");
  const rows = await summariseLinkedPatients(
    physio,
    null,
    "READ_CASELOAD_SUMMARY",
    now,
    options.background ? backgroundRefreshDetail : null,
  );
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

type PainRow = {
  patientId: string;
  at: Date | string;
  rating: number | bigint;
  region: string;
  context: string;
  sessionId: string | null;
};

export const toPainRating = (row: Omit<PainRow, "patientId">): PainRating => ({
  at: new Date(row.at),
  rating: Number(row.rating),
  area: row.region as PainArea,
  context: row.context as PainContext,
  sessionId: row.sessionId,
});

async function summariseLinkedPatients(
  physio: CurrentUser,
  onlyPatientId: string | null,
  auditAs: AuditedRead,
  now: Date,
  auditDetail: string | null = null,
): Promise<CaseloadRow[]> {
  const links = await db.careLink.findMany({
    where: { physioId: physio.id, status: "ACTIVE", ...(onlyPatientId ? { patientId: onlyPatientId } : {}) },
    select: {
      consentedAt: true,
      patient: {
        select: { id: true, name: true, ...zoneHistorySelect, routine: { select: { createdAt: true } } },
      },
    },
  });
  if (links.length === 0) return [];
  const since = new Date(now.getTime() - lookBackDays * 86_400_000);
  const painSince = new Date(now.getTime() - painLookBackDays * 86_400_000);
  // Every query is scoped by the physiotherapist's active links in SQL, so no list of patient ids
  // is bound and the statements are the same for 2 patients or 2,000. Raw SQL because the ORM's
  // group-by reads every entry of every patient, and compiling and mapping thousands of rows
  // through it cost more than the rules themselves.
  const linked = Prisma.sql`SELECT l."patientId" FROM "CareLink" l WHERE l."physioId" = ${physio.id} AND l."status" = 'ACTIVE'${
    onlyPatientId ? Prisma.sql` AND l."patientId" = ${onlyPatientId}` : Prisma.empty
  }`;

  const everyArea = Prisma.join(
    [...painRegions, areaNotGiven].map((area) => Prisma.sql`SELECT CAST(${area} AS TEXT) AS region`),
    " UNION ALL ",
  );

  const [recentPain, latestPain, lastSessions, sessions, routineItems, outcomeRows] = await Promise.all([
    // Every rating of the last 30 days: the window, the baselines and the trends.
    db.$queryRaw<PainRow[]>`
      SELECT p."patientId" AS "patientId", p."recordedAt" AS at, p."rating" AS rating, p."region" AS region,
        p."context" AS context, p."sessionId" AS "sessionId"
      FROM (${linked}) k JOIN "PainEntry" p ON p."patientId" = k."patientId" AND p."deletedAt" IS NULL
        AND p."recordedAt" >= ${painSince}`,
    // Each area's latest rating whatever its age, shown with its date when it is older.
    // One index lookup per patient and area (PainEntry's patientId, region, deletedAt, recordedAt
    // index), rather than grouping two years of ratings of every patient.
    db.$queryRaw<PainRow[]>`
      WITH last AS (
        SELECT k."patientId" AS "patientId", a.region AS region,
          (SELECT MAX(p."recordedAt") FROM "PainEntry" p WHERE p."patientId" = k."patientId"
            AND p."region" = a.region AND p."deletedAt" IS NULL) AS at
        FROM (${linked}) k CROSS JOIN (${everyArea}) a)
      SELECT p."patientId" AS "patientId", p."recordedAt" AS at, p."rating" AS rating, p."region" AS region,
        p."context" AS context, p."sessionId" AS "sessionId"
      FROM last JOIN "PainEntry" p ON p."patientId" = last."patientId" AND p."region" = last."region"
        AND p."recordedAt" = last.at AND p."deletedAt" IS NULL
      WHERE last.at IS NOT NULL AND last.at < ${painSince}`,
    db.$queryRaw<{ patientId: string; last: Date | string | null }[]>`
      SELECT k."patientId" AS "patientId", (SELECT MAX(s."startedAt") FROM "ExerciseSession" s
        WHERE s."patientId" = k."patientId" AND s."deletedAt" IS NULL) AS last
      FROM (${linked}) k`,
    db.$queryRaw<{ patientId: string; at: Date | string }[]>`
      SELECT s."patientId" AS "patientId", s."startedAt" AS at
      FROM (${linked}) k JOIN "ExerciseSession" s ON s."patientId" = k."patientId"
        AND s."deletedAt" IS NULL AND s."startedAt" >= ${since}`,
    // Items with their kept versions, so adherence uses the schedule each day had.
    db.$queryRaw<
      {
        patientId: string;
        itemId: string;
        daysOfWeek: number | bigint;
        createdAt: Date | string;
        stoppedAt: Date | string | null;
        version: number | bigint | null;
        change: string | null;
        versionDays: number | bigint | null;
        versionAt: Date | string | null;
      }[]
    >`
      SELECT r."patientId" AS "patientId", i."id" AS "itemId", i."daysOfWeek" AS "daysOfWeek",
        i."createdAt" AS "createdAt", i."stoppedAt" AS "stoppedAt", v."version" AS version,
        v."change" AS change, v."daysOfWeek" AS "versionDays", v."createdAt" AS "versionAt"
      FROM (${linked}) k JOIN "Routine" r ON r."patientId" = k."patientId"
      JOIN "RoutineItem" i ON i."routineId" = r."id" AND (i."stoppedAt" IS NULL OR i."stoppedAt" >= ${since})
      LEFT JOIN "RoutineItemVersion" v ON v."routineItemId" = i."id"`,
    // Every outcome-measure score: the first and latest per instrument decide the change.
    db.$queryRaw<
      { patientId: string; instrument: string; score: number; completedAt: Date | string; answers: string }[]
    >`
      SELECT o."patientId" AS "patientId", o."instrument" AS instrument, o."score" AS score,
        o."completedAt" AS "completedAt", o."answers" AS answers
      FROM (${linked}) k JOIN "OutcomeResponse" o ON o."patientId" = k."patientId"`,
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
  const painBy = group([...recentPain, ...latestPain], (row) => row.patientId);
  const sessionsBy = group(sessions, (row) => row.patientId);
  const itemRowsBy = group(routineItems, (row) => row.patientId);
  const outcomesBy = group(outcomeRows, (row) => row.patientId);
  const lastSessionAt = new Map(
    lastSessions.map((row) => [row.patientId, row.last ? new Date(row.last) : null]),
  );

  const rows = links.map(({ patient, consentedAt }): CaseloadRow => {
    const timeZone = patient.timezone;
    // Days are read in the zone in force at each instant, so a change of zone moves no past day.
    const zones = zoneHistoryOfUser(patient);
    const painRatings = (painBy.get(patient.id) ?? []).map(toPainRating);
    const lastPain = painRatings.reduce<Date | null>((last, entry) => latest(last, entry.at), null);
    const lastActivity = latest(lastPain, lastSessionAt.get(patient.id));
    const items = new Map<string, Parameters<typeof scheduleOf>[0]>();
    for (const row of itemRowsBy.get(patient.id) ?? []) {
      const item = items.get(row.itemId) ?? {
        createdAt: new Date(row.createdAt),
        stoppedAt: row.stoppedAt ? new Date(row.stoppedAt) : null,
        daysOfWeek: Number(row.daysOfWeek),
        versions: [],
      };
      if (row.version !== null && row.change !== null && row.versionDays !== null && row.versionAt !== null) {
        item.versions.push({
          version: Number(row.version),
          change: row.change,
          daysOfWeek: Number(row.versionDays),
          createdAt: new Date(row.versionAt),
        });
      }
      items.set(row.itemId, item);
    }
    const routineStart = patient.routine?.createdAt ?? null;
    const summary = summarisePatient({
      timeZone: zones,
      now,
      pain: painRatings,
      sessionTimes: (sessionsBy.get(patient.id) ?? []).map((row) => new Date(row.at)),
      lastActivityAt: lastActivity,
      routine: [...items.values()].flatMap((item) => scheduleOf(item, zones)),
      watchedSince: latest(consentedAt, routineStart),
      outcomes: (outcomesBy.get(patient.id) ?? []).map((row) =>
        toScoredResponse({ ...row, score: Number(row.score), completedAt: new Date(row.completedAt) }),
      ),
    });
    return {
      patientId: patient.id,
      name: patient.name,
      timeZone,
      linkedSince: consentedAt.toISOString(),
      lastActivityAt: lastActivity?.toISOString() ?? null,
      daysSinceActivity: summary.daysSinceActivity,
      pain: summary.pain.map((area) => toAreaPainView(area, zones)),
      adherence7: summary.adherence7,
      adherence30: summary.adherence30,
      flags: summary.flags,
      attention: summary.attention,
      outcomes: summary.outcomes.map((trend) => {
        const instrument = instrumentFor(trend.instrument);
        return {
          instrument: trend.instrument,
          shortName: instrument?.shortName ?? trend.instrument,
          latestScore: trend.latest.score,
          change: trend.change,
          direction: trend.direction,
          important: trend.important,
          changeScale: Boolean(instrument?.importantRating),
        };
      }),
    };
  });

  // Each patient's summary was read: one audit event per patient, written by one statement, naming
  // people only by subject keys (created first for patients who have none yet). An automatic
  // refresh records one read per patient, physiotherapist and hour (its once-key), not one a minute.
  const postgres = usesPostgres();
  const newId = postgres ? Prisma.raw("gen_random_uuid()::text") : Prisma.raw("lower(hex(randomblob(16)))");
  const newKey = postgres
    ? Prisma.raw("replace(gen_random_uuid()::text, '-', '')")
    : Prisma.raw("lower(hex(randomblob(16)))");
  const at = new Date();
  const actorKey = await subjectKeyOf(physio.id);
  await db.$executeRaw`INSERT INTO "AuditSubject" ("key", "userId", "createdAt")
    SELECT ${newKey}, k."patientId", ${at} FROM (${linked}) k WHERE true
    ON CONFLICT ("userId") DO NOTHING`;
  const oncePrefix =
    auditDetail === backgroundRefreshDetail ? `refresh:${actorKey}:${auditAs}:${hourOf(at)}:` : null;
  await db.$executeRaw`INSERT INTO "AuditEvent"
      ("id", "actorKey", "actorRole", "action", "patientKey", "outcome", "clientAddress", "detail", "onceKey", "at")
    SELECT ${newId}, ${actorKey}, ${physio.role}, ${auditAs},
      s."key", 'SUCCESS', ${await currentClientAddress()}, ${auditDetail},
      ${oncePrefix === null ? Prisma.sql`NULL` : Prisma.sql`CAST(${oncePrefix} AS TEXT) || s."key"`}, ${at}
    FROM (${linked}) k JOIN "AuditSubject" s ON s."userId" = k."patientId" WHERE true
    ON CONFLICT ("onceKey") DO NOTHING`;
  return rows;
}
