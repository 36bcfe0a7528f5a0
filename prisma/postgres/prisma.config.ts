import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// Used by scripts/make-migration.mjs and scripts/generate-clients.mjs for the PostgreSQL schema.
// The CLI only diffs datamodels and generates here; the app applies PostgreSQL migrations itself
// (lib/db/migrate.ts).
process.env.DATABASE_URL ??= "postgresql://placeholder@localhost:5432/placeholder";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
