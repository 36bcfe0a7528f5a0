import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { submitOutcomeAction } from "@/lib/actions/outcomes";
import { getCaseload } from "@/lib/data/caseload";
import { RuleError } from "@/lib/data/errors";
import {
  assignOutcome,
  getOutcomeForm,
  getOutcomeResults,
  listDueOutcomes,
  listOutcomeAssignments,
  OutcomeAnswersError,
  saveOutcomeDraft,
  submitOutcome,
} from "@/lib/data/outcomes";
import { createUser, linkCare, signInAs, type TestUser, testDb } from "../support/factories";

// A patient in Auckland (UTC+13 in December): at 2026-12-01 12:00 UTC it is already 2 December
// there, so every date rule is checked on the patient's calendar, not the server's.
const initial: ActionState = { ok: false };
const noonUtc = new Date("2026-12-01T12:00:00Z"); // Auckland: Wed 2 Dec, 01:00
const lateUtc = new Date("2026-12-01T10:00:00Z"); // Auckland: Tue 1 Dec, 23:00
let patient: TestUser;
let physio: TestUser;

const activities = (...list: [string, number | null][]) => ({
  choices: {},
  activities: list.map(([name, rating]) => ({ name, rating })),
});

beforeAll(async () => {
  patient = await createUser("PATIENT");
  physio = await createUser("PHYSIO");
  await testDb().user.update({ where: { id: patient.id }, data: { timezone: "Pacific/Auckland" } });
  await linkCare(physio.id, patient.id, "ACTIVE", new Date("2026-10-01T00:00:00Z"));
});

describe("scheduling in the patient's calendar", () => {
  it("refuses a first date that is today in UTC but yesterday for the patient, and takes their today", async () => {
    signInAs(physio);
    const base = { patientId: patient.id, instrument: "PSFS", everyWeeks: 4, untilDate: undefined };
    await expect(
      assignOutcome({ ...base, firstDueDate: "2026-12-01", clientRequestId: randomUUID() }, noonUtc),
    ).rejects.toMatchObject({
      field: "firstDueDate",
      message: expect.stringContaining("patient's time zone"),
    });
    expect(await testDb().outcomeAssignment.count({ where: { patientId: patient.id } })).toBe(0);
    const { created } = await assignOutcome(
      { ...base, firstDueDate: "2026-12-02", clientRequestId: randomUUID() },
      noonUtc,
    );
    expect(created).toBe(true);
  });

  it("is due from the patient's date: not at 23:00 the evening before, yes at 01:00 that day", async () => {
    signInAs(patient);
    expect(await listDueOutcomes(lateUtc)).toEqual([]);
    expect((await listDueOutcomes(noonUtc)).map((due) => [due.instrument, due.nextDueDate])).toEqual([
      ["PSFS", "2026-12-02"],
    ]);
    signInAs(physio);
    const { schedules, today } = await listOutcomeAssignments(patient.id, noonUtc);
    expect(today).toBe("2026-12-02");
    expect(schedules[0]).toMatchObject({ dueNow: true, nextDueDate: "2026-12-02", everyWeeks: 4 });
  });

  it("asks the global rating of change only at follow-ups: its first date a week or more away", async () => {
    signInAs(physio);
    const groc = { patientId: patient.id, instrument: "GROC", everyWeeks: undefined, untilDate: undefined };
    await expect(
      assignOutcome({ ...groc, firstDueDate: "2026-12-08", clientRequestId: randomUUID() }, noonUtc),
    ).rejects.toBeInstanceOf(RuleError);
    expect(
      (await assignOutcome({ ...groc, firstDueDate: "2026-12-09", clientRequestId: randomUUID() }, noonUtc))
        .created,
    ).toBe(true);
  });
});

