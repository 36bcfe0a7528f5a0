// Renders the PostgreSQL schema from the one schema source and generates both Prisma clients.
// Runs on postinstall; no engine is downloaded (query compiler + driver adapters).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "prisma/schema.prisma");
export const postgresSchemaPath = path.join(root, "prisma/postgres/schema.prisma");

export function renderPostgresSchema(text) {
  const rendered = text
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"');
  if (!rendered.includes('"postgresql"') || !rendered.includes("lib/generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the provider/output lines this script rewrites");
  }
  return `// Generated from prisma/schema.prisma by scripts/generate-clients.mjs. Do not edit.\n${rendered}`;
}

function prisma(args, databaseUrl) {
  execFileSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
  writeFileSync(postgresSchemaPath, renderPostgresSchema(readFileSync(source, "utf8")));
  prisma(["generate", "--schema", source], "file:./data/app.db");
  prisma(
    [
      "generate",
      "--config",
      path.join(root, "prisma/postgres/prisma.config.ts"),
      "--schema",
      postgresSchemaPath,
    ],
    "postgresql://placeholder@localhost:5432/placeholder",
  );
}
