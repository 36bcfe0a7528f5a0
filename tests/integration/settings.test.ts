import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { initialActionState } from "@/lib/actions/action-state";
import { saveSettingsAction } from "@/lib/actions/settings";
import { getPatientHome } from "@/lib/data/patient-home";
import { getProgress } from "@/lib/data/progress";
import { getSettings, saveSettings } from "@/lib/data/settings";
import { confirmRegistration, registerUser } from "@/lib/data/users";
import { seedCatalog } from "../../prisma/seed/catalog";
import {
  auditKey,
  createUser,
  navigationOutcome,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";
import { latestOutboxLink } from "../support/outbox";

let exerciseId = "";

beforeAll(async () => {
  await seedCatalog(testDb());
  exerciseId = (await testDb().exercise.findFirstOrThrow({ select: { id: true } })).id;
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

async function stateOf(user: TestUser) {
  return testDb().user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      name: true,
      timezone: true,
      mainPainArea: true,
      timeZones: { orderBy: { validFrom: "asc" }, select: { timeZone: true, validFrom: true } },
    },
  });
}

async function lastAudit(actorId: string) {
  return testDb().auditEvent.findFirstOrThrow({
    where: { actorKey: await auditKey(actorId), action: "SETTINGS_SAVED" },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
}

/** A session of one exercise at an instant, written as the app stores a quick log. */
async function sessionAt(patientId: string, at: string) {
  return testDb().exerciseSession.create({
    data: {
      patientId,
      startedAt: new Date(at),
      durationSeconds: 600,
      source: "QUICK_LOG",
      clientRequestId: randomUUID(),
      entries: { create: [{ exerciseId, position: 0, side: "BOTH", sets: 2, reps: 5, holdSeconds: 10 }] },
    },
  });
}

describe("saving settings", () => {
  it("answers bad input field by field, keeps what was typed, and writes nothing", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const before = await stateOf(patient);
    for (const [timeZone, message] of [
      ["", "Choose your time zone."],
      ["Mars/Olympus", "Choose a time zone from the list, like Europe/London."],
      ["+05:00", "Choose a time zone from the list, like Europe/London."],
      ["EST", "Choose a time zone from the list, like Europe/London."],
    ] as const) {
      const state = await saveSettingsAction(
        initialActionState,
        form({ name: "   ", timeZone, mainPainArea: "KNEE" }),
      );
      expect(state.ok).toBe(false);
      expect(state.message).toBe("Please correct the marked fields.");
      expect(state.errors?.name).toEqual(["Enter your name."]);
      expect(state.errors?.timeZone).toEqual([message]);
      expect(state.errors?.mainPainArea).toEqual(["Choose left hip, right hip or lower back."]);
      expect(state.values).toMatchObject({ timeZone, mainPainArea: "KNEE" });
    }
    const tooLong = await saveSettingsAction(
      initialActionState,
      form({ name: "x".repeat(101), timeZone: "Europe/Paris" }),
    );
    expect(tooLong.errors).toEqual({ name: ["Use at most 100 characters."] });
    expect(await stateOf(patient)).toEqual(before);
    expect(await lastAudit(patient.id)).toMatchObject({ outcome: "FAILED", detail: "invalid input" });
  });

  it("saves a patient's name, zone (written as the list names it) and main area, and audits it", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    const state = await saveSettingsAction(
      initialActionState,
      form({ name: "  Lena Fischer ", timeZone: "europe/paris", mainPainArea: "RIGHT_HIP" }),
    );
    expect(state).toMatchObject({
      ok: true,
      message: "Settings saved. Your time zone is Europe/Paris from now on; earlier days keep their dates.",
    });
    const after = await stateOf(patient);
    expect(after).toMatchObject({
      name: "Lena Fischer",
      timezone: "Europe/Paris",
      mainPainArea: "RIGHT_HIP",
    });
    // The zone it had since sign-up is kept as in force until the change.
    expect(after.timeZones.map((zone) => zone.timeZone)).toEqual(["Europe/London", "Europe/Paris"]);
    expect(after.timeZones[0]?.validFrom.getTime()).toBe(0);
    expect(await lastAudit(patient.id)).toMatchObject({
      actorRole: "PATIENT",
      patientKey: await auditKey(patient),
      outcome: "SUCCESS",
      detail: "name; time zone Europe/London -> Europe/Paris; main pain area RIGHT_HIP",
    });
    expect(await getSettings()).toMatchObject({
      name: "Lena Fischer",
      email: patient.email,
      timeZone: "Europe/Paris",
      mainPainArea: "RIGHT_HIP",
    });
  });

  it("clears the main area when the patient chooses “Not set”, and adds no zone row for the same zone", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    await saveSettingsAction(
      initialActionState,
      form({ name: patient.name, timeZone: "Asia/Tokyo", mainPainArea: "LOWER_BACK" }),
    );
    const state = await saveSettingsAction(
      initialActionState,
      form({ name: patient.name, timeZone: "Asia/Tokyo", mainPainArea: "" }),
    );
    expect(state).toMatchObject({ ok: true, message: "Settings saved." });
    const after = await stateOf(patient);
    expect(after.mainPainArea).toBeNull();
    expect(after.timeZones.map((zone) => zone.timeZone)).toEqual(["Europe/London", "Asia/Tokyo"]);
  });

  it("lets a physiotherapist change name and zone; a main area or a claimed patient is ignored", async () => {
    const physio = await createUser("PHYSIO");
    const patient = await createUser("PATIENT");
    signInAs(physio);
    const state = await saveSettingsAction(
      initialActionState,
      form({
        name: "Daniel Okafor",
        timeZone: "America/Chicago",
        mainPainArea: "LEFT_HIP",
        patientId: patient.id,
      }),
    );
    expect(state.ok).toBe(true);
    expect(await stateOf(physio)).toMatchObject({
      name: "Daniel Okafor",
      timezone: "America/Chicago",
      mainPainArea: null,
    });
    expect(await stateOf(patient)).toMatchObject({ name: patient.name, timezone: "Europe/London" });
    expect(await lastAudit(physio.id)).toMatchObject({
      actorRole: "PHYSIO",
      patientKey: null,
      outcome: "SUCCESS",
    });
    expect((await getSettings()).mainPainArea).toBeNull();
  });

  it("sends someone signed out to sign in and writes nothing", async () => {
    signInAs(null);
    const before = await testDb().userTimeZone.count();
    expect(await navigationOutcome(() => saveSettings({ name: "X", timeZone: "UTC" }))).toBe(
      "redirect:/sign-in",
    );
    expect(await navigationOutcome(() => getSettings())).toBe("redirect:/sign-in");
    expect(await testDb().userTimeZone.count()).toBe(before);
  });
});

