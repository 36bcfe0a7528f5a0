import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import {
  discardGuidedDraftAction,
  finishGuidedSessionAction,
  saveGuidedDraftAction,
} from "@/lib/actions/logs";
import {
  discardGuidedDraft,
  getGuidedDraft,
  guidedDraftMaxLength,
  saveGuidedDraft,
} from "@/lib/data/guided-session";
import { parsePlayerState, serialisePlayerState } from "@/lib/domain/session-draft";
import { createPlayer, reducePlayer } from "@/lib/domain/session-player";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, navigationOutcome, signInAs, type TestUser, testDb } from "../support/factories";
import { sessionInput } from "../support/inputs";

// The guided session's server-side draft (lib/data/guided-session.ts): a reload resumes the session,
// a stale draft is dropped, and nobody but the patient doing the session can see or touch it.

const initial: ActionState = { ok: false };
const hour = 3_600_000;
const planKey = "5/30/1,clamshell/2/3/30/1";

let patientA: TestUser;
let patientB: TestUser;
let physio: TestUser;
let clamshellId: string;

beforeAll(async () => {
  await seedCatalog(testDb());
  [patientA, patientB, physio] = await Promise.all([
    createUser("PATIENT"),
    createUser("PATIENT"),
    createUser("PHYSIO"),
  ]);
  clamshellId = (await testDb().exercise.findUniqueOrThrow({ where: { slug: "clamshell" } })).id;
});

/** A draft as the player saves it: pain rated 4 before, nothing done yet. */
function draftState(painBefore = 4): string {
  const started = reducePlayer([], createPlayer(planKey), { type: "start", now: 0, painBefore });
  return serialisePlayerState([], started, 0);
}

const storedDraft = (patient: TestUser) =>
  testDb().guidedSessionDraft.findUnique({ where: { patientId: patient.id } });

async function startFresh(patient: TestUser) {
  await testDb().guidedSessionDraft.deleteMany({ where: { patientId: patient.id } });
}

describe("a patient's own draft", () => {
  it("is saved, read back as the same player state, replaced by a later save, and cleared", async () => {
    await startFresh(patientA);
    signInAs(patientA);
    const startedAt = new Date("2026-11-27T09:00:00Z");
    await saveGuidedDraft(startedAt, draftState(4));
    const loaded = await getGuidedDraft();
    expect(loaded?.startedAt.toISOString()).toBe(startedAt.toISOString());
    expect(parsePlayerState(loaded?.state ?? "", [], planKey)).toMatchObject({ painBefore: 4 });

    await saveGuidedDraft(startedAt, draftState(6));
    expect(parsePlayerState((await getGuidedDraft())?.state ?? "", [], planKey)).toMatchObject({
      painBefore: 6,
    });
    expect(await testDb().guidedSessionDraft.count({ where: { patientId: patientA.id } })).toBe(1);

    await discardGuidedDraft();
    expect(await getGuidedDraft()).toBeNull();
    expect(await storedDraft(patientA)).toBeNull();
  });

  it("is kept for 12 hours after its last save and ignored after that", async () => {
    await startFresh(patientA);
    signInAs(patientA);
    await saveGuidedDraft(new Date(), draftState());
    const savedAt = (await storedDraft(patientA))?.updatedAt.getTime() ?? Number.NaN;
    expect(await getGuidedDraft(new Date(savedAt + 12 * hour))).not.toBeNull();
    expect(await getGuidedDraft(new Date(savedAt + 12 * hour + 1))).toBeNull();
  });

  it("is saved through the action and dropped when the finished session is saved", async () => {
    await startFresh(patientA);
    signInAs(patientA);
    expect(
      await saveGuidedDraftAction(initial, { startedAt: new Date().toISOString(), state: draftState() }),
    ).toMatchObject({ ok: true });
    expect(await storedDraft(patientA)).not.toBeNull();
    const finished = await finishGuidedSessionAction(initial, sessionInput(clamshellId));
    expect(finished).toMatchObject({ ok: true, message: "Session saved. Well done." });
    expect(await storedDraft(patientA)).toBeNull();
  });
});

