import { beforeAll, describe, expect, it } from "vitest";
import { getExercise, listExercises } from "@/lib/data/exercises";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, signInAs, testDb } from "../support/factories";

beforeAll(async () => {
  await seedCatalog(testDb());
  signInAs(null);
});

describe("the public catalog", () => {
  it("lists all 15 exercises to a visitor who is not signed in, in the catalog's order", async () => {
    const exercises = await listExercises();
    expect(exercises).toHaveLength(15);
    expect(exercises[0]?.slug).toBe("supported-hook-lying-rest");
    expect(exercises.at(-1)?.slug).toBe("pelvic-tilt");
  });

  it("filters by category and starting position together", async () => {
    const exercises = await listExercises({ category: "STRENGTHEN", position: "LYING_ON_SIDE" });
    expect(exercises.map((e) => e.slug).sort()).toEqual(["clamshell", "side-lying-leg-raise"]);
    expect(
      exercises.every((e) => e.category === "STRENGTHEN" && e.startingPosition === "LYING_ON_SIDE"),
    ).toBe(true);
  });

  it("finds exercises by words in any case, across name, summary and muscles", async () => {
    const bridge = await listExercises({ q: "GLUTE bridge" });
    expect(bridge.map((e) => e.slug)).toEqual(["glute-bridge"]);
    const medius = await listExercises({ q: "gluteus medius" });
    expect(medius.map((e) => e.slug)).toContain("clamshell");
    expect(await listExercises({ q: "trampoline" })).toEqual([]);
  });

  it("shows one exercise with its steps and cautions, and nothing for an unknown or malformed slug", async () => {
    const clamshell = await getExercise("clamshell");
    expect(clamshell?.steps.length).toBeGreaterThanOrEqual(3);
    expect(clamshell?.cautions.length).toBeGreaterThanOrEqual(1);
    expect(clamshell?.defaultDose).toEqual({ sets: 2, reps: 10, holdSeconds: 3, perSide: true });
    expect(await getExercise("no-such-exercise")).toBeNull();
    expect(await getExercise("../../etc/passwd")).toBeNull();
  });

  it("seeding again keeps one row per exercise", async () => {
    await seedCatalog(testDb());
    expect(await testDb().exercise.count()).toBe(15);
  });

  it("corrects an existing database's catalog on the next start, and leaves doses already in routines alone", async () => {
    const db = testDb();
    // The catalog as an older release seeded it.
    await db.exercise.update({
      where: { slug: "straight-leg-raise" },
      data: { defaultSets: 2, defaultReps: 3, defaultHoldSeconds: 30 },
    });
    await db.exercise.update({ where: { slug: "supported-hook-lying-rest" }, data: { category: "STRETCH" } });
    const raise = await db.exercise.findUniqueOrThrow({ where: { slug: "straight-leg-raise" } });
    const patient = await createUser("PATIENT");
    const routine = await db.routine.create({ data: { patientId: patient.id } });
    const item = await db.routineItem.create({
      data: {
        routineId: routine.id,
        exerciseId: raise.id,
        position: 0,
        sets: 2,
        reps: 3,
        holdSeconds: 30,
        perSide: true,
        daysOfWeek: 0b1111111,
        setById: patient.id,
        setByRole: "PATIENT",
      },
    });

    await seedCatalog(db);

    expect((await getExercise("straight-leg-raise"))?.defaultDose).toEqual({
      sets: 2,
      reps: 10,
      holdSeconds: 5,
      perSide: true,
    });
    expect((await getExercise("supported-hook-lying-rest"))?.category).toBe("REST_POSITION");
    expect(
      await db.routineItem.findUniqueOrThrow({
        where: { id: item.id },
        select: { sets: true, reps: true, holdSeconds: true, perSide: true, version: true },
      }),
    ).toEqual({ sets: 2, reps: 3, holdSeconds: 30, perSide: true, version: 1 });
  });
});
