import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import {
  addRoutineItemAction,
  applyStarterRoutineAction,
  moveRoutineItemAction,
  stopRoutineItemAction,
  updateRoutineItemAction,
} from "@/lib/actions/routine";
import { getGuidedPlan } from "@/lib/data/guided-session";
import { getRoutine, getRoutineHistory } from "@/lib/data/routine";
import { seedCatalog } from "../../prisma/seed/catalog";
import {
  createUser,
  linkCare,
  navigationOutcome,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";
import { routineItemInput } from "../support/inputs";

const initial: ActionState = { ok: false };
let exerciseIds: Record<string, string>;

beforeAll(async () => {
  await seedCatalog(testDb());
  const rows = await testDb().exercise.findMany({ select: { id: true, slug: true } });
  exerciseIds = Object.fromEntries(rows.map((row) => [row.slug, row.id]));
});

const add = (slug: string, overrides: Record<string, unknown> = {}) =>
  routineItemInput(exerciseIds[slug], overrides);

async function newPatientWithItems(...slugs: string[]): Promise<TestUser> {
  const patient = await createUser("PATIENT");
  signInAs(patient);
  for (const slug of slugs)
    expect(await addRoutineItemAction(initial, add(slug))).toMatchObject({ ok: true });
  return patient;
}

describe("building a routine", () => {
  it("adds exercises in order with their dose and days, once per request", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const request = add("clamshell");
    for (let i = 0; i < 5; i++)
      expect(await addRoutineItemAction(initial, request)).toMatchObject({ ok: true });
    await addRoutineItemAction(initial, add("glute-bridge", { perSide: undefined, days: "6" }));
    const routine = await getRoutine(patient.id);
    expect(
      routine.map((item) => [item.exercise.slug, item.sets, item.perSide, item.daysOfWeek, item.setBy.role]),
    ).toEqual([
      ["clamshell", 2, true, 0b10101, "PATIENT"],
      ["glute-bridge", 2, false, 0b1000000, "PATIENT"],
    ]);
  });

  it.each([
    ["no days", { days: [] }, "days", /at least one day/],
    ["0 sets", { sets: "0" }, "sets", /less than 1/],
    ["51 sets", { sets: "51" }, "sets", /more than 50/],
    ["a 601 s hold", { holdSeconds: "601" }, "holdSeconds", /more than 600/],
    ["a day that does not exist", { days: ["7"] }, "days", /days of the week/],
    ["an unknown exercise", { exerciseId: "nope" }, "exerciseId", /not in the catalog/],
  ])("refuses %s on that field and writes nothing", async (_label, overrides, field, message) => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const state = await addRoutineItemAction(initial, add("clamshell", overrides));
    expect(state.ok).toBe(false);
    expect(state.errors?.[field]?.join(" ")).toMatch(message);
    expect(await getRoutine(patient.id)).toEqual([]);
  });

  it("edits, moves and stops items, keeping every change in the history", async () => {
    const patient = await newPatientWithItems("clamshell", "glute-bridge", "pelvic-tilt");
    const [clamshell, bridge] = await getRoutine(patient.id);
    await updateRoutineItemAction(initial, {
      ...add("clamshell"),
      itemId: clamshell?.id,
      sets: "3",
      days: ["1"],
    });
    await moveRoutineItemAction(initial, {
      clientRequestId: randomUUID(),
      itemId: bridge?.id,
      direction: "up",
    });
    await stopRoutineItemAction(initial, { clientRequestId: randomUUID(), itemId: clamshell?.id });
    const routine = await getRoutine(patient.id);
    expect(routine.map((item) => item.exercise.slug)).toEqual(["glute-bridge", "pelvic-tilt"]);
    const history = await getRoutineHistory(patient.id);
    expect(history.map((change) => [change.change, change.exerciseName])).toEqual([
      ["STOPPED", "Clamshell"],
      ["MOVED", "Clamshell"],
      ["MOVED", "Glute bridge"],
      ["UPDATED", "Clamshell"],
      ["CREATED", "Pelvic tilt"],
      ["CREATED", "Glute bridge"],
      ["CREATED", "Clamshell"],
    ]);
    expect(history.find((change) => change.change === "UPDATED")?.dose).toMatchObject({
      sets: 3,
      daysOfWeek: 0b10,
    });
  });

  it("gives a new patient the starter routine once", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const request = { clientRequestId: randomUUID() };
    expect(await applyStarterRoutineAction(initial, request)).toMatchObject({ ok: true });
    expect(await applyStarterRoutineAction(initial, request)).toMatchObject({ ok: true });
    const routine = await getRoutine(patient.id);
    expect(routine.map((item) => item.exercise.slug)).toEqual([
      "knee-to-chest-stretch",
      "hip-flexor-stretch",
      "glute-bridge",
      "clamshell",
    ]);
    expect(await applyStarterRoutineAction(initial, { clientRequestId: randomUUID() })).toMatchObject({
      ok: false,
      message: "You already have a routine.",
    });
    expect((await getGuidedPlan()).items).toHaveLength(4);
  });
});

