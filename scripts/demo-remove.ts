// `npm run demo:remove`: deletes the demo accounts (those the demo seed flagged) and their data from
// an existing database. Start with DEMO_DATA=0 afterwards, or `npm start` creates them again.
import { createPrismaClient } from "../lib/db/client.ts";
import { removeDemoAccounts } from "../lib/ops/accounts.ts";
import { opsSettings } from "../lib/ops/settings.ts";

const db = createPrismaClient(opsSettings().databaseUrl);
try {
  const removed = await removeDemoAccounts(db);
  console.log(
    removed === 0
      ? "No demo accounts to remove."
      : `Removed ${removed} demo account(s) and their data. Start with DEMO_DATA=0 so they are not created again.`,
  );
} catch (error) {
  console.error(
    `Could not remove the demo accounts: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
