import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import {
  checkInAction,
  deletePainEntryAction,
  deleteSessionAction,
  editPainEntryAction,
  editSessionAction,
  logSessionAction,
  restorePainEntryAction,
  restoreSessionAction,
} from "@/lib/actions/logs";
import { listPainEntries } from "@/lib/data/pain";
import { listSessionRevisions, listSessions } from "@/lib/data/sessions";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, navigationOutcome, signInAs, type TestUser, testDb } from "../support/factories";
import { entryInput, sessionInput } from "../support/inputs";

let patientA: TestUser;
let patientB: TestUser;
let physio: TestUser;
let clamshellId: string;
let bridgeId: string;

beforeAll(async () => {
  await seedCatalog(testDb());
  [patientA, patientB, physio] = await Promise.all([
    createUser("PATIENT"),
    createUser("PATIENT"),
    createUser("PHYSIO"),
  ]);
  const exercises = await testDb().exercise.findMany({
    where: { slug: { in: ["clamshell", "glute-bridge"] } },
  });
  clamshellId = exercises.find((e) => e.slug === "clamshell")?.id ?? "";
  bridgeId = exercises.find((e) => e.slug === "glute-bridge")?.id ?? "";
});

const initial: ActionState = { ok: false };
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

/** Clamshells on both sides and a glute bridge, with a note that looks like markup. */
const loggedSession = (overrides: Record<string, unknown> = {}) =>
  sessionInput(clamshellId, {
    notes: "Felt easier <b>today</b>",
    entries: [
      entryInput(clamshellId, { reps: "3", holdSeconds: "30" }),
      entryInput(clamshellId, { side: "RIGHT", reps: "3", holdSeconds: "30" }),
      entryInput(bridgeId, { side: "BOTH", sets: "1", reps: "3", holdSeconds: "30" }),
    ],
    ...overrides,
  });

const sessionsOf = (patient: TestUser) =>
  testDb().exerciseSession.count({ where: { patientId: patient.id } });
const painOf = (patient: TestUser) => testDb().painEntry.count({ where: { patientId: patient.id } });

