import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { type DatabaseProvider, providerOf, sqliteFilePath } from "./provider.ts";

// Applies the committed migration SQL and records each one in Prisma's own `_prisma_migrations`
// table, exactly as `prisma migrate deploy` would, so either tool can take over later. We do it
// ourselves because the JS schema engine cannot introspect PostgreSQL yet and the classic engine
// is a download.

export type Migration = { name: string; sql: string; checksum: string };

export function migrationsDirectory(provider: DatabaseProvider, root = process.cwd()): string {
  return path.join(
    /* turbopackIgnore: true */ root,
    provider === "sqlite" ? "prisma/migrations" : "prisma/postgres/migrations",
  );
}

export function readMigrations(provider: DatabaseProvider, root = process.cwd()): Migration[] {
  const dir = migrationsDirectory(provider, root);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const sqliteMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const postgresMigrationsTable = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedMigration = { migration_name: string; checksum: string };

function checkHistory(migrations: Migration[], applied: AppliedMigration[]): Migration[] {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    const local = byName.get(row.migration_name);
    if (!local) {
      throw new Error(
        `The database has migration ${row.migration_name}, which this version of the app does not know.`,
      );
    }
    if (local.checksum !== row.checksum) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied; restore the original file.`,
      );
    }
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return migrations.filter((m) => !done.has(m.name));
}

/**
 * Applies every pending migration, or only those up to and including `through` (the upgrade test
 * walks the chain one folder at a time); returns the names applied. Safe to run from several processes.
 */
export async function applyMigrations(
  url: string,
  root = process.cwd(),
  through?: string,
): Promise<string[]> {
  const provider = providerOf(url);
  const all = readMigrations(provider, root);
  if (through !== undefined && !all.some((m) => m.name === through)) {
    throw new Error(`There is no migration ${through}.`);
  }
  const migrations = through === undefined ? all : all.filter((m) => m.name <= through);
  return provider === "sqlite" ? applySqlite(url, migrations) : applyPostgres(url, migrations);
}

function applySqlite(url: string, migrations: Migration[]): string[] {
  const db = new Database(sqliteFilePath(url), { timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    // Prisma rebuilds a table to change a column (create a copy, copy rows, drop, rename) and turns
    // foreign keys off around it. SQLite ignores that pragma inside a transaction, so with keys on
    // the DROP would cascade and silently delete every child row. Keys are off for the migration
    // and checked before it commits instead.
    db.pragma("foreign_keys = OFF");
    db.exec(sqliteMigrationsTable);
    // BEGIN IMMEDIATE takes the write lock, so two starting processes apply each migration once.
    const run = db.transaction(() => {
      const applied = db
        .prepare(
          `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
        .all() as AppliedMigration[];
      const pending = checkHistory(migrations, applied);
      for (const migration of pending) {
        const startedAt = Date.now();
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
        if (broken.length > 0) {
          const first = broken[0];
          throw new Error(
            `Migration ${migration.name} leaves ${broken.length} row(s) of ${first?.table} pointing at missing ${first?.parent} rows; nothing was applied.`,
          );
        }
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
      }
      return pending.map((m) => m.name);
    });
    const applied = run.immediate();
    // Statistics for the query planner where they are missing or stale, as SQLite recommends at
    // start-up (https://sqlite.org/lang_analyze.html#autoanalyze), with a bounded sample so a large
    // file starts quickly. Without it an index added by a migration has no statistics beside
    // indexes that have them, and the planner can prefer it for queries it does not suit (seen on
    // the reference set: progress data 10 times slower after the caseload's index was added).
    db.pragma("analysis_limit = 1000");
    db.pragma("optimize = 0x10002");
    return applied;
  } finally {
    db.close();
  }
}

// An arbitrary constant shared by every instance of this app, so concurrent start-ups queue.
const postgresMigrationLock = 7_241_337;

async function applyPostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [postgresMigrationLock]);
    await client.query(postgresMigrationsTable);
    const { rows } = await client.query<AppliedMigration>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const pending = checkHistory(migrations, rows);
    for (const migration of pending) {
      await client.query("BEGIN");
      try {
        const startedAt = new Date();
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [postgresMigrationLock]).catch(() => undefined);
    await client.end();
  }
}

/** Migrations this version of the app has that the database has not applied yet (the app's own role may ask). */
export async function pendingMigrations(url: string, root = process.cwd()): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = readMigrations(provider, root);
  const query = `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  if (provider === "sqlite") {
    const db = new Database(sqliteFilePath(url), { timeout: 10_000 });
    try {
      const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'`).get();
      return checkHistory(migrations, exists ? (db.prepare(query).all() as AppliedMigration[]) : []).map(
        (m) => m.name,
      );
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows: exists } = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
    const applied = exists[0]?.t ? (await client.query<AppliedMigration>(query)).rows : [];
    return checkHistory(migrations, applied).map((m) => m.name);
  } finally {
    await client.end();
  }
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * What the app's PostgreSQL role may do, applied by the owner after migrating: read and write the
 * app's tables, but only INSERT and SELECT the audit trail, and only read the migration history.
 * Default privileges give tables that later migrations create the same normal rights. The app role
 * owns nothing, so it cannot ALTER, DROP or disable the audit table's triggers either.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const role = quoteIdentifier(appRole);
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [appRole]);
    if (rows.length === 0) {
      throw new Error(
        `The role ${appRole} (APP_DATABASE_ROLE) does not exist: create it first (README, "Production").`,
      );
    }
    const { rows: owner } = await client.query<{ owner: string }>(
      `SELECT tableowner AS owner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'AuditEvent'`,
    );
    if (owner[0]?.owner === appRole) {
      throw new Error(`The role ${appRole} owns the tables: the app must connect as a role that does not.`);
    }
    await client.query("BEGIN");
    // The migrations' lock, held to the end of this transaction: two `db:migrate` runs at once would
    // otherwise update the same catalog rows together ("tuple concurrently updated").
    await client.query("SELECT pg_advisory_xact_lock($1)", [postgresMigrationLock]);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${role}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM ${role}`);
    await client.query(`REVOKE UPDATE, DELETE ON "AuditEvent" FROM ${role}`);
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    );
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