describe("prescribed items", () => {
  it("are shown with who set them, and the patient cannot change or stop them, only add their own", async () => {
    const patient = await createUser("PATIENT");
    const physio = await createUser("PHYSIO");
    await linkCare(physio.id, patient.id);
    const { addRoutineItem } = await import("@/lib/data/routine");
    signInAs(physio);
    await addRoutineItem(patient.id, {
      clientRequestId: randomUUID(),
      exerciseId: exerciseIds.clamshell ?? "",
      sets: 2,
      reps: 5,
      holdSeconds: 10,
      perSide: true,
      days: 0b1111111,
    });

    signInAs(patient);
    const [prescribed] = await getRoutine(patient.id);
    expect(prescribed?.setBy).toEqual({ name: physio.name, role: "PHYSIO" });
    const update = await updateRoutineItemAction(initial, {
      ...add("clamshell"),
      itemId: prescribed?.id,
      sets: "9",
    });
    expect(update).toMatchObject({ ok: false, message: expect.stringMatching(/physiotherapist prescribed/) });
    const stop = await stopRoutineItemAction(initial, {
      clientRequestId: randomUUID(),
      itemId: prescribed?.id,
    });
    expect(stop.ok).toBe(false);
    expect(await addRoutineItemAction(initial, add("pelvic-tilt"))).toMatchObject({ ok: true });
    const routine = await getRoutine(patient.id);
    expect(routine.map((item) => [item.exercise.slug, item.sets, item.setBy.role])).toEqual([
      ["clamshell", 2, "PHYSIO"],
      ["pelvic-tilt", 2, "PATIENT"],
    ]);
  });
});

describe("someone else's routine", () => {
  it("is not found for another patient, and nothing changes", async () => {
    const owner = await newPatientWithItems("clamshell");
    const [item] = await getRoutine(owner.id);
    const other = await createUser("PATIENT");
    signInAs(other);
    expect(await navigationOutcome(() => getRoutine(owner.id))).toBe("not-found");
    const update = await updateRoutineItemAction(initial, {
      ...add("clamshell"),
      itemId: item?.id,
      sets: "9",
    });
    expect(update).toMatchObject({ ok: false, message: "That routine item was not found." });
    const stop = await stopRoutineItemAction(initial, { clientRequestId: randomUUID(), itemId: item?.id });
    expect(stop).toMatchObject({ ok: false, message: "That routine item was not found." });
    signInAs(owner);
    expect((await getRoutine(owner.id)).map((i) => [i.sets, i.version])).toEqual([[2, 1]]);
  });

  it("sends an anonymous visitor to sign-in for every routine action", async () => {
    signInAs(null);
    for (const action of [
      addRoutineItemAction,
      updateRoutineItemAction,
      stopRoutineItemAction,
      moveRoutineItemAction,
      applyStarterRoutineAction,
    ]) {
      expect(await navigationOutcome(() => action(initial, add("clamshell")))).toBe("redirect:/sign-in");
    }
  });
});
