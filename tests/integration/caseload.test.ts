import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getCaseload } from "@/lib/data/caseload";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, linkCare, signInAs, type TestUser, testDb } from "../support/factories";

// The caseload through its real SQL on each database: pain around the latest entry, sessions and
// routines per patient, flags, and a number of statements that does not depend on the caseload's size.
// "Now" is Wednesday 1 April 2026, 13:00 in London (BST); every test patient lives in London.
const now = new Date("2026-04-01T12:00:00Z");
const day = 86_400_000;
let physio: TestUser;
let exerciseId: string;

beforeAll(async () => {
  await seedCatalog(testDb());
  exerciseId = (await testDb().exercise.findFirstOrThrow({ select: { id: true } })).id;
  physio = await createUser("PHYSIO");
});

async function patientWith(story: {
  pain?: { daysAgo: number; rating: number; deleted?: boolean }[];
  sessionsDaysAgo?: number[];
  routineSinceDaysAgo?: number;
}): Promise<TestUser> {
  const patient = await createUser("PATIENT");
  await linkCare(physio.id, patient.id);
  const db = testDb();
  for (const [index, entry] of (story.pain ?? []).entries()) {
    await db.painEntry.create({
      data: {
        patientId: patient.id,
        rating: entry.rating,
        region: "LOWER_BACK",
        context: "CHECK_IN",
        recordedAt: new Date(now.getTime() - entry.daysAgo * day),
        clientRequestId: `pain-${index}`,
        deletedAt: entry.deleted ? now : null,
      },
    });
  }
  for (const [index, daysAgo] of (story.sessionsDaysAgo ?? []).entries()) {
    await db.exerciseSession.create({
      data: {
        patientId: patient.id,
        startedAt: new Date(now.getTime() - daysAgo * day - 3_600_000),
        durationSeconds: 900,
        source: "QUICK_LOG",
        clientRequestId: `session-${index}`,
      },
    });
  }
  if (story.routineSinceDaysAgo !== undefined) {
    const routine = await db.routine.create({ data: { patientId: patient.id } });
    await db.routineItem.create({
      data: {
        routineId: routine.id,
        exerciseId,
        position: 0,
        sets: 1,
        reps: 3,
        holdSeconds: 30,
        perSide: false,
        daysOfWeek: 0b1111111,
        setById: physio.id,
        setByRole: "PHYSIO",
        createdAt: new Date(now.getTime() - story.routineSinceDaysAgo * day),
      },
    });
  }
  return patient;
}

describe("the caseload's numbers come from each patient's own rows", () => {
  let flaring: TestUser;
  let quiet: TestUser;
  let steady: TestUser;

  beforeAll(async () => {
    // Latest 8/10 a day ago over a baseline of 4; an older, deleted 10 is ignored.
    flaring = await patientWith({
      pain: [
        ...Array.from({ length: 10 }, (_, index) => ({ daysAgo: index + 2, rating: 4 })),
        { daysAgo: 1, rating: 8 },
        { daysAgo: 0.5, rating: 10, deleted: true },
        { daysAgo: 30, rating: 9 },
      ],
      sessionsDaysAgo: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
      routineSinceDaysAgo: 40,
    });
    // Nothing for 20 days: the pain window follows the latest entry back in time.
    quiet = await patientWith({
      pain: [
        { daysAgo: 20, rating: 3 },
        { daysAgo: 22, rating: 3 },
        { daysAgo: 40, rating: 9 },
      ],
      sessionsDaysAgo: [21],
      routineSinceDaysAgo: 40,
    });
    steady = await patientWith({
      pain: [
        { daysAgo: 0.1, rating: 3 },
        { daysAgo: 1, rating: 3 },
      ],
      sessionsDaysAgo: [0, 1, 2, 3, 4, 5, 6],
    });
  });

  it("reports latest pain, baseline, adherence, inactivity and flags per patient", async () => {
    signInAs(physio);
    const rows = await getCaseload(now);
    const row = (patient: TestUser) => rows.find((r) => r.patientId === patient.id);

    expect(row(flaring)).toMatchObject({
      latestPain: { rating: 8 },
      baseline: 4,
      daysSinceActivity: 1,
      adherence7: { due: 6, done: 6, percent: 100 },
    });
    expect(row(flaring)?.flags.map((f) => f.flag)).toEqual(["PAIN_FLARE"]);

    expect(row(quiet)).toMatchObject({ latestPain: { rating: 3 }, baseline: 3, daysSinceActivity: 20 });
    expect(row(quiet)?.flags.map((f) => f.flag)).toEqual(["LOW_ADHERENCE", "INACTIVE"]);

    expect(row(steady)).toMatchObject({ latestPain: { rating: 3 }, adherence7: null, daysSinceActivity: 0 });
    expect(row(steady)?.flags).toEqual([]);

    // Most in need first: two flags, then one, then none.
    const order = rows.map((r) => r.patientId).filter((id) => [flaring.id, quiet.id, steady.id].includes(id));
    expect(order).toEqual([quiet.id, flaring.id, steady.id]);
  });

  it("leaves out patients of other physiotherapists and ended links", async () => {
    const otherPhysio = await createUser("PHYSIO");
    const theirs = await createUser("PATIENT");
    await linkCare(otherPhysio.id, theirs.id);
    const ended = await createUser("PATIENT");
    await linkCare(physio.id, ended.id, "REVOKED");
    signInAs(physio);
    const ids = (await getCaseload(now)).map((r) => r.patientId);
    expect(ids).not.toContain(theirs.id);
    expect(ids).not.toContain(ended.id);
  });
});

it("sends the same number of statements for 2 patients as for 40", async () => {
  const count = async (patients: number) => {
    const owner = await createUser("PHYSIO");
    for (let index = 0; index < patients; index++) {
      const patient = await createUser("PATIENT");
      await linkCare(owner.id, patient.id);
      await testDb().painEntry.create({
        data: {
          patientId: patient.id,
          rating: 5,
          region: "LOWER_BACK",
          context: "CHECK_IN",
          recordedAt: new Date(now.getTime() - index * 3_600_000),
          clientRequestId: "only",
        },
      });
    }
    signInAs(owner);
    const sqlite = vi.spyOn(Database.prototype, "prepare");
    const postgres = vi.spyOn(pg.Client.prototype, "query");
    const rows = await getCaseload(now);
    const statements = sqlite.mock.calls.length + postgres.mock.calls.length;
    sqlite.mockRestore();
    postgres.mockRestore();
    expect(rows).toHaveLength(patients);
    return statements;
  };
  const small = await count(2);
  const large = await count(40);
  expect(small).toBeGreaterThan(0);
  expect(large).toBe(small);
  // Every listed patient's summary read is in the audit trail.
  expect(
    await testDb().auditEvent.count({ where: { action: "READ_CASELOAD_SUMMARY" } }),
  ).toBeGreaterThanOrEqual(42);
});
