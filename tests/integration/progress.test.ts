import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { setWeeklyTargetAction } from "@/lib/actions/progress";
import { updateRoutineItemAction } from "@/lib/actions/routine";
import { getProgress } from "@/lib/data/progress";
import { seedCatalog } from "../../prisma/seed/catalog";
import {
  auditKey,
  createUser,
  linkCare,
  navigationOutcome,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";
import { routineItemInput } from "../support/inputs";

// A hand-computed fortnight for a patient in London, across the change to summer time on
// Sunday 29 March 2026 (01:00 UTC). "Now" is Wednesday 1 April 2026, 13:00 BST; the 2-week range
// runs from Thursday 19 March, so its first week (from Monday 16th) is partial.
const now = new Date("2026-04-01T12:00:00Z");
const initial: ActionState = { ok: false };
let patient: TestUser;
let other: TestUser;
let ids: Record<string, string>;

type Rating = readonly [context: "BEFORE_SESSION" | "AFTER_SESSION", rating: number];

function pain(patientId: string, at: string, region: string, rating: number, deleted = false) {
  return testDb().painEntry.create({
    data: {
      patientId,
      rating,
      region,
      context: "CHECK_IN",
      recordedAt: new Date(at),
      clientRequestId: randomUUID(),
      deletedAt: deleted ? new Date() : null,
    },
  });
}

/** A session with its before/after ratings as their own pain entries, as the app writes them. */
function session(
  patientId: string,
  at: string,
  ratings: Rating[],
  entries: [string, string, number, number][],
  deleted = false,
) {
  return testDb().exerciseSession.create({
    data: {
      patientId,
      startedAt: new Date(at),
      durationSeconds: 600,
      source: "QUICK_LOG",
      clientRequestId: randomUUID(),
      deletedAt: deleted ? new Date() : null,
      painEntries: {
        create: ratings.map(([context, rating]) => ({
          patientId,
          rating,
          region: "LOWER_BACK",
          context,
          recordedAt: new Date(new Date(at).getTime() + (context === "AFTER_SESSION" ? 600_000 : 0)),
          clientRequestId: randomUUID(),
          deletedAt: deleted ? new Date() : null,
        })),
      },
      entries: {
        create: entries.map(([slug, side, sets, reps], position) => ({
          exerciseId: ids[slug] ?? "",
          side,
          sets,
          reps,
          holdSeconds: 30,
          position,
        })),
      },
    },
  });
}

/** A routine item set by the patient, with its first kept version, created at `at`. */
async function routineItem(patientId: string, daysOfWeek: number, at: Date) {
  const routine = await testDb().routine.upsert({ where: { patientId }, create: { patientId }, update: {} });
  const dose = { sets: 2, reps: 3, holdSeconds: 30, perSide: true, daysOfWeek, position: 0 };
  const item = await testDb().routineItem.create({
    data: {
      routineId: routine.id,
      exerciseId: ids.clamshell ?? "",
      ...dose,
      setById: patientId,
      setByRole: "PATIENT",
      createdAt: at,
    },
  });
  await testDb().routineItemVersion.create({
    data: {
      routineItemId: item.id,
      patientId,
      version: 1,
      change: "CREATED",
      exerciseId: ids.clamshell ?? "",
      ...dose,
      changedById: patientId,
      changedByRole: "PATIENT",
      clientRequestId: randomUUID(),
      createdAt: at,
    },
  });
  return item;
}

const ratedBefore = (rating: number): Rating => ["BEFORE_SESSION", rating];
const ratedAfter = (rating: number): Rating => ["AFTER_SESSION", rating];

beforeAll(async () => {
  const db = testDb();
  await seedCatalog(db);
  [patient, other] = await Promise.all([createUser("PATIENT"), createUser("PATIENT")]);
  ids = Object.fromEntries(
    (await db.exercise.findMany({ select: { id: true, slug: true } })).map((e) => [e.slug, e.id]),
  );
  await pain(patient.id, "2026-03-28T23:30:00Z", "LOWER_BACK", 6); // Saturday 28th, 23:30 GMT
  await pain(patient.id, "2026-03-29T12:00:00Z", "LEFT_HIP", 2); // Sunday 29th, 13:00 BST
  await pain(patient.id, "2026-03-29T12:00:00Z", "RIGHT_HIP", 4);
  await pain(patient.id, "2026-03-29T23:30:00Z", "LOWER_BACK", 4); // Monday 30th, 00:30 BST (29th in UTC)
  await pain(patient.id, "2026-03-31T08:00:00Z", "LOWER_BACK", 10, true); // deleted: ignored
  await pain(other.id, "2026-03-31T08:00:00Z", "LOWER_BACK", 9); // someone else's: ignored

  // Tuesday 17 March: in the first week, before the range. Nothing of it may count.
  await session(patient.id, "2026-03-17T10:00:00Z", [], [["clamshell", "LEFT", 1, 10]]);
  // Saturday 28 March: a day that was not due: shown as extra, not counted toward the target.
  await session(patient.id, "2026-03-28T10:00:00Z", [], [["glute-bridge", "BOTH", 1, 4]]);
  await session(
    patient.id,
    "2026-03-30T07:00:00Z",
    [ratedBefore(5), ratedAfter(3)],
    [
      ["clamshell", "LEFT", 2, 3],
      ["clamshell", "RIGHT", 2, 3],
    ],
  );
  await session(
    patient.id,
    "2026-03-31T18:00:00Z",
    [ratedBefore(4), ratedAfter(4)],
    [["glute-bridge", "BOTH", 1, 5]],
  );
  await session(patient.id, "2026-03-31T19:00:00Z", [], [["clamshell", "LEFT", 1, 3]]);
  await session(
    patient.id,
    "2026-04-01T07:00:00Z",
    [ratedBefore(9), ratedAfter(1)],
    [["clamshell", "LEFT", 9, 9]],
    true,
  );

  // Monday to Wednesday since 1 March.
  await routineItem(patient.id, 0b0000111, new Date("2026-03-01T10:00:00Z"));
});

describe("progress for two weeks", () => {
  it("gives each area its own daily mean and 7-day average, from check-ins and ratings before a session, unrounded", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    expect([progress.from, progress.to]).toEqual(["2026-03-19", "2026-04-01"]);
    expect(progress.pain.points).toHaveLength(14);
    expect(progress.pain.areas).toEqual(["LEFT_HIP", "RIGHT_HIP", "LOWER_BACK"]);
    const byDate = Object.fromEntries(progress.pain.points.map((p) => [p.date, p]));
    expect(byDate["2026-03-28"]).toMatchObject({ LOWER_BACK: 6, LOWER_BACK_7d: 6, LEFT_HIP: null });
    expect(byDate["2026-03-29"]).toMatchObject({
      LEFT_HIP: 2,
      RIGHT_HIP: 4,
      LOWER_BACK: null,
      LOWER_BACK_7d: 6,
      LEFT_HIP_7d: 2,
    });
    // The 00:30 check-in (4) and the rating before that morning's session (5).
    expect(byDate["2026-03-30"]).toMatchObject({ LOWER_BACK: 4.5, LOWER_BACK_7d: 5.25 });
    // The 4 before the evening session; the 10 was deleted, the 9 is someone else's.
    expect(byDate["2026-03-31"]?.LOWER_BACK).toBe(4);
    expect(byDate["2026-03-31"]?.LOWER_BACK_7d).toBeCloseTo(14.5 / 3, 12);
    expect(byDate["2026-03-27"]).toMatchObject({ LOWER_BACK: null, LOWER_BACK_7d: null });
  });

  it("says there are too few ratings rather than calling a trend", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    expect(progress.pain.trends).toEqual([
      { area: "LEFT_HIP", trend: { direction: "too-few", earlierDays: 0, laterDays: 1 } },
      { area: "RIGHT_HIP", trend: { direction: "too-few", earlierDays: 0, laterDays: 1 } },
      { area: "LOWER_BACK", trend: { direction: "too-few", earlierDays: 0, laterDays: 3 } },
    ]);
    expect(progress.pain.summary).toMatch(
      /^Comparing the last 7 days against the 7 before: Left hip too few ratings to compare \(rated on 0 and 1 of 7 days\);/,
    );
  });

  it("compares pain before and after per session, leaving out sessions without both ratings and deleted ones", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    expect(progress.beforeAfter.points).toEqual([
      { date: "2026-03-30", before: 5, after: 3, sessions: 1 },
      { date: "2026-03-31", before: 4, after: 4, sessions: 1 },
    ]);
    expect(progress.beforeAfter).toMatchObject({ sessions: 2, before: 4.5, after: 3.5 });
  });

  it("counts due days with a session per week, only the range's days of the first week, extra days apart", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    expect(progress.adherence.weeks).toEqual([
      // Thursday 19 to Sunday 22: nothing due; the session on the 17th is outside the range.
      { weekStart: "2026-03-16", done: 0, due: 0, extra: 0, complete: true, partial: true, onTarget: false },
      { weekStart: "2026-03-23", done: 0, due: 3, extra: 1, complete: true, partial: false, onTarget: false },
      // Today (Wednesday) is due once its session is done; the deleted one does not count.
      { weekStart: "2026-03-30", done: 2, due: 2, extra: 0, complete: false, partial: false, onTarget: true },
    ]);
    expect(progress.adherence.streak).toBe(0);
    expect(progress.adherence.targetPercent).toBe(80);
    expect(progress.adherence.summary).toContain("0 of 1 complete week on target.");
    expect(progress.adherence.summary).toContain("1 day with a session that was not due");
  });

  it("adds up volume over the same days as adherence, and the pain change per exercise", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    const names = Object.fromEntries(progress.volume.series.map((s) => [s.exerciseId, s.name]));
    const named = (values: Record<string, number> = {}) =>
      Object.fromEntries(Object.entries(values).map(([id, v]) => [names[id], v]));
    expect(progress.volume.points.map((point) => named(point.values))).toEqual([
      {},
      { "Glute bridge": 4 },
      { Clamshell: 15, "Glute bridge": 5 },
    ]);
    expect(progress.painResponse.rows.map((r) => [r.name, r.sessions, r.averageChange])).toEqual([
      ["Clamshell", 1, -2],
      ["Glute bridge", 1, 0],
    ]);
    expect(progress.painResponse.summary).toMatch(
      /^No exercise went with a change in pain of 2 points or more/,
    );
  });

  it("starts 'all' at the first activity and ends today", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "all", now);
    expect([progress.from, progress.to]).toEqual(["2026-03-17", "2026-04-01"]);
  });
});