describe("an oversized draft", () => {
  it("is refused by the data function and leaves the saved draft as it was", async () => {
    await startFresh(patientA);
    signInAs(patientA);
    await saveGuidedDraft(new Date(), draftState(4));
    const before = await storedDraft(patientA);
    await expect(saveGuidedDraft(new Date(), "x".repeat(guidedDraftMaxLength + 1))).rejects.toThrow(
      /too large to keep/,
    );
    expect(await storedDraft(patientA)).toEqual(before);
  });

  it("is refused by the action with a message on the draft and nothing written", async () => {
    await startFresh(patientA);
    signInAs(patientA);
    const state = await saveGuidedDraftAction(initial, {
      startedAt: new Date().toISOString(),
      state: "x".repeat(guidedDraftMaxLength + 1),
    });
    expect(state.ok).toBe(false);
    expect(state.errors?.state?.join(" ")).toMatch(/too large to keep\. Finish or restart the session/);
    expect(await storedDraft(patientA)).toBeNull();
  });

  it("is accepted up to the limit", async () => {
    await startFresh(patientA);
    signInAs(patientA);
    await saveGuidedDraft(new Date(), "x".repeat(guidedDraftMaxLength));
    expect((await storedDraft(patientA))?.state).toHaveLength(guidedDraftMaxLength);
  });
});

describe("another patient", () => {
  it("cannot see, overwrite or clear a patient's draft", async () => {
    await Promise.all([startFresh(patientA), startFresh(patientB)]);
    signInAs(patientA);
    await saveGuidedDraft(new Date("2026-11-27T09:00:00Z"), draftState(4));
    const draftOfA = await storedDraft(patientA);

    signInAs(patientB);
    expect(await getGuidedDraft()).toBeNull();
    await saveGuidedDraft(new Date("2026-11-27T10:00:00Z"), draftState(9));
    expect(parsePlayerState((await getGuidedDraft())?.state ?? "", [], planKey)).toMatchObject({
      painBefore: 9,
    });
    expect(await discardGuidedDraftAction(initial, {})).toMatchObject({ ok: true });
    await discardGuidedDraft();

    expect(await storedDraft(patientA)).toEqual(draftOfA);
    expect(await storedDraft(patientB)).toBeNull();
    signInAs(patientA);
    expect(parsePlayerState((await getGuidedDraft())?.state ?? "", [], planKey)).toMatchObject({
      painBefore: 4,
    });
  });
});

describe("callers who are not a patient", () => {
  const calls = {
    getGuidedDraft: () => getGuidedDraft(),
    saveGuidedDraft: () => saveGuidedDraft(new Date(), draftState()),
    discardGuidedDraft: () => discardGuidedDraft(),
    saveGuidedDraftAction: () =>
      saveGuidedDraftAction(initial, { startedAt: new Date().toISOString(), state: draftState() }),
    discardGuidedDraftAction: () => discardGuidedDraftAction(initial, {}),
  };

  it.each(Object.entries(calls))(
    "%s sends a physiotherapist to not found and someone signed out to sign-in, touching no draft",
    async (_name, call) => {
      await startFresh(patientA);
      signInAs(patientA);
      await saveGuidedDraft(new Date(), draftState(4));
      const draftsBefore = await testDb().guidedSessionDraft.findMany({ orderBy: { patientId: "asc" } });

      signInAs(physio);
      expect(await navigationOutcome(call)).toBe("not-found");
      signInAs(null);
      expect(await navigationOutcome(call)).toBe("redirect:/sign-in");

      expect(await testDb().guidedSessionDraft.findMany({ orderBy: { patientId: "asc" } })).toEqual(
        draftsBefore,
      );
      expect(await testDb().guidedSessionDraft.count({ where: { patientId: physio.id } })).toBe(0);
    },
  );
});
