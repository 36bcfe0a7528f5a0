import "server-only";
import { db } from "@/lib/db";
import { usesPostgres } from "@/lib/db/provider";
import {
  currentStreak,
  dueDates,
  type RoutineItemHistory,
  scheduleOf,
  type WeekAdherence,
  weeklyAdherence,
} from "@/lib/domain/adherence";
import { addDays, type Bucket, dayBuckets, localDate, weekBuckets, type Zone } from "@/lib/domain/calendar";
import { type PainTrend, painTrendOver } from "@/lib/domain/pain-trend";
import {
  averageKey,
  bucketPoints,
  type ChartArea,
  chartAreaLabels,
  chartAreas,
  countOf,
  describeBeforeAfter,
  describeExerciseResponses,
  describePainTrends,
  type PointResolution,
  type ProgressRange,
  progressRangeLabels,
  rangeDates,
  resolutionFor,
  rollingAverage,
  trendWindowsLabel,
} from "@/lib/domain/progress";
import { skippedDates } from "@/lib/domain/zone-history";
import { Prisma } from "@/lib/generated/sqlite/client";
import { auditedTransaction, backgroundRefreshDetail } from "./audit";
import { readPatientData, requirePatientAccess, requireRole } from "./current-user";
import { NotFoundError } from "./errors";
import { zoneHistoryOfUser, zoneHistorySelect } from "./time-zones";

/** One day: each area's mean rating that day, and its mean over the 7 days ending that day (full precision). */
export type PainPoint = { date: string } & Record<ChartArea, number | null> &
  Record<`${ChartArea}_7d`, number | null>;
export type AreaTrend = { area: ChartArea; trend: PainTrend };
export type BeforeAfterPoint = { date: string; before: number; after: number; sessions: number };
export type VolumeSeries = { exerciseId: string; name: string };
export type VolumePoint = { weekStart: string; values: Record<string, number> };
export type PainResponse = { exerciseId: string; name: string; sessions: number; averageChange: number };

export type ProgressData = {
  range: ProgressRange;
  from: string;
  to: string;
  timeZone: string;
  pain: {
    points: PainPoint[];
    /** What one point stands for: a day, or for ranges over 183 days a week, over 731 days a month. */
    resolution: PointResolution;
    areas: ChartArea[];
    trends: AreaTrend[];
    summary: string;
  };
  beforeAfter: {
    points: BeforeAfterPoint[];
    /** Per session, over the period: the mean of every session's before and after ratings. */
    sessions: number;
    before: number | null;
    after: number | null;
    summary: string;
  };
  adherence: { weeks: WeekAdherence[]; streak: number; targetPercent: number; summary: string };
  volume: { series: VolumeSeries[]; points: VolumePoint[]; summary: string };
  painResponse: { rows: PainResponse[]; summary: string };
};

/**
 * A table of time buckets for one query, passed as a single JSON parameter. SQLite stores
 * DateTime as ISO text ("...+00:00"), PostgreSQL as timestamp(3) in UTC; each gets its format.
 */
function bucketTable(buckets: Bucket[]): Prisma.Sql {
  if (usesPostgres()) {
    const json = JSON.stringify(
      buckets.map((b) => [b.start.toISOString().slice(0, 23), b.end.toISOString().slice(0, 23)]),
    );
    return Prisma.sql`b AS (SELECT (ord - 1)::int AS i, (value->>0)::timestamp AS s, (value->>1)::timestamp AS e
      FROM jsonb_array_elements(${json}::jsonb) WITH ORDINALITY AS t(value, ord))`;
  }
  const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
  const json = JSON.stringify(buckets.map((b) => [iso(b.start), iso(b.end)]));
  return Prisma.sql`b AS (SELECT CAST(key AS INTEGER) AS i, json_extract(value, '$[0]') AS s, json_extract(value, '$[1]') AS e
    FROM json_each(${json}))`;
}

/**
 * The row's time `column` falls in bucket `b` (the CTE of `bucketTable`). On PostgreSQL the bucket
 * is found with `width_bucket` over the sorted starts, a hash join on its number, and the whole
 * period bounds the index scan: with the range join alone the planner looped over every bucket
 * for every row (a two-year progress query took 0.5 s on the reference set, 13 ms this way).
 * SQLite plans the range join as an index range scan per bucket, which is as fast.
 */
function inBucket(column: Prisma.Sql): Prisma.Sql {
  if (usesPostgres()) {
    return Prisma.sql`b.i = width_bucket(${column}, (SELECT array_agg(b2.s ORDER BY b2.i) FROM b b2)) - 1
      AND ${column} < b.e AND ${column} >= (SELECT MIN(b3.s) FROM b b3) AND ${column} < (SELECT MAX(b4.e) FROM b b4)`;
  }
  return Prisma.sql`${column} >= b.s AND ${column} < b.e`;
}

