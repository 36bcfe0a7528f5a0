import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { addClinicalNoteAction } from "@/lib/actions/care";
import { logSessionAction, setGuidedLeadInAction } from "@/lib/actions/logs";
import { submitOutcomeAction } from "@/lib/actions/outcomes";
import { saveSettingsAction } from "@/lib/actions/settings";
import { listAccessLog } from "@/lib/data/access-log";
import { backgroundRefreshDetail } from "@/lib/data/audit";
import { getCaseload } from "@/lib/data/caseload";
import { getProgress } from "@/lib/data/progress";
import { getRoutine } from "@/lib/data/routine";
import { getSession } from "@/lib/data/sessions";
import { seedCatalog } from "../../prisma/seed/catalog";
import {
  auditKey,
  createUser,
  linkCare,
  navigationOutcome,
  signInAs,
  type TestUser,
  testDb,
} from "../support/factories";
import { sessionInput } from "../support/inputs";
import { testProvider } from "../support/test-database";
import { testSession } from "../support/test-session";

// Issue 12, point 4: the audit row is written in the transaction of the change it records, refused
// calls are recorded, and rows name people only by opaque subject keys.

const initial: ActionState = { ok: false };
let patient: TestUser;
let physio: TestUser;
let clamshellId: string;

beforeAll(async () => {
  await seedCatalog(testDb());
  [patient, physio] = await Promise.all([
    createUser("PATIENT", { name: "Rosa Quintero", email: "rosa.quintero@example.com" }),
    createUser("PHYSIO", { name: "Ade Bakare", email: "ade.bakare@physio.example" }),
  ]);
  await linkCare(physio.id, patient.id);
  clamshellId = (await testDb().exercise.findUniqueOrThrow({ where: { slug: "clamshell" } })).id;
});

