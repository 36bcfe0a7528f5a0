import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import {
  discardGuidedDraftAction,
  finishGuidedSessionAction,
  saveGuidedDraftAction,
  setGuidedLeadInAction,
} from "@/lib/actions/logs";
import {
  discardGuidedDraft,
  getGuidedDraft,
  getGuidedLeadInSeconds,
  guidedDraftMaxLength,
  saveGuidedDraft,
} from "@/lib/data/guided-session";
import { parsePlayerState, serialisePlayerState } from "@/lib/domain/session-draft";
import { createPlayer, reducePlayer } from "@/lib/domain/session-player";
import { seedCatalog } from "../../prisma/seed/catalog";
import {
  auditKey,
  createUser,
  navigationOutcome,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";
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

describe("the lead-in before holds (User.guidedLeadInSeconds)", () => {
  const leadInOf = async (patient: TestUser) =>
    (
      await testDb().user.findUniqueOrThrow({
        where: { id: patient.id },
        select: { guidedLeadInSeconds: true },
      })
    ).guidedLeadInSeconds;
  const auditsOf = async (patient: TestUser) =>
    testDb().auditEvent.findMany({
      where: { actorKey: await auditKey(patient), action: "GUIDED_LEAD_IN_SET" },
      select: { outcome: true, patientKey: true },
      orderBy: { at: "asc" },
    });

  it("starts at 5 seconds, is set by the patient for themselves only, and is audited", async () => {
    const patientC = await createUser("PATIENT");
    signInAs(patientC);
    expect(await getGuidedLeadInSeconds()).toBe(5);

    const saved = await setGuidedLeadInAction(initial, { leadInSeconds: "12" });
    expect(saved).toMatchObject({ ok: true });
    expect(saved.message).toContain("12 seconds");
    expect(await getGuidedLeadInSeconds()).toBe(12);
    expect(await leadInOf(patientB)).toBe(5);

    // 0 turns it off.
    expect(await setGuidedLeadInAction(initial, { leadInSeconds: "0" })).toMatchObject({ ok: true });
    expect(await leadInOf(patientC)).toBe(0);
    const keyOfC = await auditKey(patientC);
    expect(await auditsOf(patientC)).toEqual([
      { outcome: "SUCCESS", patientKey: keyOfC },
      { outcome: "SUCCESS", patientKey: keyOfC },
    ]);
  });

  it.each([
    ["31", "The lead-in cannot be more than 30."],
    ["-1", "The lead-in cannot be less than 0."],
    ["2.5", "Use a whole number for the lead-in."],
    ["", "Enter the lead-in as a number."],
    ["soon", "Enter the lead-in as a number."],
  ])("refuses %j with a message at the field and changes nothing", async (value, message) => {
    const patientD = await createUser("PATIENT");
    signInAs(patientD);
    const result = await setGuidedLeadInAction(initial, { leadInSeconds: value });
    expect(result.ok).toBe(false);
    expect(result.errors?.leadInSeconds).toEqual([message]);
    expect(await leadInOf(patientD)).toBe(5);
    expect(await auditsOf(patientD)).toEqual([{ outcome: "FAILED", patientKey: await auditKey(patientD) }]);
  });

  it.each([
    ["getGuidedLeadInSeconds", () => getGuidedLeadInSeconds()],
    ["setGuidedLeadInAction", () => setGuidedLeadInAction(initial, { leadInSeconds: "9" })],
  ])(
    "%s sends a physiotherapist to not found and someone signed out to sign-in, changing nothing",
    async (_name, call) => {
      const usersBefore = await testDb().user.findMany({
        select: { id: true, guidedLeadInSeconds: true },
        orderBy: { id: "asc" },
      });
      signInAs(physio);
      expect(await navigationOutcome(call)).toBe("not-found");
      signInAs(null);
      expect(await navigationOutcome(call)).toBe("redirect:/sign-in");
      expect(
        await testDb().user.findMany({
          select: { id: true, guidedLeadInSeconds: true },
          orderBy: { id: "asc" },
        }),
      ).toEqual(usersBefore);
    },
  );
});