describe("answering", () => {
  it("keeps a draft on the server and gives it back", async () => {
    signInAs(patient);
    await saveOutcomeDraft({
      instrument: "PSFS",
      answers: activities(["Climbing stairs", 3], ["Socks", null]),
    });
    const form = await getOutcomeForm("psfs", noonUtc);
    expect(form.draft?.activities).toEqual([
      { name: "Climbing stairs", rating: 3 },
      { name: "Socks", rating: null },
    ]);
    expect(form.due).toMatchObject({ dueDate: "2026-12-02" });
  });

  it("refuses bad answers per field and writes nothing", async () => {
    signInAs(patient);
    const state = await submitOutcomeAction(initial, {
      instrument: "PSFS",
      answers: activities(["Climbing stairs", 11], ["x".repeat(101), 4], ["Socks", null]),
      clientRequestId: randomUUID(),
    });
    expect(state).toMatchObject({
      ok: false,
      errors: {
        "activities.0.rating": ["Use a whole number from 0 to 10."],
        "activities.1.name": ["Keep the activity's name to 100 characters or fewer."],
        "activities.2.rating": ["Rate this activity from 0 to 10."],
      },
    });
    expect(await testDb().outcomeResponse.count({ where: { patientId: patient.id } })).toBe(0);
  });

  it("scores on the server, ignores any score sent, ends the occurrence and drops the draft", async () => {
    signInAs(patient);
    const { assignmentId, dueDate } = (await getOutcomeForm("psfs", noonUtc)).due ?? {};
    const input = {
      instrument: "PSFS",
      answers: { ...activities(["Climbing stairs", 3], ["Putting on socks", 4]), score: 10 },
      assignmentId,
      dueDate,
      clientRequestId: randomUUID(),
    };
    const saved = await submitOutcome(input, noonUtc);
    expect(saved).toMatchObject({ created: true, score: 3.5 });
    expect(await submitOutcome(input, noonUtc)).toMatchObject({ id: saved.id, created: false });
    const row = await testDb().outcomeResponse.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ score: 3.5, instrumentVersion: 1, dueDate: "2026-12-02", assignmentId });
    expect(await testDb().outcomeDraft.count({ where: { patientId: patient.id } })).toBe(0);
    expect(await listDueOutcomes(noonUtc)).toEqual([]);
  });

  it("refuses an occurrence that is not due (already answered), and a global rating started alone", async () => {
    signInAs(patient);
    const assignment = await testDb().outcomeAssignment.findFirstOrThrow({
      where: { patientId: patient.id, instrument: "PSFS" },
    });
    await expect(
      submitOutcome(
        {
          instrument: "PSFS",
          answers: activities(["Climbing stairs", 5]),
          assignmentId: assignment.id,
          dueDate: "2026-12-02",
          clientRequestId: randomUUID(),
        },
        noonUtc,
      ),
    ).rejects.toThrow("not due now");
    await expect(
      submitOutcome(
        {
          instrument: "GROC",
          answers: { choices: { change: 4 }, activities: [] },
          clientRequestId: randomUUID(),
        },
        noonUtc,
      ),
    ).rejects.toThrow("not due now");
    await expect(
      submitOutcome({ instrument: "PSFS", answers: activities(), clientRequestId: randomUUID() }, noonUtc),
    ).rejects.toBeInstanceOf(OutcomeAnswersError);
    expect(await testDb().outcomeResponse.count({ where: { patientId: patient.id } })).toBe(1);
  });

  it("re-asks the first activities at a follow-up and measures change only over those rated both times", async () => {
    signInAs(patient);
    const fourWeeksOn = new Date("2026-12-29T12:00:00Z"); // Auckland: 30 Dec, the second occurrence
    const form = await getOutcomeForm("psfs", fourWeeksOn);
    expect(form.earlierActivities).toEqual(["Climbing stairs", "Putting on socks"]);
    expect(form.due).toMatchObject({ dueDate: "2026-12-30" });
    await submitOutcome(
      {
        instrument: "PSFS",
        answers: activities(["climbing stairs", 6], ["Putting on socks", 5], ["Gardening", 10]),
        assignmentId: form.due?.assignmentId,
        dueDate: form.due?.dueDate,
        clientRequestId: randomUUID(),
      },
      fourWeeksOn,
    );
    signInAs(physio);
    const [psfs] = await getOutcomeResults(patient.id);
    expect(psfs?.points.map((point) => [point.date, point.score])).toEqual([
      ["2026-12-02", 3.5],
      ["2026-12-30", 7],
    ]);
    // Over stairs and socks only: (3 + 1) / 2 = 2, important; the plain means differ by 3.5.
    expect(psfs?.trend).toMatchObject({ change: 2, important: true, direction: "IMPROVED" });
  });
});

describe("the caseload", () => {
  it("shows the latest change per instrument and flags a worse score with its rule", async () => {
    signInAs(patient);
    await submitOutcome(
      {
        instrument: "PSFS",
        answers: activities(["Climbing stairs", 1], ["Putting on socks", 2]),
        clientRequestId: randomUUID(),
      },
      new Date("2027-01-05T12:00:00Z"),
    );
    signInAs(physio);
    const [row] = await getCaseload(new Date("2027-01-05T13:00:00Z"));
    expect(row?.outcomes).toEqual([
      expect.objectContaining({ instrument: "PSFS", change: -2, direction: "WORSE", important: true }),
    ]);
    expect(row?.flags.find((flag) => flag.flag === "WORSE_OUTCOME")?.reason).toBe(
      "PSFS -2 points since 2 Dec (3.5 to 1.5 on 6 Jan; rule: a fall of 2 or more).",
    );
  });
});
