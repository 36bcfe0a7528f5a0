import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, grantAppRole, pendingMigrations, readMigrations } from "@/lib/db/migrate";
import { prepareDatabase } from "../../scripts/prepare-db";
import { createEmptyDatabase, testProvider } from "../support/test-database";

// Issue 12, point 4: on PostgreSQL the app connects as a role that can only INSERT and SELECT the
// audit trail, granted by the migration step that runs as the owner; an instance refuses to start
// while a migration is pending. SQLite has no roles (the embedded mode is one local file, guarded by
// the append-only triggers and file permissions), so this file runs in the PostgreSQL project only.

const onPostgres = testProvider() === "postgresql";
if (!onPostgres) {
  console.info("database-roles.test.ts: PostgreSQL only; it runs in the integration-postgres project.");
}

describe.skipIf(!onPostgres)("the app's PostgreSQL role", () => {
  const role = `hbc_app_${randomBytes(5).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  const ownerUrl = () => process.env.DATABASE_URL ?? "";
  const appUrl = () => {
    const url = new URL(ownerUrl());
    url.username = role;
    url.password = password;
    return url.toString();
  };
  let app: pg.Client;
  let owner: pg.Client;

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: ownerUrl() });
    await owner.connect();
    await owner.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}'`);
    await grantAppRole(ownerUrl(), role);
    app = new pg.Client({ connectionString: appUrl() });
    await app.connect();
    await owner.query(
      `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "updatedAt")
       VALUES ('roles-user', 'roles@example.com', 'Role Test', 'PATIENT', 'x', now())`,
    );
  });

  afterAll(async () => {
    await app?.end();
    await owner?.query(`DROP OWNED BY "${role}"`);
    await owner?.query(`DROP ROLE "${role}"`);
    await owner?.end();
  });

  const insertEvent = (client: pg.Client, id: string) =>
    client.query(
      `INSERT INTO "AuditEvent" ("id", "action", "outcome", "at") VALUES ($1, 'SIGN_IN', 'SUCCESS', now())`,
      [id],
    );

  it("is granted its rights by several migration steps at once without a catalog conflict", async () => {
    // Without the migrations' lock, concurrent GRANTs fail with "tuple concurrently updated".
    const runs = await Promise.allSettled(Array.from({ length: 6 }, () => grantAppRole(ownerUrl(), role)));
    expect(runs.filter((run) => run.status === "rejected")).toEqual([]);
  });

  it("may insert and read audit events", async () => {
    await insertEvent(app, "roles-event-1");
    const { rows } = await app.query(`SELECT "id" FROM "AuditEvent" WHERE "id" = 'roles-event-1'`);
    expect(rows).toEqual([{ id: "roles-event-1" }]);
  });

  it.each([
    ["UPDATE", `UPDATE "AuditEvent" SET "outcome" = 'DENIED'`],
    ["DELETE", `DELETE FROM "AuditEvent"`],
    ["TRUNCATE", `TRUNCATE "AuditEvent"`],
    ["ALTER (disable the trigger)", `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`],
    ["ALTER (add a column)", `ALTER TABLE "AuditEvent" ADD COLUMN "x" TEXT`],
    ["DROP TRIGGER", `DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`],
    ["DROP TABLE", `DROP TABLE "AuditEvent"`],
  ])("is refused %s on the audit table", async (_what, sql) => {
    await insertEvent(owner, `roles-event-${randomBytes(4).toString("hex")}`);
    const before = (await owner.query(`SELECT * FROM "AuditEvent" ORDER BY "id"`)).rows;
    await expect(app.query(sql)).rejects.toThrow(/permission denied|must be owner/);
    expect((await owner.query(`SELECT * FROM "AuditEvent" ORDER BY "id"`)).rows).toEqual(before);
  });

  it("may not change the migration history or create tables, but can read what is pending", async () => {
    await expect(app.query(`DELETE FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`CREATE TABLE "Sneaky" ("id" TEXT)`)).rejects.toThrow(/permission denied/);
    expect(await pendingMigrations(appUrl())).toEqual([]);
  });

  it("has normal rights on the other tables, and on tables a later migration adds", async () => {
    await app.query(`UPDATE "User" SET "name" = 'Renamed' WHERE "id" = 'roles-user'`);
    await owner.query(`CREATE TABLE "LaterTable" ("id" TEXT PRIMARY KEY)`);
    await app.query(`INSERT INTO "LaterTable" ("id") VALUES ('a')`);
    await app.query(`DELETE FROM "LaterTable" WHERE "id" = 'a'`);
    await owner.query(`DROP TABLE "LaterTable"`);
    const { rows } = await app.query(`SELECT "name" FROM "User" WHERE "id" = 'roles-user'`);
    expect(rows).toEqual([{ name: "Renamed" }]);
  });
});

describe.skipIf(!onPostgres)("an app instance on PostgreSQL", () => {
  it("refuses to start while a migration is pending, and starts once it is applied", async () => {
    const database = await createEmptyDatabase("postgresql");
    try {
      const names = readMigrations("postgresql").map((m) => m.name);
      await applyMigrations(database.url, process.cwd(), names.at(-2));
      const env = { databaseUrl: database.url, embedded: false, demo: false, dataDir: "/nonexistent" };
      await expect(prepareDatabase(env, "check")).rejects.toThrow(
        `1 migration(s) are pending (${names.at(-1)}): run \`npm run db:migrate\``,
      );
      expect(await pendingMigrations(database.url)).toEqual([names.at(-1)]);
      await applyMigrations(database.url);
      await expect(prepareDatabase(env, "check")).resolves.toEqual({});
    } finally {
      await database.drop();
    }
  });
});
