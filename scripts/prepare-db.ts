// Applies migrations and seeds the catalog (and, in the embedded mode, the demo accounts).

import { createPrismaClient } from "../lib/db/client.ts";
import { applyMigrations } from "../lib/db/migrate.ts";
import { twoFactorKeyWarning } from "../lib/ops/accounts.ts";
import { seedCatalog } from "../prisma/seed/catalog.ts";
import { demoAccounts, seedDemo } from "../prisma/seed/demo.ts";
import { demoPassword, prepareRuntimeEnv, type RuntimeEnv } from "./runtime-env.ts";

export async function prepareDatabase(env: RuntimeEnv): Promise<{ demoPassword?: string }> {
  const applied = await applyMigrations(env.databaseUrl);
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
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
