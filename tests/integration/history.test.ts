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
} from "@/lib/actions/logs";
import { createInvite, invitedEmailForSignUp } from "@/lib/data/invitations";
import { listPainEntries, listPainEntryRevisions } from "@/lib/data/pain";
import { listSessionRevisions, listSessions } from "@/lib/data/sessions";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, linkCare, signInAs, type TestUser, testDb } from "../support/factories";
import { sessionInput } from "../support/inputs";

let patient: TestUser;
let physio: TestUser;
let clamshellId: string;
const initial: ActionState = { ok: false };

beforeAll(async () => {
  await seedCatalog(testDb());
  [patient, physio] = await Promise.all([createUser("PATIENT"), createUser("PHYSIO")]);
  await linkCare(physio.id, patient.id, "ACTIVE");
  clamshellId = (await testDb().exercise.findUniqueOrThrow({ where: { slug: "clamshell" } })).id;
});

async function logOne(): Promise<string> {
  signInAs(patient);
  const input = sessionInput(clamshellId);
  expect(await logSessionAction(initial, input)).toMatchObject({ ok: true });
  return (
    await testDb().exerciseSession.findUniqueOrThrow({
      where: { patientId_clientRequestId: { patientId: patient.id, clientRequestId: input.clientRequestId } },
    })
  ).id;
}

describe("History's deleted filter", () => {
  it("keeps deleted sessions out of the patient's list and finds them under 'deleted only'", async () => {
    const kept = await logOne();
    const removed = await logOne();
    expect(await deleteSessionAction(initial, { clientRequestId: randomUUID(), id: removed })).toMatchObject({
      ok: true,
    });

    const current = (await listSessions(patient.id, 1, { deleted: false })).items.map((s) => s.id);
    expect(current).toContain(kept);
    expect(current).not.toContain(removed);
    const deleted = (await listSessions(patient.id, 1, { deleted: true })).items.map((s) => s.id);
    expect(deleted).toEqual([removed]);

    // The linked physiotherapist never sees what the patient deleted, whatever is asked.
    signInAs(physio);
    expect((await listSessions(patient.id, 1, { deleted: true })).items).toEqual([]);
    expect((await listSessions(patient.id, 1)).items.map((s) => s.id)).not.toContain(removed);
  });

  it("does the same for pain entries", async () => {
    signInAs(patient);
    expect(await checkInAction(initial, { clientRequestId: randomUUID(), LEFT_HIP: "3" })).toMatchObject({
      ok: true,
    });
    const entry = await testDb().painEntry.findFirstOrThrow({
      where: { patientId: patient.id, context: "CHECK_IN", deletedAt: null },
    });
    await deletePainEntryAction(initial, { clientRequestId: randomUUID(), id: entry.id });
    expect((await listPainEntries(patient.id, 1, { deleted: false })).items.map((e) => e.id)).not.toContain(
      entry.id,
    );
    expect((await listPainEntries(patient.id, 1, { deleted: true })).items.map((e) => e.id)).toContain(
      entry.id,
    );
  });
});

describe("earlier versions", () => {
  it("name who made each change, newest first, with the state before it", async () => {
    const id = await logOne();
    expect(
      await editSessionAction(initial, { ...sessionInput(clamshellId), id, durationMinutes: "25" }),
    ).toMatchObject({ ok: true });
    expect(
      await editSessionAction(initial, { ...sessionInput(clamshellId), id, durationMinutes: "30" }),
    ).toMatchObject({ ok: true });
    const revisions = await listSessionRevisions(patient.id, id);
    expect(revisions.map((r) => [r.version, r.change, r.changedBy])).toEqual([
      [2, "EDITED", { id: patient.id, name: patient.name }],
      [1, "EDITED", { id: patient.id, name: patient.name }],
    ]);
    expect(revisions[0]?.snapshot.durationSeconds).toBe(25 * 60);
  });

  it("are kept for pain entries too", async () => {
    signInAs(patient);
    await checkInAction(initial, { clientRequestId: randomUUID(), RIGHT_HIP: "6" });
    const entry = await testDb().painEntry.findFirstOrThrow({
      where: { patientId: patient.id, region: "RIGHT_HIP", deletedAt: null },
    });
    expect(
      await editPainEntryAction(initial, {
        clientRequestId: randomUUID(),
        id: entry.id,
        rating: "4",
        recordedAt: entry.recordedAt.toISOString(),
        note: "",
      }),
    ).toMatchObject({ ok: true });
    const [revision] = await listPainEntryRevisions(patient.id, entry.id);
    expect(revision).toMatchObject({ change: "EDITED", changedBy: { id: patient.id } });
    expect(revision?.snapshot.rating).toBe(6);
  });
});

describe("signing up from an invitation", () => {
  it("starts with the invited address while the invitation can be used and nobody is signed in", async () => {
    signInAs(physio);
    const { token } = await createInvite("New.Person@Example.test");
    signInAs(null);
    expect(await invitedEmailForSignUp(token)).toBe("new.person@example.test");
    // Signed in, or with an expired or unknown token: nothing.
    signInAs(patient);
    expect(await invitedEmailForSignUp(token)).toBeNull();
    signInAs(null);
    expect(await invitedEmailForSignUp(token, new Date(Date.now() + 30 * 86_400_000))).toBeNull();
    expect(await invitedEmailForSignUp("x".repeat(43))).toBeNull();
  });
});