describe("figures that once were wrong", () => {
  it("weighs every session the same in the before/after summary (6.0 to 3.3, not 6 to 3.5)", async () => {
    const person = await createUser("PATIENT");
    await session(
      person.id,
      "2026-03-30T08:00:00Z",
      [ratedBefore(6), ratedAfter(2)],
      [["clamshell", "LEFT", 1, 3]],
    );
    await session(
      person.id,
      "2026-03-30T17:00:00Z",
      [ratedBefore(6), ratedAfter(4)],
      [["clamshell", "LEFT", 1, 3]],
    );
    await session(
      person.id,
      "2026-03-31T08:00:00Z",
      [ratedBefore(6), ratedAfter(4)],
      [["clamshell", "LEFT", 1, 3]],
    );
    signInAs(person);
    const progress = await getProgress(person.id, "2w", now);
    expect(progress.beforeAfter.points).toEqual([
      { date: "2026-03-30", before: 6, after: 3, sessions: 2 },
      { date: "2026-03-31", before: 6, after: 4, sessions: 1 },
    ]);
    expect(progress.beforeAfter.after).toBeCloseTo(10 / 3, 12);
    expect(progress.beforeAfter.summary).toBe(
      "On average pain went from 6.0 before a session to 3.3 after it (3 sessions with both ratings).",
    );
  });

  it("counts the streak over the whole history, past the two weeks shown", async () => {
    const person = await createUser("PATIENT");
    // Every day from Monday 5 January; a session every day to Sunday 29 March: 12 complete weeks.
    await routineItem(person.id, 0b1111111, new Date("2026-01-05T09:00:00Z"));
    await testDb().exerciseSession.createMany({
      data: Array.from({ length: 84 }, (_, day) => ({
        patientId: person.id,
        startedAt: new Date(Date.UTC(2026, 0, 5 + day, 9)),
        durationSeconds: 600,
        source: "QUICK_LOG",
        clientRequestId: randomUUID(),
      })),
    });
    signInAs(person);
    expect((await getProgress(person.id, "2w", now)).adherence.streak).toBe(12);
    expect((await getProgress(person.id, "3m", now)).adherence.streak).toBe(12);
  });

  it("keeps last month's adherence when the schedule changes today", async () => {
    const person = await createUser("PATIENT");
    const today = new Date();
    const item = await routineItem(person.id, 0b0000101, new Date(today.getTime() - 60 * 86_400_000));
    await testDb().exerciseSession.createMany({
      data: Array.from({ length: 50 }, (_, day) => ({
        patientId: person.id,
        startedAt: new Date(today.getTime() - (55 - day) * 86_400_000),
        durationSeconds: 600,
        source: "QUICK_LOG",
        clientRequestId: randomUUID(),
      })).filter((_, day) => day % 3 !== 0),
    });
    signInAs(person);
    const earlier = await getProgress(person.id, "3m");
    expect(
      await updateRoutineItemAction(initial, {
        ...routineItemInput(undefined, { days: ["0", "1", "2", "3", "4", "5", "6"] }),
        exerciseId: undefined,
        itemId: item.id,
      }),
    ).toMatchObject({ ok: true });
    const later = await getProgress(person.id, "3m");
    const past = (weeks: typeof earlier.adherence.weeks) => weeks.filter((week) => week.complete);
    expect(past(earlier.adherence.weeks).some((week) => week.due > 0)).toBe(true);
    expect(past(later.adherence.weeks)).toEqual(past(earlier.adherence.weeks));
    expect(later.adherence.streak).toBe(earlier.adherence.streak);
  });
});

