import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { addClinicalNoteAction, addSessionCommentAction } from "@/lib/actions/care";
import { logSessionAction } from "@/lib/actions/logs";
import { addRoutineItemAction, stopRoutineItemAction } from "@/lib/actions/routine";
import { listAccessLog } from "@/lib/data/access-log";
import { auditActionLabels } from "@/lib/data/audit";
import { getCaseload } from "@/lib/data/caseload";
import { listPainEntries } from "@/lib/data/pain";
import { getPatientHome } from "@/lib/data/patient-home";
import { getProgress } from "@/lib/data/progress";
import { getRoutine } from "@/lib/data/routine";
import { listSessions } from "@/lib/data/sessions";
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
import { routineItemInput, sessionInput } from "../support/inputs";
import { testProvider } from "../support/test-database";
import { testSession } from "../support/test-session";

// The audit trail (DESIGN.md sections 5 and 8): who did what to which patient's data, when (UTC),
// with what outcome and from where; append-only down to the database.

const initial: ActionState = { ok: false };
let patientA: TestUser;
let patientB: TestUser;
let physio: TestUser;
let stranger: TestUser;
let clamshellId: string;

beforeAll(async () => {
  await seedCatalog(testDb());
  [patientA, patientB, physio, stranger] = await Promise.all([
    createUser("PATIENT"),
    createUser("PATIENT"),
    createUser("PHYSIO"),
    createUser("PHYSIO"),
  ]);
  await linkCare(physio.id, patientA.id);
  clamshellId = (await testDb().exercise.findUniqueOrThrow({ where: { slug: "clamshell" } })).id;
});

type StoredEvent = Awaited<ReturnType<ReturnType<typeof testDb>["auditEvent"]["findMany"]>>[number];

/** Rows name people by subject key only; for the assertions, the user ids the keys stand for. */
async function withUserIds(rows: StoredEvent[]) {
  const subjects = await testDb().auditSubject.findMany();
  const userOf = new Map(subjects.map((subject) => [subject.key, subject.userId]));
  return rows.map((row) => ({
    ...row,
    actorId: row.actorKey === null ? null : (userOf.get(row.actorKey) ?? null),
    patientId: row.patientKey === null ? null : (userOf.get(row.patientKey) ?? null),
  }));
}

const eventsBy = async (actor: TestUser, action?: string) =>
  withUserIds(
    await testDb().auditEvent.findMany({
      where: { actorKey: await auditKey(actor), ...(action ? { action } : {}) },
      orderBy: { at: "asc" },
    }),
  );
const eventCountBy = async (actor: TestUser) =>
  testDb().auditEvent.count({ where: { actorKey: await auditKey(actor) } });

/** Runs `fn` and returns the audit events it added, oldest first. */
async function eventsDuring(fn: () => Promise<unknown>) {
  const before = new Set((await testDb().auditEvent.findMany({ select: { id: true } })).map((row) => row.id));
  await fn();
  const after = await testDb().auditEvent.findMany({ orderBy: { at: "asc" } });
  return withUserIds(after.filter((row) => !before.has(row.id)));
}

