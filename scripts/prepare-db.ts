// Applies migrations and seeds the catalog (and, in the embedded mode, the demo accounts).

import { createPrismaClient } from "../lib/db/client.ts";
import { applyMigrations, pendingMigrations } from "../lib/db/migrate.ts";
import { twoFactorKeyWarning } from "../lib/ops/accounts.ts";
import { seedCatalog } from "../prisma/seed/catalog.ts";
import { demoAccounts, seedDemo } from "../prisma/seed/demo.ts";
import { demoPassword, prepareRuntimeEnv, type RuntimeEnv } from "./runtime-env.ts";

/**
 * `migrate` applies pending migrations (the embedded mode at start, `npm run db:migrate`, `npm run
 * dev`); `check` only refuses to go on while some are pending: a PostgreSQL app instance connects as
 * a role that may not change the schema, and migrations are a separate step run as the owner.
 */
export async function prepareDatabase(
  env: RuntimeEnv,
  migrations: "migrate" | "check" = "migrate",
): Promise<{ demoPassword?: string }> {
  if (migrations === "check") {
    const pending = await pendingMigrations(env.databaseUrl);
    if (pending.length > 0) {
      throw new Error(
        `${pending.length} migration(s) are pending (${pending.join(", ")}): run \`npm run db:migrate\` with MIGRATION_DATABASE_URL (the owner) first.`,
      );
    }
  } else {
    const applied = await applyMigrations(env.databaseUrl);
    if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
  }
  const db = createPrismaClient(env.databaseUrl);
  try {
    await seedCatalog(db);
    const warning = await twoFactorKeyWarning(db, process.env.TOTP_ENCRYPTION_KEY);
    if (warning) console.warn(warning);
    if (!env.demo) return {};
    const password = demoPassword(env.dataDir);
    if (await seedDemo(db, password)) console.log("Created the demo accounts and their history.");
    return { demoPassword: password };
  } finally {
    await db.$disconnect();
  }
}

export function printDemoSignIns(password: string): void {
  const emails = [
    demoAccounts.patient.email,
    demoAccounts.physio.email,
    ...demoAccounts.otherPatients.map((p) => p.email),
  ];
  console.log(`Demo sign-ins (password: ${password})`);
  for (const email of emails) console.log(`  ${email}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    const env = prepareRuntimeEnv();
    const { demoPassword: password } = await prepareDatabase(env);
    if (password) printDemoSignIns(password);
  } catch (error) {
    console.error(`Cannot prepare the database: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
