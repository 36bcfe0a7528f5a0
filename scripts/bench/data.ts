// The bench's databases: the reference data set in a SQLite file under ./bench-data and in a
// PostgreSQL database at BENCH_DATABASE_URL, each seeded once and kept (BENCH_RESEED=1 seeds again).
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { hashPassword } from "../../lib/auth/password.ts";
import { createPrismaClient } from "../../lib/db/client.ts";
import { applyMigrations } from "../../lib/db/migrate.ts";
import { seedCatalog } from "../../prisma/seed/catalog.ts";
import {
  referencePatientEmail,
  referencePhysios,
  seedReferenceData,
  seedReferenceDataPostgres,
} from "./reference-data.ts";

export type DatabaseKind = "sqlite" | "postgres";

export type Ids = {
  physioId: string;
  smallPhysioId: string;
  /** bench-patient-0 .. bench-patient-199, in that order. */
  patientIds: string[];
  exercise: { id: string; perSide: boolean };
};

export type WriteCounts = { sessions: number; painEntries: number };

export type BenchDatabase = {
  kind: DatabaseKind;
  url: string;
  prepare(): Promise<Ids>;
  /** Rows the capacity run's writes add to; compared before and after. */
  countWrites(): Promise<WriteCounts>;
  sessionCount(patientId: string): Promise<number>;
  /** Records that a bench session passed the second factor, which physiotherapists need. */
  passSecondFactor(sessionId: string, userId: string): Promise<void>;
};

const passSql = `INSERT INTO "SecondFactorPass" ("sessionId", "userId", "passedAt") VALUES (?, ?, ?)`;
const now = () => new Date().toISOString().replace("Z", "+00:00");

export const dataDir = path.resolve("bench-data");
const reseed = process.env.BENCH_RESEED === "1";
const patients = 200;

type Query = (sql: string, args?: unknown[]) => Promise<Record<string, unknown>[]>;

const idsSql = {
  users: `SELECT id, email FROM "User" WHERE email LIKE '%@bench.test'`,
  exercise: `SELECT id, "defaultPerSide" AS "perSide" FROM "Exercise" ORDER BY "sortOrder" LIMIT 1`,
  counts: `SELECT (SELECT COUNT(*) FROM "PainEntry") AS pain, (SELECT COUNT(*) FROM "ExerciseSession") AS sessions, (SELECT COUNT(*) FROM "SessionEntry") AS entries, (SELECT COUNT(*) FROM "AuditEvent") AS audits`,
};

async function readIds(query: Query): Promise<Ids | null> {
  const byEmail = new Map((await query(idsSql.users)).map((row) => [row.email as string, row.id as string]));
  const [exercise] = await query(idsSql.exercise);
  const physioId = byEmail.get(referencePhysios.large);
  const smallPhysioId = byEmail.get(referencePhysios.small);
  const patientIds = Array.from({ length: patients }, (_, i) => byEmail.get(referencePatientEmail(i)));
  if (!physioId || !smallPhysioId || !exercise || patientIds.some((id) => !id)) return null;
  return {
    physioId,
    smallPhysioId,
    patientIds: patientIds as string[],
    exercise: { id: exercise.id as string, perSide: Boolean(exercise.perSide) },
  };
}

async function printCounts(kind: DatabaseKind, query: Query): Promise<void> {
  const [counts] = await query(idsSql.counts);
  // Audit events are append-only (a trigger refuses deletes): each caseload request adds a row per patient.
  console.log(
    `Data (${kind}): ${counts?.pain} pain entries, ${counts?.sessions} sessions, ${counts?.entries} session entries, ${counts?.audits} audit events`,
  );
}

/** The reference set's ids, after its row counts are printed; refuses an incomplete set. */
async function checkedIds(kind: DatabaseKind, label: string, query: Query): Promise<Ids> {
  const ids = await readIds(query);
  if (!ids) throw new Error(`The ${label} reference data set is incomplete: run again with BENCH_RESEED=1.`);
  await printCounts(kind, query);
  return ids;
}

