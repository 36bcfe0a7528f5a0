import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";

export type TestDatabase = { url: string; provider: "sqlite" | "postgresql"; drop: () => Promise<void> };

export function testProvider(): "sqlite" | "postgresql" {
  return process.env.TEST_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
}

/** A server URL with another database name. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** An empty database of the given provider, with nothing applied. */
export async function createEmptyDatabase(provider: "sqlite" | "postgresql"): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "hbc-test-"));
    return {
      url: `file:${path.join(dir, "test.db")}`,
      provider,
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is needed for the PostgreSQL suite.");
  const name = `hbc_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    provider,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(provider = testProvider()): Promise<TestDatabase> {
  const database = await createEmptyDatabase(provider);
  await applyMigrations(database.url);
  return database;
}