describe("reads", () => {
  it("a physiotherapist's read of a patient's progress is recorded with who, whose, outcome, address and UTC time", async () => {
    signInAs(physio);
    const start = new Date();
    await getProgress(patientA.id, "3m");
    const end = new Date();

    const events = await eventsBy(physio, "READ_PROGRESS");
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      actorId: physio.id,
      actorRole: "PHYSIO",
      patientId: patientA.id,
      outcome: "SUCCESS",
      clientAddress: "203.0.113.7",
    });
    expect(event?.at.getTime()).toBeGreaterThanOrEqual(start.getTime());
    expect(event?.at.getTime()).toBeLessThanOrEqual(end.getTime());
    expect(await storedAt(event?.id ?? "")).toBe(event?.at.toISOString());
  });

  it("records the address the request came from", async () => {
    signInAs(physio);
    testSession.clientAddress = "198.51.100.23";
    try {
      const [event] = await eventsDuring(() => getRoutine(patientA.id));
      expect(event).toMatchObject({ action: "READ_ROUTINE", clientAddress: "198.51.100.23" });
    } finally {
      testSession.clientAddress = "203.0.113.7";
    }
  });

  it("a patient reading their own data records nothing", async () => {
    signInAs(patientA);
    const before = await eventCountBy(patientA);
    await getProgress(patientA.id, "3m");
    await getRoutine(patientA.id);
    await listSessions(patientA.id, 1);
    await listPainEntries(patientA.id, 1);
    await getPatientHome(patientA.id);
    expect(await eventCountBy(patientA)).toBe(before);
  });

  it("the caseload records one summary read per linked patient, and none for a revoked link", async () => {
    const [lead, first, second, former] = await Promise.all([
      createUser("PHYSIO"),
      createUser("PATIENT"),
      createUser("PATIENT"),
      createUser("PATIENT"),
    ]);
    await linkCare(lead.id, first.id);
    await linkCare(lead.id, second.id);
    await linkCare(lead.id, former.id, "REVOKED");
    signInAs(lead);
    const events = await eventsDuring(() => getCaseload());
    expect(
      events.map((event) => [event.action, event.patientId, event.outcome, event.clientAddress]).sort(),
    ).toEqual(
      [
        ["READ_CASELOAD_SUMMARY", first.id, "SUCCESS", "203.0.113.7"],
        ["READ_CASELOAD_SUMMARY", second.id, "SUCCESS", "203.0.113.7"],
      ].sort(),
    );
    expect(events.every((event) => event.actorId === lead.id && event.actorRole === "PHYSIO")).toBe(true);

    signInAs(await createUser("PHYSIO"));
    expect(await eventsDuring(() => getCaseload())).toEqual([]);
  });

  it("a physiotherapist without a link is refused, and the refusal is recorded for the patient", async () => {
    signInAs(stranger);
    const events = await eventsDuring(async () => {
      expect(await navigationOutcome(() => getProgress(patientA.id, "3m"))).toBe("not-found");
    });
    expect(events).toMatchObject([
      {
        actorId: stranger.id,
        actorRole: "PHYSIO",
        action: "ACCESS_DENIED",
        patientId: patientA.id,
        outcome: "DENIED",
        clientAddress: "203.0.113.7",
      },
    ]);
  });

  it("a made-up patient id is recorded as naming nobody (the trail holds subject keys, not ids)", async () => {
    signInAs(stranger);
    const madeUp = "x".repeat(100);
    const events = await eventsDuring(() => navigationOutcome(() => getRoutine(madeUp)));
    expect(events).toMatchObject([{ action: "ACCESS_DENIED", patientKey: null, outcome: "DENIED" }]);
  });
});

/** The `at` column as the database holds it, as an ISO string: UTC, whatever the server's zone. */
async function storedAt(id: string): Promise<string | undefined> {
  if (testProvider() === "postgresql") {
    const [row] = await testDb().$queryRawUnsafe<{ at: string }[]>(
      `SELECT to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM "AuditEvent" WHERE "id" = $1`,
      id,
    );
    return row?.at;
  }
  const [row] = await testDb().$queryRawUnsafe<{ at: number | bigint | string }[]>(
    `SELECT "at" AS at FROM "AuditEvent" WHERE "id" = ?`,
    id,
  );
  const value = row?.at;
  return typeof value === "string" ? new Date(value).toISOString() : new Date(Number(value)).toISOString();
}