describe("zone history", () => {
  it("starts a new account's history with the zone of its browser", async () => {
    const email = `ana-${randomUUID()}@example.test`;
    await registerUser(
      {
        name: "Ana",
        email,
        password: "a long passphrase",
        role: "PATIENT",
        timezone: "America/Sao_Paulo",
      },
      "192.0.2.1",
    );
    const token = latestOutboxLink(email, "/verify-email").searchParams.get("token") as string;
    const result = await confirmRegistration(token, "192.0.2.1");
    if (result.status !== "created") throw new Error("not created");
    expect(
      await testDb().userTimeZone.findMany({
        where: { userId: result.userId },
        select: { timeZone: true, validFrom: true },
      }),
    ).toEqual([{ timeZone: "America/Sao_Paulo", validFrom: new Date(0) }]);
  });

  it("records each change from the moment it is saved, and a later change replaces one dated after it", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    await saveSettings({ name: patient.name, timeZone: "Asia/Tokyo" }, new Date("2026-12-05T00:00:00Z"));
    // The clock was wrong then: a save dated earlier wins over the change "in the future".
    await saveSettings(
      { name: patient.name, timeZone: "America/New_York" },
      new Date("2026-12-02T00:00:00Z"),
    );
    expect((await stateOf(patient)).timeZones).toEqual([
      { timeZone: "Europe/London", validFrom: new Date(0) },
      { timeZone: "America/New_York", validFrom: new Date("2026-12-02T00:00:00Z") },
    ]);
    expect((await getSettings()).zoneChanges.map((change) => change.timeZone)).toEqual([
      "Europe/London",
      "America/New_York",
    ]);
  });

  it("moving east leaves last night's session on yesterday, and dates what follows in the new zone", async () => {
    // 23:30 on Tuesday 1 Dec in London is 08:30 on Wednesday 2 Dec in Tokyo: read in Tokyo's zone,
    // last night's session would count as done today.
    const patient = await createUser("PATIENT");
    signInAs(patient);
    await sessionAt(patient.id, "2026-12-01T23:30:00Z");
    const now = new Date("2026-12-02T03:00:00Z");
    expect((await getPatientHome(patient.id, now)).sessionsToday).toHaveLength(0);
    await saveSettings({ name: patient.name, timeZone: "Asia/Tokyo" }, new Date("2026-12-02T01:00:00Z"));
    const afterMove = await sessionAt(patient.id, "2026-12-02T02:00:00Z"); // 11:00 in Tokyo
    const home = await getPatientHome(patient.id, now);
    expect(home.today.date).toBe("2026-12-02");
    expect(home.sessionsToday.map((session) => session.id)).toEqual([afterMove.id]);
  });

  it("moving west reopens yesterday: what was done on it still counts, what was done on the day left behind does not", async () => {
    // Auckland is UTC+13 in December, Honolulu UTC-10. The patient moves at 21:00 UTC on 1 Dec:
    // 10:00 on 2 Dec in Auckland becomes 11:00 on 1 Dec in Honolulu.
    const patient = await createUser("PATIENT");
    signInAs(patient);
    await saveSettings(
      { name: patient.name, timeZone: "Pacific/Auckland" },
      new Date("2026-11-01T00:00:00Z"),
    );
    const onFirst = await sessionAt(patient.id, "2026-12-01T05:00:00Z"); // 18:00 on 1 Dec, Auckland
    await sessionAt(patient.id, "2026-12-01T12:00:00Z"); // 01:00 on 2 Dec, Auckland
    await saveSettings(
      { name: patient.name, timeZone: "Pacific/Honolulu" },
      new Date("2026-12-01T21:00:00Z"),
    );
    const later = await sessionAt(patient.id, "2026-12-01T22:00:00Z"); // 12:00 on 1 Dec, Honolulu
    const home = await getPatientHome(patient.id, new Date("2026-12-01T23:00:00Z"));
    expect(home.today.date).toBe("2026-12-01");
    expect(home.sessionsToday.map((session) => session.id)).toEqual([onFirst.id, later.id]);
  });

  it("keeps past weeks, adherence and the streak exactly as they were when the zone changes", async () => {
    const patient = await createUser("PATIENT");
    signInAs(patient);
    // An every-day routine since 1 Nov, and a session at 23:30 London time on each day from 2 to 29 Nov.
    const routine = await testDb().routine.create({
      data: { patientId: patient.id, createdAt: new Date("2026-11-01T00:00:00Z") },
    });
    await testDb().routineItem.create({
      data: {
        routineId: routine.id,
        exerciseId,
        position: 0,
        sets: 2,
        reps: 5,
        holdSeconds: 10,
        perSide: false,
        daysOfWeek: 0b1111111,
        setById: patient.id,
        setByRole: "PATIENT",
        createdAt: new Date("2026-11-01T00:00:00Z"),
      },
    });
    for (let day = 2; day <= 29; day++) {
      await sessionAt(patient.id, `2026-11-${String(day).padStart(2, "0")}T23:30:00Z`);
    }
    const now = new Date("2026-12-02T12:00:00Z");
    const before = await getProgress(patient.id, "3m", now);
    // In Tokyo (UTC+9) every one of those sessions would fall on the next day.
    await saveSettings({ name: patient.name, timeZone: "Asia/Tokyo" }, new Date("2026-12-02T10:00:00Z"));
    const after = await getProgress(patient.id, "3m", now);
    expect(after.timeZone).toBe("Asia/Tokyo");
    expect(after.adherence.weeks).toEqual(before.adherence.weeks);
    expect(after.adherence.streak).toBe(before.adherence.streak);
    expect(after.adherence.streak).toBeGreaterThan(0);
    const week = before.adherence.weeks.find((w) => w.weekStart === "2026-11-23");
    expect(week).toMatchObject({ due: 7, done: 7 });
  });
});
