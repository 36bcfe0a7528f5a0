// The reference data set of DESIGN.md section 9: one physiotherapist with 200 linked patients, each
// with two years of daily pain entries and a session on four days in five. A second
// physiotherapist is linked to the first 20 of the same patients, so the bench can show that a
// caseload's number of queries does not grow with its size. The rows are written with plain SQL
// (seeding ~1.5M rows through the ORM would take many minutes): prepared statements in one
// transaction on SQLite, multi-row INSERTs on PostgreSQL. Both schemas store enums as text and
// times as UTC, so one row generator serves both.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { seededRandom } from "../../prisma/seed/random.ts";

const dayMs = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export const referencePhysios = {
  large: "bench-physio@bench.test",
  small: "bench-physio-20@bench.test",
} as const;

export const referencePatientEmail = (index: number) => `bench-patient-${index}@bench.test`;

export type ReferenceData = { physioId: string; smallPhysioId: string; patientIds: string[] };
type Exercise = { id: string; perSide: boolean };
type Value = string | number | boolean | null;

const columns = {
  User: [
    "id",
    "email",
    "name",
    "role",
    "timezone",
    "passwordHash",
    "sessionVersion",
    "createdAt",
    "updatedAt",
  ],
  CareLink: ["id", "physioId", "patientId", "status", "consentedAt", "createdAt", "updatedAt"],
  Routine: ["id", "patientId", "createdAt", "updatedAt"],
  RoutineItem: [
    "id",
    "routineId",
    "exerciseId",
    "position",
    "sets",
    "reps",
    "holdSeconds",
    "perSide",
    "daysOfWeek",
    "setById",
    "setByRole",
    "version",
    "createdAt",
    "updatedAt",
  ],
  ExerciseSession: [
    "id",
    "patientId",
    "startedAt",
    "durationSeconds",
    "source",
    "clientRequestId",
    "createdAt",
    "updatedAt",
  ],
  PainEntry: [
    "id",
    "patientId",
    "rating",
    "region",
    "context",
    "recordedAt",
    "sessionId",
    "clientRequestId",
    "createdAt",
    "updatedAt",
  ],
  SessionEntry: ["id", "sessionId", "exerciseId", "position", "side", "sets", "reps", "holdSeconds"],
} as const;
type Table = keyof typeof columns;
type Row = { table: Table; values: Value[] };

// Parents before children, so foreign keys hold at every flush.
const tableOrder = Object.keys(columns) as Table[];

function* referenceRows(
  exercises: Exercise[],
  passwordHash: string,
  ids: ReferenceData,
  patients: number,
  days: number,
  now: number,
  smallCaseload: number,
): Generator<Row> {
  const stamp = iso(now);
  const today = Math.floor(now / dayMs) * dayMs;
  const user = (id: string, email: string, name: string, role: string): Row => ({
    table: "User",
    values: [id, email, name, role, "Europe/London", passwordHash, 0, stamp, stamp],
  });
  yield user(ids.physioId, referencePhysios.large, "Bench Physio", "PHYSIO");
  yield user(ids.smallPhysioId, referencePhysios.small, "Bench Physio 20", "PHYSIO");
  for (let p = 0; p < patients; p++) {
    const rand = seededRandom(p + 1);
    const patientId = randomUUID();
    ids.patientIds.push(patientId);
    yield user(patientId, referencePatientEmail(p), `Bench Patient ${String(p).padStart(3, "0")}`, "PATIENT");
    const consentedAt = iso(today - (days + 1) * dayMs);
    const link = (physioId: string): Row => ({
      table: "CareLink",
      values: [randomUUID(), physioId, patientId, "ACTIVE", consentedAt, stamp, stamp],
    });
    yield link(ids.physioId);
    if (p < smallCaseload) yield link(ids.smallPhysioId);
    const routineId = randomUUID();
    yield { table: "Routine", values: [routineId, patientId, stamp, stamp] };
    for (const [position, exercise] of exercises.entries()) {
      yield {
        table: "RoutineItem",
        values: [
          randomUUID(),
          routineId,
          exercise.id,
          position,
          2,
          3,
          30,
          exercise.perSide,
          127,
          ids.physioId,
          "PHYSIO",
          1,
          consentedAt,
          stamp,
        ],
      };
    }
    const start = 5 + rand() * 3;
    for (let d = days; d >= 0; d--) {
      const base = start - (start - 2.5) * (1 - d / days) + (rand() - 0.5) * 2;
      const morning = today - d * dayMs + 8 * 3_600_000;
      for (const region of ["LOWER_BACK", "RIGHT_HIP"]) {
        const rating = Math.max(0, Math.min(10, Math.round(base + (rand() - 0.5))));
        yield {
          table: "PainEntry",
          values: [
            randomUUID(),
            patientId,
            rating,
            region,
            "CHECK_IN",
            iso(morning),
            null,
            randomUUID(),
            stamp,
            stamp,
          ],
        };
      }
      if (rand() >= 0.8) continue;
      const sessionId = randomUUID();
      const before = Math.max(0, Math.min(10, Math.round(base)));
      const startedAt = morning + 9 * 3_600_000;
      const requestId = randomUUID();
      yield {
        table: "ExerciseSession",
        values: [sessionId, patientId, iso(startedAt), 1200, "GUIDED", requestId, stamp, stamp],
      };
      // Pain before and after a session are pain entries naming the area, as the session forms write them.
      for (const [context, rating, at, suffix] of [
        ["BEFORE_SESSION", before, startedAt, "before"],
        ["AFTER_SESSION", Math.max(0, before - 1), startedAt + 1_200_000, "after"],
      ] as const) {
        yield {
          table: "PainEntry",
          values: [
            randomUUID(),
            patientId,
            rating,
            "LOWER_BACK",
            context,
            iso(at),
            sessionId,
            `${requestId}:${suffix}`,
            stamp,
            stamp,
          ],
        };
      }
      for (const [position, exercise] of exercises.entries()) {
        for (const side of exercise.perSide ? ["LEFT", "RIGHT"] : ["BOTH"]) {
          yield {
            table: "SessionEntry",
            values: [randomUUID(), sessionId, exercise.id, position, side, 2, 3, 30],
          };
        }
      }
    }
  }
}