describe("the weekly target", () => {
  it("is set by a linked physiotherapist, audited, and decides which weeks are on target", async () => {
    const person = await createUser("PATIENT");
    const physio = await createUser("PHYSIO");
    await linkCare(physio.id, person.id);
    // Monday, Wednesday and Friday; two of three done in the week of 23 March.
    await routineItem(person.id, 0b0010101, new Date("2026-03-01T09:00:00Z"));
    await session(person.id, "2026-03-23T09:00:00Z", [], [["clamshell", "LEFT", 1, 3]]);
    await session(person.id, "2026-03-25T09:00:00Z", [], [["clamshell", "LEFT", 1, 3]]);
    signInAs(physio);
    const week = async () =>
      (await getProgress(person.id, "2w", now)).adherence.weeks.find((w) => w.weekStart === "2026-03-23");
    expect(await week()).toMatchObject({ done: 2, due: 3, onTarget: false });

    expect(
      await setWeeklyTargetAction(initial, { patientId: person.id, weeklyTargetPercent: "66" }),
    ).toMatchObject({ ok: true });
    expect(await week()).toMatchObject({ done: 2, due: 3, onTarget: true });
    const audit = await testDb().auditEvent.findFirst({
      where: {
        action: "WEEKLY_TARGET_SET",
        patientKey: await auditKey(person),
        actorKey: await auditKey(physio),
      },
    });
    expect(audit).toMatchObject({ outcome: "SUCCESS", detail: "66%" });

    expect(
      await setWeeklyTargetAction(initial, { patientId: person.id, weeklyTargetPercent: "67" }),
    ).toMatchObject({ ok: true });
    expect(await week()).toMatchObject({ onTarget: false });
  });

  it("refuses a share outside 10-100 or not a whole number, per field, and writes nothing", async () => {
    const person = await createUser("PATIENT");
    const physio = await createUser("PHYSIO");
    await linkCare(physio.id, person.id);
    signInAs(physio);
    for (const value of ["9", "101", "80.5", "eighty", ""]) {
      const state = await setWeeklyTargetAction(initial, {
        patientId: person.id,
        weeklyTargetPercent: value,
      });
      expect(state.ok).toBe(false);
      expect(state.errors?.weeklyTargetPercent?.length).toBeGreaterThan(0);
    }
    for (const value of ["10", "100"]) {
      expect(
        await setWeeklyTargetAction(initial, { patientId: person.id, weeklyTargetPercent: value }),
      ).toMatchObject({ ok: true });
    }
    expect((await testDb().user.findUniqueOrThrow({ where: { id: person.id } })).weeklyTargetPercent).toBe(
      100,
    );
  });
});

