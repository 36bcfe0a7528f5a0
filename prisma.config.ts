import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// Every Prisma CLI call needs a DATABASE_URL valid for the schema's provider, or it falls back to
// downloading a query engine (which cannot work offline). The CLI loads this file on its own, outside
// the app, and only for development commands, so it reads the variable itself, not via lib/config.ts.
process.env.DATABASE_URL ??= "file:./data/app.db";

// The JS schema engine drives SQLite through the driver adapter: nothing is downloaded. For
// PostgreSQL the app applies the committed migration SQL itself (lib/db/migrate.ts).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./data/app.db" });
  },
});
