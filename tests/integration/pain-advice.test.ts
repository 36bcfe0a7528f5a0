import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { checkInAction, finishGuidedSessionAction, logSessionAction } from "@/lib/actions/logs";
import { getPainAdvice } from "@/lib/data/pain";
import { seedCatalog } from "../../prisma/seed/catalog";
import { createUser, signInAs, type TestUser, testDb } from "../support/factories";
import { sessionInput } from "../support/inputs";

// The general safety advice after a rating is saved: the action's answer says whether it applies
// and why, judged on the server from what is stored (lib/domain/pain-status painAdviceFor).

const initial: ActionState = { ok: false };
const day = 86_400_000;
let clamshellId: string;

beforeAll(async () => {
  await seedCatalog(testDb());
  clamshellId = (await testDb().exercise.findFirstOrThrow({ where: { slug: "clamshell" } })).id;
});

/** A patient whose lower back was a steady 3 at noon on each of the six days before yesterday. */
async function patientWithSteadyBack(): Promise<TestUser> {
  const patient = await createUser("PATIENT");
  signInAs(patient);
  for (let days = 2; days <= 7; days++) {
    const recordedAt = new Date(Date.now() - days * day);
    recordedAt.setUTCHours(12, 0, 0, 0);
    const saved = await checkInAction(initial, {
      clientRequestId: randomUUID(),
      recordedAt: recordedAt.toISOString(),
      LOWER_BACK: "3",
    });
    expect(saved).toMatchObject({ ok: true, painAdvice: [] });
  }
  return patient;
}

const checkIn = (ratings: Record<string, string>) =>
  checkInAction(initial, { clientRequestId: randomUUID(), ...ratings });

describe("a check-in", () => {
  it("of 9 answers with the advice for severe pain, naming the area", async () => {
    signInAs(await createUser("PATIENT"));
    expect((await checkIn({ LEFT_HIP: "9", LOWER_BACK: "2" })).painAdvice).toEqual([
      { area: "LEFT_HIP", rating: 9, context: "CHECK_IN", severe: true, flareOver: null },
    ]);
  });

  it("of 4 and then 5 over a steady 3 answers with a rise for 5 only (2 or more above the area's own average)", async () => {
    await patientWithSteadyBack();
    expect((await checkIn({ LOWER_BACK: "4" })).painAdvice).toEqual([]);
    expect((await checkIn({ LOWER_BACK: "5" })).painAdvice).toEqual([
      { area: "LOWER_BACK", rating: 5, context: "CHECK_IN", severe: false, flareOver: 3 },
    ]);
  });

  it("of 6 for a hip never rated before answers nothing: the hip has no baseline of its own", async () => {
    await patientWithSteadyBack();
    expect((await checkIn({ RIGHT_HIP: "6" })).painAdvice).toEqual([]);
  });

  it("sent again answers the same advice and writes nothing more", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const input = { clientRequestId: randomUUID(), LOWER_BACK: "8" };
    const first = await checkInAction(initial, input);
    const again = await checkInAction(initial, input);
    expect(again).toMatchObject({ ok: true, message: "This check-in was already saved." });
    expect(again.painAdvice).toEqual(first.painAdvice);
    expect(first.painAdvice).toHaveLength(1);
    expect(await testDb().painEntry.count({ where: { patientId: patient.id } })).toBe(1);
  });
});

describe("a session", () => {
  it("rated 8 afterwards answers with the advice for severe pain after the session", async () => {
    signInAs(await createUser("PATIENT"));
    const finished = await finishGuidedSessionAction(
      initial,
      sessionInput(clamshellId, { painBefore: "4", painAfter: "8", painArea: "RIGHT_HIP" }),
    );
    expect(finished).toMatchObject({ ok: true, message: "Session saved. Well done." });
    expect(finished.painAdvice).toEqual([
      { area: "RIGHT_HIP", rating: 8, context: "AFTER_SESSION", severe: true, flareOver: null },
    ]);
  });

  it("rated 6 afterwards over a steady 3 answers nothing: an after-session rating is not judged on the baseline", async () => {
    await patientWithSteadyBack();
    const finished = await finishGuidedSessionAction(
      initial,
      sessionInput(clamshellId, { painBefore: "3", painAfter: "6" }),
    );
    expect(finished).toMatchObject({ ok: true, painAdvice: [] });
  });

  it("quick-logged at 5 before over a steady 3 answers with the rise of the before rating", async () => {
    await patientWithSteadyBack();
    const logged = await logSessionAction(
      initial,
      sessionInput(clamshellId, { painBefore: "5", painAfter: "4" }),
    );
    expect(logged.painAdvice).toEqual([
      { area: "LOWER_BACK", rating: 5, context: "BEFORE_SESSION", severe: false, flareOver: 3 },
    ]);
  });
});

it("judges only the caller's own ratings: another patient's entry or session answers nothing", async () => {
  const owner = await createUser("PATIENT");
  signInAs(owner);
  const input = sessionInput(clamshellId, { painBefore: "9", painAfter: "9" });
  expect((await logSessionAction(initial, input)).painAdvice).toHaveLength(2);
  const session = await testDb().exerciseSession.findFirstOrThrow({ where: { patientId: owner.id } });
  const entries = await testDb().painEntry.findMany({ where: { patientId: owner.id }, select: { id: true } });

  signInAs(await createUser("PATIENT"));
  expect(await getPainAdvice({ sessionId: session.id })).toEqual([]);
  expect(await getPainAdvice({ entryIds: entries.map((entry) => entry.id) })).toEqual([]);
});
