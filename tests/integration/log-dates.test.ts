import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { checkInAction, editPainEntryAction, logSessionAction } from "@/lib/actions/logs";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, signInAs, type TestUser, testDb } from "../support/factories";
import { entryInput, sessionInput } from "../support/inputs";

// Issue 12, point 3: a log may be dated at most a year before the account was created (backfilling
// a paper diary is fine), and never in the future; a bad date is refused on its field, nothing written.

const initial: ActionState = { ok: false };
const day = 24 * 3600 * 1000;
let patient: TestUser;
let exerciseId: string;

beforeAll(async () => {
  await seedCatalog(testDb());
  patient = await createUser("PATIENT");
  exerciseId = (await testDb().exercise.findFirstOrThrow({ select: { id: true } })).id;
});

const painOf = () => testDb().painEntry.count({ where: { patientId: patient.id } });
const sessionsOf = () => testDb().exerciseSession.count({ where: { patientId: patient.id } });
const createdAt = async () =>
  (await testDb().user.findUniqueOrThrow({ where: { id: patient.id }, select: { createdAt: true } }))
    .createdAt;

describe("log dates", () => {
  it("refuses a check-in dated 1970 or more than a year before the account, on its field", async () => {
    signInAs(patient);
    const before = await painOf();
    const tooEarly = new Date((await createdAt()).getTime() - 366 * day).toISOString();
    for (const recordedAt of ["1970-01-01T00:00:00Z", tooEarly]) {
      const state = await checkInAction(initial, {
        clientRequestId: randomUUID(),
        LOWER_BACK: "4",
        recordedAt,
      });
      expect(state.ok).toBe(false);
      expect(state.errors?.recordedAt?.[0]).toMatch(
        /^The date cannot be before \d{4}-\d{2}-\d{2}, a year before/,
      );
    }
    expect(await painOf()).toBe(before);
  });

  it("accepts a check-in backfilled 364 days before the account existed", async () => {
    signInAs(patient);
    const recordedAt = new Date((await createdAt()).getTime() - 364 * day).toISOString();
    expect(
      await checkInAction(initial, { clientRequestId: randomUUID(), LOWER_BACK: "4", recordedAt }),
    ).toMatchObject({
      ok: true,
    });
  });

  it("refuses a session started too long ago and a pain entry edited back to then", async () => {
    signInAs(patient);
    const tooEarly = new Date((await createdAt()).getTime() - 400 * day).toISOString();
    const sessions = await sessionsOf();
    const state = await logSessionAction(
      initial,
      sessionInput(exerciseId, { startedAt: tooEarly, entries: [entryInput(exerciseId)] }),
    );
    expect(state.errors?.startedAt?.[0]).toMatch(/^The date cannot be before/);
    expect(await sessionsOf()).toBe(sessions);

    await checkInAction(initial, { clientRequestId: randomUUID(), LOWER_BACK: "3" });
    const entry = await testDb().painEntry.findFirstOrThrow({
      where: { patientId: patient.id, rating: 3 },
      select: { id: true, recordedAt: true, version: true },
    });
    const edit = await editPainEntryAction(initial, {
      clientRequestId: randomUUID(),
      id: entry.id,
      rating: "3",
      recordedAt: tooEarly,
      note: "",
    });
    expect(edit.errors?.recordedAt?.[0]).toMatch(/^The date cannot be before/);
    expect(
      await testDb().painEntry.findUniqueOrThrow({
        where: { id: entry.id },
        select: { recordedAt: true, version: true },
      }),
    ).toEqual({ recordedAt: entry.recordedAt, version: entry.version });
  });

  it("refuses a date in the future", async () => {
    signInAs(patient);
    const state = await checkInAction(initial, {
      clientRequestId: randomUUID(),
      LOWER_BACK: "4",
      recordedAt: new Date(Date.now() + day).toISOString(),
    });
    expect(state.errors?.recordedAt).toEqual(["The date cannot be in the future."]);
  });

  it.each([" ", "0x5", "1e1", "true"])("refuses the pain rating %j and writes nothing", async (rating) => {
    signInAs(patient);
    const before = await painOf();
    const state = await checkInAction(initial, { clientRequestId: randomUUID(), LOWER_BACK: rating });
    expect(state.errors?.LOWER_BACK?.[0]).toMatch(/^Choose a pain rating from 0/);
    expect(await painOf()).toBe(before);
  });
});
