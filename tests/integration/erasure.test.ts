// "Delete my account" and the erasure ledger against a real database (both providers): what an
// erasure leaves (searched in every table and column), the audit rows kept unchanged with their
// subject key gone, the "Former physiotherapist" placeholder, the refusals that delete nothing, and
// a restore of a backup taken before the erasure, which erases the person again.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { initialActionState } from "@/lib/actions/action-state";
import { deleteAccountAction } from "@/lib/actions/erasure";
import { totpCode } from "@/lib/auth/totp";
import { config } from "@/lib/config";
import { listSessionComments } from "@/lib/data/clinical-notes";
import { getCurrentUser } from "@/lib/data/current-user";
import { listDetachedNotes } from "@/lib/data/detached-notes";
import { deleteOwnAccount } from "@/lib/data/erasure";
import { takeCareTeamNotices } from "@/lib/data/notices";
import { getRoutine } from "@/lib/data/routine";
import { confirmEnrolment, startEnrolment } from "@/lib/data/two-factor";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { readLedger } from "@/lib/erasure/ledger";
import { erasedPatient, formerPhysio } from "@/lib/erasure/placeholders";
import { purgeExpiredDetachedNotes } from "@/lib/erasure/retention";
import { createBackup } from "@/lib/ops/backup";
import { restoreBackup } from "@/lib/ops/restore";
import type { OpsSettings } from "@/lib/ops/settings";
import { seedCatalog } from "../../prisma/seed/catalog";
import { auditKey, createUser, linkCare, signInAs, type TestUser, testDb } from "../support/factories";
import { createEmptyDatabase, type TestDatabase, testProvider } from "../support/test-database";

const provider = testProvider();
const scratch = mkdtempSync(path.join(tmpdir(), "hbc-erasure-"));
const databases: TestDatabase[] = [];
beforeAll(async () => {
  await seedCatalog(testDb());
});
afterAll(async () => {
  for (const database of databases) await database.drop();
  rmSync(scratch, { recursive: true, force: true });
});

let address = "203.0.113.10";
beforeEach(() => {
  address = `203.0.113.${Math.floor(Math.random() * 200) + 20}-${randomUUID().slice(0, 4)}`;
});

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

/** A distinctive person: their name and e-mail appear nowhere else in the database. */
async function person(role: "PATIENT" | "PHYSIO") {
  const tag = randomUUID().slice(0, 8);
  return createUser(role, {
    name: role === "PATIENT" ? `Rosalind Quill ${tag}` : `Octavia Brennan ${tag}`,
    email: `${role === "PATIENT" ? "rosalind" : "octavia"}.${tag}@example.test`,
  });
}

