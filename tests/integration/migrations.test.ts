import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrate";
import { sqliteFilePath } from "@/lib/db/provider";
// @ts-expect-error plain ESM script without types
import { renderPostgresSchema } from "../../scripts/generate-clients.mjs";
import { createEmptyDatabase, type TestDatabase, testProvider } from "../support/test-database";

// Drift test: the committed migration folder of this provider, applied from scratch, must give
// exactly the database that prisma/schema.prisma describes today.

const provider = testProvider();
const cleanups: TestDatabase[] = [];
afterAll(async () => {
  for (const database of cleanups) await database.drop();
});

function schemaSql(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "drift-"));
  const schema = path.join(dir, "schema.prisma");
  const source = readFileSync("prisma/schema.prisma", "utf8");
  writeFileSync(schema, provider === "sqlite" ? source : renderPostgresSchema(source));
  const config = provider === "sqlite" ? "prisma.config.ts" : "prisma/postgres/prisma.config.ts";
  const url = provider === "sqlite" ? "file::memory:" : (process.env.TEST_DATABASE_URL ?? "");
  return execFileSync(
    process.execPath,
    [
      "node_modules/prisma/build/index.js",
      "migrate",
      "diff",
      "--config",
      config,
      "--from-empty",
      "--to-schema-datamodel",
      schema,
      "--script",
    ],
    {
      env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

type Fingerprint = Record<string, unknown>;

function sqliteFingerprint(url: string): Fingerprint {
  const db = new Database(sqliteFilePath(url), { readonly: true });
  try {
    const tables = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name`,
      )
      .all() as { name: string }[];
    const fingerprint: Fingerprint = {};
    for (const { name } of tables) {
      const indexes = (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          columns: (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map(
            (c) => c.name,
          ),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      fingerprint[name] = {
        columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
        indexes,
        foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
      };
    }
    return fingerprint;
  } finally {
    db.close();
  }
}

async function postgresFingerprint(url: string): Promise<Fingerprint> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`,
    );
    const indexes = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY indexname`,
    );
    const constraints = await client.query(
      `SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'
        ORDER BY conname`,
    );
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows };
  } finally {
    await client.end();
  }
}

async function fingerprint(url: string): Promise<Fingerprint> {
  return provider === "sqlite" ? sqliteFingerprint(url) : postgresFingerprint(url);
}

async function runScript(url: string, sql: string): Promise<void> {
  if (provider === "sqlite") {
    const db = new Database(sqliteFilePath(url));
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe(`${provider} migrations`, () => {
  it("applied from scratch, produce exactly the schema that prisma/schema.prisma describes", async () => {
    const migrated = await createEmptyDatabase(provider);
    const fromSchema = await createEmptyDatabase(provider);
    cleanups.push(migrated, fromSchema);
    await applyMigrations(migrated.url);
    await runScript(fromSchema.url, schemaSql());
    const expected = await fingerprint(fromSchema.url);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    expect(await fingerprint(migrated.url)).toEqual(expected);
  }, 120_000);

  it("apply once: a second run applies nothing", async () => {
    const database = await createEmptyDatabase(provider);
    cleanups.push(database);
    expect((await applyMigrations(database.url)).length).toBeGreaterThan(0);
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it("refuse to run over an applied migration whose file was edited afterwards", async () => {
    const database = await createEmptyDatabase(provider);
    cleanups.push(database);
    await applyMigrations(database.url);
    await runScript(database.url, `UPDATE "_prisma_migrations" SET checksum = 'tampered'`);
    await expect(applyMigrations(database.url)).rejects.toThrow(/edited after it was applied/);
  });
});

// SQLite ignores `PRAGMA foreign_keys=OFF` inside a transaction, which is where migrations run; a
// Prisma-style table rebuild would then cascade its DROP into every child table.
if (provider === "sqlite") {
  describe("sqlite migrations that rebuild a table", () => {
    function migrationsRoot(folders: Record<string, string>): string {
      const root = mkdtempSync(path.join(tmpdir(), "hbc-migrations-"));
      for (const [name, sql] of Object.entries(folders)) {
        mkdirSync(path.join(root, "prisma/migrations", name), { recursive: true });
        writeFileSync(path.join(root, "prisma/migrations", name, "migration.sql"), sql);
      }
      return root;
    }
    const parentAndChild = `
      CREATE TABLE "Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL);
      CREATE TABLE "Child" ("id" TEXT NOT NULL PRIMARY KEY, "parentId" TEXT NOT NULL,
        CONSTRAINT "Child_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Parent" ("id") ON DELETE CASCADE);
      INSERT INTO "Parent" VALUES ('p1', 'kept');
      INSERT INTO "Child" VALUES ('c1', 'p1'), ('c2', 'p1');`;
    // What `prisma migrate diff` writes to change a column of a table that others reference.
    const rebuildParent = `
      PRAGMA defer_foreign_keys=ON;
      PRAGMA foreign_keys=OFF;
      CREATE TABLE "new_Parent" ("id" TEXT NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "note" TEXT NOT NULL DEFAULT '');
      INSERT INTO "new_Parent" ("id", "name") SELECT "id", "name" FROM "Parent";
      DROP TABLE "Parent";
      ALTER TABLE "new_Parent" RENAME TO "Parent";
      PRAGMA foreign_keys=ON;
      PRAGMA defer_foreign_keys=OFF;`;

    it("keep the rows of tables that reference the rebuilt one", async () => {
      const database = await createEmptyDatabase(provider);
      cleanups.push(database);
      const root = migrationsRoot({
        "1_parent_and_child": parentAndChild,
        "2_rebuild_parent": rebuildParent,
      });
      expect(await applyMigrations(database.url, root)).toEqual(["1_parent_and_child", "2_rebuild_parent"]);
      const db = new Database(sqliteFilePath(database.url), { readonly: true });
      expect(db.prepare(`SELECT id FROM "Child" ORDER BY id`).pluck().all()).toEqual(["c1", "c2"]);
      db.close();
    });

    it("refuse a migration that leaves rows pointing at nothing, and apply none of it", async () => {
      const database = await createEmptyDatabase(provider);
      cleanups.push(database);
      const root = migrationsRoot({
        "1_parent_and_child": parentAndChild,
        "2_orphans": `INSERT INTO "Child" VALUES ('c3', 'missing');`,
      });
      await expect(applyMigrations(database.url, root)).rejects.toThrow(
        /2_orphans leaves 1 row\(s\) of Child pointing at missing Parent/,
      );
      const db = new Database(sqliteFilePath(database.url), { readonly: true });
      expect(db.prepare(`SELECT migration_name FROM "_prisma_migrations"`).pluck().all()).toEqual([]);
      db.close();
    });
  });
}