/** Rows the capacity run compares with the writes it saw answered. */
function rowCounters(query: Query) {
  return {
    async countWrites() {
      const [row] = await query(
        `SELECT (SELECT COUNT(*) FROM "ExerciseSession") AS sessions, (SELECT COUNT(*) FROM "PainEntry") AS pain`,
      );
      return { sessions: Number(row?.sessions), painEntries: Number(row?.pain) };
    },
    async sessionCount(patientId: string) {
      const [row] = await query(`SELECT COUNT(*) AS n FROM "ExerciseSession" WHERE "patientId" = ?`, [
        patientId,
      ]);
      return Number(row?.n);
    },
  };
}

async function seedCommon(url: string): Promise<void> {
  await applyMigrations(url);
  const db = createPrismaClient(url);
  try {
    await seedCatalog(db);
  } finally {
    await db.$disconnect();
  }
}

export function sqliteDatabase(): BenchDatabase {
  const file = path.join(dataDir, "bench.db");
  const url = `file:${file}`;
  const query: Query = async (sql, args = []) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all(...args) as Record<string, unknown>[];
    } finally {
      db.close();
    }
  };
  const write = async (sql: string, args: unknown[]) => {
    const db = new Database(file);
    try {
      db.pragma("busy_timeout = 5000");
      db.prepare(sql).run(...args);
    } finally {
      db.close();
    }
  };
  return {
    kind: "sqlite",
    url,
    async prepare() {
      if (reseed) rmSync(dataDir, { recursive: true, force: true });
      if (existsSync(file) && !(await readIds(query))) {
        console.log("The cached SQLite data set predates this bench: seeding it again.");
        rmSync(dataDir, { recursive: true, force: true });
      }
      mkdirSync(dataDir, { recursive: true });
      if (!existsSync(file)) {
        console.log("Seeding the reference data set into SQLite (200 patients x 2 years)…");
        const started = Date.now();
        await seedCommon(url);
        seedReferenceData(file, await hashPassword("bench password"));
        console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      return checkedIds("sqlite", "SQLite", query);
    },
    ...rowCounters(query),
    passSecondFactor: (sessionId, userId) => write(passSql, [sessionId, userId, now()]),
  };
}

export function postgresDatabase(
  url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/hbc_bench",
): BenchDatabase {
  const query: Query = async (sql, args = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      let index = 0;
      return (
        await client.query(
          sql.replace(/\?/g, () => `$${++index}`),
          args,
        )
      ).rows;
    } finally {
      await client.end();
    }
  };
  /** Connects to the server's maintenance database to drop or create the bench database. */
  const admin = async (sql: string) => {
    const target = new URL(url);
    const client = new pg.Client({
      connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).href,
    });
    await client.connect();
    try {
      await client.query(sql.replace("$db", `"${decodeURIComponent(target.pathname.slice(1))}"`));
    } finally {
      await client.end();
    }
  };
  const exists = async () => {
    try {
      return (await readIds(query)) !== null;
    } catch {
      return false;
    }
  };
  return {
    kind: "postgres",
    url,
    async prepare() {
      if (reseed || !(await exists())) {
        console.log("Seeding the reference data set into PostgreSQL (200 patients x 2 years)…");
        const started = Date.now();
        await admin("DROP DATABASE IF EXISTS $db WITH (FORCE)");
        await admin("CREATE DATABASE $db");
        await seedCommon(url);
        await seedReferenceDataPostgres(url, await hashPassword("bench password"));
        console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
      // A data set seeded by an earlier version gets the migrations added since, as a release would.
      await applyMigrations(url);
      return checkedIds("postgres", "PostgreSQL", query);
    },
    ...rowCounters(query),
    async passSecondFactor(sessionId, userId) {
      await query(passSql, [sessionId, userId, now()]);
    },
  };
}
