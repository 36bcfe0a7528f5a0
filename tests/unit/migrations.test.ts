import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { readMigrations } from "@/lib/db/migrate";
import { providerOf } from "@/lib/db/provider";

type GenerateClients = { renderPostgresSchema: (text: string) => string };

// The script is plain JavaScript without type declarations, so it is loaded through a URL.
const loadGenerateClients = async (): Promise<GenerateClients> =>
  import(pathToFileURL(path.join(process.cwd(), "scripts/generate-clients.mjs")).href);

const read = (file: string) => readFileSync(path.join(process.cwd(), file), "utf8");

describe("the PostgreSQL schema", () => {
  it("is exactly what rendering prisma/schema.prisma gives, so the committed copy is in sync", async () => {
    const { renderPostgresSchema } = await loadGenerateClients();
    expect(renderPostgresSchema(read("prisma/schema.prisma"))).toBe(read("prisma/postgres/schema.prisma"));
  });

  it("differs from the SQLite schema only in its header, provider and client output", async () => {
    const { renderPostgresSchema } = await loadGenerateClients();
    const rendered = renderPostgresSchema(read("prisma/schema.prisma"));
    expect(rendered).toContain('provider = "postgresql"');
    expect(rendered).toContain('output       = "../../lib/generated/postgres"');
    expect(rendered).not.toContain('provider = "sqlite"');
  });

  it("refuses to render a source whose provider line it no longer recognises", async () => {
    const { renderPostgresSchema } = await loadGenerateClients();
    expect(() => renderPostgresSchema('datasource db {\n  provider = "mysql"\n}\n')).toThrow(
      /no longer has the provider\/output lines/,
    );
  });
});

describe("readMigrations", () => {
  const sqlite = readMigrations("sqlite");
  const postgres = readMigrations("postgresql");

  it("finds at least one migration for each provider", () => {
    expect(sqlite.length).toBeGreaterThan(0);
    expect(postgres.length).toBeGreaterThan(0);
  });

  it("lists the same migration names in the same order for SQLite and PostgreSQL", () => {
    expect(postgres.map((migration) => migration.name)).toEqual(sqlite.map((migration) => migration.name));
  });

  it("lists migrations in the order they were created", () => {
    const names = sqlite.map((migration) => migration.name);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });

  it("gives every migration a 64-hex-digit SHA-256 checksum, as Prisma records it", () => {
    for (const migration of [...sqlite, ...postgres]) {
      expect(migration.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(migration.sql.trim()).not.toBe("");
    }
  });
});

describe("providerOf", () => {
  it.each([
    ["file:./data/app.db", "sqlite"],
    ["file:/tmp/test.db?connection_limit=1", "sqlite"],
    ["postgres://app@localhost:5432/app", "postgresql"],
    ["postgresql://app:secret@db.internal:5432/app?sslmode=require", "postgresql"],
    ["POSTGRESQL://APP@LOCALHOST/APP", "postgresql"],
  ])("reads %s as %s", (url, provider) => {
    expect(providerOf(url)).toBe(provider);
  });

  it.each(["mysql://app@localhost/app", "sqlite:./data/app.db", "./data/app.db", "postgresql:app", ""])(
    "refuses %j with a message naming the two accepted forms",
    (url) => {
      expect(() => providerOf(url)).toThrow(
        "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL).",
      );
    },
  );
});