const num = (value: unknown): number => (typeof value === "bigint" ? Number(value) : Number(value ?? 0));

async function firstActivity(patientId: string, timeZone: Zone): Promise<string | null> {
  const [pain, session] = await Promise.all([
    db.painEntry.aggregate({ where: { patientId, deletedAt: null }, _min: { recordedAt: true } }),
    db.exerciseSession.aggregate({ where: { patientId, deletedAt: null }, _min: { startedAt: true } }),
  ]);
  const first = [pain._min.recordedAt, session._min.startedAt].filter((d): d is Date => d !== null);
  if (first.length === 0) return null;
  return localDate(Math.min(...first.map((d) => d.getTime())), timeZone);
}

// Pain data for the charts: check-ins and ratings before a session. A rating right after a
// session is shown with its label in the before/after chart, not mixed into the daily pain.
const painDataContexts = Prisma.sql`('CHECK_IN', 'BEFORE_SESSION')`;

/**
 * Everything the progress charts show for one patient and range, in a fixed number of queries
 * whatever the range (plus two for "all" to find its first day): the database aggregates per day,
 * week or exercise, JavaScript only shapes arrays of at most a few hundred rows. Adherence and the
 * streak read the whole history of session days and routine versions (a few hundred dates).
 */
export async function getProgress(
  patientId: string,
  range: ProgressRange,
  now = new Date(),
  options: { background?: boolean } = {},
): Promise<ProgressData> {
  await readPatientData(patientId, "READ_PROGRESS", options.background ? backgroundRefreshDetail : undefined);
  const patient = await progressPatient(patientId);
  const zones = zoneHistoryOfUser(patient);
  const { from, to } = rangeDates(
    range,
    localDate(now, zones),
    range === "all" ? await firstActivity(patientId, zones) : null,
  );
  const label = range === "all" ? "all your logs" : `these ${progressRangeLabels[range]}`;
  return {
    range,
    ...(await progressBetween(patientId, patient, from, to, now, trendWindowsLabel(range, label))),
  };
}

/**
 * The same figures as the charts for any period of local dates (a printed report): the first 7
 * days of the period against its last 7 for the pain trend. The caller checks the period.
 */
export async function getProgressForPeriod(
  patientId: string,
  from: string,
  to: string,
  now = new Date(),
): Promise<Omit<ProgressData, "range">> {
  await readPatientData(patientId, "READ_PROGRESS");
  const patient = await progressPatient(patientId);
  return progressBetween(patientId, patient, from, to, now, trendWindowsLabel("all", "this period"));
}

function progressPatient(patientId: string) {
  return db.user.findUniqueOrThrow({
    where: { id: patientId },
    select: { ...zoneHistorySelect, weeklyTargetPercent: true },
  });
}