describe("logging a session", () => {
  it("saves the session with its per-side entries, notes kept as plain text", async () => {
    signInAs(patientA);
    const input = loggedSession();
    const state = await logSessionAction(initial, input);
    expect(state).toMatchObject({ ok: true, message: "Session saved." });
    const saved = await testDb().exerciseSession.findUniqueOrThrow({
      where: {
        patientId_clientRequestId: { patientId: patientA.id, clientRequestId: input.clientRequestId },
      },
      include: {
        entries: { orderBy: { position: "asc" } },
        painEntries: { orderBy: { recordedAt: "asc" } },
      },
    });
    expect(saved).toMatchObject({
      durationSeconds: 1200,
      source: "QUICK_LOG",
      notes: "Felt easier <b>today</b>",
    });
    expect(saved.entries.map((e) => [e.side, e.sets, e.reps, e.holdSeconds])).toEqual([
      ["LEFT", 2, 3, 30],
      ["RIGHT", 2, 3, 30],
      ["BOTH", 1, 3, 30],
    ]);
    // Pain before and after are pain data: entries naming the area, at the session's start and end.
    expect(saved.painEntries.map((p) => [p.context, p.rating, p.region, p.recordedAt])).toEqual([
      ["BEFORE_SESSION", 5, "LOWER_BACK", saved.startedAt],
      ["AFTER_SESSION", 3, "LOWER_BACK", new Date(saved.startedAt.getTime() + 1_200_000)],
    ]);
  });

  it("refuses a session pain rating that does not name its area", async () => {
    signInAs(patientA);
    const state = await logSessionAction(initial, loggedSession({ painArea: "" }));
    expect(state).toMatchObject({ ok: false, errors: { painArea: [expect.stringMatching(/area/)] } });
  });

  it("writes exactly one row when the same request arrives five times, even at once", async () => {
    signInAs(patientA);
    const before = await sessionsOf(patientA);
    const input = loggedSession();
    const results = await Promise.all(Array.from({ length: 5 }, () => logSessionAction(initial, input)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await sessionsOf(patientA)).toBe(before + 1);
    expect(
      await testDb().sessionEntry.count({ where: { session: { clientRequestId: input.clientRequestId } } }),
    ).toBe(3);
  });

  it.each([
    ["pain above 10", { painBefore: "11" }, "painBefore", /0 \(none\) to 10/],
    ["pain that is not a whole number", { painAfter: "2.5" }, "painAfter", /0 \(none\) to 10/],
    ["an area that is not one of the three", { painArea: "KNEE" }, "painArea", /left hip, right hip/],
    [
      "a date in the future",
      { startedAt: new Date(Date.now() + 86_400_000).toISOString() },
      "startedAt",
      /future/,
    ],
    ["a date before 1970", { startedAt: "1969-12-31T23:00:00Z" }, "startedAt", /1970/],
    ["notes over 2,000 characters", { notes: "x".repeat(2001) }, "notes", /2,000/],
    ["no exercises", { entries: [] }, "entries", /at least one exercise/],
    [
      "51 sets",
      { entries: [{ exerciseId: clamshellId, side: "LEFT", sets: "51", reps: "3", holdSeconds: "30" }] },
      "entries.0.sets",
      /more than 50/,
    ],
    [
      "501 repetitions",
      { entries: [{ exerciseId: clamshellId, side: "LEFT", sets: "1", reps: "501", holdSeconds: "30" }] },
      "entries.0.reps",
      /more than 500/,
    ],
    [
      "a 601 s hold",
      { entries: [{ exerciseId: clamshellId, side: "LEFT", sets: "1", reps: "1", holdSeconds: "601" }] },
      "entries.0.holdSeconds",
      /more than 600/,
    ],
    [
      "negative sets",
      { entries: [{ exerciseId: clamshellId, side: "LEFT", sets: "-1", reps: "1", holdSeconds: "30" }] },
      "entries.0.sets",
      /less than 0/,
    ],
    [
      "an unknown exercise",
      { entries: [{ exerciseId: "not-an-exercise", side: "BOTH", sets: "1", reps: "1", holdSeconds: "30" }] },
      "entries",
      /not in the catalog/,
    ],
    ["a missing request id", { clientRequestId: "" }, "clientRequestId", /expired/],
  ])(
    "refuses %s with a message on that field and writes nothing",
    async (_label, overrides, field, message) => {
      signInAs(patientA);
      const before = await sessionsOf(patientA);
      const state = await logSessionAction(initial, loggedSession(overrides));
      expect(state.ok).toBe(false);
      expect(state.errors?.[field]?.join(" ")).toMatch(message);
      expect(await sessionsOf(patientA)).toBe(before);
    },
  );

  it("sends someone who is not signed in to sign-in, and a physiotherapist to not found, writing nothing", async () => {
    const before = await testDb().exerciseSession.count();
    signInAs(null);
    expect(await navigationOutcome(() => logSessionAction(initial, loggedSession()))).toBe(
      "redirect:/sign-in",
    );
    signInAs(physio);
    expect(await navigationOutcome(() => logSessionAction(initial, loggedSession()))).toBe("not-found");
    expect(await testDb().exerciseSession.count()).toBe(before);
  });
});

describe("editing and deleting a session", () => {
  async function logOne(patient: TestUser) {
    signInAs(patient);
    const input = loggedSession();
    await logSessionAction(initial, input);
    return testDb().exerciseSession.findUniqueOrThrow({
      where: { patientId_clientRequestId: { patientId: patient.id, clientRequestId: input.clientRequestId } },
    });
  }

  it("keeps the earlier version when the owner edits, once per request", async () => {
    const session = await logOne(patientA);
    const edit = loggedSession({
      id: session.id,
      painAfter: "1",
      entries: [{ exerciseId: bridgeId, side: "BOTH", sets: "3", reps: "5", holdSeconds: "20" }],
    });
    expect(await editSessionAction(initial, edit)).toMatchObject({ ok: true });
    expect(await editSessionAction(initial, edit)).toMatchObject({ ok: true });
    const updated = await testDb().exerciseSession.findUniqueOrThrow({
      where: { id: session.id },
      include: { entries: true },
    });
    expect(updated.version).toBe(2);
    expect((await listSessions(patientA.id, 1)).items.find((s) => s.id === session.id)?.painAfter).toBe(1);
    expect(updated.entries.map((e) => [e.side, e.sets, e.reps, e.holdSeconds])).toEqual([["BOTH", 3, 5, 20]]);
    expect((await listSessions(patientA.id, 1)).items.find((s) => s.id === session.id)?.edited).toBe(true);
    const revisions = await listSessionRevisions(patientA.id, session.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]?.snapshot.painAfter).toBe(3);
    expect(revisions[0]?.snapshot.entries).toHaveLength(3);
  });

  it("never reports a concurrent edit as saved when it was not", async () => {
    const session = await logOne(patientA);
    const edits = ["1", "2", "4", "6"].map((painAfter) => loggedSession({ id: session.id, painAfter }));
    const results = await Promise.all(edits.map((edit) => editSessionAction(initial, edit)));
    const saved = results.filter((result) => result.ok).length;
    expect(saved).toBeGreaterThan(0);
    for (const result of results.filter((r) => !r.ok)) expect(result.message).toMatch(/changed elsewhere/);
    expect(
      await testDb().exerciseSessionRevision.count({ where: { sessionId: session.id, change: "EDITED" } }),
    ).toBe(saved);
    expect((await testDb().exerciseSession.findUniqueOrThrow({ where: { id: session.id } })).version).toBe(
      1 + saved,
    );
  });

  it("answers another patient's session as not found and changes nothing", async () => {
    const session = await logOne(patientA);
    signInAs(patientB);
    const edit = await editSessionAction(initial, loggedSession({ id: session.id, painAfter: "0" }));
    expect(edit).toMatchObject({ ok: false, message: "That session was not found." });
    const del = await deleteSessionAction(initial, { clientRequestId: randomUUID(), id: session.id });
    expect(del).toMatchObject({ ok: false, message: "That session was not found." });
    const after = await testDb().exerciseSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after).toMatchObject({ version: 1, deletedAt: null });
    expect(
      await testDb().painEntry.findFirst({ where: { sessionId: session.id, context: "AFTER_SESSION" } }),
    ).toMatchObject({ rating: 3, version: 1 });
    expect(await testDb().exerciseSessionRevision.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("soft-deletes, hides the session from others, and undoes the delete", async () => {
    const session = await logOne(patientA);
    const requestId = randomUUID();
    expect(await deleteSessionAction(initial, { clientRequestId: requestId, id: session.id })).toMatchObject({
      ok: true,
    });
    expect(
      (await testDb().exerciseSession.findUniqueOrThrow({ where: { id: session.id } })).deletedAt,
    ).not.toBeNull();
    const own = await listSessions(patientA.id, 1);
    expect(own.items.find((s) => s.id === session.id)?.deletedAt).not.toBeNull();

    expect(
      await restoreSessionAction(initial, { clientRequestId: randomUUID(), id: session.id }),
    ).toMatchObject({ ok: true });
    expect(
      (await testDb().exerciseSession.findUniqueOrThrow({ where: { id: session.id } })).deletedAt,
    ).toBeNull();
    // Replaying the old delete request does not delete it again.
    await deleteSessionAction(initial, { clientRequestId: requestId, id: session.id });
    expect(
      (await testDb().exerciseSession.findUniqueOrThrow({ where: { id: session.id } })).deletedAt,
    ).toBeNull();
    const changes = await testDb().exerciseSessionRevision.findMany({
      where: { sessionId: session.id },
      orderBy: { version: "asc" },
    });
    expect(changes.map((c) => c.change)).toEqual(["DELETED", "RESTORED"]);
    // Deleting and restoring is not an edit.
    expect((await listSessions(patientA.id, 1)).items.find((s) => s.id === session.id)?.edited).toBe(false);
  });
});

describe("pain check-in", () => {
  it("saves one entry per rated region, once per request", async () => {
    signInAs(patientA);
    const before = await painOf(patientA);
    const input = {
      clientRequestId: randomUUID(),
      LEFT_HIP: "",
      RIGHT_HIP: "2",
      LOWER_BACK: "6",
      note: "Stiff after driving",
    };
    for (let i = 0; i < 5; i++) expect(await checkInAction(initial, input)).toMatchObject({ ok: true });
    expect(await painOf(patientA)).toBe(before + 2);
    const page = await listPainEntries(patientA.id, 1);
    expect(
      page.items
        .slice(0, 2)
        .map((e) => [e.region, e.rating, e.context, e.note])
        .sort(),
    ).toEqual([
      ["LOWER_BACK", 6, "CHECK_IN", "Stiff after driving"],
      ["RIGHT_HIP", 2, "CHECK_IN", "Stiff after driving"],
    ]);
  });

  it("asks for at least one rating and refuses ratings outside 0-10", async () => {
    signInAs(patientA);
    const before = await painOf(patientA);
    const none = await checkInAction(initial, { clientRequestId: randomUUID(), note: "" });
    expect(none.errors?.LOWER_BACK).toEqual(["Rate at least one area."]);
    const high = await checkInAction(initial, { clientRequestId: randomUUID(), LOWER_BACK: "11" });
    expect(high.errors?.LOWER_BACK?.[0]).toMatch(/0 \(none\) to 10/);
    const negative = await checkInAction(initial, { clientRequestId: randomUUID(), LEFT_HIP: "-1" });
    expect(negative.errors?.LEFT_HIP?.[0]).toMatch(/0 \(none\) to 10/);
    expect(await painOf(patientA)).toBe(before);
  });

  it("edits with the earlier version kept, deletes softly and undoes; another patient gets not found", async () => {
    signInAs(patientA);
    await checkInAction(initial, { clientRequestId: randomUUID(), LOWER_BACK: "7" });
    const entry = await testDb().painEntry.findFirstOrThrow({ where: { patientId: patientA.id, rating: 7 } });

    signInAs(patientB);
    const foreign = await editPainEntryAction(initial, {
      clientRequestId: randomUUID(),
      id: entry.id,
      rating: "0",
      recordedAt: hourAgo(),
      note: "",
    });
    expect(foreign).toMatchObject({ ok: false, message: "That pain entry was not found." });
    expect(
      await deletePainEntryAction(initial, { clientRequestId: randomUUID(), id: entry.id }),
    ).toMatchObject({ ok: false });

    signInAs(patientA);
    expect(
      await editPainEntryAction(initial, {
        clientRequestId: randomUUID(),
        id: entry.id,
        rating: "4",
        recordedAt: hourAgo(),
        note: "Better",
      }),
    ).toMatchObject({ ok: true });
    expect(
      await deletePainEntryAction(initial, { clientRequestId: randomUUID(), id: entry.id }),
    ).toMatchObject({ ok: true });
    expect(
      await restorePainEntryAction(initial, { clientRequestId: randomUUID(), id: entry.id }),
    ).toMatchObject({ ok: true });
    const after = await testDb().painEntry.findUniqueOrThrow({
      where: { id: entry.id },
      include: { revisions: { orderBy: { version: "asc" } } },
    });
    expect(after).toMatchObject({ rating: 4, note: "Better", deletedAt: null, version: 4 });
    expect(after.revisions.map((r) => [r.version, r.change, JSON.parse(r.snapshot).rating])).toEqual([
      [1, "EDITED", 7],
      [2, "DELETED", 4],
      [3, "RESTORED", 4],
    ]);
  });
});

describe("who may read a patient's history", () => {
  it("lets the patient and nobody unlinked read it", async () => {
    signInAs(patientA);
    expect((await listSessions(patientA.id, 1)).items.length).toBeGreaterThan(0);
    signInAs(patientB);
    expect(await navigationOutcome(() => listSessions(patientA.id, 1))).toBe("not-found");
    expect(await navigationOutcome(() => listPainEntries(patientA.id, 1))).toBe("not-found");
    signInAs(physio);
    expect(await navigationOutcome(() => listSessions(patientA.id, 1))).toBe("not-found");
    signInAs(null);
    expect(await navigationOutcome(() => listPainEntries(patientA.id, 1))).toBe("redirect:/sign-in");
  });
});
