// The reference data set of DESIGN.md section 9, written straight into a SQLite file with
// prepared statements (seeding ~1M rows through the ORM would take minutes): one physiotherapist
// with 200 linked patients, each with two years of daily pain entries and a session on four days
// in five. A second physiotherapist is linked to the first 20 of the same patients, so the bench
// can show that a caseload's number of queries does not grow with its size.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { seededRandom } from "../../prisma/seed/random.ts";

const dayMs = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

export const referencePhysios = {
  large: "bench-physio@bench.test",
  small: "bench-physio-20@bench.test",
} as const;

export type ReferenceData = { physioId: string; smallPhysioId: string; patientIds: string[] };

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
  const stamp = iso(now);
  const exercises = db
    .prepare(`SELECT id, "defaultPerSide" AS perSide FROM "Exercise" ORDER BY "sortOrder" LIMIT 5`)
    .all() as {
    id: string;
    perSide: number;
  }[];
  const insertUser = db.prepare(
    `INSERT INTO "User" (id, email, name, role, timezone, "passwordHash", "sessionVersion", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'Europe/London', ?, 0, ?, ?)`,
  );
  const insertLink = db.prepare(
    `INSERT INTO "CareLink" (id, "physioId", "patientId", status, "consentedAt", "createdAt", "updatedAt") VALUES (?, ?, ?, 'ACTIVE', ?, ?, ?)`,
  );
  const insertRoutine = db.prepare(
    `INSERT INTO "Routine" (id, "patientId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO "RoutineItem" (id, "routineId", "exerciseId", position, sets, reps, "holdSeconds", "perSide", "daysOfWeek", "setById", "setByRole", version, "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 2, 3, 30, ?, 127, ?, 'PHYSIO', 1, ?, ?)`,
  );
  const insertPain = db.prepare(
    `INSERT INTO "PainEntry" (id, "patientId", rating, region, context, "recordedAt", "clientRequestId", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'CHECK_IN', ?, ?, ?, ?)`,
  );
  const insertSession = db.prepare(
    `INSERT INTO "ExerciseSession" (id, "patientId", "startedAt", "durationSeconds", source, "clientRequestId", "createdAt", "updatedAt") VALUES (?, ?, ?, 1200, 'GUIDED', ?, ?, ?)`,
  );
  // Pain before and after a session are pain entries naming the area, as the session forms write them.
  const insertSessionPain = db.prepare(
    `INSERT INTO "PainEntry" (id, "patientId", rating, region, context, "recordedAt", "sessionId", "clientRequestId", "createdAt", "updatedAt") VALUES (?, ?, ?, 'LOWER_BACK', ?, ?, ?, ?, ?, ?)`,
  );
  const insertEntry = db.prepare(
    `INSERT INTO "SessionEntry" (id, "sessionId", "exerciseId", position, side, sets, reps, "holdSeconds") VALUES (?, ?, ?, ?, ?, 2, 3, 30)`,
  );

  const physioId = randomUUID();
  const smallPhysioId = randomUUID();
  const patientIds: string[] = [];
  const today = Math.floor(now / dayMs) * dayMs;
  db.transaction(() => {
    insertUser.run(physioId, referencePhysios.large, "Bench Physio", "PHYSIO", passwordHash, stamp, stamp);
    insertUser.run(
      smallPhysioId,
      referencePhysios.small,
      "Bench Physio 20",
      "PHYSIO",
      passwordHash,
      stamp,
      stamp,
    );
    for (let p = 0; p < patients; p++) {
      const rand = seededRandom(p + 1);
      const patientId = randomUUID();
      patientIds.push(patientId);
      insertUser.run(
        patientId,
        `bench-patient-${p}@bench.test`,
        `Bench Patient ${String(p).padStart(3, "0")}`,
        "PATIENT",
        passwordHash,
        stamp,
        stamp,
      );
      const consentedAt = iso(today - (days + 1) * dayMs);
      insertLink.run(randomUUID(), physioId, patientId, consentedAt, stamp, stamp);
      if (p < smallCaseload)
        insertLink.run(randomUUID(), smallPhysioId, patientId, consentedAt, stamp, stamp);
      const routineId = randomUUID();
      insertRoutine.run(routineId, patientId, stamp, stamp);
      for (const [position, exercise] of exercises.entries()) {
        insertItem.run(
          randomUUID(),
          routineId,
          exercise.id,
          position,
          exercise.perSide,
          physioId,
          iso(today - (days + 1) * dayMs),
          stamp,
        );
      }
      const start = 5 + rand() * 3;
      for (let d = days; d >= 0; d--) {
        const base = start - (start - 2.5) * (1 - d / days) + (rand() - 0.5) * 2;
        const morning = today - d * dayMs + 8 * 3_600_000;
        for (const region of ["LOWER_BACK", "RIGHT_HIP"]) {
          const rating = Math.max(0, Math.min(10, Math.round(base + (rand() - 0.5))));
          insertPain.run(randomUUID(), patientId, rating, region, iso(morning), randomUUID(), stamp, stamp);
        }
        if (rand() >= 0.8) continue;
        const sessionId = randomUUID();
        const before = Math.max(0, Math.min(10, Math.round(base)));
        const startedAt = morning + 9 * 3_600_000;
        const requestId = randomUUID();
        insertSession.run(sessionId, patientId, iso(startedAt), requestId, stamp, stamp);
        insertSessionPain.run(
          randomUUID(),
          patientId,
          before,
          "BEFORE_SESSION",
          iso(startedAt),
          sessionId,
          `${requestId}:before`,
          stamp,
          stamp,
        );
        insertSessionPain.run(
          randomUUID(),
          patientId,
          Math.max(0, before - 1),
          "AFTER_SESSION",
          iso(startedAt + 1_200_000),
          sessionId,
          `${requestId}:after`,
          stamp,
          stamp,
        );
        for (const [position, exercise] of exercises.entries()) {
          for (const side of exercise.perSide ? ["LEFT", "RIGHT"] : ["BOTH"]) {
            insertEntry.run(randomUUID(), sessionId, exercise.id, position, side);
          }
        }
      }
    }
  })();
  db.pragma("synchronous = NORMAL");
  db.exec("ANALYZE");
  db.close();
  return { physioId, smallPhysioId, patientIds };
}