const insertSql = (table: Table, rows: number, placeholder: (index: number) => string) => {
  const names = columns[table];
  const tuples = Array.from(
    { length: rows },
    (_, row) => `(${names.map((_, column) => placeholder(row * names.length + column)).join(", ")})`,
  );
  return `INSERT INTO "${table}" (${names.map((name) => `"${name}"`).join(", ")}) VALUES ${tuples.join(", ")}`;
};

export function seedReferenceData(
  file: string,
  passwordHash: string,
  patients = 200,
  days = 730,
  now = Date.now(),
  smallCaseload = 20,
): ReferenceData {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const exercises = (
    db
      .prepare(`SELECT id, "defaultPerSide" AS perSide FROM "Exercise" ORDER BY "sortOrder" LIMIT 5`)
      .all() as {
      id: string;
      perSide: number;
    }[]
  ).map(({ id, perSide }) => ({ id, perSide: perSide === 1 }));
  const insert = Object.fromEntries(
    tableOrder.map((table) => [table, db.prepare(insertSql(table, 1, () => "?"))]),
  ) as Record<Table, Database.Statement>;
  const ids: ReferenceData = { physioId: randomUUID(), smallPhysioId: randomUUID(), patientIds: [] };
  db.transaction(() => {
    for (const row of referenceRows(exercises, passwordHash, ids, patients, days, now, smallCaseload)) {
      insert[row.table].run(row.values.map((value) => (typeof value === "boolean" ? Number(value) : value)));
    }
  })();
  db.pragma("synchronous = NORMAL");
  db.exec("ANALYZE");
  db.close();
  return ids;
}

/** The same rows into PostgreSQL (migrated, catalogue seeded), in batches of multi-row INSERTs. */
export async function seedReferenceDataPostgres(
  url: string,
  passwordHash: string,
  patients = 200,
  days = 730,
  now = Date.now(),
  smallCaseload = 20,
): Promise<ReferenceData> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exercises = (
      await client.query<{ id: string; perSide: boolean }>(
        `SELECT id, "defaultPerSide" AS "perSide" FROM "Exercise" ORDER BY "sortOrder" LIMIT 5`,
      )
    ).rows;
    const ids: ReferenceData = { physioId: randomUUID(), smallPhysioId: randomUUID(), patientIds: [] };
    const pending = Object.fromEntries(tableOrder.map((table) => [table, [] as Value[][]])) as Record<
      Table,
      Value[][]
    >;
    // PostgreSQL takes at most 65,535 parameters per statement.
    const batchRows = (table: Table) => Math.floor(60_000 / columns[table].length);
    const flush = async (upTo: number) => {
      for (const table of tableOrder.slice(0, upTo + 1)) {
        const rows = pending[table];
        if (!rows.length) continue;
        await client.query(
          insertSql(table, rows.length, (index) => `$${index + 1}`),
          rows.flat(),
        );
        pending[table] = [];
      }
    };
    await client.query("BEGIN");
    for (const row of referenceRows(exercises, passwordHash, ids, patients, days, now, smallCaseload)) {
      pending[row.table].push(row.values);
      if (pending[row.table].length >= batchRows(row.table)) await flush(tableOrder.indexOf(row.table));
    }
    await flush(tableOrder.length - 1);
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return ids;
  } finally {
    await client.end();
  }
}