describe("writes", () => {
  type WriteCase = {
    name: string;
    actor: () => TestUser;
    run: () => Promise<ActionState>;
    expected: { action: string; outcome: "SUCCESS" | "FAILED" | "DENIED"; patientId: () => string };
    /** The rows of the table the write goes to, counted before and after. */
    rows: () => Promise<number>;
    written: number;
  };

  const sessionsOfA = () => testDb().exerciseSession.count({ where: { patientId: patientA.id } });
  const routineVersionsOfA = () => testDb().routineItemVersion.count({ where: { patientId: patientA.id } });
  const notesOfA = () => testDb().clinicalNote.count({ where: { patientId: patientA.id } });

  const cases: WriteCase[] = [
    {
      name: "a patient logging a session records SESSION_LOGGED for themselves",
      actor: () => patientA,
      run: () => logSessionAction(initial, sessionInput(clamshellId)),
      expected: { action: "SESSION_LOGGED", outcome: "SUCCESS", patientId: () => patientA.id },
      rows: sessionsOfA,
      written: 1,
    },
    {
      name: "a session with pain of 11 records SESSION_LOGGED as FAILED and writes nothing",
      actor: () => patientA,
      run: () => logSessionAction(initial, sessionInput(clamshellId, { painBefore: "11" })),
      expected: { action: "SESSION_LOGGED", outcome: "FAILED", patientId: () => patientA.id },
      rows: sessionsOfA,
      written: 0,
    },
    {
      name: "a physiotherapist prescribing records ROUTINE_ITEM_ADDED for the patient",
      actor: () => physio,
      run: () => addRoutineItemAction(initial, routineItemInput(clamshellId, { patientId: patientA.id })),
      expected: { action: "ROUTINE_ITEM_ADDED", outcome: "SUCCESS", patientId: () => patientA.id },
      rows: routineVersionsOfA,
      written: 1,
    },
    {
      name: "a prescription of 0 sets records ROUTINE_ITEM_ADDED as FAILED and writes nothing",
      actor: () => physio,
      run: () =>
        addRoutineItemAction(initial, routineItemInput(clamshellId, { patientId: patientA.id, sets: "0" })),
      expected: { action: "ROUTINE_ITEM_ADDED", outcome: "FAILED", patientId: () => patientA.id },
      rows: routineVersionsOfA,
      written: 0,
    },
    {
      name: "a physiotherapist without a link prescribing records ROUTINE_ITEM_ADDED as DENIED and writes nothing",
      actor: () => stranger,
      run: () => addRoutineItemAction(initial, routineItemInput(clamshellId, { patientId: patientA.id })),
      expected: { action: "ROUTINE_ITEM_ADDED", outcome: "DENIED", patientId: () => patientA.id },
      rows: routineVersionsOfA,
      written: 0,
    },
    {
      name: "a clinical note records CLINICAL_NOTE_ADDED for the patient",
      actor: () => physio,
      run: () =>
        addClinicalNoteAction(initial, {
          patientId: patientA.id,
          clientRequestId: randomUUID(),
          body: "Better.",
        }),
      expected: { action: "CLINICAL_NOTE_ADDED", outcome: "SUCCESS", patientId: () => patientA.id },
      rows: notesOfA,
      written: 1,
    },
    {
      name: "an empty clinical note records CLINICAL_NOTE_ADDED as FAILED and writes nothing",
      actor: () => physio,
      run: () =>
        addClinicalNoteAction(initial, {
          patientId: patientA.id,
          clientRequestId: randomUUID(),
          body: "   ",
        }),
      expected: { action: "CLINICAL_NOTE_ADDED", outcome: "FAILED", patientId: () => patientA.id },
      rows: notesOfA,
      written: 0,
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, c) => {
    const actor = c.actor();
    signInAs(actor);
    const rowsBefore = await c.rows();
    const start = new Date();
    const events = await eventsDuring(async () => {
      expect((await c.run()).ok).toBe(c.expected.outcome === "SUCCESS");
    });
    expect(await c.rows()).toBe(rowsBefore + c.written);
    const recorded = events.filter((event) => event.action === c.expected.action);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      actorId: actor.id,
      actorRole: actor.role,
      patientId: c.expected.patientId(),
      outcome: c.expected.outcome,
      clientAddress: "203.0.113.7",
    });
    expect(recorded[0]?.at.getTime()).toBeGreaterThanOrEqual(start.getTime());
  });

  it("a rule that refuses a write records it as FAILED", async () => {
    signInAs(physio);
    const prescription = routineItemInput(clamshellId, { patientId: patientA.id });
    expect(await addRoutineItemAction(initial, prescription)).toMatchObject({ ok: true });
    const itemId = (
      await testDb().routineItemVersion.findFirstOrThrow({
        where: { patientId: patientA.id, clientRequestId: prescription.clientRequestId },
      })
    ).routineItemId;
    signInAs(patientA);
    const events = await eventsDuring(async () => {
      expect(await stopRoutineItemAction(initial, { clientRequestId: randomUUID(), itemId })).toMatchObject({
        ok: false,
        message: expect.stringMatching(/prescribed/),
      });
    });
    expect(events).toMatchObject([
      { action: "ROUTINE_ITEM_STOPPED", actorId: patientA.id, outcome: "FAILED" },
    ]);
    expect((await testDb().routineItem.findUniqueOrThrow({ where: { id: itemId } })).stoppedAt).toBeNull();
  });

  it("a comment on someone else's session is recorded as DENIED and writes nothing", async () => {
    signInAs(patientB);
    const input = sessionInput(clamshellId);
    await logSessionAction(initial, input);
    const sessionOfB = await testDb().exerciseSession.findFirstOrThrow({
      where: { patientId: patientB.id, clientRequestId: input.clientRequestId },
    });
    signInAs(physio);
    const events = await eventsDuring(async () => {
      // A's link, B's session: the session is not A's, so it is not found.
      const state = await addSessionCommentAction(initial, {
        patientId: patientA.id,
        sessionId: sessionOfB.id,
        clientRequestId: randomUUID(),
        body: "Nice.",
      });
      expect(state.ok).toBe(false);
    });
    expect(events).toMatchObject([{ action: "COMMENT_ADDED", outcome: "DENIED", patientId: patientA.id }]);
    expect(await testDb().comment.count({ where: { sessionId: sessionOfB.id } })).toBe(0);
  });
});