/** Every row of every table of the app, as text, with the table it came from. */
async function everyRow(
  client: Db = testDb(),
): Promise<{ table: string; row: Record<string, unknown>; text: string }[]> {
  const tables =
    provider === "sqlite"
      ? await client.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
        )
      : await client.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
        );
  expect(tables.length).toBeGreaterThan(20);
  const rows: { table: string; row: Record<string, unknown>; text: string }[] = [];
  for (const { name } of tables) {
    for (const row of await client.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`)) {
      const text = JSON.stringify(row, (_key, value) => (typeof value === "bigint" ? String(value) : value));
      rows.push({ table: name, row, text });
    }
  }
  return rows;
}

/** The rows that still hold any of the person's id, name or e-mail address. */
async function traces(user: TestUser, client: Db = testDb()) {
  const needles = [user.id, user.name, user.email, user.email.split("@")[0] ?? user.email];
  return (await everyRow(client)).filter(({ text }) => needles.some((needle) => text.includes(needle)));
}

/** A patient with something in every kind of their data, linked to a physiotherapist who wrote to them. */
async function busyPatient() {
  const db = testDb();
  const patient = await person("PATIENT");
  const physio = await person("PHYSIO");
  await linkCare(physio.id, patient.id);
  const exercise = await db.exercise.findFirstOrThrow({ select: { id: true } });
  const at = new Date("2026-11-20T08:00:00Z");
  const session = await db.exerciseSession.create({
    data: {
      patientId: patient.id,
      startedAt: at,
      durationSeconds: 900,
      notes: "Felt fine",
      source: "QUICK_LOG",
      clientRequestId: randomUUID(),
      entries: {
        create: [{ exerciseId: exercise.id, position: 0, side: "BOTH", sets: 2, reps: 10, holdSeconds: 0 }],
      },
    },
  });
  await db.exerciseSessionRevision.create({
    data: {
      sessionId: session.id,
      patientId: patient.id,
      version: 1,
      change: "EDITED",
      snapshot: "{}",
      changedById: patient.id,
      clientRequestId: randomUUID(),
    },
  });
  const pain = await db.painEntry.create({
    data: {
      patientId: patient.id,
      rating: 4,
      region: "LEFT_HIP",
      context: "CHECK_IN",
      recordedAt: at,
      clientRequestId: randomUUID(),
    },
  });
  await db.painEntryRevision.create({
    data: {
      painEntryId: pain.id,
      patientId: patient.id,
      version: 1,
      change: "EDITED",
      snapshot: "{}",
      changedById: patient.id,
      clientRequestId: randomUUID(),
    },
  });
  const routine = await db.routine.create({ data: { patientId: patient.id } });
  const item = await db.routineItem.create({
    data: {
      routineId: routine.id,
      exerciseId: exercise.id,
      position: 0,
      sets: 2,
      reps: 10,
      holdSeconds: 0,
      perSide: false,
      daysOfWeek: 127,
      setById: physio.id,
      setByRole: "PHYSIO",
    },
  });
  await db.routineItemVersion.create({
    data: {
      routineItemId: item.id,
      patientId: patient.id,
      version: 1,
      change: "CREATED",
      exerciseId: exercise.id,
      position: 0,
      sets: 2,
      reps: 10,
      holdSeconds: 0,
      perSide: false,
      daysOfWeek: 127,
      changedById: physio.id,
      changedByRole: "PHYSIO",
      clientRequestId: randomUUID(),
    },
  });
  const comment = await db.comment.create({
    data: {
      authorId: physio.id,
      patientId: patient.id,
      sessionId: session.id,
      body: "Nice work",
      clientRequestId: randomUUID(),
    },
  });
  const reply = await db.comment.create({
    data: {
      authorId: patient.id,
      patientId: patient.id,
      sessionId: session.id,
      body: `Thanks, ${patient.name} here`,
      clientRequestId: randomUUID(),
    },
  });
  await db.commentRevision.create({
    data: {
      commentId: reply.id,
      patientId: patient.id,
      version: 1,
      change: "EDITED",
      body: "Thanks",
      changedById: patient.id,
      clientRequestId: randomUUID(),
    },
  });
  await db.clinicalNote.create({
    data: {
      physioId: physio.id,
      patientId: patient.id,
      body: "Assessment: hip stiffness, no red flags.",
      clientRequestId: randomUUID(),
    },
  });
  const assignment = await db.outcomeAssignment.create({
    data: {
      patientId: patient.id,
      physioId: physio.id,
      instrument: "psfs",
      firstDueDate: "2026-11-20",
      everyWeeks: 2,
      clientRequestId: randomUUID(),
    },
  });
  await db.outcomeResponse.create({
    data: {
      patientId: patient.id,
      instrument: "psfs",
      instrumentVersion: 1,
      assignmentId: assignment.id,
      dueDate: "2026-11-20",
      answers: "[]",
      score: 5,
      completedAt: at,
      clientRequestId: randomUUID(),
    },
  });
  await db.outcomeDraft.create({ data: { patientId: patient.id, instrument: "groc", answers: "{}" } });
  await db.guidedSessionDraft.create({ data: { patientId: patient.id, startedAt: at, state: "{}" } });
  await db.userTimeZone.create({
    data: { userId: patient.id, timeZone: "Europe/London", validFrom: new Date(0) },
  });
  await db.careInvite.create({
    data: {
      physioId: physio.id,
      patientEmail: patient.email,
      tokenHash: randomUUID(),
      codeHash: randomUUID(),
      status: "ACCEPTED",
      acceptedById: patient.id,
      expiresAt: at,
    },
  });
  await db.revokedSession.create({
    data: { sessionId: randomUUID(), userId: patient.id, expiresAt: new Date("2027-01-01T00:00:00Z") },
  });
  await db.signInThrottle.createMany({
    data: [
      { key: `account:${patient.email}`, failures: 1, windowStart: at, lastFailure: at },
      { key: `pair:${patient.email}|192.0.2.1`, failures: 1, windowStart: at, lastFailure: at },
      { key: `invite-code:account:${patient.id}`, failures: 1, windowStart: at, lastFailure: at },
    ],
  });
  // Audit rows about them, as the app writes them: by subject key.
  const patientKey = await auditKey(patient);
  const physioKey = await auditKey(physio);
  await db.auditEvent.createMany({
    data: [
      {
        actorKey: physioKey,
        actorRole: "PHYSIO",
        action: "READ_SESSIONS",
        patientKey,
        outcome: "SUCCESS",
        at,
      },
      {
        actorKey: patientKey,
        actorRole: "PATIENT",
        action: "SESSION_LOGGED",
        patientKey,
        outcome: "SUCCESS",
        at,
      },
    ],
  });
  return { patient, physio, patientKey, physioKey, sessionId: session.id, commentId: comment.id };
}

const auditRowsOf = (key: string) =>
  testDb().auditEvent.findMany({
    where: { OR: [{ actorKey: key }, { patientKey: key }] },
    orderBy: { id: "asc" },
  });

describe("a patient deletes their account", () => {
  it("leaves no personal data of theirs in any table: only the notes kept under the stated rule", async () => {
    const { patient, physio, patientKey } = await busyPatient();
    const before = await auditRowsOf(patientKey);
    expect((await traces(patient)).length).toBeGreaterThan(15);

    signInAs(patient);
    const result = await deleteOwnAccount({ password: patient.password, confirm: "yes" }, address);
    expect(result).toMatchObject({ status: "deleted", erased: { role: "PATIENT", notesKept: 1 } });

    const left = await traces(patient);
    // The one row left is the physiotherapist's note, detached: it keeps the name the patient had.
    expect(left.map(({ table }) => table)).toEqual(["ClinicalNote"]);
    expect(left[0]?.text).not.toContain(patient.id);
    expect(left[0]?.text).not.toContain(patient.email);
    const note = await testDb().clinicalNote.findFirstOrThrow({ where: { physioId: physio.id } });
    expect(note).toMatchObject({
      patientId: erasedPatient.id,
      patientLabel: patient.name,
      body: "Assessment: hip stiffness, no red flags.",
    });
    expect(note.detachedAt).toBeInstanceOf(Date);

    // The audit rows are all still there, unchanged, and their key names nobody any more.
    const after = await auditRowsOf(patientKey);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.filter((row) => !before.some((old) => old.id === row.id))).toEqual([
      expect.objectContaining({
        action: "ACCOUNT_DELETED",
        outcome: "SUCCESS",
        actorKey: patientKey,
        patientKey,
      }),
    ]);
    expect(await testDb().auditSubject.findUnique({ where: { key: patientKey } })).toBeNull();

    // Every session of theirs has ended: the account no longer exists.
    expect(await getCurrentUser()).toBeNull();
    // The ledger holds only the id and the time.
    const ledger = readLedger(config().erasureLedgerPath);
    expect(ledger.at(-1)).toEqual({ userId: patient.id, erasedAt: expect.any(String) });
    expect(Object.keys(ledger.at(-1) ?? {})).toEqual(["userId", "erasedAt"]);
  });

  it("keeps the physiotherapist's links to their other patients and their own account", async () => {
    const { patient, physio } = await busyPatient();
    const other = await person("PATIENT");
    await linkCare(physio.id, other.id);
    signInAs(patient);
    await deleteOwnAccount({ password: patient.password, confirm: "yes" }, address);
    expect(await testDb().careLink.count({ where: { physioId: physio.id } })).toBe(1);
    expect(await testDb().user.count({ where: { id: physio.id } })).toBe(1);
  });

  it("deletes nothing on a wrong password, and says so at the password field", async () => {
    const { patient } = await busyPatient();
    // The wrong guess itself is counted (a sign-in throttle row keyed on the e-mail); nothing else changes.
    const kept = async () =>
      (await traces(patient)).filter(({ table }) => table !== "SignInThrottle").map(({ text }) => text);
    const rows = await kept();
    signInAs(patient);
    const state = await deleteAccountAction(
      initialActionState,
      form({ password: "not my password", confirm: "yes" }),
    );
    expect(state.ok).toBe(false);
    expect(state.errors?.password).toEqual(["That is not your password. Nothing was deleted."]);
    expect(await kept()).toEqual(rows);
    const refused = await testDb().auditEvent.count({
      where: { actorKey: await auditKey(patient), action: "ACCOUNT_DELETED", outcome: "FAILED" },
    });
    expect(refused).toBe(1);
  });

  it("asks for the confirmation box and the password before anything is checked", async () => {
    const patient = await person("PATIENT");
    signInAs(patient);
    const state = await deleteAccountAction(initialActionState, form({ password: "" }));
    expect(state.errors?.password).toEqual(["Enter your password."]);
    expect(state.errors?.confirm).toEqual([
      "Tick the box to confirm that you want your account and data deleted.",
    ]);
    expect(await testDb().user.count({ where: { id: patient.id } })).toBe(1);
  });

  it("with two-factor sign-in, needs a right code too: a missing or wrong one deletes nothing", async () => {
    const patient = await person("PATIENT");
    const t0 = new Date();
    const enrolment = await startEnrolment(patient);
    if (!enrolment) throw new Error("expected an enrolment");
    const enrolled = await confirmEnrolment(
      patient,
      totpCode(enrolment.secret, new Date(t0.getTime() - 60_000)),
      address,
      new Date(t0.getTime() - 60_000),
    );
    expect(enrolled.status).toBe("ok");
    signInAs(patient);

    const missing = await deleteAccountAction(
      initialActionState,
      form({ password: patient.password, confirm: "yes" }),
    );
    expect(missing.errors?.code).toEqual([
      "Enter the code from your authenticator app (or a recovery code).",
    ]);
    const wrongCode = totpCode(enrolment.secret, t0) === "000000" ? "111111" : "000000";
    const wrong = await deleteAccountAction(
      initialActionState,
      form({ password: patient.password, code: wrongCode, confirm: "yes" }),
    );
    expect(wrong.errors?.code).toEqual(["That code is not right. Nothing was deleted."]);
    expect(await testDb().user.count({ where: { id: patient.id } })).toBe(1);
    expect(await testDb().twoFactor.count({ where: { userId: patient.id } })).toBe(1);

    const result = await deleteOwnAccount(
      { password: patient.password, code: totpCode(enrolment.secret, t0), confirm: "yes" },
      address,
      { now: t0 },
    );
    expect(result.status).toBe("deleted");
    expect(await traces(patient)).toEqual([]);
  });
});

describe("a physiotherapist deletes their account", () => {
  it("ends their links, leaves 'Former physiotherapist' where their name was, tells the patients once, and keeps no trace of them", async () => {
    const { patient, physio, physioKey, sessionId } = await busyPatient();
    const before = await auditRowsOf(physioKey);
    signInAs(physio);
    const result = await deleteOwnAccount({ password: physio.password, confirm: "yes" }, address);
    expect(result).toMatchObject({ status: "deleted", erased: { role: "PHYSIO", patientsNotified: 1 } });

    expect(await traces(physio)).toEqual([]);
    const after = await auditRowsOf(physioKey);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(await testDb().auditSubject.findUnique({ where: { key: physioKey } })).toBeNull();
    expect(await testDb().careLink.count({ where: { patientId: patient.id } })).toBe(0);
    // Their own notes went with them; the patient's data is all still there.
    expect(await testDb().clinicalNote.count({ where: { patientId: patient.id } })).toBe(0);
    expect(await testDb().outcomeResponse.count({ where: { patientId: patient.id } })).toBe(1);

    // What the patient sees keeps its meaning.
    signInAs(patient);
    const routine = await getRoutine(patient.id);
    expect(routine.map((item) => item.setBy)).toEqual([{ name: formerPhysio.name, role: "PHYSIO" }]);
    const threads = await listSessionComments(patient.id, [sessionId]);
    expect(threads[sessionId]?.map((message) => [message.author, message.authorRole])).toEqual([
      [formerPhysio.name, "PHYSIO"],
      [patient.name, "PATIENT"],
    ]);
    const assignment = await testDb().outcomeAssignment.findFirstOrThrow({
      where: { patientId: patient.id },
    });
    expect(assignment.physioId).toBe(formerPhysio.id);
    expect(assignment.endedAt).toBeInstanceOf(Date);

    // The notice shows once.
    expect(await takeCareTeamNotices()).toEqual(["PHYSIO_ACCOUNT_CLOSED"]);
    expect(await takeCareTeamNotices()).toEqual([]);
  });

  it("cannot be signed in as the placeholder", async () => {
    const { physio } = await busyPatient();
    signInAs(physio);
    await deleteOwnAccount({ password: physio.password, confirm: "yes" }, address);
    const placeholder = await testDb().user.findUniqueOrThrow({ where: { id: formerPhysio.id } });
    expect(placeholder.email).not.toMatch(/@/);
    expect(placeholder.passwordHash).toBe("!");
  });
});

describe("detached notes and their retention period", () => {
  it("shows the author their notes about an erased patient until the period ends, then purges them", async () => {
    const { patient, physio } = await busyPatient();
    signInAs(patient);
    const erasedAt = new Date("2026-12-02T09:00:00Z");
    await deleteOwnAccount({ password: patient.password, confirm: "yes" }, address, { now: erasedAt });

    signInAs(physio);
    const groups = await listDetachedNotes(new Date("2030-01-01T00:00:00Z"));
    expect(groups).toEqual([
      {
        patientLabel: patient.name,
        erasedAt,
        keptUntil: new Date("2034-12-02T09:00:00Z"),
        notes: [expect.objectContaining({ body: "Assessment: hip stiffness, no red flags." })],
      },
    ]);
    // Another physiotherapist sees none of them.
    signInAs(await person("PHYSIO"));
    expect(await listDetachedNotes(new Date("2030-01-01T00:00:00Z"))).toEqual([]);

    // `npm run audit:retention` deletes them once 8 years have passed, not before (notes of other
    // tests' erasures, made earlier today, may go in the first call).
    const notesOfPhysio = () => testDb().clinicalNote.count({ where: { physioId: physio.id } });
    await purgeExpiredDetachedNotes(testDb(), new Date("2034-12-02T08:59:00Z"));
    expect(await notesOfPhysio()).toBe(1);
    expect(
      await purgeExpiredDetachedNotes(testDb(), new Date("2034-12-02T09:01:00Z")),
    ).toBeGreaterThanOrEqual(1);
    expect(await notesOfPhysio()).toBe(0);
  });
});

describe("the erasure ledger and npm run restore", () => {
  function installation(databaseUrl: string, ledger: string | null): OpsSettings {
    const root = mkdtempSync(path.join(scratch, "install-"));
    const dataDir = path.join(root, "data");
    mkdirSync(dataDir);
    const erasureLedgerPath = ledger ?? path.join(dataDir, "erasure-ledger.jsonl");
    return { databaseUrl, provider, dataDir, backupDir: path.join(root, "backups"), erasureLedgerPath };
  }
  async function freshDatabase(): Promise<string> {
    const database = await createEmptyDatabase(provider);
    databases.push(database);
    return database.url;
  }

  it("erases again a person a backup taken before their erasure brings back, once the live database is gone", async () => {
    const { patient, physio, patientKey } = await busyPatient();
    const source = installation(process.env.DATABASE_URL ?? "", config().erasureLedgerPath);
    const { folder } = await createBackup(source, new Date("2026-12-02T06:00:00Z"));
    const auditInBackup = await auditRowsOf(patientKey);

    signInAs(patient);
    expect((await deleteOwnAccount({ password: patient.password, confirm: "yes" }, address)).status).toBe(
      "deleted",
    );

    // The live database is lost: the backup goes into a new, empty one, with the live ledger.
    const target = installation(await freshDatabase(), config().erasureLedgerPath);
    const result = await restoreBackup(target, folder);
    expect(result.stepsRun).toEqual(["erasure ledger"]);

    const restored = createPrismaClient(target.databaseUrl);
    try {
      const needles = [patient.id, patient.name, patient.email];
      const left = (await everyRow(restored)).filter(({ text }) => needles.some((n) => text.includes(n)));
      expect(left.map(({ table }) => table)).toEqual(["ClinicalNote"]);
      expect(await restored.auditSubject.findUnique({ where: { key: patientKey } })).toBeNull();
      // The backup's audit rows about them are there, unchanged, naming nobody.
      const rows = await restored.auditEvent.findMany({
        where: { OR: [{ actorKey: patientKey }, { patientKey }] },
        orderBy: { id: "asc" },
      });
      expect(rows).toEqual(auditInBackup);
      expect(await restored.auditEvent.count({ where: { action: "ACCOUNT_ERASED_AFTER_RESTORE" } })).toBe(1);
      // Everyone else came back.
      expect(await restored.user.count({ where: { id: physio.id } })).toBe(1);
    } finally {
      await restored.$disconnect();
    }
  });

  it("refuses to restore without the ledger, before replacing anything, unless told this is a new installation", async () => {
    const source = installation(process.env.DATABASE_URL ?? "", config().erasureLedgerPath);
    const { folder } = await createBackup(source, new Date("2026-12-02T06:30:00Z"));
    const target = installation(await freshDatabase(), null);

    await expect(restoreBackup(target, folder)).rejects.toThrow(
      `The erasure ledger ${target.erasureLedgerPath} is missing.`,
    );
    expect(existsSync(target.erasureLedgerPath)).toBe(false);
    const untouched = createPrismaClient(target.databaseUrl);
    try {
      await expect(untouched.user.count()).rejects.toThrow();
    } finally {
      await untouched.$disconnect();
    }

    const result = await restoreBackup(target, folder, { withoutErasureLedger: true });
    expect(result.stepsRun).toEqual(["erasure ledger"]);
    expect(readFileSync(target.erasureLedgerPath, "utf8")).toBe("");
  });

  it("refuses a ledger with an unreadable line", async () => {
    const source = installation(process.env.DATABASE_URL ?? "", config().erasureLedgerPath);
    const { folder } = await createBackup(source, new Date("2026-12-02T06:45:00Z"));
    const target = installation(await freshDatabase(), null);
    writeFileSync(
      target.erasureLedgerPath,
      '{"userId":"a","erasedAt":"2026-12-02T07:00:00.000Z"}\nnot json\n',
    );
    await expect(restoreBackup(target, folder)).rejects.toThrow("has an unreadable line 2");
  });
});
