// Recomputes the demo patients' progress and caseload figures straight from the SQLite database,
// without the app's code: plain SQL, its own calendar arithmetic, the rules restated from
// DESIGN.md and the README. tests/integration/recompute-figures.test.ts checks that the app shows
// the same numbers; run it by hand to audit a demo database:
//
//   npx tsx scripts/recompute-figures.ts [./data/app.db] [2026-04-08T11:00:00Z]
//
// Prints JSON, full precision (the app rounds only for display).

import path from "node:path";
import Database from "better-sqlite3";

export const demoPatientEmails = ["patient@demo.test", "jordan@demo.test", "casey@demo.test"] as const;

// The rules, restated (not imported): a change of 2 points or more between two 7-day means is
// better or worse, each mean needing ratings on 4 of its days; a week is on target with sessions
// on at least the patient's share of its due days.
const meaningfulChange = 2;
const trendDays = 7;
const minimumDays = 4;
const tolerance = 1e-9;

type Trend =
  | { direction: "better" | "worse" | "same"; earlier: number; later: number }
  | { direction: "too-few"; earlierDays: number; laterDays: number };
type Week = { weekStart: string; done: number; due: number; extra: number };
type DayCount = { done: number; due: number };

export type PatientFigures = {
  email: string;
  patientId: string;
  timeZone: string;
  today: string;
  weeklyTargetPercent: number;
  streak: number;
  ranges: Record<
    "2w" | "3m",
    {
      from: string;
      to: string;
      weeks: Week[];
      volumePerWeek: { weekStart: string; total: number }[];
      beforeAfter: { sessions: number; before: number | null; after: number | null };
      painResponse: { exercise: string; sessions: number; averageChange: number }[];
      /** Per area: each day's mean and 7-day average, and the period's trend. */
      pain: Record<string, { daily: Record<string, number>; sevenDay: Record<string, number>; trend: Trend }>;
    }
  >;
  caseload: {
    adherence7: (DayCount & { percent: number }) | null;
    adherence30: (DayCount & { percent: number }) | null;
    /** Latest rating per area, any context, worst first. */
    latestPain: { area: string; rating: number; at: string; context: string }[];
  };
};

// ---- calendar arithmetic of its own -------------------------------------------------------------

const formats = new Map<string, Intl.DateTimeFormat>();
function localDateOf(instant: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formats.set(timeZone, format);
  }
  return format.format(instant);
}
const toDays = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const fromDays = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);
const shift = (date: string, days: number) => fromDays(toDays(date) + days);
/** Monday = 0. 1970-01-01 was a Thursday. */
const weekdayOf = (date: string) => (((toDays(date) + 3) % 7) + 7) % 7;
const mondayOf = (date: string) => shift(date, -weekdayOf(date));
function* datesFrom(from: string, to: string) {
  for (let day = toDays(from); day <= toDays(to); day++) yield fromDays(day);
}

/** Prisma stores SQLite DateTime as ISO text or as milliseconds; either reads back the same. */
const instantOf = (value: unknown): Date => new Date(typeof value === "string" ? value : Number(value));

// ---- the figures ---------------------------------------------------------------------------------

export function recomputeFigures(databasePath: string, now: Date = new Date()): PatientFigures[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return demoPatientEmails.flatMap((email) => {
      const patient = db
        .prepare(`SELECT id, timezone, weeklyTargetPercent FROM "User" WHERE email = ?`)
        .get(email) as { id: string; timezone: string; weeklyTargetPercent: number } | undefined;
      return patient ? [figuresOf(db, email, patient, now)] : [];
    });
  } finally {
    db.close();
  }
}

