import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { applyMigrations, migrationsDirectory, readMigrations } from "@/lib/db/migrate";
import { type DatabaseProvider, sqliteFilePath } from "@/lib/db/provider";
import { createEmptyDatabase, type TestDatabase, testProvider } from "../support/test-database";
import { actAs } from "../support/test-session";

// Upgrades keep data. Every migration folder of both providers holds a fixture.sql: rows as the app
// had written them right after that migration. This test walks the chain once (apply a migration,
// insert its fixture, apply the next, ...), checks after every step that each row inserted so far
// is still there with the same values, then reads the rows through today's data layer.
// A new migration needs its fixture.sql for both providers (`npm run db:migration` writes a
// template); a migration that drops or rewrites rows on purpose says so in a data-changes.md in its
// folder and in `declaredDataChanges` below.

type DataChange = { table: string; columns?: string[]; why: string };

/** Rows a migration changes on purpose, by folder name. Without `columns`, rows of the table may go. */
const declaredDataChanges: Record<string, DataChange[]> = {
  "20261201074557_one_pain_model": [
    {
      table: "ExerciseSession",
      columns: ["painBefore", "painAfter"],
      why: "pain before/after a session moves into PainEntry rows (region NOT_GIVEN); the columns go",
    },
  ],
  "20261202021446_trusted_audit": [
    {
      table: "AuditEvent",
      columns: ["actorId", "patientId", "detail"],
      why: "raw user ids become opaque subject keys (AuditSubject); details naming people are scrubbed",
    },
  ],
};

const providers: DatabaseProvider[] = ["sqlite", "postgresql"];
const templateMarker = "fixture not written yet";
const fixtureNow = new Date("2026-11-20T12:00:00.000Z");

const fixtureFile = (provider: DatabaseProvider, migration: string) =>
  path.join(migrationsDirectory(provider), migration, "fixture.sql");
const relative = (file: string) => path.relative(process.cwd(), file);

type Row = Record<string, unknown>;
/** table -> primary key -> row */
type Snapshot = Map<string, Map<string, Row>>;

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Buffer.isBuffer(value)) return value.toString("hex");
  return value;
}

function keyed(rows: Row[], keys: string[]): Map<string, Row> {
  return new Map(
    rows.map((row) => [
      keys.map((key) => String(row[key])).join("|"),
      Object.fromEntries(Object.entries(row).map(([column, value]) => [column, normalise(value)])),
    ]),
  );
}

function sqliteSnapshot(url: string): Snapshot {
  const db = new Database(sqliteFilePath(url));
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
      )
      .all() as { name: string }[];
    const snapshot: Snapshot = new Map();
    for (const { name } of tables) {
      const keys = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; pk: number }[])
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name);
      snapshot.set(name, keyed(db.prepare(`SELECT * FROM "${name}"`).all() as Row[], keys));
    }
    return snapshot;
  } finally {
    db.close();
  }
}

async function postgresSnapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    const keys = await client.query<{ table_name: string; column_name: string }>(
      `SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu
           ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
        WHERE tc.table_schema = 'public' AND tc.constraint_type = 'PRIMARY KEY'
        ORDER BY kcu.ordinal_position`,
    );
    const snapshot: Snapshot = new Map();
    for (const { table_name: name } of tables.rows) {
      const rows = await client.query<Row>(`SELECT * FROM "${name}"`);
      const tableKeys = keys.rows.filter((key) => key.table_name === name).map((key) => key.column_name);
      snapshot.set(name, keyed(rows.rows, tableKeys));
    }
    return snapshot;
  } finally {
    await client.end();
  }
}

const takeSnapshot = (provider: DatabaseProvider, url: string) =>
  provider === "sqlite" ? Promise.resolve(sqliteSnapshot(url)) : postgresSnapshot(url);

