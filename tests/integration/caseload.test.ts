import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { initialActionState } from "@/lib/actions/action-state";
import { logSessionAction } from "@/lib/actions/logs";
import { getCaseload, getPatientSummary } from "@/lib/data/caseload";
import { getPainStatus } from "@/lib/data/pain";
import { seedCatalog } from "../../prisma/seed/catalog";
import { demoAccounts, seedDemo } from "../../prisma/seed/demo";
import {
  createUser,
  linkCare,
  passSecondFactor,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";

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
  pain?: { daysAgo: number; rating: number; deleted?: boolean; region?: string }[];
  sessionsDaysAgo?: number[];
  routineSinceDaysAgo?: number;
  linkedDaysAgo?: number;
}): Promise<TestUser> {
  const patient = await createUser("PATIENT");
  await linkCare(
    physio.id,
    patient.id,
    "ACTIVE",
    new Date(now.getTime() - (story.linkedDaysAgo ?? 60) * day),
  );
  const db = testDb();
  for (const [index, entry] of (story.pain ?? []).entries()) {
    await db.painEntry.create({
      data: {
        patientId: patient.id,
        rating: entry.rating,
        region: entry.region ?? "LOWER_BACK",
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
    const routine = await db.routine.create({
      data: { patientId: patient.id, createdAt: new Date(now.getTime() - story.routineSinceDaysAgo * day) },
    });
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

  it("reports latest pain per area, baseline, adherence, inactivity and flags per patient", async () => {
    signInAs(physio);
    const rows = await getCaseload(now);
    const row = (patient: TestUser) => rows.find((r) => r.patientId === patient.id);

    expect(row(flaring)).toMatchObject({
      pain: [{ area: "LOWER_BACK", rating: 8, recent: true, baseline: { status: "ok", mean: 4, days: 10 } }],
      daysSinceActivity: 1,
      adherence7: { due: 6, done: 6, percent: 100 },
    });
    expect(row(flaring)?.flags.map((f) => f.flag)).toEqual(["SEVERE_PAIN", "PAIN_FLARE"]);

    // Its latest rating is 20 days old: shown with its date, outside the window, never flagged.
    expect(row(quiet)).toMatchObject({ pain: [{ rating: 3, recent: false }], daysSinceActivity: 20 });
    expect(row(quiet)?.flags.map((f) => f.flag)).toEqual(["LOW_ADHERENCE", "INACTIVE"]);

    expect(row(steady)).toMatchObject({ pain: [{ rating: 3 }], adherence7: null, daysSinceActivity: 0 });
    expect(row(steady)?.flags).toEqual([]);

    // Safety first: the flaring patient above the inactive one with low adherence.
    const order = rows.map((r) => r.patientId).filter((id) => [flaring.id, quiet.id, steady.id].includes(id));
    expect(order).toEqual([flaring.id, quiet.id, steady.id]);
  });

  it("does not call a patient linked today inactive, nor one whose routine started 4 days ago", async () => {
    const linkedToday = await patientWith({ linkedDaysAgo: 0 });
    const newRoutine = await patientWith({ routineSinceDaysAgo: 4, pain: [{ daysAgo: 30, rating: 2 }] });
    const longLinked = await patientWith({ linkedDaysAgo: 5 });
    signInAs(physio);
    const rows = await getCaseload(now);
    const flags = (patient: TestUser) =>
      rows.find((r) => r.patientId === patient.id)?.flags.map((f) => f.flag);
    expect(flags(linkedToday)).toEqual([]);
    expect(flags(newRoutine)).not.toContain("INACTIVE");
    expect(flags(longLinked)).toEqual(["INACTIVE"]);
  });

  it("never flares an area against another: back 5 and both hips 1 every day", async () => {
    const patient = await patientWith({
      pain: Array.from({ length: 8 }, (_, index) =>
        (["LOWER_BACK", "LEFT_HIP", "RIGHT_HIP"] as const).map((region) => ({
          daysAgo: index + 0.1,
          rating: region === "LOWER_BACK" ? 5 : 1,
          region,
        })),
      ).flat(),
    });
    signInAs(physio);
    const summary = await getPatientSummary(patient.id, now);
    expect(summary.flags).toEqual([]);
    expect(summary.pain.map((area) => [area.area, area.rating, area.flare])).toEqual([
      ["LOWER_BACK", 5, false],
      ["LEFT_HIP", 1, false],
      ["RIGHT_HIP", 1, false],
    ]);
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

describe("pain rated with a session, written by the app's own forms", () => {
  // The session forms check "in the past" against the real clock, so these read at the real now.
  const logged = async (patient: TestUser, pain: Record<string, string>) => {
    signInAs(patient);
    const state = await logSessionAction(initialActionState, {
      clientRequestId: randomUUID(),
      startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      durationMinutes: "20",
      entries: [{ exerciseId, side: "BOTH", sets: "1", reps: "3", holdSeconds: "30" }],
      ...pain,
    });
    expect(state).toMatchObject({ ok: true });
  };
  const linked = async () => {
    const patient = await createUser("PATIENT");
    await linkCare(physio.id, patient.id, "ACTIVE", new Date(Date.now() - 30 * day));
    return patient;
  };

  it("counts 9/10 given only before a session: severe pain, and latest pain 9 on every screen", async () => {
    const patient = await linked();
    await logged(patient, { painBefore: "9", painArea: "LOWER_BACK" });
    expect((await getPainStatus(patient.id)).map((a) => [a.area, a.rating, a.context])).toEqual([
      ["LOWER_BACK", 9, "BEFORE_SESSION"],
    ]);
    signInAs(physio);
    const row = (await getCaseload()).find((r) => r.patientId === patient.id);
    expect(row?.flags.map((f) => f.flag)).toEqual(["SEVERE_PAIN"]);
    expect(row?.pain[0]).toMatchObject({ area: "LOWER_BACK", rating: 9, severe: true });
    expect((await getPatientSummary(patient.id)).pain[0]?.rating).toBe(9);
  });

  it("shows 6 after a session that was 4 before as a rise after exercise, not a flare", async () => {
    const patient = await linked();
    for (let daysAgo = 1; daysAgo <= 6; daysAgo++) {
      await testDb().painEntry.create({
        data: {
          patientId: patient.id,
          rating: 4,
          region: "LEFT_HIP",
          context: "CHECK_IN",
          recordedAt: new Date(Date.now() - daysAgo * day),
          clientRequestId: `check-in-${daysAgo}`,
        },
      });
    }
    await logged(patient, { painBefore: "4", painAfter: "6", painArea: "LEFT_HIP" });
    signInAs(physio);
    const row = (await getCaseload()).find((r) => r.patientId === patient.id);
    expect(row?.flags).toEqual([]);
    expect(row?.pain[0]).toMatchObject({
      area: "LEFT_HIP",
      rating: 6,
      context: "AFTER_SESSION",
      flare: false,
      riseAfterSession: { before: 4, after: 6 },
      judged: { rating: 4, context: "BEFORE_SESSION" },
    });
  });

  it("shows left hip 6 before lower back 2 from one check-in, on Today, the caseload and the record", async () => {
    const patient = await linked();
    for (const [region, rating] of [
      ["LOWER_BACK", 2],
      ["LEFT_HIP", 6],
    ] as const) {
      await testDb().painEntry.create({
        data: {
          patientId: patient.id,
          rating,
          region,
          context: "CHECK_IN",
          recordedAt: new Date(Date.now() - 600_000),
          clientRequestId: `check-in:${region}`,
        },
      });
    }
    const areas = (list: { area: string; rating: number }[]) => list.map((a) => [a.area, a.rating]);
    const expected = [
      ["LEFT_HIP", 6],
      ["LOWER_BACK", 2],
    ];
    signInAs(patient);
    expect(areas(await getPainStatus(patient.id))).toEqual(expected);
    signInAs(physio);
    expect(areas((await getCaseload()).find((r) => r.patientId === patient.id)?.pain ?? [])).toEqual(
      expected,
    );
    expect(areas((await getPatientSummary(patient.id)).pain)).toEqual(expected);
  });
});

it("keeps the demo's stories true: Jordan's 8/10 flare above Casey's silence", async () => {
  expect(await seedDemo(testDb(), "demo password for tests", now)).toBe(true);
  const demoPhysio = await passSecondFactor(
    await testDb().user.findUniqueOrThrow({
      where: { email: demoAccounts.physio.email },
      select: { id: true, email: true, name: true },
    }),
  );
  signInAs({ ...demoPhysio, role: "PHYSIO", sessionVersion: 0, password: "" });
  const rows = await getCaseload(now);
  const [jordan, casey] = demoAccounts.otherPatients.map((p) => rows.find((r) => r.name === p.name));
  expect(rows[0]?.name).toBe("Jordan Lee");
  expect(jordan?.flags.map((f) => f.flag)).toEqual(expect.arrayContaining(["SEVERE_PAIN", "PAIN_FLARE"]));
  expect(jordan?.pain[0]).toMatchObject({ area: "LOWER_BACK", rating: 8, flare: true });
  expect(casey?.flags.map((f) => f.flag)).toContain("INACTIVE");
  expect(rows.indexOf(jordan as (typeof rows)[number])).toBeLessThan(
    rows.indexOf(casey as (typeof rows)[number]),
  );
});