describe("who may see progress", () => {
  it("is the patient, not another patient and not a physiotherapist without a link", async () => {
    signInAs(other);
    expect(await navigationOutcome(() => getProgress(patient.id, "2w", now))).toBe("not-found");
    signInAs(await createUser("PHYSIO"));
    expect(await navigationOutcome(() => getProgress(patient.id, "2w", now))).toBe("not-found");
    signInAs(null);
    expect(await navigationOutcome(() => getProgress(patient.id, "2w", now))).toBe("redirect:/sign-in");
  });
});

describe("the cost of a range", () => {
  it("is the same number of database queries for two weeks and for two years of daily data", async () => {
    const longTimer = await createUser("PATIENT");
    const start = Date.UTC(2024, 3, 1, 8);
    await testDb().painEntry.createMany({
      data: Array.from({ length: 730 }, (_, day) => ({
        patientId: longTimer.id,
        rating: day % 11,
        region: "LOWER_BACK",
        context: "CHECK_IN",
        recordedAt: new Date(start + day * 86_400_000),
        clientRequestId: `long-${day}`,
      })),
    });
    signInAs(longTimer);
    const sqlite = vi.spyOn(Database.prototype, "prepare");
    const postgres = vi.spyOn(pg.Client.prototype, "query");
    const count = async (range: "2w" | "all") => {
      sqlite.mockClear();
      postgres.mockClear();
      const progress = await getProgress(longTimer.id, range, now);
      return {
        queries: sqlite.mock.calls.length + postgres.mock.calls.length,
        days: progress.pain.points.length,
        resolution: progress.pain.resolution,
      };
    };
    const short = await count("2w");
    const all = await count("all");
    expect(short.days).toBe(14);
    // Two years of days are sent as about 105 weekly points (issue 12: "all" is bounded in points).
    expect(short.resolution).toBe("day");
    expect(all.resolution).toBe("week");
    expect(all.days).toBeGreaterThan(100);
    expect(all.days).toBeLessThanOrEqual(105);
    expect(short.queries).toBeGreaterThan(0);
    expect(all.queries).toBeLessThanOrEqual(short.queries + 2);
    sqlite.mockRestore();
    postgres.mockRestore();
  });
});
