import "server-only";
import { db } from "@/lib/db";
import { usesPostgres } from "@/lib/db/provider";
import { addDays, type Bucket, dayBuckets, localDate, weekBuckets } from "@/lib/domain/calendar";
import {
  currentStreak,
  describePainTrend,
  dueDates,
  mean,
  type ProgressRange,
  progressRangeLabels,
  rangeDates,
  rollingAverage,
  round1,
  type WeekAdherence,
  weeklyAdherence,
} from "@/lib/domain/progress";
import { Prisma } from "@/lib/generated/sqlite/client";
import { type PainRegion, painRegions } from "@/lib/validation/fields";
import { readPatientData } from "./current-user";

export type PainPoint = { date: string; average: number | null; rolling: number | null } & Record<
  PainRegion,
  number | null
>;
export type BeforeAfterPoint = { date: string; before: number; after: number; sessions: number };
export type VolumeSeries = { exerciseId: string; name: string };
export type VolumePoint = { weekStart: string; values: Record<string, number> };
export type PainResponse = { exerciseId: string; name: string; sessions: number; averageChange: number };

export type ProgressData = {
  range: ProgressRange;
  from: string;
  to: string;
  timeZone: string;
  pain: { points: PainPoint[]; summary: string };
  beforeAfter: { points: BeforeAfterPoint[]; summary: string };
  adherence: { weeks: WeekAdherence[]; streak: number; summary: string };
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

const num = (value: unknown): number => (typeof value === "bigint" ? Number(value) : Number(value ?? 0));
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : num(value);

async function firstActivity(patientId: string, timeZone: string): Promise<string | null> {
  const [pain, session] = await Promise.all([
    db.painEntry.aggregate({ where: { patientId, deletedAt: null }, _min: { recordedAt: true } }),
    db.exerciseSession.aggregate({ where: { patientId, deletedAt: null }, _min: { startedAt: true } }),
  ]);
  const first = [pain._min.recordedAt, session._min.startedAt].filter((d): d is Date => d !== null);
  if (first.length === 0) return null;
  return localDate(Math.min(...first.map((d) => d.getTime())), timeZone);
}

/**
 * Everything the progress charts show for one patient and range, in a fixed number of queries
 * whatever the range (seven, plus two for "all" to find its first day): the database aggregates
 * per day or week, JavaScript only shapes arrays of at most a few hundred rows.
 */
export async function getProgress(
  patientId: string,
  range: ProgressRange,
  now = new Date(),
): Promise<ProgressData> {
  await readPatientData(patientId, "READ_PROGRESS");
  const patient = await db.user.findUniqueOrThrow({ where: { id: patientId }, select: { timezone: true } });
  const timeZone = patient.timezone;
  const today = localDate(now, timeZone);
  const { from, to } = rangeDates(
    range,
    today,
    range === "all" ? await firstActivity(patientId, timeZone) : null,
  );
  // Six days before the range feed the first points of the 7-day rolling average.
  const lead = 6;
  const days = dayBuckets(addDays(from, -lead), to, timeZone);
  const weeks = weekBuckets(from, to, timeZone);
  const rangeStart = days[lead]?.start ?? now;
  const rangeEnd = days.at(-1)?.end ?? now;

  const [painRows, sessionRows, volumeRows, responseRows, routineItems] = await Promise.all([
    db.$queryRaw<{ i: unknown; region: string; avg: unknown }[]>`WITH ${bucketTable(days)}
      SELECT b.i AS i, p."region" AS region, AVG(p."rating") AS avg
      FROM b JOIN "PainEntry" p ON p."patientId" = ${patientId} AND p."deletedAt" IS NULL
        AND p."recordedAt" >= b.s AND p."recordedAt" < b.e
      GROUP BY b.i, p."region"`,
    db.$queryRaw<
      { i: unknown; sessions: unknown; paired: unknown; before: unknown; after: unknown }[]
    >`WITH ${bucketTable(days)}
      SELECT b.i AS i, COUNT(*) AS sessions,
        SUM(CASE WHEN pb."rating" IS NOT NULL AND pa."rating" IS NOT NULL THEN 1 ELSE 0 END) AS paired,
        AVG(CASE WHEN pa."rating" IS NOT NULL THEN pb."rating" END) AS before,
        AVG(CASE WHEN pb."rating" IS NOT NULL THEN pa."rating" END) AS after
      FROM b JOIN "ExerciseSession" s ON s."patientId" = ${patientId} AND s."deletedAt" IS NULL
        AND s."startedAt" >= b.s AND s."startedAt" < b.e
      LEFT JOIN "PainEntry" pb ON pb."sessionId" = s."id" AND pb."context" = 'BEFORE_SESSION' AND pb."deletedAt" IS NULL
      LEFT JOIN "PainEntry" pa ON pa."sessionId" = s."id" AND pa."context" = 'AFTER_SESSION' AND pa."deletedAt" IS NULL
      GROUP BY b.i`,
    db.$queryRaw<
      { i: unknown; exerciseId: string; name: string; volume: unknown }[]
    >`WITH ${bucketTable(weeks)}
      SELECT b.i AS i, x."id" AS "exerciseId", x."name" AS name, SUM(e."sets" * e."reps") AS volume
      FROM b JOIN "ExerciseSession" s ON s."patientId" = ${patientId} AND s."deletedAt" IS NULL
        AND s."startedAt" >= b.s AND s."startedAt" < b.e
      JOIN "SessionEntry" e ON e."sessionId" = s."id"
      JOIN "Exercise" x ON x."id" = e."exerciseId"
      GROUP BY b.i, x."id", x."name"`,
    db.$queryRaw<{ exerciseId: string; name: string; sessions: unknown; change: unknown }[]>`
      SELECT x."id" AS "exerciseId", x."name" AS name, COUNT(*) AS sessions, AVG(d.change) AS change
      FROM (
        -- One row per session and exercise (an exercise done on both sides counts once).
        SELECT DISTINCT s."id" AS "sessionId", e."exerciseId" AS "exerciseId", pa."rating" - pb."rating" AS change
        FROM "ExerciseSession" s JOIN "SessionEntry" e ON e."sessionId" = s."id"
        JOIN "PainEntry" pb ON pb."sessionId" = s."id" AND pb."context" = 'BEFORE_SESSION' AND pb."deletedAt" IS NULL
        JOIN "PainEntry" pa ON pa."sessionId" = s."id" AND pa."context" = 'AFTER_SESSION' AND pa."deletedAt" IS NULL
        WHERE s."patientId" = ${patientId} AND s."deletedAt" IS NULL
          AND s."startedAt" >= ${rangeStart} AND s."startedAt" < ${rangeEnd}
      ) d
      JOIN "Exercise" x ON x."id" = d."exerciseId"
      GROUP BY x."id", x."name"`,
    db.routineItem.findMany({
      where: { routine: { patientId } },
      select: { daysOfWeek: true, createdAt: true, stoppedAt: true },
    }),
  ]);

  // Pain per day and region, the day's mean across regions, and its 7-day rolling mean.
  const painByDay = new Map<number, Partial<Record<PainRegion, number>>>();
  for (const row of painRows) {
    const entry = painByDay.get(num(row.i)) ?? {};
    entry[row.region as PainRegion] = round1(num(row.avg));
    painByDay.set(num(row.i), entry);
  }
  const dailyMean = days.map((_, index) => {
    const regions = painByDay.get(index);
    const value = regions ? mean(painRegions.map((region) => regions[region])) : null;
    return value === null ? null : round1(value);
  });
  const rolling = rollingAverage(dailyMean.slice(lead), 7, dailyMean.slice(0, lead));
  const painPoints: PainPoint[] = days.slice(lead).map((day, index) => {
    const regions = painByDay.get(index + lead) ?? {};
    return {
      date: day.label,
      LEFT_HIP: regions.LEFT_HIP ?? null,
      RIGHT_HIP: regions.RIGHT_HIP ?? null,
      LOWER_BACK: regions.LOWER_BACK ?? null,
      average: dailyMean[index + lead] ?? null,
      rolling: rolling[index] ?? null,
    };
  });

  // Sessions: pain before and after per day, and which days had a session.
  const sessionDates = new Set<string>();
  const beforeAfter: BeforeAfterPoint[] = [];
  for (const row of [...sessionRows].sort((a, b) => num(a.i) - num(b.i))) {
    const index = num(row.i);
    if (index < lead) continue;
    const date = days[index]?.label ?? "";
    sessionDates.add(date);
    const before = numOrNull(row.before);
    const after = numOrNull(row.after);
    if (num(row.paired) > 0 && before !== null && after !== null) {
      beforeAfter.push({ date, before: round1(before), after: round1(after), sessions: num(row.paired) });
    }
  }

  const scheduled = routineItems.map((item) => ({
    daysOfWeek: item.daysOfWeek,
    activeFrom: localDate(item.createdAt, timeZone),
    activeUntil: item.stoppedAt ? localDate(item.stoppedAt, timeZone) : null,
  }));
  const adherenceWeeks = weeklyAdherence(sessionDates, dueDates(scheduled, from, to), from, to, today);
  const streak = currentStreak(adherenceWeeks);

  const seriesById = new Map<string, VolumeSeries>();
  const volumeByWeek = weeks.map((week) => ({ weekStart: week.label, values: {} as Record<string, number> }));
  for (const row of volumeRows) {
    seriesById.set(row.exerciseId, { exerciseId: row.exerciseId, name: row.name });
    const point = volumeByWeek[num(row.i)];
    if (point) point.values[row.exerciseId] = num(row.volume);
  }
  const series = [...seriesById.values()].sort((a, b) => a.name.localeCompare(b.name));

  const responses = responseRows
    .map((row) => ({
      exerciseId: row.exerciseId,
      name: row.name,
      sessions: num(row.sessions),
      averageChange: round1(num(row.change)),
    }))
    .sort((a, b) => a.averageChange - b.averageChange || a.name.localeCompare(b.name));

  const label = range === "all" ? "all your logs" : progressRangeLabels[range];
  const beforeMean = mean(beforeAfter.map((p) => p.before));
  const afterMean = mean(beforeAfter.map((p) => p.after));
  const completeWeeks = adherenceWeeks.filter((week) => week.complete && week.due > 0);
  const totalVolume = volumeByWeek.reduce(
    (sum, week) => sum + Object.values(week.values).reduce((a, b) => a + b, 0),
    0,
  );
  const best = responses[0];

  return {
    range,
    from,
    to,
    timeZone,
    pain: { points: painPoints, summary: describePainTrend(dailyMean.slice(lead), label) },
    beforeAfter: {
      points: beforeAfter,
      summary:
        beforeMean === null || afterMean === null
          ? "No sessions with pain rated before and after in this period."
          : `On average pain went from ${round1(beforeMean)} before a session to ${round1(afterMean)} after it (${beforeAfter.reduce((n, p) => n + p.sessions, 0)} sessions).`,
    },
    adherence: {
      weeks: adherenceWeeks,
      streak,
      summary:
        completeWeeks.length === 0
          ? "No complete week with sessions due in this period yet."
          : `${completeWeeks.filter((week) => week.done >= week.due).length} of ${completeWeeks.length} complete weeks on target; current streak ${streak} ${streak === 1 ? "week" : "weeks"}.`,
    },
    volume: {
      series,
      points: volumeByWeek,
      summary:
        totalVolume === 0
          ? "No exercises logged in this period."
          : `${totalVolume} holds or repetitions across ${series.length} exercises.`,
    },
    painResponse: {
      rows: responses,
      summary: best
        ? `Pain changed most after ${best.name}: ${best.averageChange > 0 ? "+" : ""}${best.averageChange} on average over ${best.sessions} sessions.`
        : "No sessions with pain rated before and after in this period.",
    },
  };
}