async function progressBetween(
  patientId: string,
  patient: Awaited<ReturnType<typeof progressPatient>>,
  from: string,
  to: string,
  now: Date,
  trendWindows: string,
): Promise<Omit<ProgressData, "range">> {
  // Days are read in the zone in force at each instant (issue 11), so a change of zone in settings
  // leaves past days, weeks and the streak as they were; the zone shown is the current one.
  const zones = zoneHistoryOfUser(patient);
  const timeZone = patient.timezone;
  const targetPercent = patient.weeklyTargetPercent;
  const today = localDate(now, zones);
  // Six days before the range feed the first points of the 7-day average.
  const lead = 6;
  const days = dayBuckets(addDays(from, -lead), to, zones);
  const rangeStart = days[lead]?.start ?? now;
  const rangeEnd = days.at(-1)?.end ?? now;
  // The first week counts only the days in the range, as adherence does.
  const weeks = weekBuckets(from, to, zones).map((week, index) =>
    index === 0 ? { ...week, start: rangeStart } : week,
  );

  const [painRows, pairedRows, volumeRows, responseRows, sessionTimes, routineItems] = await Promise.all([
    db.$queryRaw<{ i: unknown; region: string; total: unknown; ratings: unknown }[]>`WITH ${bucketTable(days)}
      SELECT b.i AS i, p."region" AS region, SUM(p."rating") AS total, COUNT(*) AS ratings
      FROM b JOIN "PainEntry" p ON p."patientId" = ${patientId} AND p."deletedAt" IS NULL
        AND p."context" IN ${painDataContexts}
        AND ${inBucket(Prisma.sql`p."recordedAt"`)}
      GROUP BY b.i, p."region"`,
    db.$queryRaw<
      { i: unknown; sessions: unknown; before: unknown; after: unknown }[]
    >`WITH ${bucketTable(days.slice(lead))}
      SELECT b.i AS i, COUNT(*) AS sessions, SUM(pb."rating") AS before, SUM(pa."rating") AS after
      FROM b JOIN "ExerciseSession" s ON s."patientId" = ${patientId} AND s."deletedAt" IS NULL
        AND ${inBucket(Prisma.sql`s."startedAt"`)}
      JOIN "PainEntry" pb ON pb."sessionId" = s."id" AND pb."patientId" = s."patientId"
        AND pb."context" = 'BEFORE_SESSION' AND pb."deletedAt" IS NULL
      JOIN "PainEntry" pa ON pa."sessionId" = s."id" AND pa."patientId" = s."patientId"
        AND pa."context" = 'AFTER_SESSION' AND pa."deletedAt" IS NULL
      GROUP BY b.i`,
    db.$queryRaw<
      { i: unknown; exerciseId: string; name: string; volume: unknown }[]
    >`WITH ${bucketTable(weeks)}
      SELECT b.i AS i, x."id" AS "exerciseId", x."name" AS name, SUM(e."sets" * e."reps") AS volume
      FROM b JOIN "ExerciseSession" s ON s."patientId" = ${patientId} AND s."deletedAt" IS NULL
        AND ${inBucket(Prisma.sql`s."startedAt"`)}
      JOIN "SessionEntry" e ON e."sessionId" = s."id"
      JOIN "Exercise" x ON x."id" = e."exerciseId"
      GROUP BY b.i, x."id", x."name"`,
    db.$queryRaw<{ exerciseId: string; name: string; sessions: unknown; change: unknown }[]>`
      SELECT x."id" AS "exerciseId", x."name" AS name, COUNT(*) AS sessions, SUM(d.change) AS change
      FROM (
        -- One row per session and exercise (an exercise done on both sides counts once).
        SELECT DISTINCT s."id" AS "sessionId", e."exerciseId" AS "exerciseId", pa."rating" - pb."rating" AS change
        FROM "ExerciseSession" s JOIN "SessionEntry" e ON e."sessionId" = s."id"
        JOIN "PainEntry" pb ON pb."sessionId" = s."id" AND pb."patientId" = s."patientId"
          AND pb."context" = 'BEFORE_SESSION' AND pb."deletedAt" IS NULL
        JOIN "PainEntry" pa ON pa."sessionId" = s."id" AND pa."patientId" = s."patientId"
          AND pa."context" = 'AFTER_SESSION' AND pa."deletedAt" IS NULL
        WHERE s."patientId" = ${patientId} AND s."deletedAt" IS NULL
          AND s."startedAt" >= ${rangeStart} AND s."startedAt" < ${rangeEnd}
      ) d
      JOIN "Exercise" x ON x."id" = d."exerciseId"
      GROUP BY x."id", x."name"`,
    db.exerciseSession.findMany({
      where: { patientId, deletedAt: null, startedAt: { lt: rangeEnd } },
      select: { startedAt: true },
    }),
    db.routineItem.findMany({
      where: { routine: { patientId } },
      select: {
        daysOfWeek: true,
        createdAt: true,
        stoppedAt: true,
        versions: { select: { version: true, change: true, daysOfWeek: true, createdAt: true } },
      },
    }),
  ]);

  // Pain: each area's mean per day, from the day's ratings (never from rounded figures).
  const dailyByArea = new Map<ChartArea, (number | null)[]>();
  for (const row of painRows) {
    const area = (chartAreas as readonly string[]).includes(row.region)
      ? (row.region as ChartArea)
      : "NOT_GIVEN";
    const values = dailyByArea.get(area) ?? days.map(() => null);
    values[num(row.i)] = num(row.total) / num(row.ratings);
    dailyByArea.set(area, values);
  }
  const areas = chartAreas.filter((area) =>
    dailyByArea
      .get(area)
      ?.slice(lead)
      .some((value) => value !== null),
  );
  const averages = new Map(
    areas.map((area) => {
      const daily = dailyByArea.get(area) ?? [];
      return [area, rollingAverage(daily.slice(lead), 7, daily.slice(0, lead))] as const;
    }),
  );
  const painPoints = days.slice(lead).map((day, index) => {
    const point: Record<string, number | string | null> = { date: day.label };
    for (const area of chartAreas) {
      point[area] = dailyByArea.get(area)?.[index + lead] ?? null;
      point[averageKey(area)] = averages.get(area)?.[index] ?? null;
    }
    return point as PainPoint;
  });
  const trends: AreaTrend[] = areas.map((area) => {
    const daily = new Map<string, number>();
    (dailyByArea.get(area) ?? []).forEach((value, index) => {
      const date = days[index]?.label;
      if (value !== null && date) daily.set(date, value);
    });
    return { area, trend: painTrendOver(daily, from, to) };
  });

  // Before and after sessions: a day's sessions averaged for the chart, every session weighing
  // the same in the summary.
  const beforeAfter: BeforeAfterPoint[] = [...pairedRows]
    .sort((a, b) => num(a.i) - num(b.i))
    .map((row) => {
      const sessions = num(row.sessions);
      return {
        date: days[num(row.i) + lead]?.label ?? "",
        before: num(row.before) / sessions,
        after: num(row.after) / sessions,
        sessions,
      };
    });
  const paired = beforeAfter.reduce((sum, point) => sum + point.sessions, 0);
  const beforeTotal = beforeAfter.reduce((sum, point) => sum + point.before * point.sessions, 0);
  const afterTotal = beforeAfter.reduce((sum, point) => sum + point.after * point.sessions, 0);

  // Adherence: due days from the routine as it was on each day, over the whole history for the
  // streak; the chart shows the weeks of the range.
  const schedule = routineItems.flatMap((item: RoutineItemHistory) => scheduleOf(item, zones));
  const sessionDays = new Set(sessionTimes.map((session) => localDate(session.startedAt, zones)));
  const historyFrom = [from, ...schedule.map((item) => item.activeFrom)].sort()[0] ?? from;
  const due = dueDates(schedule, historyFrom, to);
  // A date skipped by moving east was never lived: nothing was due on it.
  for (const skipped of skippedDates(zones)) due.delete(skipped);
  const adherenceWeeks = weeklyAdherence(due, sessionDays, from, to, today, targetPercent);
  const streak = currentStreak(weeklyAdherence(due, sessionDays, historyFrom, to, today, targetPercent));

  const seriesById = new Map<string, VolumeSeries>();
  const volumeByWeek = weeks.map((week) => ({ weekStart: week.label, values: {} as Record<string, number> }));
  for (const row of volumeRows) {
    seriesById.set(row.exerciseId, { exerciseId: row.exerciseId, name: row.name });
    const point = volumeByWeek[num(row.i)];
    if (point) point.values[row.exerciseId] = num(row.volume);
  }
  const series = [...seriesById.values()].sort((a, b) => a.name.localeCompare(b.name));

  const responses = responseRows.map((row) => ({
    exerciseId: row.exerciseId,
    name: row.name,
    sessions: num(row.sessions),
    totalChange: num(row.change),
  }));

  const totalVolume = volumeByWeek.reduce(
    (sum, week) => sum + Object.values(week.values).reduce((a, b) => a + b, 0),
    0,
  );

  const resolution = resolutionFor(painPoints.length);
  return {
    from,
    to,
    timeZone,
    pain: {
      // A long "all" range is sent in weeks or months: a bounded number of points whatever its length.
      points: bucketPoints(painPoints, resolution),
      resolution,
      areas,
      trends,
      summary: describePainTrends(
        trends.map(({ area, trend }) => ({ label: chartAreaLabels[area], trend })),
        trendWindows,
      ),
    },
    beforeAfter: {
      points: beforeAfter,
      sessions: paired,
      before: paired === 0 ? null : beforeTotal / paired,
      after: paired === 0 ? null : afterTotal / paired,
      summary: describeBeforeAfter(paired, beforeTotal, afterTotal),
    },
    adherence: {
      weeks: adherenceWeeks,
      streak,
      targetPercent,
      summary: describeAdherence(adherenceWeeks, targetPercent),
    },
    volume: {
      series,
      points: volumeByWeek,
      summary:
        totalVolume === 0
          ? "No exercises logged in this period."
          : `${totalVolume} holds or repetitions across ${countOf(series.length, "exercise")}.`,
    },
    painResponse: {
      rows: responses
        .map(({ totalChange, ...row }) => ({ ...row, averageChange: totalChange / row.sessions }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      summary: describeExerciseResponses(responses),
    },
  };
}

function describeAdherence(weeks: WeekAdherence[], targetPercent: number): string {
  const counted = weeks.filter((week) => week.complete && !week.partial && week.due > 0);
  const extra = weeks.reduce((sum, week) => sum + week.extra, 0);
  const rule = `A week is on target with sessions on at least ${targetPercent}% of its due days.`;
  const extraNote =
    extra > 0
      ? ` ${countOf(extra, "day")} with a session that was not due shown separately, not counted.`
      : "";
  if (counted.length === 0)
    return `No complete week with sessions due in this period yet. ${rule}${extraNote}`;
  const onTarget = counted.filter((week) => week.onTarget).length;
  return `${onTarget} of ${countOf(counted.length, "complete week")} on target. ${rule}${extraNote}`;
}

/**
 * A linked physiotherapist sets the share of due days that makes a patient's week "on target".
 * Nobody else may: not the patient, not a physiotherapist without an active link.
 */
export async function setWeeklyTarget(patientId: string, percent: number): Promise<void> {
  await requireRole("PHYSIO");
  await requirePatientAccess(patientId);
  await auditedTransaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: patientId, role: "PATIENT" },
      data: { weeklyTargetPercent: percent },
    });
    if (count === 0) throw new NotFoundError("That patient");
  });
}
