import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getProgress } from "@/lib/data/progress";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, navigationOutcome, signInAs, type TestUser, testDb } from "../support/factories";

// A hand-computed fortnight for a patient in London, across the change to summer time on
// Sunday 29 March 2026 (01:00 UTC). "Now" is Wednesday 1 April 2026, 13:00 BST.
const now = new Date("2026-04-01T12:00:00Z");
let patient: TestUser;
let other: TestUser;

beforeAll(async () => {
  const db = testDb();
  await seedCatalog(db);
  [patient, other] = await Promise.all([createUser("PATIENT"), createUser("PATIENT")]);
  const ids = Object.fromEntries(
    (await db.exercise.findMany({ select: { id: true, slug: true } })).map((e) => [e.slug, e.id]),
  );
  const pain = (at: string, region: string, rating: number, patientId = patient.id, deleted = false) =>
    db.painEntry.create({
      data: {
        patientId,
        rating,
        region,
        context: "CHECK_IN",
        recordedAt: new Date(at),
        clientRequestId: `${at}-${region}-${patientId}`,
        deletedAt: deleted ? new Date() : null,
      },
    });
  await pain("2026-03-28T23:30:00Z", "LOWER_BACK", 6); // Saturday 28th, 23:30 GMT
  await pain("2026-03-29T12:00:00Z", "LEFT_HIP", 2); // Sunday 29th, 13:00 BST
  await pain("2026-03-29T12:00:00Z", "RIGHT_HIP", 4);
  await pain("2026-03-29T23:30:00Z", "LOWER_BACK", 4); // Monday 30th, 00:30 BST (still the 29th in UTC)
  await pain("2026-03-31T08:00:00Z", "LOWER_BACK", 10, patient.id, true); // deleted: ignored
  await pain("2026-03-31T08:00:00Z", "LOWER_BACK", 9, other.id); // someone else's: ignored

  const session = (
    at: string,
    before: number | null,
    after: number | null,
    entries: [string, string, number, number][],
    deleted = false,
  ) =>
    db.exerciseSession.create({
      data: {
        patientId: patient.id,
        startedAt: new Date(at),
        durationSeconds: 600,
        source: "QUICK_LOG",
        clientRequestId: `session-${at}`,
        deletedAt: deleted ? new Date() : null,
        // Pain before and after a session are its own pain entries, as the app writes them.
        painEntries: {
          create: (
            [
              ["BEFORE_SESSION", before, 0],
              ["AFTER_SESSION", after, 600_000],
            ] as [string, number | null, number][]
          )
            .filter(([, rating]) => rating !== null)
            .map(([context, rating, offset]) => ({
              patientId: patient.id,
              rating: rating as number,
              region: "LOWER_BACK",
              context,
              recordedAt: new Date(new Date(at).getTime() + offset),
              clientRequestId: `session-${at}:${context}`,
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
  await session("2026-03-30T07:00:00Z", 5, 3, [
    ["clamshell", "LEFT", 2, 3],
    ["clamshell", "RIGHT", 2, 3],
  ]);
  await session("2026-03-31T18:00:00Z", 4, 4, [["glute-bridge", "BOTH", 1, 5]]);
  await session("2026-03-31T19:00:00Z", null, null, [["clamshell", "LEFT", 1, 3]]);
  await session("2026-04-01T07:00:00Z", 9, 1, [["clamshell", "LEFT", 9, 9]], true);

  const routine = await db.routine.create({ data: { patientId: patient.id } });
  await db.routineItem.create({
    data: {
      routineId: routine.id,
      exerciseId: ids.clamshell ?? "",
      position: 0,
      sets: 2,
      reps: 3,
      holdSeconds: 30,
      perSide: true,
      daysOfWeek: 0b0000111, // Monday to Wednesday
      setById: patient.id,
      setByRole: "PATIENT",
      createdAt: new Date("2026-03-01T10:00:00Z"),
    },
  });
});

describe("progress for two weeks", () => {
  it("buckets pain by the patient's local day and averages the last 7 days of data", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    expect([progress.from, progress.to]).toEqual(["2026-03-19", "2026-04-01"]);
    const byDate = Object.fromEntries(progress.pain.points.map((p) => [p.date, p]));
    expect(progress.pain.points).toHaveLength(14);
    expect(byDate["2026-03-28"]).toMatchObject({ LOWER_BACK: 6, average: 6, rolling: 6 });
    expect(byDate["2026-03-29"]).toMatchObject({
      LEFT_HIP: 2,
      RIGHT_HIP: 4,
      LOWER_BACK: null,
      average: 3,
      rolling: 4.5,
    });
    expect(byDate["2026-03-30"]).toMatchObject({ LOWER_BACK: 4, average: 4, rolling: 4.3 });
    expect(byDate["2026-03-31"]).toMatchObject({ average: null, rolling: 4.3 });
    expect(byDate["2026-03-27"]).toMatchObject({ average: null, rolling: null });
    expect(progress.pain.summary).toBe("Average pain stayed about the same (4.3 to 4.3) over 2 weeks.");
  });

  it("compares pain before and after sessions per day, leaving out sessions without both ratings and deleted ones", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    expect(progress.beforeAfter.points).toEqual([
      { date: "2026-03-30", before: 5, after: 3, sessions: 1 },
      { date: "2026-03-31", before: 4, after: 4, sessions: 1 },
    ]);
  });

  it("counts days with a session against days due per week, with the current streak", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    expect(progress.adherence.weeks).toEqual([
      { weekStart: "2026-03-16", done: 0, due: 0, complete: true },
      { weekStart: "2026-03-23", done: 0, due: 3, complete: true },
      { weekStart: "2026-03-30", done: 2, due: 3, complete: false },
    ]);
    expect(progress.adherence.streak).toBe(0);
  });

  it("adds up sets x repetitions per exercise per week, and the pain change per exercise", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "2w", now);
    const names = Object.fromEntries(progress.volume.series.map((s) => [s.exerciseId, s.name]));
    const lastWeek = progress.volume.points.at(-1);
    expect(
      Object.fromEntries(Object.entries(lastWeek?.values ?? {}).map(([id, v]) => [names[id], v])),
    ).toEqual({
      Clamshell: 15,
      "Glute bridge": 5,
    });
    expect(progress.painResponse.rows.map((r) => [r.name, r.sessions, r.averageChange])).toEqual([
      ["Clamshell", 1, -2],
      ["Glute bridge", 1, 0],
    ]);
  });

  it("starts 'all' at the first activity and ends today", async () => {
    signInAs(patient);
    const progress = await getProgress(patient.id, "all", now);
    expect([progress.from, progress.to]).toEqual(["2026-03-28", "2026-04-01"]);
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
      };
    };
    const short = await count("2w");
    const all = await count("all");
    expect(short.days).toBe(14);
    expect(all.days).toBeGreaterThan(700);
    expect(short.queries).toBeGreaterThan(0);
    expect(all.queries).toBeLessThanOrEqual(short.queries + 2);
    sqlite.mockRestore();
    postgres.mockRestore();
  });
});
