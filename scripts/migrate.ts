// `npm run db:migrate`: applies pending migrations and seeds the catalog. On PostgreSQL it runs as
// the owner (MIGRATION_DATABASE_URL, else DATABASE_URL) and then grants the app's role
// (APP_DATABASE_ROLE) its rights: app instances connect as that role and refuse to start while a
// migration is pending. Safe to run from several machines at once (the runner takes a lock).
import { config } from "../lib/config.ts";
import { grantAppRole } from "../lib/db/migrate.ts";
import { prepareDatabase, printDemoSignIns } from "./prepare-db.ts";
import { prepareRuntimeEnv } from "./runtime-env.ts";

export async function migrate(): Promise<void> {
  const env = prepareRuntimeEnv();
  const { migrationDatabaseUrl, appDatabaseRole } = config();
  const ownerUrl = env.embedded ? env.databaseUrl : (migrationDatabaseUrl ?? env.databaseUrl);
  const { demoPassword } = await prepareDatabase({ ...env, databaseUrl: ownerUrl }, "migrate");
  if (!env.embedded && appDatabaseRole) {
    await grantAppRole(ownerUrl, appDatabaseRole);
    console.log(`Granted ${appDatabaseRole} its rights (INSERT and SELECT only on the audit trail).`);
  } else if (!env.embedded) {
    console.log("APP_DATABASE_ROLE is not set: no grants applied (see README, Production).");
  }
  if (demoPassword) printDemoSignIns(demoPassword);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    await migrate();
  } catch (error) {
    console.error(`Cannot migrate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