describe("who has seen my data", () => {
  it("shows a patient what physiotherapists did, with labels, but not their own actions or others' events", async () => {
    const [patient, other, lead, refused] = await Promise.all([
      createUser("PATIENT"),
      createUser("PATIENT"),
      createUser("PHYSIO"),
      createUser("PHYSIO"),
    ]);
    await linkCare(lead.id, patient.id);
    await linkCare(lead.id, other.id);

    signInAs(patient);
    expect(await logSessionAction(initial, sessionInput(clamshellId))).toMatchObject({ ok: true });
    signInAs(lead);
    await getProgress(patient.id, "3m");
    expect(
      await addRoutineItemAction(initial, routineItemInput(clamshellId, { patientId: patient.id })),
    ).toMatchObject({
      ok: true,
    });
    await getProgress(other.id, "3m");
    signInAs(refused);
    await navigationOutcome(() => getRoutine(patient.id));

    signInAs(patient);
    const log = await listAccessLog(1);
    expect(log.pages).toBe(1);
    expect(log.items.map((item) => [item.who, item.role, item.what, item.outcome]).sort()).toEqual(
      [
        [lead.name, "PHYSIO", "Looked at your progress", "SUCCESS"],
        [lead.name, "PHYSIO", "Added an exercise to your routine", "SUCCESS"],
        [refused.name, "PHYSIO", "Tried to open your data and was refused", "DENIED"],
      ].sort(),
    );
    expect(log.items.map((item) => item.what)).not.toContain(auditActionLabels.SESSION_LOGGED);
    const times = log.items.map((item) => item.at.getTime());
    expect(times).toEqual([...times].sort((x, y) => y - x));

    signInAs(other);
    expect((await listAccessLog(1)).items.map((item) => [item.who, item.what])).toEqual([
      [lead.name, "Looked at your progress"],
    ]);
    signInAs(patientB);
    const ofB = (await listAccessLog(1)).items.map((item) => item.who);
    expect(ofB).not.toContain(lead.name);
    expect(ofB).not.toContain(refused.name);
  });
});

describe("the audit trail is append-only", () => {
  async function someEvent() {
    signInAs(physio);
    const [event] = await eventsDuring(() => getRoutine(patientA.id));
    if (!event) throw new Error("No audit event was recorded.");
    return event;
  }

  it("the database refuses to update an event", async () => {
    const event = await someEvent();
    await expect(
      testDb().$executeRawUnsafe(`UPDATE "AuditEvent" SET "outcome" = 'DENIED' WHERE "id" = '${event.id}'`),
    ).rejects.toThrow(/append-only/);
    await expect(
      testDb().auditEvent.update({ where: { id: event.id }, data: { actorKey: null } }),
    ).rejects.toThrow(/append-only/);
    expect(event).toMatchObject(await testDb().auditEvent.findUniqueOrThrow({ where: { id: event.id } }));
  });

  it("the database refuses to delete an event, or all of them", async () => {
    const event = await someEvent();
    const total = await testDb().auditEvent.count();
    await expect(
      testDb().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = '${event.id}'`),
    ).rejects.toThrow(/append-only/);
    await expect(testDb().$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(testDb().auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    if (testProvider() === "postgresql") {
      await expect(testDb().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    }
    expect(await testDb().auditEvent.count()).toBe(total);
  });

  it("no code of the app in lib/ updates or deletes audit events", () => {
    const root = path.join(import.meta.dirname, "../../lib");
    // The retention job is the one exception: an operator command run as the database owner, which
    // the app's role could not run (tests/integration/audit-retention.test.ts).
    const retention = path.join("ops", "audit-retention.ts");
    const sources = (readdirSync(root, { recursive: true }) as string[])
      .filter(
        (file) => /\.tsx?$/.test(file) && !file.startsWith(`generated${path.sep}`) && file !== retention,
      )
      .map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));
    expect(sources.map((source) => source.file)).toContain(path.join("data", "audit.ts"));
    const offending = sources.flatMap(({ file, text }) =>
      [
        ...text.matchAll(/auditEvent\s*\??\.\s*(update|updateMany|upsert|delete|deleteMany)\b/g),
        ...text.matchAll(/(UPDATE|DELETE\s+FROM|TRUNCATE)\s+(TABLE\s+)?"?AuditEvent"?/gi),
      ].map((match) => `${file}: ${match[0]}`),
    );
    expect(offending).toEqual([]);
  });
});