/** Makes every insert of `action` into the audit table fail, as a full disk or a lost lock would. */
async function breakAuditInsertsOf(action: string): Promise<() => Promise<void>> {
  const db = testDb();
  if (testProvider() === "postgresql") {
    await db.$executeRawUnsafe(`CREATE FUNCTION "test_audit_down"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit insert failed'; END; $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "test_audit_down" BEFORE INSERT ON "AuditEvent"
      FOR EACH ROW WHEN (NEW."action" = '${action}') EXECUTE FUNCTION "test_audit_down"()`);
    return async () => {
      await db.$executeRawUnsafe(`DROP TRIGGER "test_audit_down" ON "AuditEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "test_audit_down"()`);
    };
  }
  await db.$executeRawUnsafe(`CREATE TRIGGER "test_audit_down" BEFORE INSERT ON "AuditEvent"
    WHEN NEW."action" = '${action}' BEGIN SELECT RAISE(ABORT, 'audit insert failed'); END`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER "test_audit_down"`);
  };
}

describe("the audit row and the change it records", () => {
  it("are one transaction: when the audit insert fails, nothing is saved and the page says so", async () => {
    signInAs(patient);
    const before = await testDb().exerciseSession.count({ where: { patientId: patient.id } });
    const repair = await breakAuditInsertsOf("SESSION_LOGGED");
    let state: ActionState;
    try {
      state = await logSessionAction(initial, sessionInput(clamshellId));
    } finally {
      await repair();
    }
    expect(state).toMatchObject({
      ok: false,
      message: "Something went wrong and nothing was saved. Please try again.",
    });
    expect(await testDb().exerciseSession.count({ where: { patientId: patient.id } })).toBe(before);

    // With the audit table working again the same session saves, with exactly one audit row.
    const input = sessionInput(clamshellId);
    expect(await logSessionAction(initial, input)).toMatchObject({ ok: true });
    expect(await testDb().exerciseSession.count({ where: { patientId: patient.id } })).toBe(before + 1);
    expect(
      await testDb().auditEvent.count({
        where: { actorKey: await auditKey(patient), action: "SESSION_LOGGED", outcome: "SUCCESS" },
      }),
    ).toBe(1);
  });

  it("a physiotherapist's note is not kept without its audit row either", async () => {
    signInAs(physio);
    const repair = await breakAuditInsertsOf("CLINICAL_NOTE_ADDED");
    let state: ActionState;
    try {
      state = await addClinicalNoteAction(initial, {
        patientId: patient.id,
        body: "Hip flexor tight.",
        clientRequestId: randomUUID(),
      });
    } finally {
      await repair();
    }
    expect(state).toMatchObject({ ok: false });
    expect(await testDb().clinicalNote.count({ where: { patientId: patient.id } })).toBe(0);
  });
});

describe("writes added since: settings, the lead-in and questionnaires", () => {
  const cases = [
    {
      action: "SETTINGS_SAVED",
      run: () =>
        saveSettingsAction(initial, { name: "Rosa Q", timeZone: "Asia/Tokyo", mainPainArea: "LOWER_BACK" }),
      unchanged: async () =>
        testDb().user.findUniqueOrThrow({
          where: { id: patient.id },
          select: { name: true, timezone: true, mainPainArea: true, _count: { select: { timeZones: true } } },
        }),
    },
    {
      action: "GUIDED_LEAD_IN_SET",
      run: () => setGuidedLeadInAction(initial, { leadInSeconds: "12" }),
      unchanged: async () =>
        testDb().user.findUniqueOrThrow({ where: { id: patient.id }, select: { guidedLeadInSeconds: true } }),
    },
    {
      action: "OUTCOME_COMPLETED",
      run: () =>
        submitOutcomeAction(initial, {
          instrument: "PSFS",
          answers: { choices: {}, activities: [{ name: "Putting on socks", rating: 4 }] },
          clientRequestId: randomUUID(),
        }),
      unchanged: async () => testDb().outcomeResponse.count({ where: { patientId: patient.id } }),
    },
  ];
  it.each(cases)("$action is not kept without its audit row", async ({ action, run, unchanged }) => {
    signInAs(patient);
    const before = await unchanged();
    const repair = await breakAuditInsertsOf(action);
    let state: ActionState;
    try {
      state = await run();
    } finally {
      await repair();
    }
    expect(state).toMatchObject({ ok: false });
    expect(await unchanged()).toEqual(before);
  });
});

describe("refused calls", () => {
  it("a wrong-role call is recorded as WRONG_ROLE_REFUSED and writes nothing", async () => {
    signInAs(patient);
    const outcome = await navigationOutcome(() =>
      addClinicalNoteAction(initial, {
        patientId: patient.id,
        body: "Self note",
        clientRequestId: randomUUID(),
      }),
    );
    expect(outcome).toBe("not-found");
    expect(await testDb().clinicalNote.count()).toBe(0);
    const rows = await testDb().auditEvent.findMany({
      where: { actorKey: await auditKey(patient), action: "WRONG_ROLE_REFUSED" },
    });
    expect(rows).toMatchObject([{ outcome: "DENIED", actorRole: "PATIENT", clientAddress: "203.0.113.7" }]);
  });

  it("anonymous calls: one row per address and hour, never updated, the count in the throttle table", async () => {
    signInAs(null);
    testSession.clientAddress = "198.51.100.201";
    try {
      for (let call = 0; call < 4; call++) {
        expect(await navigationOutcome(() => logSessionAction(initial, sessionInput(clamshellId)))).toBe(
          "redirect:/sign-in",
        );
      }
    } finally {
      testSession.clientAddress = "203.0.113.7";
    }
    const rows = await testDb().auditEvent.findMany({
      where: { action: "ANONYMOUS_REFUSED", clientAddress: "198.51.100.201" },
    });
    expect(rows).toHaveLength(1);
    const hour = new Date().toISOString().slice(0, 13);
    const key = `anonymous-refusal:198.51.100.201:${hour}`;
    expect(rows[0]).toMatchObject({
      outcome: "DENIED",
      actorKey: null,
      onceKey: key,
      detail: "SESSION_LOGGED",
    });
    expect(await testDb().signInThrottle.findUnique({ where: { key } })).toMatchObject({ failures: 4 });
  });

  it("someone else's patient is recorded for that patient; a made-up id names nobody", async () => {
    const stranger = await createUser("PHYSIO");
    signInAs(stranger);
    expect(await navigationOutcome(() => getRoutine(patient.id))).toBe("not-found");
    expect(await navigationOutcome(() => getRoutine("x".repeat(100)))).toBe("not-found");
    const rows = await testDb().auditEvent.findMany({
      where: { actorKey: await auditKey(stranger), action: "ACCESS_DENIED" },
      orderBy: { at: "asc" },
    });
    expect(rows.map((row) => [row.patientKey, row.outcome])).toEqual([
      [await auditKey(patient), "DENIED"],
      [null, "DENIED"],
    ]);
  });
});

describe("someone else's object", () => {
  it("is answered 'not found' and recorded as ACCESS_DENIED for the caller", async () => {
    const other = await createUser("PATIENT");
    signInAs(other);
    expect(await logSessionAction(initial, sessionInput(clamshellId))).toMatchObject({ ok: true });
    const theirs = await testDb().exerciseSession.findFirstOrThrow({ where: { patientId: other.id } });

    signInAs(patient);
    expect(await navigationOutcome(() => getSession(patient.id, theirs.id))).toBe("not-found");
    const rows = await testDb().auditEvent.findMany({
      where: { actorKey: await auditKey(patient), action: "ACCESS_DENIED" },
    });
    expect(rows.map((row) => [row.detail, row.outcome, row.patientKey])).toEqual([
      ["That session", "DENIED", await auditKey(patient)],
    ]);
  });
});

describe("automatic refreshes", () => {
  it("record one read per patient, physiotherapist and hour", async () => {
    signInAs(physio);
    const refreshes = async () =>
      testDb().auditEvent.findMany({
        where: { actorKey: await auditKey(physio), detail: backgroundRefreshDetail },
        select: { action: true, at: true },
        orderBy: { at: "asc" },
      });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (const at of [
        "2026-12-01T09:00:05Z",
        "2026-12-01T09:01:05Z",
        "2026-12-01T09:59:59Z",
        "2026-12-01T10:00:00Z",
      ]) {
        vi.setSystemTime(new Date(at));
        await getCaseload(new Date(at), { background: true });
        await getProgress(patient.id, "2w", new Date(at), { background: true });
      }
    } finally {
      vi.useRealTimers();
    }
    expect((await refreshes()).map((row) => [row.action, row.at.toISOString()])).toEqual([
      ["READ_CASELOAD_SUMMARY", "2026-12-01T09:00:05.000Z"],
      ["READ_PROGRESS", "2026-12-01T09:00:05.000Z"],
      ["READ_CASELOAD_SUMMARY", "2026-12-01T10:00:00.000Z"],
      ["READ_PROGRESS", "2026-12-01T10:00:00.000Z"],
    ]);
  });
});

describe("people in the trail", () => {
  it("are opaque keys: no row holds a user id, a name or an e-mail address", async () => {
    const users = await testDb().user.findMany({ select: { id: true, name: true, email: true } });
    const rows = await testDb().auditEvent.findMany();
    expect(rows.length).toBeGreaterThan(3);
    const leaks = rows.flatMap((row) =>
      users.flatMap((user) =>
        [user.id, user.name, user.email]
          .filter((value) =>
            Object.values(row).some((field) => typeof field === "string" && field.includes(value)),
          )
          .map((value) => `${row.id} (${row.action}) holds ${value}`),
      ),
    );
    expect(leaks).toEqual([]);
  });

  it("erasing a person deletes their subject row and changes no audit row", async () => {
    signInAs(physio);
    await getRoutine(patient.id);
    signInAs(patient);
    const who = async () => (await listAccessLog(1)).items.map((entry) => entry.who);
    expect(await who()).toContain("Ade Bakare");
    const before = await testDb().auditEvent.findMany({ orderBy: { id: "asc" } });
    await testDb().auditSubject.delete({ where: { userId: physio.id } });
    expect(await testDb().auditEvent.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await who()).not.toContain("Ade Bakare");
  });
});