async function runFixture(provider: DatabaseProvider, url: string, sql: string): Promise<void> {
  if (provider === "sqlite") {
    const db = new Database(sqliteFilePath(url));
    try {
      db.pragma("foreign_keys = ON");
      db.transaction(() => db.exec(sql))();
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** What `migration` did to the rows that were there before it, apart from what it declares. */
function unexpectedChanges(before: Snapshot, after: Snapshot, migration: string): string[] {
  const declared = declaredDataChanges[migration] ?? [];
  const problems = new Set<string>();
  for (const [table, rows] of before) {
    const changes = declared.filter((change) => change.table === table);
    if (changes.some((change) => !change.columns)) continue;
    const allowed = new Set(changes.flatMap((change) => change.columns ?? []));
    const afterRows = after.get(table);
    if (!afterRows) {
      problems.add(`${migration} dropped table ${table}`);
      continue;
    }
    for (const [key, row] of rows) {
      const kept = afterRows.get(key);
      if (!kept) {
        problems.add(`${migration} lost ${table} row ${key}`);
        continue;
      }
      for (const [column, value] of Object.entries(row)) {
        if (allowed.has(column)) continue;
        if (!(column in kept)) problems.add(`${migration} dropped column ${table}.${column}`);
        else if (!isDeepStrictEqual(kept[column], value)) {
          problems.add(
            `${migration} changed ${table} row ${key}, ${column}: ${JSON.stringify(value)} -> ${JSON.stringify(kept[column])}`,
          );
        }
      }
    }
  }
  return [...problems];
}

describe("migration fixtures", () => {
  it("exist for every migration folder of both databases, written rather than left as the template", () => {
    const problems: string[] = [];
    for (const provider of providers) {
      for (const { name } of readMigrations(provider)) {
        const file = fixtureFile(provider, name);
        if (!existsSync(file)) problems.push(`${relative(file)} is missing`);
        else if (readFileSync(file, "utf8").includes(templateMarker)) {
          problems.push(`${relative(file)} is still the template`);
        }
      }
    }
    expect(
      problems,
      "Each migration folder needs a fixture.sql with the rows the app had written right after it (see tests/integration/upgrade.test.ts)",
    ).toEqual([]);
  });

  it("declare data changes in the migration's folder and in this test alike", () => {
    const inFolders = providers.flatMap((provider) =>
      readMigrations(provider)
        .map((migration) => migration.name)
        .filter((name) => existsSync(path.join(migrationsDirectory(provider), name, "data-changes.md"))),
    );
    expect([...new Set(inFolders)].sort()).toEqual(Object.keys(declaredDataChanges).sort());
  });
});

const provider = testProvider();

describe(`${provider}: upgrading through every migration with data in place`, () => {
  let database: TestDatabase;
  let final: Snapshot = new Map();
  const problems: string[] = [];
  let rowsCarried = 0;

  beforeAll(async () => {
    database = await createEmptyDatabase(provider);
    let previous: Snapshot | null = null;
    for (const { name } of readMigrations(provider)) {
      expect(await applyMigrations(database.url, process.cwd(), name)).toEqual([name]);
      if (previous) {
        problems.push(...unexpectedChanges(previous, await takeSnapshot(provider, database.url), name));
        for (const rows of previous.values()) rowsCarried += rows.size;
      }
      const fixture = fixtureFile(provider, name);
      if (existsSync(fixture)) {
        try {
          await runFixture(provider, database.url, readFileSync(fixture, "utf8"));
        } catch (error) {
          throw new Error(`${relative(fixture)} did not apply right after its migration: ${String(error)}`);
        }
      }
      previous = await takeSnapshot(provider, database.url);
    }
    final = previous ?? new Map();
    // From here on the app's own client (lib/db) opens the upgraded database.
    process.env.DATABASE_URL = database.url;
  }, 120_000);

  afterAll(async () => {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    await database?.drop();
  });

  it("keeps every row, with its values, through each later migration", () => {
    expect(rowsCarried).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("has fixture rows in every table and a value in every column, so each one is carried", () => {
    const gaps: string[] = [];
    for (const [table, rows] of final) {
      if (rows.size === 0) {
        gaps.push(`${table} has no rows: add some to the fixture.sql of the migration that created it`);
        continue;
      }
      const columns = new Set([...rows.values()].flatMap((row) => Object.keys(row)));
      for (const column of columns) {
        if ([...rows.values()].every((row) => row[column] === null)) {
          gaps.push(`${table}.${column} is NULL in every fixture row`);
        }
      }
    }
    expect(final.size).toBeGreaterThan(0);
    expect(gaps).toEqual([]);
  });

  const maya = {
    id: "fx-user-maya",
    name: "Maya Okafor",
    email: "maya.okafor@example.com",
    role: "PATIENT" as const,
    sessionVersion: 1,
  };
  const sam = {
    id: "fx-user-sam",
    name: "Sam Whitfield",
    email: "sam.whitfield@example.org",
    role: "PATIENT" as const,
    sessionVersion: 0,
  };
  const daniel = {
    id: "fx-user-daniel",
    name: "Daniel Brooks",
    email: "daniel.brooks@physio.example",
    role: "PHYSIO" as const,
    sessionVersion: 0,
  };

  it("lets the fixture patient sign in with her password and refuses the session she signed out of", async () => {
    const { authenticate } = await import("@/lib/data/sign-in");
    const { getCurrentUser } = await import("@/lib/data/current-user");
    const result = await authenticate(maya.email, "bridge-and-clamshell-2026", "203.0.113.45");
    expect(result).toEqual({ status: "ok", user: maya });

    actAs(maya);
    expect(await getCurrentUser()).toEqual({
      id: maya.id,
      name: maya.name,
      email: maya.email,
      role: "PATIENT",
      timezone: "Europe/London",
    });
    actAs({ ...maya, sessionId: "8c1d6f2e-3b4a-4e5f-9a0b-7c6d5e4f3a21" });
    expect(await getCurrentUser()).toBeNull();
  });

  it("keeps counting the address that was failing to sign in, under the one throttle's rules", async () => {
    const { authenticate } = await import("@/lib/data/sign-in");
    vi.useFakeTimers({ toFake: ["Date"] });
    // The fixture's 22 failures from 192.0.2.66 opened a window at 11:20; the address rule allows 30 in 15 minutes.
    vi.setSystemTime(new Date("2026-11-20T11:25:00.000Z"));
    try {
      for (let i = 0; i < 8; i++) {
        expect(await authenticate(`someone-${i}@example.com`, "guess", "192.0.2.66")).toEqual({
          status: "invalid",
        });
      }
      expect(await authenticate("someone@example.com", "guess", "192.0.2.66")).toEqual({
        status: "throttled",
        retryAfterSeconds: 600,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows the patient her sessions, revisions, pain entries and routine", async () => {
    const { listSessions, listSessionRevisions } = await import("@/lib/data/sessions");
    const { listPainEntries } = await import("@/lib/data/pain");
    const { getRoutine, getRoutineHistory } = await import("@/lib/data/routine");
    const { listExercises } = await import("@/lib/data/exercises");
    actAs(maya);

    const sessions = await listSessions(maya.id, 1);
    expect(sessions.items.map((session) => session.id)).toEqual([
      "fx-session-2",
      "fx-session-1",
      "fx-session-3",
    ]);
    expect(sessions.items[1]).toEqual({
      id: "fx-session-1",
      startedAt: new Date("2026-11-16T07:30:00.000Z"),
      durationSeconds: 1260,
      painBefore: 5,
      painAfter: 3,
      painArea: "LOWER_BACK",
      notes: "Bridges felt easier today; right hip a bit stiff on the clamshells.",
      source: "GUIDED",
      version: 2,
      edited: true,
      deletedAt: null,
      entries: [
        {
          exerciseId: "fx-ex-glute-bridge",
          exerciseName: "Glute bridge",
          exerciseSlug: "glute-bridge",
          side: "BOTH",
          sets: 2,
          reps: 3,
          holdSeconds: 30,
        },
        {
          exerciseId: "fx-ex-clamshell",
          exerciseName: "Clamshell",
          exerciseSlug: "clamshell",
          side: "LEFT",
          sets: 2,
          reps: 3,
          holdSeconds: 30,
        },
        {
          exerciseId: "fx-ex-clamshell",
          exerciseName: "Clamshell",
          exerciseSlug: "clamshell",
          side: "RIGHT",
          sets: 2,
          reps: 3,
          holdSeconds: 30,
        },
      ],
    });
    expect(sessions.items[2]?.deletedAt).toEqual(new Date("2026-11-13T07:45:00.000Z"));
    // Pain stored on the session before areas were asked became pain entries with no invented area.
    expect(sessions.items[0]).toMatchObject({ painBefore: 4, painAfter: 3, painArea: "NOT_GIVEN" });

    const revisions = await listSessionRevisions(maya.id, "fx-session-1");
    expect(
      revisions.map((revision) => [revision.version, revision.change, revision.snapshot.painAfter]),
    ).toEqual([[1, "EDITED", 4]]);

    const pain = await listPainEntries(maya.id, 1);
    expect(
      pain.items.map((entry) => [entry.id, entry.rating, entry.region, entry.context, entry.recordedAt]),
    ).toEqual(
      expect.arrayContaining([
        [
          "migrated-fx-session-2-after",
          3,
          "NOT_GIVEN",
          "AFTER_SESSION",
          new Date("2026-11-18T18:20:00.000Z"),
        ],
        [
          "migrated-fx-session-2-before",
          4,
          "NOT_GIVEN",
          "BEFORE_SESSION",
          new Date("2026-11-18T18:05:00.000Z"),
        ],
      ]),
    );
    expect(
      pain.items
        .filter((entry) => entry.id.startsWith("fx-"))
        .map((entry) => [entry.id, entry.rating, entry.region, entry.edited]),
    ).toEqual([
      ["fx-pain-4", 2, "LEFT_HIP", false],
      ["fx-pain-3", 4, "RIGHT_HIP", true],
      ["fx-pain-2", 3, "LOWER_BACK", false],
      ["fx-pain-1", 5, "LOWER_BACK", false],
      ["fx-pain-5", 7, "LOWER_BACK", false],
    ]);
    expect(pain.items.find((entry) => entry.id === "fx-pain-3")?.note).toBe("Stiff after a long drive.");
    expect(pain.items.find((entry) => entry.id === "fx-pain-5")?.deletedAt).toEqual(
      new Date("2026-11-14T09:02:00.000Z"),
    );

    const routine = await getRoutine(maya.id);
    expect(
      routine.map((item) => [item.id, item.exercise.name, item.holdSeconds, item.daysOfWeek, item.setBy]),
    ).toEqual([
      ["fx-item-bridge", "Glute bridge", 30, 21, { name: "Daniel Brooks", role: "PHYSIO" }],
      ["fx-item-clamshell", "Clamshell", 30, 127, { name: "Maya Okafor", role: "PATIENT" }],
    ]);
    expect(routine[0]?.exercise.steps.length).toBeGreaterThan(2);
    const history = await getRoutineHistory(maya.id);
    expect(history.map((change) => [change.change, change.exerciseName, change.dose.holdSeconds])).toEqual([
      ["STOPPED", "Knee-to-chest stretch", 30],
      ["UPDATED", "Glute bridge", 30],
      ["CREATED", "Knee-to-chest stretch", 30],
      ["CREATED", "Clamshell", 30],
      ["CREATED", "Glute bridge", 20],
    ]);

    expect((await listExercises()).map((exercise) => exercise.slug)).toEqual(
      expect.arrayContaining(["glute-bridge", "clamshell", "knee-to-chest-stretch"]),
    );
  });

  it("plots the patient's progress from the fixture's pain entries and sessions", async () => {
    const { getProgress } = await import("@/lib/data/progress");
    actAs(maya);
    const progress = await getProgress(maya.id, "2w", fixtureNow);
    const day = (date: string) => progress.pain.points.find((point) => point.date === date);
    // Pain data is check-ins and before-session ratings; the 3 after that session is shown apart.
    expect(day("2026-11-16")?.LOWER_BACK).toBe(5);
    expect(day("2026-11-18")).toMatchObject({ LEFT_HIP: 2, RIGHT_HIP: 4, LOWER_BACK: null });
    expect(day("2026-11-14")?.LOWER_BACK).toBeNull();
    expect(progress.beforeAfter.points).toEqual([
      { date: "2026-11-16", before: 5, after: 3, sessions: 1 },
      { date: "2026-11-18", before: 4, after: 3, sessions: 1 },
    ]);
    expect(progress.volume.series.map((series) => series.name)).toEqual(["Clamshell", "Glute bridge"]);
  });

  it("shows the patient her care team, who saw her data, and the guided session she paused", async () => {
    const { listCareTeam } = await import("@/lib/data/care-links");
    const { listAccessLog } = await import("@/lib/data/access-log");
    const { getGuidedDraft } = await import("@/lib/data/guided-session");
    actAs(maya);

    const team = await listCareTeam();
    expect(team.map((link) => [link.id, link.physio.name, link.status, link.endedBy])).toEqual([
      ["fx-link-daniel", "Daniel Brooks", "ACTIVE", null],
      ["fx-link-priya", "Priya Shah", "REVOKED", "you"],
    ]);

    const log = await listAccessLog(1);
    expect(
      log.items
        .filter((entry) => entry.id.startsWith("fx-"))
        .map((entry) => [entry.id, entry.who, entry.what, entry.outcome]),
    ).toEqual([
      ["fx-audit-read-routine", "Daniel Brooks", "Looked at your routine", "SUCCESS"],
      ["fx-audit-comment", "Daniel Brooks", "Commented on your session", "SUCCESS"],
      ["fx-audit-read-sessions", "Daniel Brooks", "Looked at your sessions", "SUCCESS"],
      ["fx-audit-denied", "Priya Shah", "Tried to open your data and was refused", "DENIED"],
    ]);

    const draft = await getGuidedDraft(fixtureNow);
    expect(draft?.startedAt).toEqual(new Date("2026-11-20T07:35:00.000Z"));
    expect(JSON.parse(draft?.state ?? "null")).toMatchObject({ version: 1, stage: "STEPS", painBefore: 4 });

    actAs(sam);
    expect((await listCareTeam()).map((link) => [link.id, link.status])).toEqual([["fx-link-sam", "ACTIVE"]]);
  });

  it("names people in the audit trail only by subject keys, with the details that named them scrubbed", async () => {
    const { db } = await import("@/lib/db");
    const subjects = await db.auditSubject.findMany();
    const keyOf = (userId: string) => subjects.find((subject) => subject.userId === userId)?.key;
    expect(keyOf(daniel.id)).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(subjects.map((subject) => subject.key)).size).toBe(subjects.length);
    const rows = await db.auditEvent.findMany({
      where: {
        id: {
          in: ["fx-audit-invite-for-tom", "fx-audit-ended-priya", "fx-audit-made-up", "fx-audit-denied"],
        },
      },
      orderBy: { id: "asc" },
      select: { id: true, actorKey: true, patientKey: true, detail: true },
    });
    expect(rows).toEqual([
      { id: "fx-audit-denied", actorKey: keyOf("fx-user-priya"), patientKey: keyOf(maya.id), detail: null },
      { id: "fx-audit-ended-priya", actorKey: keyOf(maya.id), patientKey: keyOf(maya.id), detail: null },
      { id: "fx-audit-invite-for-tom", actorKey: keyOf(daniel.id), patientKey: null, detail: null },
      { id: "fx-audit-made-up", actorKey: keyOf(daniel.id), patientKey: null, detail: null },
    ]);
    // The triggers are back: the migration lifted them for itself alone.
    await expect(
      db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "detail" = 'x' WHERE "id" = 'fx-audit-denied'`),
    ).rejects.toThrow(/append-only/);
    await expect(
      db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = 'fx-audit-denied'`),
    ).rejects.toThrow(/append-only/);
  });

  it("shows the physiotherapist the caseload, notes, comments and invitations", async () => {
    const { getCaseload } = await import("@/lib/data/caseload");
    const { listClinicalNotes, listSessionComments } = await import("@/lib/data/clinical-notes");
    const { listSentInvites } = await import("@/lib/data/invitations");
    // The session the fixture recorded as past the second factor (physiotherapists need one).
    actAs({ ...daniel, sessionId: "fx-session-daniel-2fa" });

    const caseload = await getCaseload(fixtureNow);
    expect(caseload.map((row) => [row.patientId, row.name, row.lastActivityAt]).sort()).toEqual([
      ["fx-user-lena", "Lena Fischer", "2026-11-19T19:14:00.000Z"],
      ["fx-user-maya", "Maya Okafor", "2026-11-18T18:20:00.000Z"],
      ["fx-user-sam", "Sam Whitfield", null],
    ]);
    // Latest pain per area, worst first; the migrated after-session rating shows as "area not given".
    expect(
      caseload
        .find((row) => row.patientId === maya.id)
        ?.pain.map((area) => [area.area, area.rating, area.at]),
    ).toEqual([
      ["RIGHT_HIP", 4, "2026-11-18T12:15:00.000Z"],
      ["NOT_GIVEN", 3, "2026-11-18T18:20:00.000Z"],
      ["LOWER_BACK", 3, "2026-11-16T07:51:00.000Z"],
      ["LEFT_HIP", 2, "2026-11-18T12:15:00.000Z"],
    ]);

    expect(await listClinicalNotes(maya.id)).toEqual([
      {
        id: "fx-note-1",
        body: "Initial assessment: mechanical low back pain with right hip stiffness, no red flags. Bridges three times a week; review in two weeks.",
        createdAt: new Date("2026-11-03T18:30:00.000Z"),
      },
    ]);
    expect(await listSessionComments(maya.id, ["fx-session-1"], fixtureNow)).toEqual({
      "fx-session-1": [
        {
          id: "fx-comment-1",
          patientId: maya.id,
          body: "Good progress on the bridges. Keep the clamshell range small if the right hip catches.",
          createdAt: new Date("2026-11-17T09:12:00.000Z"),
          author: "Daniel Brooks",
          authorRole: "PHYSIO",
          mine: true,
          editableUntil: null,
          edited: false,
        },
      ],
    });
    // Lena's thread: the edited comment and her reply; the reply she deleted is not shown.
    const lena = await listSessionComments("fx-user-lena", ["fx-session-lena-1"], fixtureNow);
    expect(lena["fx-session-lena-1"]?.map((m) => [m.id, m.authorRole, m.mine, m.edited, m.body])).toEqual([
      ["fx-comment-lena-1", "PHYSIO", true, true, "Tell me if the left hip stays at 6 after the bridges."],
      ["fx-comment-lena-2", "PATIENT", false, false, "It went down to 4 by the evening."],
    ]);

    const invites = await listSentInvites(fixtureNow);
    expect(invites.map((invite) => [invite.id, invite.patientEmail, invite.status])).toEqual([
      ["fx-invite-tom", "tom.reyes@example.net", "PENDING"],
      ["fx-invite-sam", "sam.whitfield@example.org", "ACCEPTED"],
    ]);
  });
});