function figuresOf(
  db: Database.Database,
  email: string,
  patient: { id: string; timezone: string; weeklyTargetPercent: number },
  now: Date,
): PatientFigures {
  const zone = patient.timezone;
  const today = localDateOf(now, zone);
  const local = (value: unknown) => localDateOf(instantOf(value), zone);

  // The routine as it was on each day: each kept version holds from its day until the next one's.
  const items = db
    .prepare(
      `SELECT i.id, i.createdAt, i.stoppedAt, i.daysOfWeek FROM "RoutineItem" i
       JOIN "Routine" r ON r.id = i.routineId WHERE r.patientId = ?`,
    )
    .all(patient.id) as { id: string; createdAt: unknown; stoppedAt: unknown; daysOfWeek: number }[];
  const versionsOf = db.prepare(
    `SELECT version, change, daysOfWeek, createdAt FROM "RoutineItemVersion" WHERE routineItemId = ? ORDER BY version`,
  );
  const stretches: { from: string; until: string | null; days: number }[] = [];
  for (const item of items) {
    const end = item.stoppedAt === null ? null : local(item.stoppedAt);
    const versions = versionsOf.all(item.id) as {
      change: string;
      daysOfWeek: number;
      createdAt: unknown;
    }[];
    if (versions.length === 0) {
      stretches.push({ from: local(item.createdAt), until: end, days: item.daysOfWeek });
      continue;
    }
    for (let index = 0; index < versions.length; index++) {
      const version = versions[index];
      if (!version || version.change === "STOPPED") break;
      const next = versions[index + 1];
      stretches.push({
        from: local(index === 0 ? item.createdAt : version.createdAt),
        until: next ? local(next.createdAt) : end,
        days: version.daysOfWeek,
      });
    }
  }
  const isDue = (date: string) =>
    stretches.some(
      (s) =>
        s.from <= date && (s.until === null || date < s.until) && (s.days & (1 << weekdayOf(date))) !== 0,
    );

  const sessions = db
    .prepare(`SELECT id, startedAt FROM "ExerciseSession" WHERE patientId = ? AND deletedAt IS NULL`)
    .all(patient.id) as { id: string; startedAt: unknown }[];
  const sessionDays = new Set(sessions.map((s) => local(s.startedAt)));

  /** Due days with a session; today counts as due only once its session is done. */
  const count = (from: string, to: string) => {
    const result = { done: 0, due: 0, extra: 0 };
    for (const date of datesFrom(from, to < today ? to : today)) {
      const had = sessionDays.has(date);
      if (!isDue(date)) result.extra += had ? 1 : 0;
      else if (date !== today || had) {
        result.due++;
        result.done += had ? 1 : 0;
      }
    }
    return result;
  };
  const onTarget = (week: DayCount) =>
    week.due > 0 && 100 * week.done >= patient.weeklyTargetPercent * week.due;
  const weeksOf = (from: string, to: string): Week[] => {
    const weeks: Week[] = [];
    for (let monday = mondayOf(from); monday <= to; monday = shift(monday, 7)) {
      const sunday = shift(monday, 6);
      weeks.push({ weekStart: monday, ...count(monday < from ? from : monday, sunday > to ? to : sunday) });
    }
    return weeks;
  };

  // The streak: complete weeks on target back from the latest, over the whole history.
  const firstDue = stretches.map((s) => s.from).sort()[0] ?? today;
  let streak = 0;
  const history = weeksOf(mondayOf(firstDue), today);
  for (let index = history.length - 1; index >= 0; index--) {
    const week = history[index];
    if (!week || shift(week.weekStart, 6) >= today || week.due === 0) continue;
    if (!onTarget(week)) break;
    streak++;
  }

  const painRows = db
    .prepare(
      `SELECT region, rating, context, recordedAt FROM "PainEntry" WHERE patientId = ? AND deletedAt IS NULL`,
    )
    .all(patient.id) as { region: string; rating: number; context: string; recordedAt: unknown }[];

  // Daily mean per area of the pain data: check-ins and ratings before a session.
  const totals = new Map<string, Map<string, { sum: number; n: number }>>();
  for (const row of painRows) {
    if (row.context === "AFTER_SESSION") continue;
    const byDay = totals.get(row.region) ?? new Map<string, { sum: number; n: number }>();
    const date = local(row.recordedAt);
    const total = byDay.get(date) ?? { sum: 0, n: 0 };
    total.sum += row.rating;
    total.n++;
    byDay.set(date, total);
    totals.set(row.region, byDay);
  }
  const dailyOf = (area: string) =>
    new Map([...(totals.get(area) ?? new Map())].map(([date, t]) => [date, t.sum / t.n] as const));
  const windowMean = (daily: Map<string, number>, from: string) => {
    const values = [...datesFrom(from, shift(from, trendDays - 1))]
      .map((date) => daily.get(date))
      .filter((v): v is number => v !== undefined);
    return {
      days: values.length,
      mean: values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0,
    };
  };
  const trendOf = (daily: Map<string, number>, earlierFrom: string, laterFrom: string): Trend => {
    const earlier = windowMean(daily, earlierFrom);
    const later = windowMean(daily, laterFrom);
    if (earlier.days < minimumDays || later.days < minimumDays) {
      return { direction: "too-few", earlierDays: earlier.days, laterDays: later.days };
    }
    const change = later.mean - earlier.mean;
    const direction =
      change <= -meaningfulChange + tolerance
        ? "better"
        : change >= meaningfulChange - tolerance
          ? "worse"
          : "same";
    return { direction, earlier: earlier.mean, later: later.mean };
  };

  const exerciseRows = db.prepare(
    `SELECT DISTINCT s.id AS sessionId, x.name AS name FROM "ExerciseSession" s
     JOIN "SessionEntry" e ON e.sessionId = s.id JOIN "Exercise" x ON x.id = e.exerciseId
     WHERE s.patientId = ? AND s.deletedAt IS NULL`,
  );
  const exercisesBySession = new Map<string, string[]>();
  for (const row of exerciseRows.all(patient.id) as { sessionId: string; name: string }[]) {
    exercisesBySession.set(row.sessionId, [...(exercisesBySession.get(row.sessionId) ?? []), row.name]);
  }
  const volumeRows = db
    .prepare(
      `SELECT s.startedAt AS startedAt, e.sets * e.reps AS volume FROM "ExerciseSession" s
       JOIN "SessionEntry" e ON e.sessionId = s.id WHERE s.patientId = ? AND s.deletedAt IS NULL`,
    )
    .all(patient.id) as { startedAt: unknown; volume: number }[];
  const ratingOf = db.prepare(
    `SELECT rating FROM "PainEntry" WHERE sessionId = ? AND context = ? AND deletedAt IS NULL`,
  );
  const paired = sessions.flatMap((s) => {
    const before = ratingOf.get(s.id, "BEFORE_SESSION") as { rating: number } | undefined;
    const after = ratingOf.get(s.id, "AFTER_SESSION") as { rating: number } | undefined;
    return before && after
      ? [{ id: s.id, date: local(s.startedAt), before: before.rating, after: after.rating }]
      : [];
  });

  const rangeOf = (days: number) => {
    const from = shift(today, -(days - 1));
    const to = today;
    const inRange = paired.filter((p) => p.date >= from && p.date <= to);
    const changes = new Map<string, number[]>();
    for (const p of inRange) {
      for (const name of exercisesBySession.get(p.id) ?? [])
        changes.set(name, [...(changes.get(name) ?? []), p.after - p.before]);
    }
    const pain: PatientFigures["ranges"]["2w"]["pain"] = {};
    for (const area of [...totals.keys()].sort()) {
      const daily = dailyOf(area);
      const inside = [...datesFrom(from, to)].filter((date) => daily.has(date));
      if (inside.length === 0) continue;
      const sevenDay: Record<string, number> = {};
      for (const date of datesFrom(from, to)) {
        const window = windowMean(daily, shift(date, -(trendDays - 1)));
        if (window.days > 0) sevenDay[date] = window.mean;
      }
      const laterFrom = shift(to, -(trendDays - 1));
      const earlierFrom = toDays(laterFrom) - toDays(from) >= trendDays ? from : shift(laterFrom, -trendDays);
      pain[area] = {
        daily: Object.fromEntries(inside.map((date) => [date, daily.get(date) ?? 0])),
        sevenDay,
        trend: trendOf(daily, earlierFrom, laterFrom),
      };
    }
    const weeks = weeksOf(from, to);
    return {
      from,
      to,
      weeks,
      volumePerWeek: weeks.map((week) => ({
        weekStart: week.weekStart,
        total: volumeRows
          .filter((row) => {
            const date = local(row.startedAt);
            return date >= from && date <= to && mondayOf(date) === week.weekStart;
          })
          .reduce((sum, row) => sum + row.volume, 0),
      })),
      beforeAfter: {
        sessions: inRange.length,
        before: inRange.length ? inRange.reduce((sum, p) => sum + p.before, 0) / inRange.length : null,
        after: inRange.length ? inRange.reduce((sum, p) => sum + p.after, 0) / inRange.length : null,
      },
      painResponse: [...changes]
        .map(([exercise, list]) => ({
          exercise,
          sessions: list.length,
          averageChange: list.reduce((a, b) => a + b, 0) / list.length,
        }))
        .sort((a, b) => a.exercise.localeCompare(b.exercise)),
      pain,
    };
  };

  const window = (days: number) => {
    const { done, due } = count(shift(today, -(days - 1)), today);
    return due === 0 ? null : { done, due, percent: Math.round((100 * done) / due) };
  };
  const latest = new Map<string, { rating: number; at: Date; context: string }>();
  for (const row of painRows) {
    const at = instantOf(row.recordedAt);
    const known = latest.get(row.region);
    if (!known || at > known.at || (at.getTime() === known.at.getTime() && row.rating > known.rating)) {
      latest.set(row.region, { rating: row.rating, at, context: row.context });
    }
  }

  return {
    email,
    patientId: patient.id,
    timeZone: zone,
    today,
    weeklyTargetPercent: patient.weeklyTargetPercent,
    streak,
    ranges: { "2w": rangeOf(14), "3m": rangeOf(91) },
    caseload: {
      adherence7: window(7),
      adherence30: window(30),
      latestPain: [...latest]
        .map(([area, l]) => ({ area, rating: l.rating, at: l.at.toISOString(), context: l.context }))
        .sort((a, b) => b.rating - a.rating || a.area.localeCompare(b.area)),
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = process.argv[2] ?? path.join(process.cwd(), "data", "app.db");
  const now = process.argv[3] ? new Date(process.argv[3]) : new Date();
  console.log(JSON.stringify(recomputeFigures(file.replace(/^file:/, ""), now), null, 2));
}
